// npm run bench: speed figures on a chapter file with 30,000 slips (about ten years of a busy chapter).
// Reports figures and ratios to the targets; it asserts nothing (these machines are noisy).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/open';
import { sourceMigrationsFolder } from '../db/paths';
import { meetings, referrals } from '../db/schema';
import { createRegistry } from '../server/registry';
import { addDays, todayIso } from '../shared/dates';
import { loadDemoChapter } from '../services/demo';
import { listMembers } from '../services/members';
import { runScaleBench } from './bench-scale';
import { runImportBench } from './bench-import';
import { runHistoryBench } from './bench-history';
import { ChapterFile } from '../server/chapter-file';
import { runScreenBench } from './bench-screen';
import { printTargetTable, targetNotMeasured } from './bench-targets';
import { machineSpeedLine, sampleMachineSpeed } from './bench-machine-speed';

sampleMachineSpeed('start');

const TARGET_SLIPS = 30_000;
const SAVES = 1_000;

const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-bench-')), 'chapter.sqlite');
const opened = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
const { db } = opened;
loadDemoChapter(db);
const members = listMembers(db, { scope: 'current' }).filter((m) => m.status === 'active');
const api = createRegistry({ db, file, appVersion: 'bench' }, () => {});

// Fill history: weekly meetings going back in time, 50 referral slips each, until 30,000 slips.
const count = () => (db.get<{ n: number }>(sql`SELECT (SELECT count(*) FROM referrals) + (SELECT count(*) FROM tyfcb_slips) + (SELECT count(*) FROM one_to_ones) + (SELECT count(*) FROM visitors) + (SELECT count(*) FROM ceus) AS n`)!.n);
const fillStarted = performance.now();
let day = db.get<{ d: string }>(sql`SELECT min(meeting_on) AS d FROM meetings`)!.d;
db.transaction((tx) => {
  let i = 0;
  while (count() < TARGET_SLIPS) {
    day = addDays(day, -7);
    const meeting = tx.insert(meetings).values({ meetingOn: day, status: 'completed' }).returning({ id: meetings.id }).get();
    for (let s = 0; s < 50; s++, i++) {
      const giver = members[i % members.length]!;
      const receiver = members[(i * 7 + 3) % members.length]!;
      if (giver.id === receiver.id) continue;
      tx.insert(referrals).values({ meetingId: meeting.id, giverId: giver.id, receiverId: receiver.id, kind: i % 3 ? 'outside' : 'inside', temperature: (i % 5) + 1, prospectName: `Prospect ${i}` }).run();
    }
  }
});
const fillMs = performance.now() - fillStarted;
const slips = count();

// Save one slip, then refresh what the screen shows (the meeting sheet),
// through the same registry the app uses: validation, service, output check. A new meeting every 50 saves.
const timings: number[] = [];
let meetingId = '';
let meetingDay = addDays(db.get<{ d: string }>(sql`SELECT max(meeting_on) AS d FROM meetings`)!.d, 7);
for (let i = 0; i < SAVES; i++) {
  if (i % 50 === 0) {
    const created = api.call('createMeeting', { meetingOn: meetingDay, confirmDate: true });
    if (!created.ok) throw new Error(created.error.message);
    meetingId = (created.value as { id: string }).id;
    meetingDay = addDays(meetingDay, 7);
  }
  const giver = members[i % members.length]!;
  const receiver = members[(i + 1) % members.length]!;
  const started = performance.now();
  const saved = api.call('saveReferral', { meetingId, giverId: giver.id, receiverId: receiver.id, referralKind: 'outside', temperature: 3, prospectName: `Bench prospect ${i}` });
  // As the Meeting screen does after a save: the sheet again; the meeting list takes tonight's count from it.
  const sheet = api.call('getMeetingSheet', { meetingId });
  timings.push(performance.now() - started);
  if (!saved.ok || !sheet.ok) throw new Error('bench call failed');
}

timings.sort((a, b) => a - b);
const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;
const median = at(0.5);
const p95 = at(0.95);
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
console.log(`Chapter file: ${slips.toLocaleString('en-US')} slips, ${db.get<{ n: number }>(sql`SELECT count(*) AS n FROM meetings`)!.n} meetings (filled in ${(fillMs / 1000).toFixed(1)} s)`);
console.log(`Save one slip + refresh the meeting sheet, ${SAVES} times:`);
console.log(`  median ${fmt(median)}   p95 ${fmt(p95)}   max ${fmt(timings[timings.length - 1]!)}   target p95 ≤ 16 ms → ${(p95 / 16).toFixed(2)}× of target`);
const memory = process.memoryUsage();
console.log(`  memory: ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB JS heap in use, ${(memory.rss / 2 ** 20).toFixed(0)} MiB resident (the resident figure includes tsx's TypeScript compiler and uncollected garbage)`);

const figures = path.resolve('test-results/meeting-night-figures.json');
if (existsSync(figures)) {
  const f = JSON.parse(readFileSync(figures, 'utf8')) as { slips: number; slipSeconds: number; keysPerReferral: number; keysPerSlip?: Record<string, number>; totalKeys: number };
  console.log(`From the last Playwright meeting-night run (keyboard only, Chromium via the harness):`);
  console.log(`  ${f.slips} slips in ${f.slipSeconds.toFixed(1)} s wall time (${(f.slipSeconds / f.slips).toFixed(2)} s per slip, including the test's waits)`);
  console.log(`  keystrokes per referral beyond names and free text: ${f.keysPerReferral} (target ≤ 10 → ${(f.keysPerReferral / 10).toFixed(1)}× of target)`);
  if (f.keysPerSlip) {
    const names: Record<string, string> = { referral: 'referral', tyfcb: 'TYFCB', oneToOne: 'one-to-one', visitor: 'visitor', ceu: 'CEU' };
    console.log(`  keystrokes per slip beyond names and free text, by type: ${Object.entries(f.keysPerSlip).map(([k, n]) => `${names[k] ?? k} ${n}`).join(' · ')}`);
  }
} else {
  console.log('Run "npm run test:e2e" first to add the keystroke and wall-time figures of the keyboard-only meeting.');
}
const guided = path.resolve('test-results/guided-start-figures.json');
if (existsSync(guided)) {
  const g = JSON.parse(readFileSync(guided, 'utf8')) as { members: number; seconds: number; keysKeyboardPart: number; keysPerMember: number; typedCharacters: number; keyboardMembers: number };
  console.log(`From the last Playwright guided-start run (new chapter → 9 classifications in one sphere → ${g.members} members → first meeting marked, closed, weekly report saved):`);
  console.log(`  ${g.seconds.toFixed(1)} s wall time, including the test's waits; the keyboard-only part (${g.keyboardMembers} members, attendance, close, report): ${g.keysKeyboardPart} keys beyond names and text (${g.keysPerMember} per member) and ${g.typedCharacters} characters typed`);
}
// Tonight's meeting, a draft, for the keystroke-to-screen part (the meeting screen opens today's meeting).
const tonight = db.get<{ status: string }>(sql`SELECT status FROM meetings WHERE meeting_on = ${todayIso()}`);
if (!tonight) {
  const created = api.call('createMeeting', { meetingOn: todayIso(), confirmDate: true });
  if (!created.ok) throw new Error(created.error.message);
}
const screenReady = !tonight || tonight.status === 'draft';
opened.close();

// Backup (SQLite online backup) and restore (check, safety copy, swap, reopen) of the same 30k-slip file.
const chapterFile = new ChapterFile(file, sourceMigrationsFolder);
const backupStarted = performance.now();
const backup = (await chapterFile.backup('manual'))!;
const backupMs = performance.now() - backupStarted;
const restoreStarted = performance.now();
await chapterFile.restore(backup.name);
const restoreMs = performance.now() - restoreStarted;
console.log(`Backup of the ${slips.toLocaleString('en-US')}-slip file (${(backup.bytes / 2 ** 20).toFixed(1)} MiB): ${backupMs.toFixed(0)} ms; restore (integrity check, safety backup, swap, reopen): ${restoreMs.toFixed(0)} ms`);
chapterFile.close();

if (process.argv.includes('--no-screen')) console.log('Keystroke-to-screen: skipped (--no-screen).');
else if (!screenReady) console.log("Keystroke-to-screen: skipped, today's meeting in the bench file is already closed.");
else await runScreenBench(file, members.map((m) => m.fullName));

// The history first: on a first run its --history-file is written, and BENCH_IMPORT_CHAPTER may name that file.
await runHistoryBench();
await runImportBench();
sampleMachineSpeed('before the 1M-slip run');
if (!process.argv.includes('--quick')) await runScaleBench();
else for (const id of ['analytic-query', 'analytic-vs-raw', 'screen-to-data', 'window-warm'] as const) targetNotMeasured(id, 'the 1M-slip run is skipped with --quick');
sampleMachineSpeed('end');
// Every target of issue 16 in one table, measured or not (and why not).
printTargetTable();
console.log(`  ${machineSpeedLine()}`);
