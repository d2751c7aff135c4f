// The matching rule on a long file: every row finds its own slip, whatever order the file lists them in,
// when many slips share the same two members and the file leaves a fact out (no New/Repeat column).
import { describe, expect, it } from 'vitest';
import { matchRows, type LedgerSlip, type SlipFacts } from '../../src/imports/slip-matching';

const tyfcb = (id: string, amountMinor: number): LedgerSlip => ({ id, type: 'tyfcb', parties: ['dana', 'wei'], kind: 'outside', kindRaw: 'outside', business: 'new', text: '', textRaw: '', amountMinor, credits: null });
const row = (amountMinor: number): { facts: SlipFacts } => ({ facts: { type: 'tyfcb', parties: ['dana', 'wei'], kind: 'outside', business: '', text: '', amountMinor, credits: null } });

describe('a Slips Audit file imported again', () => {
  it('2,000 TYFCBs from Dana to Wei without New/Repeat: each row is the slip with its own amount, in any order', () => {
    const ledger = Array.from({ length: 2000 }, (_, i) => tyfcb(`slip-${i}`, 10_000 + ((i * 7919) % 2000)));
    // The file lists them in another order, and one amount twice (the second is new: its slip is taken).
    const amounts = ledger.map((s) => s.amountMinor!).reverse();
    const rows = [...amounts.map(row), row(amounts[5]!)];
    const matches = matchRows(rows, ledger);
    const same = matches.filter((m) => m.kind === 'same');
    expect(same).toHaveLength(2000);
    for (const m of same) expect(m.kind === 'same' && m.slip.amountMinor).toBe(m.row.facts.amountMinor);
    expect(new Set(same.map((m) => (m.kind === 'same' ? m.slip.id : ''))).size).toBe(2000);
    expect(matches[2000]!.kind).toBe('new');
  });

  it('a slip the file no longer matches is left for the row that differs from it, after the rows that match', () => {
    const ledger = [tyfcb('a', 500), tyfcb('b', 700), tyfcb('c', 900)];
    const matches = matchRows([row(900), row(650), row(500)], ledger);
    expect(matches.map((m) => m.kind)).toEqual(['same', 'differs', 'same']);
    expect(matches.map((m) => (m.kind === 'new' ? null : m.slip.id))).toEqual(['c', 'b', 'a']);
  });
});
