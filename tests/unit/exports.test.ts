import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { createRegistry } from '../../src/server/registry';
import { loadDemoChapter } from '../../src/services/demo';
import { exportedTables } from '../../src/exports/exports';
import { okValue as ok } from '../support/first-quarter';

function demo() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-export-')), 'chapter-ledger.sqlite');
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  loadDemoChapter(chapter.db, '2026-11-22');
  const api = createRegistry({ get db() { return chapter.db; }, file, appVersion: 'test', chapterFile: chapter }, () => {});
  return { file, chapter, api };
}

describe('exports', () => {
  it('every table goes to its own CSV with a header row, ISO dates and money with two decimals', async () => {
    const { chapter, api } = demo();
    const result = ok<any>(await api.callAsync('exportAllTables', {}));
    expect(result.files.map((f: any) => f.name)).toEqual(exportedTables.map((t) => `${t}.csv`));
    const read = (name: string) => Papa.parse<Record<string, string>>(readFileSync(path.join(result.folder, name), 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
    const members = read('members.csv');
    expect(members).toHaveLength(result.files.find((f: any) => f.name === 'members.csv').rows);
    expect(members.find((m) => m.last_name === 'Müller-Łukasz')).toMatchObject({ first_name: 'José', joined_on: '2024-11-05' });
    const tyfcb = read('tyfcb_slips.csv');
    const total = tyfcb.reduce((sum, t) => sum + Number(t.amount_minor), 0);
    expect(tyfcb.every((t) => /^\d+\.\d{2}$/.test(t.amount!) && Math.round(Number(t.amount) * 100) === Number(t.amount_minor))).toBe(true);
    expect(total).toBe(chapter.sqlite.prepare('SELECT sum(amount_minor) FROM tyfcb_slips').pluck().get());
    chapter.close();
  });

  it('a copy of the chapter file opens on its own with everything in it', async () => {
    const { chapter, api } = demo();
    const { file } = ok<any>(await api.callAsync('exportChapterFile', {}));
    expect(existsSync(file)).toBe(true);
    const copy = new ChapterFile(file, sourceMigrationsFolder);
    for (const table of exportedTables) {
      expect(copy.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(chapter.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    }
    copy.close();
    chapter.close();
  });

  it('import → export → import leaves the chapter exactly as it was', async () => {
    const { chapter, api } = demo();
    const meeting = ok<any[]>(api.call('listMeetings', {}))[0];
    const exported = ok<any>(api.call('exportSlipsAudit', { meetingId: meeting.id }));
    expect(exported.csv.split('\r\n')[0]).toBe(`Slips Audit Report for ${meeting.meetingOn}`);
    // Into another chapter with the same members: imported as a new meeting…
    const other = demo();
    const first = ok<any>(await other.api.callAsync('importSlipsAudit', { fileName: exported.fileName, contentBase64: Buffer.from(exported.csv).toString('base64'), meetingOn: '2027-01-05' }));
    expect(first.created).toBe(meeting.slipCount);
    // …exported from there and imported again: byte for byte, nothing changes.
    const imported = ok<any[]>(other.api.call('listMeetings', {})).find((m) => m.meetingOn === '2027-01-05');
    const again = ok<any>(other.api.call('exportSlipsAudit', { meetingId: imported.id }));
    const before = other.chapter.sqlite.serialize();
    const second = ok<any>(await other.api.callAsync('importSlipsAudit', { fileName: again.fileName, contentBase64: Buffer.from(again.csv).toString('base64') }));
    expect(second).toMatchObject({ created: 0, updated: 0, batchId: null, counts: { same: meeting.slipCount, new: 0, differs: 0 } });
    expect(other.chapter.sqlite.serialize().equals(before)).toBe(true);
    other.chapter.close();
    chapter.close();
  });

  it('opening another chapter file keeps the current one as a backup', async () => {
    const { chapter, api } = demo();
    const { file: copy } = ok<any>(await api.callAsync('exportChapterFile', {}));
    const emptyFile = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-other-')), 'other.sqlite');
    const other = new ChapterFile(emptyFile, sourceMigrationsFolder);
    other.close();
    const { safetyCopy } = await chapter.adopt(emptyFile);
    expect(chapter.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
    expect(safetyCopy.reason).toBe('before-restore');
    await chapter.adopt(copy);
    expect(chapter.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBeGreaterThan(25);
    await expect(chapter.adopt(path.join(tmpdir(), 'does-not-exist.sqlite'))).rejects.toThrow(/cannot be opened/);
    chapter.close();
  });
});
