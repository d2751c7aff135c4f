// The issue's targets, one row each, filled in by the parts of npm run bench as they measure, and
// printed together at the end as figure / target / ratio. A row nothing measured says why. Figures,
// never assertions: on a shared machine the wall time includes waiting for a core, so CPU time is
// shown beside it where the part can tell.

export type TargetId =
  | 'save-refresh'
  | 'enter-to-row'
  | 'screen-to-data'
  | 'window-warm'
  | 'analytic-query'
  | 'analytic-vs-raw'
  | 'quarterly-audit'
  | 'weekly-pdf'
  | 'member-statements'
  | 'import'
  | 'renderer-js';

interface Target {
  measure: string;
  file: string;
  target: string;
  /** The target as a number in `unit`, for the ratio (lower is better). */
  limit: number;
  unit: 'ms' | 's' | 'KB' | 'of a full scan' | '× the raw query';
}

/** The table of issue 16, in its order. */
export const targets: Record<TargetId, Target> = {
  'save-refresh': { measure: 'save + refresh, server p95', file: '10-year chapter', target: '≤ 10 ms', limit: 10, unit: 'ms' },
  'enter-to-row': { measure: 'Enter to the new row in the UI, p95', file: '10-year chapter', target: '≤ 60 ms', limit: 60, unit: 'ms' },
  'screen-to-data': { measure: 'every screen from shortcut to data (worst, median)', file: '1M slips', target: '≤ 200 ms', limit: 200, unit: 'ms' },
  'window-warm': { measure: 'window showing the Meeting screen, warm', file: '1M slips', target: '≤ 1 s', limit: 1000, unit: 'ms' },
  'analytic-query': { measure: 'each analytic query (worst), share of a full scan', file: '1M slips', target: '≤ 0.1 of a full scan', limit: 0.1, unit: 'of a full scan' },
  'analytic-vs-raw': { measure: 'each analytic query (worst), × the best raw query', file: '1M slips', target: '≤ 2× the raw query', limit: 2, unit: '× the raw query' },
  'quarterly-audit': { measure: 'quarterly audit PDF', file: '60 members, busy quarter, 1M-slip file', target: '≤ 300 ms', limit: 300, unit: 'ms' },
  'weekly-pdf': { measure: 'weekly meeting PDF', file: '60 members, busy quarter, 1M-slip file', target: '≤ 100 ms', limit: 100, unit: 'ms' },
  'member-statements': { measure: 'all 60 member statements', file: '10-year chapter', target: '≤ 2 s', limit: 2, unit: 's' },
  import: { measure: 'import 100,000 Slips Audit rows (CSV and .xls), preview + import', file: '10-year chapter', target: '≤ 3 s, ≤ 400 MB peak', limit: 3, unit: 's' },
  'renderer-js': { measure: 'renderer initial JS', file: 'build', target: '≤ 250 KB gzip', limit: 250, unit: 'KB' },
};

interface Figure {
  value: number;
  /** Where it was measured, when not on the file the target names, and anything else the reader needs. */
  note: string;
  cpu?: number;
}

const figures = new Map<TargetId, Figure[]>();
const reasons = new Map<TargetId, string>();

/** A figure for a target (several may be given, e.g. one per file; each gets its own line). */
export function recordTarget(id: TargetId, value: number, note = '', cpu?: number): void {
  const list = figures.get(id) ?? [];
  list.push({ value, note, ...(cpu === undefined ? {} : { cpu }) });
  figures.set(id, list);
}

/** Why a target has no figure in this run (not measurable here, skipped by a flag, a part failed). */
export function targetNotMeasured(id: TargetId, why: string): void {
  reasons.set(id, why);
}

const shown = (value: number, unit: Target['unit']) =>
  unit === 'ms' ? `${value.toFixed(1)} ms` : unit === 's' ? `${value.toFixed(2)} s` : unit === 'KB' ? `${value.toFixed(0)} KB` : unit === '× the raw query' ? `${value.toFixed(2)}×` : value.toFixed(3);

/** The rows as text lines (exported for its test: every target has a row, measured or not). */
export function targetTableLines(): string[] {
  const lines: string[] = [];
  const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
  lines.push(`${pad('measure', 58)} ${pad('file', 40)} ${pad('figure', 14)} ${pad('target', 22)} ratio`);
  for (const [id, t] of Object.entries(targets) as Array<[TargetId, Target]>) {
    const list = figures.get(id);
    if (!list || list.length === 0) {
      lines.push(`${pad(t.measure, 58)} ${pad(t.file, 40)} ${pad('—', 14)} ${pad(t.target, 22)} not measured: ${reasons.get(id) ?? 'this part of the bench did not run'}`);
      continue;
    }
    for (const f of list) {
      const cpu = f.cpu === undefined ? '' : ` (CPU ${shown(f.cpu, t.unit)})`;
      lines.push(`${pad(t.measure, 58)} ${pad(t.file, 40)} ${pad(shown(f.value, t.unit), 14)} ${pad(t.target, 22)} ${(f.value / t.limit).toFixed(2)}×${cpu}${f.note ? ` — ${f.note}` : ''}`);
    }
  }
  return lines;
}

export function printTargetTable(): void {
  console.log('\nIssue 16 targets (figure / target / ratio; ratio ≤ 1.00 meets the target; this machine is shared, see CPU time):');
  for (const line of targetTableLines()) console.log(`  ${line}`);
}

/** Forget every figure (tests). */
export function clearTargets(): void {
  figures.clear();
  reasons.clear();
}

/** The median wall and CPU time of `count` runs of one measurement (each taken on its own). */
export async function medianOfRuns(count: number, run: () => Promise<{ wall: number; cpu: number }>): Promise<{ wall: number; cpu: number }> {
  const runs: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < count; i++) runs.push(await run());
  const middle = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: middle(runs.map((r) => r.wall)), cpu: middle(runs.map((r) => r.cpu)) };
}

/**
 * Median wall time and median CPU time of this process (user + system) over `times` runs after one
 * warm-up run (statement preparation, first page reads). On a machine shared with other work the wall
 * time includes waiting for a core; the CPU time is the work the query itself did.
 */
export function medianAfterWarmUp(run: () => unknown, times: number): { wall: number; cpu: number } {
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    run();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const middle = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: middle(wall), cpu: middle(cpu) };
}
