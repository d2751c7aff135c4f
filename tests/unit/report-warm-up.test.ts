import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open';
import { sourceFontsDir, sourceMigrationsFolder } from '../../src/db/paths';
import { warmUpReports, warmUpStatements, warmUpStatementsDefinition } from '../../src/reports/warm-up';
import { loadDemoChapter } from '../../src/services/demo';
import { memberNamesToWarmUp } from '../../src/services/members';
import { produceReport, reportDefinition } from '../../src/services/reports';
import { renderPdf } from '../../src/reports/render';
import { pdfText } from '../support/pdf-text';

/*
 * Behind the window at start-up the report engine prints a few small documents nobody sees, so the
 * first real PDF of the session is not the slow one. It must change nothing a user gets.
 */
const opened = openDatabase(':memory:', { migrationsFolder: sourceMigrationsFolder });
loadDemoChapter(opened.db, '2026-11-22');
afterAll(() => opened.close());
const meetingId = () => opened.sqlite.prepare("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1").pluck().get() as string;
const weekly = async () => (await produceReport(opened.db, { report: 'weekly_meeting', meetingId: meetingId() }, { fontsDir: sourceFontsDir, producedAt: new Date('2026-11-23T20:00:00Z') })).pdfBase64;
// The quarterly audit as its definition gives it.
const audit = async () => (await renderPdf(reportDefinition(opened.db, { report: 'quarterly_audit', from: '2026-10-01' }, new Date('2026-11-23T20:00:00Z')).definition, { fontsDir: sourceFontsDir })).toString('base64');

describe('the report engine warmed up at start-up', () => {
  it('leaves the weekly report byte for byte as it is without it', async () => {
    const before = await weekly();
    await warmUpReports(sourceFontsDir, 2, 0);
    expect(await weekly()).toBe(before);
  });

  it("warmed with the chapter's own member names (Chinese, Arabic, Hindi among them), the weekly report and the quarterly audit are byte for byte as without it", async () => {
    opened.sqlite.prepare("UPDATE members SET display_name = ? WHERE id = (SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 1)").run('王小明');
    opened.sqlite.prepare("UPDATE members SET display_name = ? WHERE id = (SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 2)").run('فاطمة الزهراء');
    opened.sqlite.prepare("UPDATE members SET display_name = ? WHERE id = (SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 3)").run('अनुराग शर्मा');
    // The first audit checks the whole audit log and records it; the ones after say so (the same text each time).
    await audit();
    const before = [await weekly(), await audit()];
    expect(await audit()).toBe(before[1]);
    const names = memberNamesToWarmUp(opened.db);
    expect(names).toEqual(expect.arrayContaining(['王小明', 'فاطمة الزهراء', 'अनुराग शर्मा']));
    await warmUpReports(sourceFontsDir, 3, 0, names);
    expect([await weekly(), await audit()]).toEqual(before);
  }, 60_000);

  it("the statements workers' head start prints every part a busy member's statement prints (a part left out is compiled during the job, in each worker)", async () => {
    const text = pdfText(await renderPdf(warmUpStatementsDefinition(memberNamesToWarmUp(opened.db)), { fontsDir: sourceFontsDir })).replace(/\s+/g, ' ');
    for (const part of ['Given and received', 'TYFCB under dispute', 'Attendance and activity', 'You referred', 'Referred you', 'One-to-ones with', 'Closing the loop', 'Open referrals given or received', 'Listed: the 40 most recent', 'Scorecard (', 'Scored over', 'YELLOW —', 'more points for green']) expect(text).toContain(part);
  }, 60_000);

  it("after the statements workers' head start, a year of the chapter's statements is byte for byte as without it", async () => {
    const statements = async () => (await renderPdf(reportDefinition(opened.db, { report: 'all_statements', from: '2025-12-01', to: '2026-11-22' }, new Date('2026-11-23T20:00:00Z')).definition, { fontsDir: sourceFontsDir })).toString('base64');
    const before = await statements();
    await warmUpStatements(sourceFontsDir, 2, () => false, memberNamesToWarmUp(opened.db));
    expect(await statements()).toBe(before);
  }, 60_000);

  it('never fails the start-up: a missing fonts folder is left for a real print to report', async () => {
    await expect(warmUpReports('/nowhere/fonts', 1, 0)).resolves.toBeUndefined();
  });
});
