// npm run bench (part): preview and import of a 100,000-row Slips Audit file into one meeting, then the
// same file again (every row matched, nothing written), as CSV and as .xls (BENCH_IMPORT_FORMAT=csv|xls for one).
// Figures only, wall time beside CPU time (the machine may be shared); targets ≤ 3 s and ≤ 400 MB.
// Each format runs in a child process of its own, so its peak resident memory (the kernel's high-water
// mark) is that import's alone, next to the process's resident memory just before the preview (baseline:
// Node, the app's modules, the open chapter, and the file as the window sends it, base64, in memory).
// BENCH_IMPORT_CHAPTER=<chapter file>: into a copy of that chapter (the ten-year file) — a meeting opened
// today, its current members on the rows — instead of a fresh 40-member chapter.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import Papa from 'papaparse';
import { openDatabase } from '../db/open';
import { repoRoot, sourceMigrationsFolder } from '../db/paths';
import { useBuiltParseWorker } from '../imports/parse-in-worker';
import { createRegistry } from '../server/registry';
import { saveChapter } from '../services/chapter';
import { saveClassification } from '../services/classifications';
import { addMember } from '../services/members';
import { importLimits } from '../imports/bounded-read';
import { formatMoney } from '../shared/money';
import { recordTarget } from './bench-targets';

// As many slips as one import takes: the limit counts the file's rows, its four title and header rows too.
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? importLimits.rows - 4);

/** The same rows as BNI Connect's .xls export writes them (SpreadsheetML 2003, one <Cell> per value). */
function spreadsheetMl(title: string[][], header: string[], rows: string[][]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const row = (cells: string[]) => `   <Row>${cells.map((c, i) => (c === '' ? '' : `<Cell ss:Index="${i + 1}"><Data ss:Type="String">${esc(c)}</Data></Cell>`)).join('')}</Row>\n`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n <Worksheet ss:Name="Report">\n  <Table>\n' +
    [...title, header, ...rows].map(row).join('') +
    '  </Table>\n </Worksheet>\n</Workbook>\n'
  );
}

const formats = { csv: 'CSV', xls: '.xls (SpreadsheetML, as BNI Connect exports)' } as const;
type Format = keyof typeof formats;
const resultMark = 'BENCH_IMPORT_RESULT ';
interface Job {
  format: Format;
  file: string;
  contentFile: string;
  into: string;
}

/**
 * Each format in a child process of its own (its peak memory is then its own): this process readies the
 * chapter file and writes the import file to disk; the child opens the chapter as the app does, reads the
 * file as the window sends it (base64), previews and imports. The figures come back on one line.
 */
export async function runImportBench(): Promise<void> {
  const only = process.env.BENCH_IMPORT_FORMAT;
  const named = process.env.BENCH_IMPORT_CHAPTER || null;
  // A chapter file named but not there would be opened as a new, empty file (no chapter to import into).
  if (named && !existsSync(named)) console.log(`Import: BENCH_IMPORT_CHAPTER names no file (${named}); importing into the bench's own chapter instead.`);
  const chapterFile = named && existsSync(named) ? named : null;
  const folder = mkdtempSync(path.join(tmpdir(), 'ledger-bench-import-'));
  const child = await childScript();
  console.log(`Import: ${child.note}.`);
  try {
    for (const format of Object.keys(formats) as Format[]) {
      if (only && only !== format) continue;
      const job = readyJob(format, folder, chapterFile);
      const ran = spawnSync(process.execPath, ['--expose-gc', ...child.args], {
        env: { ...process.env, BENCH_IMPORT_CHILD: JSON.stringify(job) },
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        maxBuffer: 16 * 2 ** 20,
      });
      const lines = (ran.stdout ?? '').split('\n');
      for (const line of lines) if (line && !line.startsWith(resultMark)) console.log(line);
      const result = lines.find((l) => l.startsWith(resultMark));
      if (ran.status !== 0 || !result) throw new Error(`The ${formats[format]} import bench stopped (exit ${ran.status}).`);
      const figure = JSON.parse(result.slice(resultMark.length)) as { seconds: number; cpuSeconds: number; note: string };
      recordTarget('import', figure.seconds, figure.note, figure.cpuSeconds);
      rmSync(job.file, { force: true });
      rmSync(job.contentFile, { force: true });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    child.cleanUp();
  }
}

/**
 * What each child runs: this file bundled by esbuild, as the app's main process is bundled (electron-vite), and run
 * by Node alone. Run from source, every module went through tsx's loader (its transforms, a name helper on each
 * closure, source maps): the preview's own work after the rows are read took 320-490 ms against 260-270 ms bundled.
 * Without esbuild (never, in this repository), the source through tsx, and the line says so.
 */
async function childScript(): Promise<{ args: string[]; note: string; cleanUp: () => void }> {
  const source = fileURLToPath(import.meta.url);
  // Beside the build (out/), so the bundle finds the repository's migrations, fonts and node_modules as the source does.
  const bundle = path.join(repoRoot, 'out', 'bench', `bench-import-child-${process.pid}.mjs`);
  try {
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', outfile: bundle, logLevel: 'silent' });
    return { args: [bundle], note: 'each format previewed and imported in a child process running the app\'s code bundled by esbuild, as the app ships it (no tsx loader)', cleanUp: () => rmSync(bundle, { force: true }) };
  } catch (error) {
    return { args: [...process.execArgv, source], note: `each format in a child process running the source through tsx (bundling failed: ${(error as Error).message.split('\n')[0]})`, cleanUp: () => undefined };
  }
}

/** The chapter file (a copy of the ten-year file with tonight's meeting open, or a fresh 40-member chapter) and the 100,000-row file for it. */
function readyJob(format: Format, folder: string, copiedFrom: string | null): Job {
  const file = path.join(folder, `chapter-${format}.sqlite`);
  if (copiedFrom) for (const suffix of ['', '-wal']) if (existsSync(copiedFrom + suffix)) copyFileSync(copiedFrom + suffix, file + suffix);
  const opened = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
  const { db } = opened;
  const api = createRegistry({ db, file, appVersion: 'bench' }, () => {});
  const must = <T>(method: string, input: unknown): T => {
    const result = api.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  let names: string[];
  let meetingOn = '2026-11-17';
  let into = "a fresh 40-member chapter's one meeting (not the 10-year file)";
  if (copiedFrom) {
    // The ten-year chapter: tonight's meeting opened (the chapter's day), its current members on the rows.
    names = must<Array<{ fullName: string }>>('listMembers', {}).map((m) => m.fullName);
    meetingOn = must<{ meetingOn: string }>('createMeeting', {}).meetingOn;
    into = `a copy of ${path.basename(copiedFrom)} (${names.length} members), its open meeting of ${meetingOn}`;
  } else {
    saveChapter(db, { name: 'Bench Chapter', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
    names = [];
    for (let i = 0; i < 40; i++) {
      const classificationId = saveClassification(db, { name: `Seat ${i}`, sphereId: null }).id;
      addMember(db, { firstName: `Member${i}`, lastName: `Bench${i}`, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
      names.push(`Member${i} Bench${i}`);
    }
  }
  // TYFCB amounts as the chapter's own BNI Connect export writes them ("$1,234.50", "1.234,50 €").
  const { currency, locale } = opened.sqlite.prepare('SELECT currency, locale FROM chapter').get() as { currency: string; locale: string };
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  opened.close();
  const [y, m, d] = meetingOn.split('-');
  const title = [[`Slips Audit Report for ${d}/${m}/${y}`], [copiedFrom ? 'Ten Years Chapter' : 'Bench Chapter'], ['']];
  const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
  const rows = benchRows(names, (minor) => formatMoney(minor, currency, locale));
  const contentFile = path.join(folder, format === 'csv' ? 'slips-audit-100k.csv' : 'slips-audit-100k.xls');
  writeFileSync(contentFile, format === 'csv' ? Papa.unparse([...title, header, ...rows], { newline: '\r\n' }) : spreadsheetMl(title, header, rows));
  return { format, file, contentFile, into };
}

if (process.env.BENCH_IMPORT_CHILD && process.argv[1] === fileURLToPath(import.meta.url)) {
  const figure = await importOnce(JSON.parse(process.env.BENCH_IMPORT_CHILD) as Job);
  console.log(resultMark + JSON.stringify(figure));
}

function benchRows(names: string[], money: (minor: number) => string): string[][] {
  const n = names.length;
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const from = names[i % n]!;
    const to = names[(i * 7 + 3) % n === i % n ? (i + 1) % n : (i * 7 + 3) % n]!;
    switch (i % 5) {
      case 0:
        rows.push([from, to, 'Referral', i % 3 ? 'Outside' : 'Inside', '', '', `Prospect ${i}`]);
        break;
      case 1:
        rows.push([from, to, 'TYFCB', 'Outside', money((1 + (i % 9000)) * 100 + 50), '', `Job ${i}`]);
        break;
      case 2:
        rows.push([from, to, 'One-to-One', '', '', '', `Coffee ${i}`]);
        break;
      case 3:
        rows.push([from, `Visitor ${i}`, 'Visitor', '', '', '', `Company ${i}`]);
        break;
      default:
        rows.push([from, '', 'CEU', '', '', String(1 + (i % 3)), `Course ${i}`]);
    }
  }
  return rows;
}

/** Preview, import and the same file again, into the chapter file: wall time and CPU time (every thread) of each. */
async function importOnce({ format, file, contentFile, into }: Job): Promise<{ seconds: number; cpuSeconds: number; note: string }> {
  // The parse worker the app ships (out/main/parse-worker.js, as Electron and the harness run it), when built;
  // else its source, bundled by esbuild on first use (a cost the app never pays).
  const builtParser = path.join(repoRoot, 'out', 'main', 'parse-worker.js');
  useBuiltParseWorker(existsSync(builtParser) ? builtParser : null);
  const workerNote = existsSync(builtParser) ? 'the built parse worker' : 'the parse worker bundled from source (no build)';
  const opened = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
  const { db } = opened;
  const api = createRegistry({ db, file, appVersion: 'bench' }, () => {});
  const bytes = statSync(contentFile).size;
  // The report's date is written day first ("01/12/2026"); from the 1st to the 12th of a month that reads both ways,
  // and the app asks — the answer a secretary gives is sent with the file, as the import screen sends it.
  const input = { fileName: path.basename(contentFile), contentBase64: readFileSync(contentFile).toString('base64'), dateOrder: 'dmy' };
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = getHeapStatistics().used_heap_size;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const time = async (method: string) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await api.callAsync(method, input);
    const used = process.cpuUsage(cpu);
    if (!result.ok) throw new Error(result.error.message);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, value: result.value as { counts: Record<string, number>; created?: number } };
  };
  const secs = (t: { ms: number; cpuMs: number }) => `${(t.ms / 1000).toFixed(2)} s (CPU ${(t.cpuMs / 1000).toFixed(2)} s)`;
  const preview = await time('previewSlipsAuditImport');
  const imported = await time('importSlipsAudit');
  const peak = process.resourceUsage().maxRSS * 1024;
  const heapAfter = getHeapStatistics().used_heap_size;
  // BENCH_IMPORT_AGAIN=0 leaves out the second preview (the same file again), to time the first import alone.
  const again = process.env.BENCH_IMPORT_AGAIN === '0' ? null : await time('previewSlipsAuditImport');
  const both = { ms: preview.ms + imported.ms, cpuMs: preview.cpuMs + imported.cpuMs };
  console.log(`Slips Audit import of ${ROWS.toLocaleString('en-US')} rows, ${formats[format]}, ${mib(bytes)}, into ${into} (${workerNote}):`);
  console.log(`  preview ${secs(preview)} (${preview.value.counts.new} new${preview.value.counts.problem ? `, ${preview.value.counts.problem} problem rows` : ''}) · import ${secs(imported)} (${imported.value.created} slips) → preview + import ${secs(both)}, target ≤ 3 s → ${(both.ms / 3000).toFixed(2)}× (CPU ${(both.cpuMs / 3000).toFixed(2)}×)`);
  if (again) console.log(`  the same file again: preview ${secs(again)}, ${again.value.counts.same} rows already in the ledger, ${again.value.counts.new} new`);
  console.log(`  memory: peak resident ${mib(peak)} during preview + import (this process alone; baseline before the preview ${mib(rssBefore)}: Node, the app, the open chapter and the ${mib(input.contentBase64.length)} base64 file; rise ${mib(peak - rssBefore)}); JS heap ${mib(heapBefore)} before, ${mib(heapAfter)} after; target ≤ 400 MB${peakBefore >= peak ? ` (setting up had already reached ${mib(peakBefore)}: the import's own peak is below that)` : ''}`);
  opened.close();
  return { seconds: both.ms / 1000, cpuSeconds: both.cpuMs / 1000, note: `${formats[format]}, ${into}; peak resident ${mib(peak)} (baseline ${mib(rssBefore)})` };
}
