// The member-statements part of npm run bench alone, on a chapter file you name (a copy of it is used; the
// file itself is never written): npx tsx src/cli/bench-statements-alone.ts /path/to/chapter.sqlite [--only=one|all|folder|job [--prepared]]
// (--prepared: the workers started and warmed first, as the Reports screen does, with the chapter's member names; WORKERS=n: the job shares its statements between n)
// A year of statements ending at the file's last closed meeting: each member's statement one by one, "All
// statements" as one PDF, and "Save each member's PDF to a folder". Wall and this process's CPU, data and
// PDF apart. Figures only. `--out=<folder>` keeps the PDFs (for pdftotext / pdftoppm).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/open';
import { sourceFontsDir, sourceMigrationsFolder } from '../db/paths';
import { renderPdf } from '../reports/render';
import { saveAllStatements } from '../server/statement-jobs';
import { reportDefinition } from '../services/reports';
import { addDays } from '../shared/dates';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('Name a chapter file: npx tsx src/cli/bench-statements-alone.ts /path/to/chapter.sqlite');
  process.exit(1);
}
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6);
const folder = mkdtempSync(path.join(tmpdir(), 'ledger-statements-'));
const copy = path.join(folder, 'chapter.sqlite');
copyFileSync(file, copy);
const opened = openDatabase(copy, { migrationsFolder: sourceMigrationsFolder, integrityCheck: 'later' });
const db = opened.db;
const last = opened.sqlite.prepare("SELECT meeting_on FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1").pluck().get() as string;
const year = { from: addDays(last, -364), to: last };
const members = opened.sqlite.prepare("SELECT id, display_name AS name FROM members WHERE status IN ('active', 'on_leave') ORDER BY sort_name").all() as Array<{ id: string; name: string }>;
const producedAt = new Date(`${last}T20:00:00.000Z`);
const fonts = { fontsDir: sourceFontsDir };

const clocked = async <T>(run: () => Promise<T> | T) => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
};
const s = (c: { wall: number; cpu: number }) => `${(c.wall / 1000).toFixed(2)} s wall, CPU ${(c.cpu / 1000).toFixed(2)} s`;
if (out) mkdirSync(out, { recursive: true });

// Warm: the first PDF of a process opens the fonts (the app does this behind the window).
await renderPdf(reportDefinition(db, { report: 'member_statement', memberId: members[0]!.id, ...year }, producedAt).definition, fonts);

if (process.argv.includes('--plain-styles')) (await import('../reports/style-lookup')).fastStyleLookups(false);
console.log(`${process.argv.includes('--plain-styles') ? '[pdfmake style lookups] ' : ''}${members.length} statements, ${year.from} to ${year.to}, load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
if (!only || only === 'one') {
  let dataCpu = 0;
  let pages = 0;
  const all = await clocked(async () => {
    for (const [i, m] of members.entries()) {
      const d = await clocked(() => reportDefinition(db, { report: 'member_statement', memberId: m.id, ...year }, producedAt));
      dataCpu += d.cpu;
      const bytes = await renderPdf(d.value.definition, fonts);
      pages += (bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      if (out) writeFileSync(path.join(out, `one-${String(i).padStart(2, '0')}.pdf`), bytes);
    }
  });
  console.log(`one by one: ${s(all)} (data CPU ${(dataCpu / 1000).toFixed(2)} s), ${pages} pages`);
}
if (!only || only === 'all') {
  const d = await clocked(() => reportDefinition(db, { report: 'all_statements', ...year }, producedAt));
  const r = await clocked(() => renderPdf(d.value.definition, fonts));
  if (out) writeFileSync(path.join(out, 'all.pdf'), r.value);
  console.log(`All statements as one PDF: data ${s(d)}; PDF ${s(r)}; ${r.value.length} bytes`);
}
if (only === 'job') {
  // As the Reports screen makes it: a job in worker threads, followed as the screen does (CPU: the whole process, worker included).
  const { startStatementsJob, statementsJobWhenEnded, warmStatementsWorkers } = await import('../server/statement-jobs');
  const { followStatementsEveryMs } = await import('../shared/statements-follow');
  // As the screen does when "All statements" is chosen: the workers started and warmed first.
  if (process.argv.includes('--prepared')) console.log(`workers warmed up: ${s(await clocked(async () => warmStatementsWorkers(sourceFontsDir, (await import('../services/members')).memberNamesToWarmUp(db))))}`);
  const j = await clocked(async () => {
    const started = await startStatementsJob(db, { period: year, producedAt, fontsDir: sourceFontsDir, folder: null, ...(process.env.WORKERS ? { workers: Number(process.env.WORKERS) } : {}) });
    for (;;) {
      const job = await statementsJobWhenEnded(started.id, followStatementsEveryMs);
      if (job.state !== 'running') return job;
    }
  });
  if (out && j.value.pdf) writeFileSync(path.join(out, 'all-job.pdf'), Buffer.from(j.value.pdf.pdfBase64, 'base64'));
  console.log(`All statements from the Reports screen (worker job): ${s(j)}, ${j.value.state}`);
}
if (!only || only === 'folder') {
  const f = await clocked(() => saveAllStatements(db, year, out ?? path.join(folder, 'statements'), { ...fonts, producedAt }));
  console.log(`to a folder (${f.value.files.length} PDFs): ${s(f)}`);
}
opened.close();
rmSync(folder, { recursive: true, force: true });
