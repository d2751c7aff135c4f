// The matching rule on a long file: every row finds its own slip, whatever order the file lists them in,
// when many slips share the same two members and the file leaves a fact out (no New/Repeat column).
import { describe, expect, it } from 'vitest';
import { matchRows, type LedgerSlip, type SlipFacts } from '../../src/imports/slip-matching';
import { foldName } from '../../src/shared/names';

const tyfcb = (id: string, amountMinor: number): LedgerSlip => ({ id, type: 'tyfcb', parties: ['dana', 'wei'], kind: 'outside', kindRaw: 'outside', business: 'new', text: '', textRaw: '', amountMinor, credits: null });
const row = (amountMinor: number): { facts: SlipFacts } => ({ facts: { type: 'tyfcb', parties: ['dana', 'wei'], kind: 'outside', business: '', text: '', amountMinor, credits: null } });

describe('a Slips Audit file imported again', () => {
  it('2,000 TYFCBs from Dana to Wei without New/Repeat: each row is the slip with its own amount, in any order', () => {
    const ledger = Array.from({ length: 2000 }, (_, i) => tyfcb(`slip-${i}`, 10_000 + ((i * 7919) % 2000)));
    // The file lists them in another order, and one amount twice (the second is new: its slip is taken).
    const amounts = ledger.map((s) => s.amountMinor!).reverse();
    const rows = [...amounts.map(row), row(amounts[5]!)];
    const matches = matchRows(rows, rows.map((r) => r.facts), ledger);
    const same = matches.filter((m) => m.kind === 'same');
    expect(same).toHaveLength(2000);
    for (const m of same) expect(m.kind === 'same' && m.slip.amountMinor).toBe(m.row.facts.amountMinor);
    expect(new Set(same.map((m) => (m.kind === 'same' ? m.slip.id : ''))).size).toBe(2000);
    expect(matches[2000]!.kind).toBe('new');
  });

  it('a slip the file no longer matches is left for the row that differs from it, after the rows that match', () => {
    const ledger = [tyfcb('a', 500), tyfcb('b', 700), tyfcb('c', 900)];
    const rows = [row(900), row(650), row(500)];
    const matches = matchRows(rows, rows.map((r) => r.facts), ledger);
    expect(matches.map((m) => m.kind)).toEqual(['same', 'differs', 'same']);
    expect(matches.map((m) => (m.kind === 'new' ? null : m.slip.id))).toEqual(['c', 'b', 'a']);
  });
});

describe('names and details folded for matching', () => {
  // The full rule, as written before plain ASCII got its shortcut: both must fold every text alike.
  const spellingMarks = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]/gu;
  const fullRule = (t: string) => t.normalize('NFKD').replace(spellingMarks, '').replace(/[łŁ]/g, 'l').replace(/[øØ]/g, 'o').replace(/['’.]/g, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

  it("plain ASCII prospects and names fold exactly as the full rule folds them (O'Brien, St. John, spaces, symbols)", () => {
    const samples = ["Tom O'Brien", '  St. John   Smith ', 'ACME Corp. & Sons', 'Prospect 12-7', 'a.b.c', "''", '', 'Mary-Jane  VAN der Berg', '~!@#$%^&*()_+{}|:"<>?`-=[]\\;,/'];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let k = 0; k < 1 + (i % 23); k++) text += String.fromCharCode(0x20 + ((seed = (seed * 1103515245 + 12345) >>> 0) % 95));
      samples.push(text);
    }
    for (const text of samples) expect(foldName(text)).toBe(fullRule(text));
  });

  it('names with accents, tabs, full-width letters or scripts other than Latin still take the full rule', () => {
    for (const text of ['José  Díaz', 'Łukasz Ørsted', 'ＡＮＡ ｌｉｍａ', 'Ana\tLima', '王 芳', 'राम शर्मा', 'محمد الحداد', 'Tom O’Brien']) expect(foldName(text)).toBe(fullRule(text));
    expect(foldName('José  Díaz')).toBe('jose diaz');
    expect(foldName('Ana\tLima')).toBe('ana lima');
  });
});
