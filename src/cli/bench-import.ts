// npm run bench (part): preview and import of a 100,000-row Slips Audit file into one meeting, then the
// same file again (every row matched, nothing written), as CSV and as .xls (BENCH_IMPORT_FORMAT=csv|xls for one).
// Figures only, wall time beside CPU time (the machine may be shared); targets ≤ 3 s and ≤ 400 MB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { openDatabase } from '../db/open';
import { sourceMigrationsFolder } from '../db/paths';
import { createRegistry } from '../server/registry';
import { saveChapter } from '../services/chapter';
import { saveClassification } from '../services/classifications';
import { addMember } from '../services/members';
import { importLimits } from '../imports/bounded-read';
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

export async function runImportBench(): Promise<void> {
  const rows = benchRows();
  const title = [['Slips Audit Report for 17/11/2026'], ['Bench Chapter'], ['']];
  const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
  const only = process.env.BENCH_IMPORT_FORMAT;
  if (!only || only === 'csv') await importOnce('CSV', 'slips-audit-100k.csv', Papa.unparse([...title, header, ...rows], { newline: '\r\n' }));
  if (!only || only === 'xls') await importOnce('.xls (SpreadsheetML, as BNI Connect exports)', 'slips-audit-100k.xls', spreadsheetMl(title, header, rows));
}

const names = Array.from({ length: 40 }, (_, i) => `Member${i} Bench${i}`);

function benchRows(): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const from = names[i % 40]!;
    const to = names[(i * 7 + 3) % 40 === i % 40 ? (i + 1) % 40 : (i * 7 + 3) % 40]!;
    switch (i % 5) {
      case 0:
        rows.push([from, to, 'Referral', i % 3 ? 'Outside' : 'Inside', '', '', `Prospect ${i}`]);
        break;
      case 1:
        rows.push([from, to, 'TYFCB', 'Outside', `$${(1 + (i % 9000)).toLocaleString('en-US')}.50`, '', 'New']);
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

/** Preview, import and the same file again, into a fresh chapter file: wall time and CPU time (every thread) of each. */
async function importOnce(format: string, fileName: string, content: string): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-bench-import-')), 'chapter.sqlite');
  const opened = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
  const { db } = opened;
  saveChapter(db, { name: 'Bench Chapter', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (let i = 0; i < 40; i++) {
    const classificationId = saveClassification(db, { name: `Seat ${i}`, sphereId: null }).id;
    addMember(db, { firstName: `Member${i}`, lastName: `Bench${i}`, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const input = { fileName, contentBase64: Buffer.from(content).toString('base64') };
  const api = createRegistry({ db, file, appVersion: 'bench' }, () => {});
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const time = async (method: string) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await api.callAsync(method, input);
    const used = process.cpuUsage(cpu);
    sample();
    if (!result.ok) throw new Error(result.error.message);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, value: result.value as { counts: Record<string, number>; created?: number } };
  };
  const secs = (t: { ms: number; cpuMs: number }) => `${(t.ms / 1000).toFixed(2)} s (CPU ${(t.cpuMs / 1000).toFixed(2)} s)`;
  const preview = await time('previewSlipsAuditImport');
  const imported = await time('importSlipsAudit');
  const again = await time('previewSlipsAuditImport');
  const both = { ms: preview.ms + imported.ms, cpuMs: preview.cpuMs + imported.cpuMs };
  console.log(`Slips Audit import of ${ROWS.toLocaleString('en-US')} rows, ${format}, ${mib(content.length)}, into one meeting:`);
  console.log(`  preview ${secs(preview)} (${preview.value.counts.new} new) · import ${secs(imported)} (${imported.value.created} slips) → preview + import ${secs(both)}, target ≤ 3 s → ${(both.ms / 3000).toFixed(2)}× (CPU ${(both.cpuMs / 3000).toFixed(2)}×)`);
  console.log(`  the same file again: preview ${secs(again)}, ${again.value.counts.same} rows already in the ledger, ${again.value.counts.new} new`);
  console.log(`  memory: resident ${mib(rssBefore)} before, ${mib(peak)} at the highest sample (after each step); process peak so far ${mib(process.resourceUsage().maxRSS * 1024)} (includes tsx and any bench run before), target ≤ 400 MB`);
  recordTarget('import', both.ms / 1000, `${format}, into a 40-member chapter's one meeting (not the 10-year file); peak resident ${mib(peak)} sampled after each step`, both.cpuMs / 1000);
  opened.close();
  rmSync(path.dirname(file), { recursive: true, force: true });
}
