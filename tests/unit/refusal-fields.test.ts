// A form saved with several mistakes is told about all of them at once, each beside its field, and a seat
// that cannot be removed says whose it is.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { createRegistry } from '../../src/server/registry';
import { loadDemoChapter } from '../../src/services/demo';

function demoChapter() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-refusals-')), 'chapter-ledger.sqlite');
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  loadDemoChapter(chapter.db, '2026-11-22');
  const api = createRegistry({ db: chapter.db, file, appVersion: 'test', chapterFile: chapter }, () => {});
  return { chapter, api };
}

describe('refusals name every field that is wrong', () => {
  it('a chapter saved with no name, a meeting time of "7am" and currency "dollars" is refused for all three, and nothing changes', () => {
    const { chapter, api } = demoChapter();
    const before = chapter.sqlite.prepare('SELECT * FROM chapter').get();
    const answer = api.call('saveChapter', { name: '', meetingWeekday: 2, meetingTime: '7am', currency: 'dollars', locale: 'en-US' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.field).toBe('name');
    expect(answer.error.alsoFields?.map((f) => f.field)).toEqual(['meetingTime', 'currency']);
    expect(answer.error.alsoFields?.[0]?.message).toBe('Meeting time must be a time like 07:00 (24-hour clock).');
    expect(chapter.sqlite.prepare('SELECT * FROM chapter').get()).toEqual(before);
    chapter.close();
  });

  it('one mistake is one field, with no list of others', () => {
    const { chapter, api } = demoChapter();
    const answer = api.call('saveChapter', { name: 'Riverside', meetingWeekday: 2, meetingTime: '25:00', currency: 'USD', locale: 'en-US' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.field).toBe('meetingTime');
      expect(answer.error.alsoFields).toBeUndefined();
    }
    chapter.close();
  });

  it('a held seat is not removed, and the refusal says whose seat it is rather than suggesting another sphere', () => {
    const { chapter, api } = demoChapter();
    const held = chapter.sqlite
      .prepare(`SELECT c.id, c.name, m.display_name AS holder FROM classifications c JOIN members m ON m.classification_id = c.id AND m.status = 'active' ORDER BY c.name LIMIT 1`)
      .get() as { id: string; name: string; holder: string };
    const answer = api.call('deleteClassification', { id: held.id });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.message).toContain(`${held.name} cannot be removed: it is the seat of ${held.holder}`);
      expect(answer.error.message).not.toMatch(/contact sphere/);
    }
    expect(chapter.sqlite.prepare('SELECT count(*) FROM classifications WHERE id = ?').pluck().get(held.id)).toBe(1);
    chapter.close();
  });

  it('" Accountant  (CPA) " with spaces around and inside, or "ACCOUNTANT (cpa)", is the seat already there: refused, and no second seat appears', () => {
    const { chapter, api } = demoChapter();
    const seats = () => chapter.sqlite.prepare('SELECT count(*) FROM classifications').pluck().get() as number;
    const before = seats();
    const existing = chapter.sqlite.prepare(`SELECT name FROM classifications WHERE name LIKE '% %' ORDER BY name LIMIT 1`).pluck().get() as string;
    for (const typed of [` ${existing.replace(' ', '   ')} `, existing.toUpperCase(), existing.replace(' ', '\u00a0')]) {
      const answer = api.call('saveClassification', { name: typed, sphereId: null });
      expect(answer.ok, typed).toBe(false);
      if (!answer.ok) expect(answer.error.message).toMatch(/^There is already a classification called/);
    }
    // A Spanish seat typed with a decomposed accent is the one saved composed.
    const added = api.call('saveClassification', { name: '  Diseño   de interiores ', sphereId: null });
    expect(added.ok && (added.value as { name: string }).name).toBe('Diseño de interiores');
    expect(api.call('saveClassification', { name: 'Disen\u0303o de interiores', sphereId: null }).ok).toBe(false);
    expect(seats()).toBe(before + 1);
    // A seat saved before names were tidied (two spaces, a decomposed accent) is still the same seat.
    chapter.sqlite.prepare(`INSERT INTO classifications (id, name) VALUES ('legacy-seat', 'Tax  Advisor Mu\u0308ller')`).run();
    expect(api.call('saveClassification', { name: 'tax advisor müller', sphereId: null }).ok).toBe(false);
    expect(seats()).toBe(before + 2);
    // A contact sphere likewise.
    const sphere = chapter.sqlite.prepare('SELECT name FROM contact_spheres ORDER BY name LIMIT 1').pluck().get() as string;
    expect(api.call('saveContactSphere', { name: `  ${sphere.toLowerCase()}  `, description: '' }).ok).toBe(false);
    chapter.close();
  });

  it('a meeting time typed "7:00" is seven o\'clock, saved as 07:00; "7am" and "25:00" are refused', () => {
    const { chapter, api } = demoChapter();
    const details = { name: 'Riverside', meetingWeekday: 2, currency: 'USD', locale: 'en-US' };
    const saved = api.call('saveChapter', { ...details, meetingTime: '7:00' });
    expect(saved.ok && (saved.value as { meetingTime: string }).meetingTime).toBe('07:00');
    for (const typed of ['7am', '25:00', '7:5', '07:60']) expect(api.call('saveChapter', { ...details, meetingTime: typed }).ok, typed).toBe(false);
    chapter.close();
  });
});
