// npm run bench ends with one table of issue 16's targets: every target has a row, with its figure,
// the target and the ratio — or a sentence saying why it was not measured in this run.
import { afterEach, describe, expect, it } from 'vitest';
import { clearTargets, recordTarget, targetNotMeasured, targetTableLines, targets } from '../../src/cli/bench-targets';

afterEach(() => clearTargets());

describe('the targets table of npm run bench', () => {
  it('has a row for every target of the issue, even when nothing was measured', () => {
    const lines = targetTableLines();
    expect(lines).toHaveLength(1 + Object.keys(targets).length);
    for (const t of Object.values(targets)) expect(lines.some((l) => l.startsWith(t.measure))).toBe(true);
    expect(lines.slice(1).every((l) => l.includes('not measured'))).toBe(true);
  });

  it('shows a figure with its target and ratio, CPU time beside it, and one line per file measured', () => {
    recordTarget('save-refresh', 4.2, '10.0-year file', 3.1);
    recordTarget('quarterly-audit', 450, 'synthetic 1.0M-slip file');
    recordTarget('quarterly-audit', 120, '10.0-year file');
    const lines = targetTableLines();
    const save = lines.find((l) => l.startsWith('save + refresh'))!;
    expect(save).toContain('4.2 ms');
    expect(save).toContain('≤ 10 ms');
    expect(save).toContain('0.42×');
    expect(save).toContain('CPU 3.1 ms');
    const audits = lines.filter((l) => l.startsWith('quarterly audit PDF'));
    expect(audits).toHaveLength(2);
    expect(audits[0]).toContain('1.50×');
    expect(audits[1]).toContain('0.40×');
  });

  it('says why a target was not measured', () => {
    targetNotMeasured('window-warm', 'no Electron binary here');
    expect(targetTableLines().find((l) => l.startsWith('window showing the Meeting screen'))).toContain('not measured: no Electron binary here');
  });
});
