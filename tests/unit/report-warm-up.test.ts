import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open';
import { sourceFontsDir, sourceMigrationsFolder } from '../../src/db/paths';
import { warmUpReports } from '../../src/reports/warm-up';
import { loadDemoChapter } from '../../src/services/demo';
import { produceReport } from '../../src/services/reports';

/*
 * Behind the window at start-up the report engine prints a few small documents nobody sees, so the
 * first real PDF of the session is not the slow one. It must change nothing a user gets.
 */
const opened = openDatabase(':memory:', { migrationsFolder: sourceMigrationsFolder });
loadDemoChapter(opened.db, '2026-11-22');
afterAll(() => opened.close());
const meetingId = () => opened.sqlite.prepare("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1").pluck().get() as string;
const weekly = async () => (await produceReport(opened.db, { report: 'weekly_meeting', meetingId: meetingId() }, { fontsDir: sourceFontsDir, producedAt: new Date('2026-11-23T20:00:00Z') })).pdfBase64;

describe('the report engine warmed up at start-up', () => {
  it('leaves the weekly report byte for byte as it is without it', async () => {
    const before = await weekly();
    await warmUpReports(sourceFontsDir, 2, 0);
    expect(await weekly()).toBe(before);
  });

  it('never fails the start-up: a missing fonts folder is left for a real print to report', async () => {
    await expect(warmUpReports('/nowhere/fonts', 1, 0)).resolves.toBeUndefined();
  });
});
