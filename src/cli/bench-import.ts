// npm run bench (part): preview and import of a 100,000-row Slips Audit file into one meeting, then the
// same file again (every row matched, nothing written). Figures only; targets ≤ 3 s and ≤ 400 MB.
import { mkdtempSync } from 'node:fs';
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

export async function runImportBench(): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-bench-import-')), 'chapter.sqlite');
  const opened = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
  const { db } = opened;
  saveChapter(db, { name: 'Bench Chapter', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const names: string[] = [];
  for (let i = 0; i < 40; i++) {
    const classificationId = saveClassification(db, { name: `Seat ${i}`, sphereId: null }).id;
    addMember(db, { firstName: `Member${i}`, lastName: `Bench${i}`, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
    names.push(`Member${i} Bench${i}`);
  }
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
  const csv = Papa.unparse([['Slips Audit Report for 17/11/2026'], ['Bench Chapter'], [''], ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'], ...rows], { newline: '\r\n' });
  const input = { fileName: 'slips-audit-100k.csv', contentBase64: Buffer.from(csv).toString('base64') };
  const api = createRegistry({ db, file, appVersion: 'bench' }, () => {});
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const time = async (method: string) => {
    const started = performance.now();
    const result = await api.callAsync(method, input);
    sample();
    if (!result.ok) throw new Error(result.error.message);
    return { ms: performance.now() - started, value: result.value as { counts: Record<string, number>; created?: number } };
  };
  const preview = await time('previewSlipsAuditImport');
  const imported = await time('importSlipsAudit');
  const again = await time('previewSlipsAuditImport');
  console.log(`Slips Audit import of ${ROWS.toLocaleString('en-US')} rows (${mib(csv.length)} of CSV) into one meeting:`);
  console.log(`  preview ${(preview.ms / 1000).toFixed(2)} s (${preview.value.counts.new} new) · import ${(imported.ms / 1000).toFixed(2)} s (${imported.value.created} slips, preview included) → preview + import ${((preview.ms + imported.ms) / 1000).toFixed(2)} s, target ≤ 3 s → ${((preview.ms + imported.ms) / 3000).toFixed(2)}× of target`);
  console.log(`  the same file again: preview ${(again.ms / 1000).toFixed(2)} s, ${again.value.counts.same} rows already in the ledger, ${again.value.counts.new} new`);
  console.log(`  memory: resident ${mib(rssBefore)} before, ${mib(peak)} at the highest sample (after each step); process peak ${mib(process.resourceUsage().maxRSS * 1024)} (includes the 30k-slip bench above and tsx), target ≤ 400 MB`);
  recordTarget('import', (preview.ms + imported.ms) / 1000, `into a 40-member chapter's one meeting (not the 10-year file); peak resident ${mib(peak)} sampled after each step`);
  opened.close();
}
