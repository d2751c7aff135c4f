import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { backupName, backupsFolder, listBackups } from '../../src/services/backups';
import { saveChapter, getChapter } from '../../src/services/chapter';
import { loadDemoChapter } from '../../src/services/demo';
import { createRegistry } from '../../src/server/registry';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { slipsHeld } from '../../src/renderer/backup-sizes';

const opened: ChapterFile[] = [];
afterAll(() => opened.forEach((c) => c.close()));

/** Two chapter files side by side in one folder, as a secretary who keeps a demo and the real chapter has. */
function twoChaptersInOneFolder() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ledger-two-'));
  const open = (name: string) => {
    const chapter = new ChapterFile(path.join(dir, name), sourceMigrationsFolder);
    opened.push(chapter);
    return chapter;
  };
  const demo = open('demo.sqlite');
  loadDemoChapter(demo.db, '2026-11-22');
  const real = open('harbour.sqlite');
  saveChapter(real.db, { name: 'Harbour Connectors 港灣', region: '', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  return { dir, demo, real };
}

describe('each chapter file keeps its own backups', () => {
  it('lists only its own backups, each naming the chapter and its slips', async () => {
    const { demo, real } = twoChaptersInOneFolder();
    await demo.backup('manual');
    await real.backup('manual');
    expect(backupsFolder(real.file)).not.toBe(backupsFolder(demo.file));
    const realList = listBackups(real.file);
    expect(realList).toHaveLength(1);
    expect(realList[0]).toMatchObject({ chapterName: 'Harbour Connectors 港灣', slipCount: 0 });
    const demoList = listBackups(demo.file);
    expect(demoList).toHaveLength(1);
    expect(demoList[0]!.chapterName).toBe(getChapter(demo.db)!.name);
    expect(demoList[0]!.slipCount).toBeGreaterThan(100);
  });

  it("moves an earlier version's shared backups to the chapter they hold, and leaves another chapter's alone", async () => {
    const { dir, demo, real } = twoChaptersInOneFolder();
    // Backups as the earlier version wrote them: all in backups/ beside both files.
    const shared = path.join(dir, 'backups');
    mkdirSync(shared, { recursive: true });
    const demoCopy = (await demo.backup('manual'))!;
    const realCopy = (await real.backup('manual'))!;
    const oldDemo = backupName(new Date('2026-01-02T03:04:05.006Z'), 'startup');
    const oldReal = backupName(new Date('2026-01-03T03:04:05.006Z'), 'startup');
    copyFileSync(path.join(backupsFolder(demo.file), demoCopy.name), path.join(shared, oldDemo));
    copyFileSync(path.join(backupsFolder(real.file), realCopy.name), path.join(shared, oldReal));

    expect(listBackups(real.file).map((b) => b.name)).toContain(oldReal);
    expect(listBackups(real.file).map((b) => b.name)).not.toContain(oldDemo);
    expect(existsSync(path.join(shared, oldDemo))).toBe(true); // the demo's stays until the demo file lists its backups
    expect(listBackups(demo.file).map((b) => b.name)).toContain(oldDemo);
    expect(existsSync(path.join(shared, oldDemo))).toBe(false);
  });

  it('shows a backup that cannot be read as such instead of failing the list', async () => {
    const { real } = twoChaptersInOneFolder();
    await real.backup('manual');
    const folder = backupsFolder(real.file);
    const junk = backupName(new Date('2026-02-02T00:00:00.000Z'), 'manual');
    writeFileSync(path.join(folder, junk), 'not a database, just text');
    const listed = listBackups(real.file).find((b) => b.name === junk);
    expect(listed).toMatchObject({ chapterName: null, slipCount: null });
  });

  it('a chapter whose only slip is a referral to another chapter\'s member says "1 slip", not "1 slips" or "0 slips"', async () => {
    const { real } = twoChaptersInOneFolder();
    const api = createRegistry({ db: real.db, file: real.file, appVersion: 'test', chapterFile: real }, () => {});
    const classificationId = saveClassification(real.db, { name: 'Realtor', sphereId: null }).id;
    const dana = addMember(real.db, { firstName: 'Dana', lastName: 'Ruiz', company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
    const meeting = api.call('createMeeting', { meetingOn: '2026-11-18' }) as any;
    expect(meeting.ok).toBe(true);
    const slip = api.call('saveOutsidePartySlip', { meetingId: meeting.value.id, slipType: 'referral', memberId: dana, direction: 'given', party: { kind: 'other_chapter', name: 'Li Wei', chapterName: 'BNI Harbour' }, referralKind: 'outside', prospectName: 'Harbour café' }) as any;
    expect(slip.ok).toBe(true);
    await real.backup('manual');
    const [held] = listBackups(real.file);
    expect(held).toMatchObject({ chapterName: 'Harbour Connectors 港灣', slipCount: 1 });
    expect(slipsHeld(held!.slipCount!)).toBe('1 slip');
    expect([0, 2, 38, 12408].map((n) => slipsHeld(n))).toEqual(['0 slips', '2 slips', '38 slips', '12,408 slips']);
    // A German chapter reads its counts as every other screen writes them.
    expect(slipsHeld(12408, 'de-DE')).toBe('12.408 slips');
  });
});

