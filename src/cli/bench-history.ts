// The "real file" run of npm run bench: ten years of a 60-member chapter written week by week
// through the registry (attendance, slips, follow-ups, amendments and their audit entries, no
// ANALYZE of its own), then opened as the app opens it. Figures and ratios to the issue's
// targets; nothing is asserted (these machines are noisy). The temporary folder is removed.
// `--history-weeks=N` writes a shorter history (the default is 522 weeks, ten years);
// `--history-file=path` measures a copy of an existing chapter file instead of writing one; a path
// with no file there yet gets the written file, kept for the next run (writing takes minutes).
// `--history-by-import`: each week's slips arrive as that week's Slips Audit Report, previewed and imported
// through the registry (attendance, closing, follow-ups as before) instead of typed one by one.
// `--million`: 1,000 weeks × 1,000 slips by import, a million-slip chapter, kept (as --history-file; by default
// in the temporary folder as ledger-million-by-import.sqlite) and measured like the ten-year file. A meeting's
// own work (attendance, closing, follow-ups) costs ~0.2 s of CPU whatever its size, so 5,000 weeks × 200
// slips would take about four times as long.
import { followStatementsEveryMs } from '../shared/statements-follow';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { checkInBackground } from '../db/check-in-background';
import { sourceFontsDir, sourceMigrationsFolder } from '../db/paths';
import { createRegistry, type Registry } from '../server/registry';
import { fullAuditCheckInBackground } from '../services/audit-check-in-background';
import { warmUpReports } from '../reports/warm-up';
import { memberNamesToWarmUp } from '../services/members';
import { addDays, todayIso } from '../shared/dates';
import { quarterOf } from '../shared/periods';
import { writeChapterHistory, writeChapterHistoryByImport } from './chapter-history';
import { medianOfRuns, recordTarget, targetNotMeasured } from './bench-targets';
import { runScreenBench } from './bench-screen';
import { medianOf, runUiBench, worstScreen } from './bench-ui';

const MEMBERS = 60;
const SLIPS_PER_MEETING = 58;
const SAVES = 200;

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const timed = (run: () => unknown, times: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    out.push(performance.now() - started);
  }
  return out;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number, target: number) => `${(value / target).toFixed(2)}× of the target ${target} ms`;

function must(api: Registry, method: string, input: unknown): any {
  const result = api.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** Wall time of `times` commits of one small row, with the chapter file's journal and sync settings. */
function bareCommits(file: string, times: number): number[] {
  const floor = new Database(file);
  try {
    floor.pragma('journal_mode = WAL');
    floor.pragma('synchronous = FULL');
    floor.exec('CREATE TABLE row (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    const insert = floor.prepare('INSERT INTO row (text) VALUES (?)');
    const commit = floor.transaction((text: string) => insert.run(text));
    return timed(() => commit('A referral slip, about as long as an audit entry. '.repeat(10)), times);
  } finally {
    floor.close();
  }
}

export async function runHistoryBench(): Promise<void> {
  const million = process.argv.includes('--million');
  const byImport = million || process.argv.includes('--history-by-import');
  const weeksArg = process.argv.find((a) => a.startsWith('--history-weeks='));
  const fileArg = process.argv.find((a) => a.startsWith('--history-file=')) ?? (million ? `--history-file=${path.join(tmpdir(), 'ledger-million-by-import.sqlite')}` : undefined);
  const weeks = weeksArg ? Number(weeksArg.split('=')[1]) : million ? 1_000 : 522;
  // --history-slips=N: slips a meeting (58 by default). 200 a meeting for 5,000 weeks is a million-slip
  // chapter written through the services — hours on a two-core machine (see README), so never by default.
  const slipsArg = process.argv.find((a) => a.startsWith('--history-slips='));
  const slipsPerMeeting = slipsArg ? Number(slipsArg.split('=')[1]) : million ? 1_000 : SLIPS_PER_MEETING;
  const folder = mkdtempSync(path.join(tmpdir(), 'ledger-history-'));
  try {
    const file = path.join(folder, 'chapter.sqlite');
    const keptFile = fileArg?.slice('--history-file='.length);
    let written = 'copied from ' + (keptFile ?? '');
    if (keptFile && existsSync(keptFile)) {
      for (const suffix of ['', '-wal']) {
        const source = keptFile + suffix;
        if (existsSync(source)) copyFileSync(source, file + suffix);
      }
    } else {
      const writing = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const firstMeetingOn = addDays(todayIso(), -7 * weeks);
      const every = byImport ? 260 : 52;
      const progress = (done: number) => {
        if (done > 0 && done % every === 0) {
          const cpu = process.cpuUsage(cpuStarted);
          console.log(`  … ${done} of ${weeks} weeks written through the registry${byImport ? ', slips by Slips Audit import' : ''} (${((performance.now() - started) / 1000).toFixed(0)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s)`);
        }
      };
      const writer = createRegistry({ db: writing.db, file, appVersion: 'bench' }, () => {});
      const shape = { members: MEMBERS, weeks, slipsPerMeeting, firstMeetingOn, onWeek: progress };
      if (byImport) await writeChapterHistoryByImport(writer, shape, writing.sqlite);
      else writeChapterHistory(writer, shape);
      const cpu = process.cpuUsage(cpuStarted);
      written = `written through the registry${byImport ? " (each week's slips by Slips Audit import)" : ''} in ${((performance.now() - started) / 1000).toFixed(0)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s)`;
      writing.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      writing.close();
      // --history-file=path naming a file not there yet: the written file is kept there for the next run.
      if (keptFile) {
        copyFileSync(file, keptFile);
        written += `, kept as ${keptFile}`;
      }
    }

    // Opened as the app opens it: quick check, migrations, planner statistics.
    const openStarted = performance.now();
    const opened = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
    const openMs = performance.now() - openStarted;
    const api = createRegistry({ db: opened.db, file, appVersion: 'bench' }, () => {});
    const count = (table: string) => opened.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const last = opened.sqlite.prepare("SELECT id, meeting_on AS meetingOn FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1").get() as { id: string; meetingOn: string };
    const history = { meetings: count('meetings'), lastMeetingId: last.id, lastMeetingOn: last.meetingOn, years: (Date.parse(last.meetingOn) - Date.parse(opened.sqlite.prepare('SELECT min(meeting_on) FROM meetings').pluck().get() as string)) / (365.25 * 864e5) };
    const slips = ['referrals', 'tyfcb_slips', 'one_to_ones', 'visitors', 'ceus'].reduce((sum, t) => sum + count(t), 0);
    console.log(`\nReal-file run (${history.years.toFixed(1)} years): a ${MEMBERS}-member chapter, ${history.meetings} meetings, ${slips.toLocaleString('en-US')} slips, ${count('attendance').toLocaleString('en-US')} attendance marks, ${count('audit_log').toLocaleString('en-US')} audit entries,`);
    console.log(`  ${written} (${(statSync(file).size / 2 ** 20).toFixed(1)} MiB); opened as the app opens it (check, migrations, statistics) in ${ms(openMs)}`);

    // Meeting night on this file: save a slip, then refresh what the Meeting screen shows.
    const tonight = must(api, 'createMeeting', { meetingOn: addDays(todayIso(), 1), confirmDate: true }).id as string;
    must(api, 'markAllPresent', { meetingId: tonight });
    const current = (must(api, 'listMembers', { scope: 'current' }) as Array<{ id: string; status: string }>).filter((m) => m.status === 'active');
    const saves: number[] = [];
    const savesCpu: number[] = [];
    // A meeting night holds about 60 slips: after 60 saves the next week's meeting takes the next ones.
    let night = tonight;
    for (let i = 0; i < SAVES; i++) {
      if (i > 0 && i % 60 === 0) night = must(api, 'createMeeting', { meetingOn: addDays(todayIso(), 1 + 7 * (i / 60)), confirmDate: true }).id as string;
      const t = performance.now();
      const c = process.cpuUsage();
      must(api, 'saveReferral', { meetingId: night, giverId: current[i % current.length]!.id, receiverId: current[(i + 7) % current.length]!.id, prospectName: `Tonight's prospect ${i}`, confirmDuplicate: true });
      must(api, 'getMeetingSheet', { meetingId: night });
      saves.push(performance.now() - t);
      const used = process.cpuUsage(c);
      savesCpu.push((used.user + used.system) / 1000);
    }
    // The Meeting screen reads the sheet again after a save and takes tonight's count into its meeting
    // list from it; the whole list (every meeting's count) is read when the screen opens, not per save.
    const lists = timed(() => must(api, 'listMeetings', {}), 20);
    // What the disk alone costs a save: a commit of one small row in a file beside the chapter file,
    // with the chapter file's journal and sync settings (WAL, synchronous=FULL: a saved slip survives
    // a power cut). The save's wall time holds one such commit; the rest is the work itself (CPU) and
    // waiting for a core on a shared machine.
    const commits = bareCommits(path.join(folder, 'commit-floor.sqlite'), SAVES);
    console.log(`  save + refresh (the slip, then the meeting sheet, as the Meeting screen does) through the registry, ${SAVES} times (60 a meeting): median ${ms(percentile(saves, 0.5))}, p95 ${ms(percentile(saves, 0.95))} (CPU p95 ${ms(percentile(savesCpu, 0.95))}) → ${ratio(percentile(saves, 0.95), 10)}; the whole meeting list (read when the screen opens) p95 ${ms(percentile(lists, 0.95))}`);
    console.log(`  a bare commit on this disk (WAL, synchronous=FULL, one small row), ${SAVES} times: median ${ms(percentile(commits, 0.5))}, p95 ${ms(percentile(commits, 0.95))}; save + refresh CPU median ${ms(percentile(savesCpu, 0.5))}`);
    recordTarget('save-refresh', percentile(saves, 0.95), `${history.years.toFixed(1)}-year file, ${SAVES} saves; wall holds each save's commit to disk (a bare commit here: p95 ${ms(percentile(commits, 0.95))})`, percentile(savesCpu, 0.95));

    // The visitor pipeline (issue 17): the first look at Visitors links every visitor slip in the file
    // to a person (once per file, as after the upgrade that brought the pipeline); after that only a
    // meeting night's new slips are linked, on the next look.
    const visitorSlips = count('visitors');
    const firstLookStarted = performance.now();
    const firstLook = must(api, 'listVisitors', {}) as { total: number };
    const firstLookMs = performance.now() - firstLookStarted;
    for (let v = 0; v < 5; v++) must(api, 'saveVisitor', { meetingId: tonight, name: `Tonight's visitor ${v}`, company: 'Guest GmbH', classificationSought: 'Trades', confirmDuplicate: true });
    const nextLookStarted = performance.now();
    must(api, 'listVisitors', {});
    const nextLookMs = performance.now() - nextLookStarted;
    const firstWeekStarted = performance.now();
    must(api, 'thisWeek', {});
    const firstWeekMs = performance.now() - firstWeekStarted;
    console.log(`  visitor pipeline: the first look links ${visitorSlips.toLocaleString('en-US')} visitor slips to ${firstLook.total.toLocaleString('en-US')} people in ${ms(firstLookMs)} (once per file); a meeting night's 5 new visitors are linked and the first page shown in ${ms(nextLookMs)}; This week's first look (drafts the attendance letters due) ${ms(firstWeekMs)}`);

    // Every screen's data, from the call to the answer (the UI's own time is not in this figure).
    const quarter = quarterOf(history.lastMeetingOn);
    const screens: Array<[string, Array<[string, unknown]>]> = [
      ['Meeting (sheet + list)', [['getMeetingSheet', { meetingId: history.lastMeetingId }], ['listMeetings', {}]]],
      ['Open referrals (first page)', [['listOpenReferrals', { limit: 51 }]]],
      ['Reciprocity (tallies, matrix, flags; a quarter)', [['tallies', quarter], ['referralMatrix', quarter], ['reciprocityFlags', quarter]]],
      ['Scorecard (six months)', [['scorecard', { from: addDays(history.lastMeetingOn, -182), to: history.lastMeetingOn }]]],
      ['Members (roster)', [['listMembers', { scope: 'all' }]]],
      ['Audit log (first page)', [['listAuditLog', {}]]],
      ['Audit log, amendments only', [['listAuditLog', { withReasonOnly: true }]]],
      ['This week (leadership lists and summary)', [['thisWeek', {}]]],
      ['Visitors (first page of 50)', [['listVisitors', {}]]],
      ['Visitors, searched ("visitor 12-3")', [['listVisitors', { search: 'visitor 12-3' }]]],
      ['Visitors, last page', [['listVisitors', { page: 100_000 }]]],
      ['Applications & renewals (applications, radar, letters)', [['listApplications', {}], ['renewalsRadar', {}], ['listAbsenceLetters', {}]]],
    ];
    const screenTimes = () => screens.map(([name, calls]) => [name, percentile(timed(() => calls.forEach(([m, i]) => must(api, m, i)), 7), 0.5)] as const);
    screenTimes(); // once to warm the page cache, so neither pass below pays for reading the file from disk
    const withStatistics = screenTimes();
    const floor = percentile(timed(() => opened.sqlite.prepare(`SELECT (SELECT sum(temperature) FROM referrals NOT INDEXED) + (SELECT sum(amount_minor) FROM tyfcb_slips NOT INDEXED) + (SELECT count(note) FROM one_to_ones NOT INDEXED) + (SELECT count(name) FROM visitors NOT INDEXED) + (SELECT sum(credits) FROM ceus NOT INDEXED) + (SELECT count(mark) FROM attendance NOT INDEXED)`).get(), 5), 0.5);
    // The same calls on the same file with its statistics removed: what the file was before this issue.
    opened.sqlite.exec('DELETE FROM sqlite_stat1; ANALYZE sqlite_schema;');
    const withoutStatistics = screenTimes();
    console.log(`  each screen's data, median of 7 (full scan of slips and attendance: ${ms(floor)}); target ≤ 200 ms at 1M slips:`);
    for (const [i, [name, time]] of withStatistics.entries()) {
      console.log(`    ${name.padEnd(50)} ${ms(time).padStart(9)} = ${(time / floor).toFixed(3)} of a full scan; without planner statistics ${ms(withoutStatistics[i]![1])}`);
    }
    opened.close();

    // Start-up: what the window waits for (the open without its check) against the open that checks
    // every page first (restore, Open chapter file…), and the check alone in its worker thread, median of 3 each.
    const median3 = async (run: () => Promise<void> | void) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
      return percentile(times, 0.5);
    };
    const openLater = await median3(() => openDatabase(file, { migrationsFolder: sourceMigrationsFolder, integrityCheck: 'later' }).close());
    const openNow = await median3(() => openDatabase(file, { migrationsFolder: sourceMigrationsFolder }).close());
    const inWorker = await median3(async () => {
      if (!(await checkInBackground(file)).ok) throw new Error('the bench file failed its check');
    });
    console.log(`  start-up open before the window: ${ms(openLater)} (the check runs after, in a worker: ${ms(inWorker)}); the same open checking first (restore, Open chapter file…): ${ms(openNow)}; target for the window ≤ 1 s at 1M slips`);

    const again = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
    // The folder output asks where (a folder dialog in the app): here, a folder inside this run's temporary folder.
    const reports = createRegistry({ db: again.db, file, appVersion: 'bench', chooseFolder: async () => path.join(folder, 'statements') }, () => {});
    // Wall time and this process's CPU time side by side: on a loaded machine the wall figure waits for
    // other processes, the CPU figure is what the work itself costs.
    const clocked = async (run: () => Promise<unknown>) => {
      const cpu = process.cpuUsage();
      const t = performance.now();
      await run();
      const used = process.cpuUsage(cpu);
      return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
    };
    const both = (c: { wall: number; cpu: number }) => `${ms(c.wall)} (CPU ${ms(c.cpu)})`;
    const report = (input: unknown) =>
      clocked(async () => {
        const result = await reports.callAsync('produceReport', input);
        if (!result.ok) throw new Error(`produceReport: ${result.error.message}`);
      });
    const producedAt = `${todayIso()}T12:00:00.000Z`;
    // As the app does after start-up (and as the 1M run measures): the audit log's full check behind the
    // window, the report engine warmed; then the median of 5, the first (cold) print said beside it.
    const weeklyInput = { report: 'weekly_meeting', meetingId: history.lastMeetingId, producedAt };
    const auditInput = { report: 'quarterly_audit', from: quarter.from, producedAt };
    const fullCheck = await clocked(() => fullAuditCheckInBackground(file, () => again.db));
    const weeklyCold = await report(weeklyInput);
    const warm = await clocked(() => warmUpReports(sourceFontsDir, undefined, undefined, memberNamesToWarmUp(again.db)));
    const auditFirst = await report(auditInput);
    const medianOf5 = (input: unknown) => medianOfRuns(5, () => report(input));
    const weekly = await medianOf5(weeklyInput);
    const audit = await medianOf5(auditInput);
    console.log(`  the audit log's full check behind the window ${both(fullCheck)}; the report engine's warm-up ${both(warm)}; first prints (cold): weekly ${both(weeklyCold)}, audit ${both(auditFirst)}`);
    const year = { from: addDays(history.lastMeetingOn, -364), to: history.lastMeetingOn };
    const members = (reports.call('listMembers', { scope: 'current' }) as { ok: true; value: Array<{ id: string }> }).value;
    const oneByOne = await clocked(async () => {
      for (const m of members) await report({ report: 'member_statement', memberId: m.id, ...year, producedAt });
    });
    // As the Reports screen makes "All statements": choosing it starts (and warms) the workers, a few
    // seconds pass while the period is picked, then the job, followed as the screen does (each look answered when the job ends, or after 300 ms)
    // (its CPU is the whole process's, the workers' included). The warm-up is timed apart.
    const prepare = () =>
      clocked(async () => {
        const ready = await reports.callAsync('prepareAllStatements', {});
        if (!ready.ok) throw new Error(`prepareAllStatements: ${ready.error.message}`);
      });
    const followJob = (output: 'pdf' | 'folder') =>
      clocked(async () => {
        const started = await reports.callAsync('startAllStatements', { ...year, producedAt, output });
        if (!started.ok) throw new Error(`startAllStatements: ${started.error.message}`);
        const id = (started.value as { id: string }).id;
        for (;;) {
          const job = await reports.callAsync('allStatementsJob', { jobId: id, waitMs: followStatementsEveryMs });
          if (!job.ok) throw new Error(`allStatementsJob: ${job.error.message}`);
          const state = (job.value as { state: string; message?: string }).state;
          if (state === 'done') break;
          if (state !== 'running') throw new Error(`the statements job ended ${state}: ${(job.value as { message?: string }).message ?? ''}`);
        }
      });
    // The same without the head start (produceReport, as a tool or the harness asks for it: workers started then).
    const cold = await report({ report: 'all_statements', ...year, producedAt });
    const warmUp = await prepare();
    const viaJob = await followJob('pdf');
    await prepare();
    // What "Write each to a folder" does (60 PDFs + the combined one), into this run's temporary folder.
    const folderOfStatements = await followJob('folder');
    console.log(`  weekly meeting PDF ${both(weekly)}, median of 5 (target ≤ 100 ms at 1M → ${(weekly.wall / 100).toFixed(2)}×); quarterly audit PDF ${both(audit)}, median of 5 (target ≤ 300 ms → ${(audit.wall / 300).toFixed(2)}×)`);
    console.log(`  all ${members.length} member statements for a year, target ≤ 2 s: "All statements" from the Reports screen (workers started when it is chosen: ${both(warmUp)}, then the job, followed) ${both(viaJob)} → ${(viaJob.wall / 2000).toFixed(2)}×;`);
    console.log(`    the same with no head start (workers started by the job) ${both(cold)}; written to a folder (${members.length} PDFs + the combined one, workers started ahead) ${both(folderOfStatements)}; each member's statement asked one by one (${members.length} requests, on the main thread) ${both(oneByOne)}`);
    const seconds = (c: { wall: number; cpu: number }) => `${(c.wall / 1000).toFixed(2)} s (CPU ${(c.cpu / 1000).toFixed(2)} s)`;
    recordTarget('member-statements', viaJob.wall / 1000, `${history.years.toFixed(1)}-year file, ${members.length} statements for a year, "All statements" from the Reports screen after its workers warmed up (CPU ${(viaJob.cpu / 1000).toFixed(2)} s); with no head start ${seconds(cold)}; to a folder ${seconds(folderOfStatements)}; one by one (${members.length} requests) ${seconds(oneByOne)}`);
    recordTarget('weekly-pdf', weekly.wall, `${history.years.toFixed(1)}-year file (not the 1M file): median of 5 after the warm-up, CPU ${ms(weekly.cpu)} (first print cold: ${both(weeklyCold)})`, weekly.cpu);
    recordTarget('quarterly-audit', audit.wall, `${history.years.toFixed(1)}-year file (not the 1M file): median of 5 after the full check, CPU ${ms(audit.cpu)} (the first: ${both(auditFirst)})`, audit.cpu);
    again.close();

    // The UI on this file, in Chromium: a copy with tonight's meeting as a draft (the Meeting screen opens today's).
    if (process.argv.includes('--no-screen')) {
      targetNotMeasured('enter-to-row', 'skipped (--no-screen)');
    } else {
      const ui = path.join(folder, 'ui.sqlite');
      copyFileSync(file, ui);
      const forUi = openDatabase(ui, { migrationsFolder: sourceMigrationsFolder });
      const uiApi = createRegistry({ db: forUi.db, file: ui, appVersion: 'bench' }, () => {});
      const today = forUi.sqlite.prepare('SELECT status FROM meetings WHERE meeting_on = ?').pluck().get(todayIso()) as string | undefined;
      if (!today) must(uiApi, 'createMeeting', { meetingOn: todayIso(), confirmDate: true });
      const names = (must(uiApi, 'listMembers', { scope: 'current' }) as Array<{ fullName: string; status: string }>).filter((m) => m.status === 'active').map((m) => m.fullName);
      forUi.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      forUi.close();
      const label = `the ${history.years.toFixed(1)}-year file`;
      if (!today || today === 'draft') await runScreenBench(ui, names, label);
      else targetNotMeasured('enter-to-row', "today's meeting in the ten-year file is already closed");
      const figures = await runUiBench(ui, label);
      if (figures) {
        const worst = worstScreen(figures);
        recordTarget('screen-to-data', worst.ms, `${label}: worst is ${worst.name}`, worst.cpu);
        recordTarget('window-warm', medianOf(figures.load), `${label}: harness page load to the Meeting screen's data (no Electron here; proxy)`, medianOf(figures.loadCpu));
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const assets = path.resolve('out/renderer/assets');
  if (existsSync(assets)) {
    const html = readFileSync(path.resolve('out/renderer/index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const gzip = initial.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f))).length, 0);
    const all = readdirSync(assets).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f))).length, 0);
    console.log(`  renderer: ${(gzip / 1024).toFixed(0)} KB gzip of JavaScript at start-up (target ≤ 250 KB → ${(gzip / 1024 / 250).toFixed(2)}×), ${(all / 1024).toFixed(0)} KB gzip in all chunks`);
    recordTarget('renderer-js', gzip / 1024, `${(all / 1024).toFixed(0)} KB gzip in all chunks`);
  } else {
    console.log('  renderer: run "npm run build" first for the start-up JavaScript figure.');
    targetNotMeasured('renderer-js', 'no build (run "npm run build" first)');
  }
}
