// "All statements" made behind the window: the president sees "statement 12 of 60" instead of a spinner,
// gets exactly the PDF the one-go print makes, and can stop it (files already written stay, and are named).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import { sourceFontsDir } from '../../src/db/paths';
import type { Registry } from '../../src/server/registry';
import { busyStatementsWorkers, cancelStatementsJob, readyStatementsWorkers, runStatementsJob, startStatementsJob, statementParts, statementsJob } from '../../src/server/statement-jobs';
import { numberingOfPart, pageCountSlots, stopPageCountExchange } from '../../src/reports/page-count-exchange';
import type { MemberStatementData } from '../../src/reports/member-statement';
import { renderPdf } from '../../src/reports/render';
import { allStatementsDefinition } from '../../src/services/reports';
import { loadDemoChapter } from '../../src/services/demo';
import type { StatementsJob } from '../../src/shared/contract';
import { okValue as ok } from '../support/first-quarter';
import { openTestDb, testRegistry } from '../support/db';
import { pdfText } from '../support/pdf-text';

let opened: OpenedDatabase;
let api: Registry;
const producedAt = '2026-11-23T18:00:00.000Z';
const period = { from: '2026-10-01', to: '2026-10-31' };

beforeAll(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  loadDemoChapter(opened.db);
});

/** Asks for the job's state until it is no longer running (as the screen does), keeping every answer seen. */
async function follow(id: string, until: (job: StatementsJob) => boolean = (job) => job.state !== 'running'): Promise<StatementsJob[]> {
  const seen: StatementsJob[] = [];
  for (;;) {
    const job = ok<StatementsJob>(api.call('allStatementsJob', { jobId: id }));
    seen.push(job);
    if (until(job)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('all statements as a job the screen follows', () => {
  it('says how far it is, statement by statement, and ends with the same PDF as printing them in one go', async () => {
    const started = ok<StatementsJob>(await api.callAsync('startAllStatements', { ...period, producedAt, output: 'pdf' }));
    expect(started).toMatchObject({ state: 'running', output: 'pdf', stage: 'combined', done: 0, folder: null });
    const members = started.total;
    expect(members).toBeGreaterThan(10);
    const seen = await follow(started.id);
    const last = seen.at(-1)!;
    expect(last.state).toBe('done');
    expect(last).toMatchObject({ done: members, total: members });
    // Never more done than there are, never going back within a stage.
    for (const [i, job] of seen.entries()) {
      expect(job.done).toBeLessThanOrEqual(members);
      if (i > 0 && job.stage === seen[i - 1]!.stage) expect(job.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    }
    const once = ok<{ fileName: string; pdfBase64: string }>(await api.callAsync('produceReport', { report: 'all_statements', ...period, producedAt }));
    expect(last.pdf!.fileName).toBe(once.fileName);
    expect(last.pdf!.pdfBase64 === once.pdfBase64).toBe(true);
    expect(pdfText(Buffer.from(last.pdf!.pdfBase64, 'base64'))).toContain('Priya Raman');
  }, 120_000);

  it("stopped while writing each member's PDF to a folder: it stops, says which files were written, and they are there; the combined one is not", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'ledger-statements-job-'));
    const started = await startStatementsJob(opened.db, { period, producedAt: new Date(producedAt), fontsDir: sourceFontsDir, folder: parent });
    expect(started).toMatchObject({ state: 'running', output: 'folder', stage: 'single', written: [] });
    await follow(started.id, (job) => job.written.length >= 2 || job.state !== 'running');
    const stopped = await cancelStatementsJob(started.id);
    expect(stopped.state).toBe('cancelled');
    // The worker is gone: nothing more is written after the answer.
    expect(busyStatementsWorkers()).toBe(0);
    expect(stopped.written.length).toBeGreaterThanOrEqual(2);
    expect(stopped.written.length).toBeLessThan(started.total);
    // Exactly the files it says, each of them a whole PDF; not the combined one.
    const files = readdirSync(stopped.folder!);
    expect([...files].sort()).toEqual(stopped.written.map((f) => f.name).sort());
    for (const file of stopped.written) expect(readFileSync(path.join(stopped.folder!, file.name)).subarray(-6).toString('latin1')).toMatch(/%%EOF/);
    expect(files.some((f) => f.startsWith('All statements'))).toBe(false);
    expect(statementsJob(started.id)).toMatchObject({ state: 'cancelled', written: stopped.written });
  }, 120_000);

  it('written again into the same place, the second run has a folder of its own: stopped, it names only its own files, and the first run\'s stay as they were', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'ledger-statements-again-'));
    const first = await runStatementsJob(opened.db, { period, producedAt: new Date(producedAt), fontsDir: sourceFontsDir, folder: parent });
    expect(first.state).toBe('done');
    const firstFiles = readdirSync(first.folder!).sort();
    const started = await startStatementsJob(opened.db, { period, producedAt: new Date(producedAt), fontsDir: sourceFontsDir, folder: parent });
    expect(started.folder).toBe(`${first.folder} (2)`);
    await follow(started.id, (job) => job.written.length >= 2 || job.state !== 'running');
    const stopped = await cancelStatementsJob(started.id);
    expect(stopped.state).toBe('cancelled');
    expect(stopped.written.length).toBeLessThan(started.total);
    expect(readdirSync(stopped.folder!).sort()).toEqual(stopped.written.map((f) => f.name).sort());
    expect(readdirSync(first.folder!).sort()).toEqual(firstFiles);
  }, 120_000);

  it('the screen following the job hears of its end at once, not at the end of its wait; a look at a running job comes back after its wait with how far it is', async () => {
    const started = ok<StatementsJob>(await api.callAsync('startAllStatements', { ...period, producedAt, output: 'pdf' }));
    const early = ok<StatementsJob>(await api.callAsync('allStatementsJob', { jobId: started.id, waitMs: 1 }));
    expect(early.state).toBe('running');
    // A look that may wait five seconds: stopping the job answers it then, not five seconds later.
    const looking = api.callAsync('allStatementsJob', { jobId: started.id, waitMs: 5000 });
    await cancelStatementsJob(started.id);
    const stoppedAt = Date.now();
    expect(ok<StatementsJob>(await looking)).toMatchObject({ state: 'cancelled' });
    expect(Date.now() - stoppedAt).toBeLessThan(2500);
    const waitedTooLong = await api.callAsync('allStatementsJob', { jobId: started.id, waitMs: 600_000 });
    expect(waitedTooLong.ok).toBe(false);
    if (!waitedTooLong.ok) expect(waitedTooLong.error).toMatchObject({ field: 'waitMs', message: 'Wait at most 5000 ms.' });
  }, 20_000);

  it('a job not known (the app restarted) is refused naming it, and a period nobody was a member in is refused before anything starts', async () => {
    const unknown = api.call('allStatementsJob', { jobId: 'no-such-job' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toMatchObject({ field: 'jobId', message: expect.stringMatching(/not known/) });
    const empty = await api.callAsync('startAllStatements', { from: '2001-01-01', to: '2001-03-31', output: 'pdf' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error).toMatchObject({ field: 'from', message: expect.stringMatching(/Nobody was a member between 2001-01-01 and 2001-03-31/) });
  });

  it('made by two workers at once and put together, the PDF reads page for page as the one made in one go, its footers counting the whole document', async () => {
    const job = await runStatementsJob(opened.db, { period, producedAt: new Date(producedAt), fontsDir: sourceFontsDir, folder: null, workers: 2 });
    expect(job.state).toBe('done');
    const together = pdfText(Buffer.from(job.pdf!.pdfBase64, 'base64')).split('\f');
    const inOneGo = pdfText(await renderPdf(allStatementsDefinition(opened.db, period, new Date(producedAt)), { fontsDir: sourceFontsDir })).split('\f');
    expect(together.length).toBe(inOneGo.length);
    expect(together).toEqual(inOneGo);
    const pages = together.filter((p) => p.trim()).length;
    expect(pages).toBeGreaterThan(job.total);
    for (const [i, page] of together.filter((p) => p.trim()).entries()) expect(page).toContain(`Page ${i + 1} of ${pages}`);
    // Each part's worker ended with its part.
    expect(busyStatementsWorkers()).toBe(0);
  }, 120_000);

  it('started ahead when "All statements" is chosen, the workers wait warm and the job takes them', async () => {
    const prepared = ok<{ workers: number }>(await api.callAsync('prepareAllStatements', {}));
    expect(prepared.workers).toBeGreaterThanOrEqual(1);
    expect(readyStatementsWorkers()).toBe(prepared.workers);
    // Asked again (the screen chose it again): no more workers are started.
    expect(ok<{ workers: number }>(await api.callAsync('prepareAllStatements', {})).workers).toBe(prepared.workers);
    const started = ok<StatementsJob>(await api.callAsync('startAllStatements', { ...period, producedAt, output: 'pdf' }));
    expect(readyStatementsWorkers()).toBe(0);
    expect((await follow(started.id)).at(-1)!.state).toBe('done');
  }, 120_000);
});

describe('the statements shared between workers', () => {
  const statement = (referrals: number) => ({ referralsGiven: Array.from({ length: referrals }), openReferrals: [] }) as unknown as MemberStatementData;

  it('in consecutive runs, every statement once and in order, two at least in each, as many runs as workers allow', () => {
    const sixty = Array.from({ length: 60 }, (_, i) => statement(i % 7 === 0 ? 120 : 10));
    for (const workers of [1, 2, 3, 4]) {
      const parts = statementParts(sixty, workers);
      expect(parts).toHaveLength(workers);
      expect(parts.flat()).toEqual(sixty.map((_, i) => i));
      for (const part of parts) expect(part.length).toBeGreaterThanOrEqual(2);
    }
    expect(statementParts([statement(1)], 4)).toEqual([[0]]);
    expect(statementParts([statement(1), statement(1), statement(1)], 2)).toEqual([[0, 1, 2]]);
    expect(statementParts(Array.from({ length: 5 }, () => statement(1)), 4).map((p) => p.length)).toEqual([3, 2]);
  });

  it('of about the same length: a long statement (a busy member) counts for more than a quiet one', () => {
    // The first ten members are busy (200 referrals each), the fifty after them quiet (none).
    const statements = Array.from({ length: 60 }, (_, i) => statement(i < 10 ? 200 : 0));
    const [first, second] = statementParts(statements, 2);
    const weight = (part: number[]) => part.reduce((sum, i) => sum + 30 + statements[i]!.referralsGiven.length, 0);
    expect(first!.length).toBeLessThan(15);
    expect(Math.abs(weight(first!) - weight(second!))).toBeLessThan(300);
  });
});

describe("the parts' page numbers", () => {
  it("a part's pages are numbered after the parts before it, and each says the whole document's count", () => {
    const slots = pageCountSlots(3);
    new Int32Array(slots).set([7, 0, 4]);
    const second = numberingOfPart(slots, 1);
    expect(second(1, 5)).toEqual({ page: 8, of: 16 });
    expect(second(5, 5)).toEqual({ page: 12, of: 16 });
    expect(new Int32Array(slots)[1]).toBe(5);
    // Laid out again with another count after giving its own: refused, never a wrong number printed.
    expect(() => second(1, 6)).toThrow(/laid out again/);
  });

  it('a part still waiting for the others is let go with an error when the job is stopped', () => {
    const slots = pageCountSlots(2);
    stopPageCountExchange(slots);
    expect(() => numberingOfPart(slots, 0)(1, 3)).toThrow(/stopped/);
    expect(() => numberingOfPart(slots, 1)(1, 3)).toThrow(/stopped/);
  });
});
