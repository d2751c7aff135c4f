// The weekly meeting PDF and the quarterly audit of npm run bench alone, on a chapter file you name:
//   npx tsx src/cli/bench-reports-alone.ts /path/to/chapter.sqlite [--prints=5] [--in-place] [--out=dir] [--only=weekly|quarterly] [--cpu-prof=file]
// A copy of the file is used unless --in-place (for a copy you made yourself: the 1M file is ~1 GB, and the
// audit log's full check, recorded in the file, is then paid once). As the app does behind the window: the
// full check of the audit log when the file has none, then the report engine's warm-up; then each report
// printed N times (its last meeting's weekly report, the quarter of that meeting), with the data (the
// services' reads, the audit chain since the full check) and the PDF (pdfmake layout and writing) timed
// apart, wall and this process's CPU, medians. `--out=<folder>` keeps the last PDF of each (pdftoppm, md5).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/open';
import { sourceFontsDir, sourceMigrationsFolder } from '../db/paths';
import { renderPdf } from '../reports/render';
import { warmUpReports } from '../reports/warm-up';
import { memberNamesToWarmUp } from '../services/members';
import { fullAuditCheck, lastFullCheck } from '../services/audit-chain-checks';
import { reportDefinition } from '../services/reports';
import type { ProduceReportInput } from '../shared/contract';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('Name a chapter file: npx tsx src/cli/bench-reports-alone.ts /path/to/chapter.sqlite [--prints=5] [--in-place] [--out=dir]');
  process.exit(1);
}
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const prints = Number(arg('prints') ?? 5);
const out = arg('out');
const inPlace = process.argv.includes('--in-place');
const folder = inPlace ? null : mkdtempSync(path.join(tmpdir(), 'ledger-reports-'));
const target = folder ? path.join(folder, 'chapter.sqlite') : file;
if (folder) copyFileSync(file, target);
const opened = openDatabase(target, { migrationsFolder: sourceMigrationsFolder, integrityCheck: 'later' });
const db = opened.db;
const fonts = { fontsDir: sourceFontsDir };

const clocked = async <T>(run: () => Promise<T> | T) => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
};
const ms = (c: { wall: number; cpu: number }) => `${c.wall.toFixed(0)} ms wall, CPU ${c.cpu.toFixed(0)} ms`;

const last = opened.sqlite.prepare("SELECT id, meeting_on AS day FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1").get() as { id: string; day: string };
const producedAt = new Date(`${last.day}T20:00:00.000Z`);
const inputs: Array<{ name: string; input: ProduceReportInput }> = [
  { name: 'weekly meeting', input: { report: 'weekly_meeting', meetingId: last.id } },
  { name: 'quarterly audit', input: { report: 'quarterly_audit', from: last.day } },
];

console.log(`${file}${inPlace ? ' (in place)' : ' (a copy)'}: last meeting ${last.day}; load ${loadavg()[0]!.toFixed(1)}`);
if (!lastFullCheck(db)) {
  const check = await clocked(() => fullAuditCheck(db));
  console.log(`audit log full check (none recorded; the app does it in a worker at start-up): ${ms(check)}`);
}
const warm = await clocked(() => warmUpReports(sourceFontsDir, 8, 0, memberNamesToWarmUp(db)));
console.log(`report engine warm-up: ${ms(warm)}`);
if (out) mkdirSync(out, { recursive: true });

// --cpu-prof=<file.cpuprofile>: V8's profile of the prints alone (after the warm-up), for Chrome DevTools or speedscope.
const profileTo = arg('cpu-prof');
const inspector = profileTo ? new (await import('node:inspector')).Session() : null;
const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => inspector!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
if (inspector) {
  inspector.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
}
const only = arg('only');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const { name, input } of inputs.filter((r) => !only || r.input.report.startsWith(only))) {
  const runs: Array<{ data: { wall: number; cpu: number }; pdf: { wall: number; cpu: number }; bytes: Buffer }> = [];
  for (let i = 0; i < prints; i++) {
    const data = await clocked(() => reportDefinition(db, input, producedAt));
    const pdf = await clocked(() => renderPdf(data.value.definition, fonts));
    runs.push({ data, pdf, bytes: pdf.value });
  }
  const pick = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
  const data = { wall: pick((r) => r.data.wall), cpu: pick((r) => r.data.cpu) };
  const pdf = { wall: pick((r) => r.pdf.wall), cpu: pick((r) => r.pdf.cpu) };
  const total = { wall: pick((r) => r.data.wall + r.pdf.wall), cpu: pick((r) => r.data.cpu + r.pdf.cpu) };
  const lastBytes = runs[runs.length - 1]!.bytes;
  const pages = (lastBytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  console.log(`${name}: ${ms(total)} (median of ${prints}; data ${ms(data)}; PDF ${ms(pdf)}); first ${ms({ wall: runs[0]!.data.wall + runs[0]!.pdf.wall, cpu: runs[0]!.data.cpu + runs[0]!.pdf.cpu })}; ${pages} pages, ${lastBytes.length} bytes`);
  if (out) writeFileSync(path.join(out, `${name.replace(/\s+/g, '-')}.pdf`), lastBytes);
}
if (inspector) {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  writeFileSync(profileTo!, JSON.stringify(profile));
  inspector.disconnect();
}
opened.close();
if (folder) rmSync(folder, { recursive: true, force: true });
