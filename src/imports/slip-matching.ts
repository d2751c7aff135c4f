// One rule for "is this file row a slip the ledger already has?", whether that slip was typed at the
// meeting or imported before: the same type and the same parties, then the amount, prospect, credits
// or company when the file gives them. A file row is then already in the ledger, differs from a slip
// (what differs is named), or is new. Each ledger slip answers for one file row at most.
import type Database from 'better-sqlite3';
import { foldName } from '../shared/names';

export type SlipType = 'referral' | 'tyfcb' | 'one_to_one' | 'visitor' | 'ceu';

/** The comparable part of a slip, from the ledger or from a file row. Empty strings mean "not given". */
export interface SlipFacts {
  type: SlipType;
  /**
   * Member ids (one-to-ones as a sorted pair); a visitor's folded name as the second party. Someone
   * outside the chapter stands as "party:" + their match key, in the place the slip gives them.
   */
  parties: [string, string];
  /** Referral inside/outside, TYFCB inside/outside/tier3. */
  kind: string;
  /** TYFCB new or repeat business; empty when the file has no New/Repeat column. */
  business?: string;
  /** Referral prospect (folded), visitor company (folded), CEU activity (folded). */
  text: string;
  amountMinor: number | null;
  credits: number | null;
}

export interface LedgerSlip extends SlipFacts {
  id: string;
  /** Kept with someone outside the chapter on one side (outside_party_slips), not between two members. */
  outside?: boolean;
  /** As stored, for undo and for the difference sentence. */
  kindRaw: string;
  textRaw: string;
}

const partyKey = (f: SlipFacts) => `${f.type}|${f.parties[0]}|${f.parties[1]}`;

/** Every live slip of one meeting, with the facts the rule compares. Five indexed queries. */
export function ledgerSlipsOf(client: Database.Database, meetingId: string): LedgerSlip[] {
  const out: LedgerSlip[] = [];
  const q = <T>(text: string) => client.prepare(text).all(meetingId) as T[];
  for (const r of q<{ id: string; g: string; v: string; kind: string; prospect: string }>('SELECT id, giver_id AS g, receiver_id AS v, kind, prospect_name AS prospect FROM referrals WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid')) {
    out.push({ id: r.id, type: 'referral', parties: [r.g, r.v], kind: r.kind, kindRaw: r.kind, text: foldName(r.prospect), textRaw: r.prospect, amountMinor: null, credits: null });
  }
  for (const t of q<{ id: string; c: string; f: string; kind: string; business: string; amount: number }>('SELECT id, closer_id AS c, referrer_id AS f, kind, business, amount_minor AS amount FROM tyfcb_slips WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid')) {
    out.push({ id: t.id, type: 'tyfcb', parties: [t.c, t.f], kind: t.kind, kindRaw: t.kind, business: t.business, text: '', textRaw: '', amountMinor: t.amount, credits: null });
  }
  for (const o of q<{ id: string; a: string; b: string }>('SELECT id, member_a_id AS a, member_b_id AS b FROM one_to_ones WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid')) {
    out.push({ id: o.id, type: 'one_to_one', parties: [o.a, o.b].sort() as [string, string], kind: '', kindRaw: '', text: '', textRaw: '', amountMinor: null, credits: null });
  }
  for (const v of q<{ id: string; by: string | null; name: string; company: string }>('SELECT id, invited_by_id AS by, name, company FROM visitors WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid')) {
    out.push({ id: v.id, type: 'visitor', parties: [v.by ?? '', foldName(v.name)], kind: '', kindRaw: '', text: foldName(v.company), textRaw: v.company, amountMinor: null, credits: null });
  }
  // Slips with someone outside the chapter, in the same places as a members' slip: giver → receiver,
  // closer then referrer, one-to-ones as a sorted pair.
  for (const o of q<{ id: string; type: 'referral' | 'tyfcb' | 'one_to_one'; m: string; key: string; dir: string; kind: string; prospect: string; business: string | null; amount: number | null }>(
    'SELECT s.id, s.slip_type AS type, s.member_id AS m, p.match_key AS key, s.direction AS dir, s.kind, s.prospect_name AS prospect, s.business, s.amount_minor AS amount FROM outside_party_slips s JOIN outside_parties p ON p.id = s.party_id WHERE s.meeting_id = ? AND s.deleted_at IS NULL ORDER BY s.created_at, s.rowid',
  )) {
    const party = `party:${o.key}`;
    const partyFirst = (o.type === 'referral' && o.dir === 'received') || (o.type === 'tyfcb' && o.dir === 'given');
    const parties = (o.type === 'one_to_one' ? [o.m, party].sort() : partyFirst ? [party, o.m] : [o.m, party]) as [string, string];
    if (o.type === 'referral') out.push({ id: o.id, outside: true, type: 'referral', parties, kind: o.kind, kindRaw: o.kind, text: foldName(o.prospect), textRaw: o.prospect, amountMinor: null, credits: null });
    else if (o.type === 'tyfcb') out.push({ id: o.id, outside: true, type: 'tyfcb', parties, kind: o.kind, kindRaw: o.kind, business: o.business ?? '', text: '', textRaw: '', amountMinor: o.amount, credits: null });
    else out.push({ id: o.id, outside: true, type: 'one_to_one', parties, kind: '', kindRaw: '', text: '', textRaw: '', amountMinor: null, credits: null });
  }
  for (const e of q<{ id: string; m: string; credits: number; note: string }>('SELECT id, member_id AS m, credits, note FROM ceus WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid')) {
    out.push({ id: e.id, type: 'ceu', parties: [e.m, ''], kind: '', kindRaw: '', text: foldName(e.note), textRaw: e.note, amountMinor: null, credits: e.credits });
  }
  return out;
}

export interface Difference {
  field: 'kind' | 'business' | 'text' | 'amount' | 'credits';
  file: string | number;
  ledger: string | number;
}

/**
 * A referral's prospect and a CEU's activity say WHICH slip it is, not a detail of it: two referrals
 * between the same members for two prospects, or a member's CEU for a podcast and another for a
 * course, are two slips. A file row can only be the ledger's slip when these read alike (the same
 * words, one a fuller form of the other, or a slip of the keyboard), or one side does not give them.
 */
export function sameSubject(file: SlipFacts, ledger: LedgerSlip): boolean {
  if (file.type !== 'referral' && file.type !== 'ceu') return true;
  if (!file.text || !ledger.text) return true;
  return textsAlike(file.text, ledger.text);
}

/** Folded texts that are the same words however punctuated, one inside the other, or two keystrokes apart. */
export function textsAlike(a: string, b: string): boolean {
  const bare = (t: string) => t.replace(/&/g, 'and').replace(/[^\p{L}\p{N}]+/gu, '');
  const [x, y] = [bare(a), bare(b)];
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 4 && long.includes(short)) return true;
  return short.length >= 6 && editDistanceAtMost(x, y, 2);
}

/** Levenshtein distance ≤ limit, in a band (the texts are short). */
function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return false;
    prev = row;
  }
  return prev[b.length]! <= limit;
}

/** What differs between a file row and a ledger slip of the same type and parties; only what the file gives counts. */
export function differences(file: SlipFacts, ledger: LedgerSlip): Difference[] {
  const out: Difference[] = [];
  if (file.kind && file.kind !== ledger.kind) out.push({ field: 'kind', file: file.kind, ledger: ledger.kind });
  if (file.business && file.business !== ledger.business) out.push({ field: 'business', file: file.business, ledger: ledger.business ?? '' });
  // A CEU typed without its activity is not contradicted by the file naming one.
  if (file.text && file.text !== ledger.text && !(file.type === 'ceu' && !ledger.text)) out.push({ field: 'text', file: file.text, ledger: ledger.textRaw });
  if (file.amountMinor !== null && ledger.amountMinor !== null && file.amountMinor !== ledger.amountMinor) out.push({ field: 'amount', file: file.amountMinor, ledger: ledger.amountMinor });
  if (file.credits !== null && ledger.credits !== null && file.credits !== ledger.credits) out.push({ field: 'credits', file: file.credits, ledger: ledger.credits });
  return out;
}

/** differences(file, ledger) is empty, without building the list (asked once per candidate slip). */
function noDifference(file: SlipFacts, ledger: LedgerSlip): boolean {
  if (file.kind && file.kind !== ledger.kind) return false;
  if (file.business && file.business !== ledger.business) return false;
  if (file.text && file.text !== ledger.text && !(file.type === 'ceu' && !ledger.text)) return false;
  if (file.amountMinor !== null && ledger.amountMinor !== null && file.amountMinor !== ledger.amountMinor) return false;
  if (file.credits !== null && ledger.credits !== null && file.credits !== ledger.credits) return false;
  return true;
}

export type Match<T> =
  | { row: T; kind: 'same'; slip: LedgerSlip }
  | { row: T; kind: 'differs'; slip: LedgerSlip; differences: Difference[] }
  /** `beside`: a slip with the same parties the row is NOT (another prospect or activity), named in the preview. */
  | { row: T; kind: 'new'; beside?: LedgerSlip };

/**
 * Pairs file rows with ledger slips: first every exact match (so two referrals between the same members
 * for two prospects each find their own), then rows left over take a slip left over with the same type
 * and parties as "differs", in file order; the rest are new. `factsOfRows[i]` is what the rule compares of
 * `rows[i]`: kept apart from the rows, so the rows an import goes on to write do not hold them.
 */
export function matchRows<T>(rows: T[], factsOfRows: SlipFacts[], ledger: LedgerSlip[]): Array<Match<T>> {
  const byParties = new Map<string, LedgerSlip[]>();
  const byFacts = new Map<string, LedgerSlip[]>();
  for (const slip of ledger) {
    push(byParties, partyKey(slip), slip);
    push(byFacts, factsKey(slip), slip);
  }
  const claimed = new Set<string>();
  const result: Array<Match<T> | null> = rows.map(() => null);
  // Exact matches first. A row that gives every fact its type has is looked up directly; one that
  // leaves a fact out (no Inside/Outside, no detail) compares only what it gives.
  const cursor = new Map<string, number>();
  // Where each party list's unclaimed slips begin: a claimed slip stays claimed, so a search for an
  // unclaimed one starts there (re-importing a file claims each list front to back; it was a search
  // from the front on every row, 20,000 × 2,500 comparisons for one pair's TYFCBs without New/Repeat).
  const unclaimedFrom = new Map<string, number>();
  const firstUnclaimed = (key: string, list: LedgerSlip[]): number => {
    let at = unclaimedFrom.get(key) ?? 0;
    while (at < list.length && claimed.has(list[at]!.id)) at++;
    unclaimedFrom.set(key, at);
    return at;
  };
  /** The first unclaimed slip of the row's type and parties that `fits`, in ledger order. */
  const findUnclaimed = (facts: SlipFacts, fits: (s: LedgerSlip) => boolean): LedgerSlip | undefined => {
    const key = partyKey(facts);
    const list = byParties.get(key);
    if (!list) return undefined;
    for (let j = firstUnclaimed(key, list); j < list.length; j++) {
      const s = list[j]!;
      if (!claimed.has(s.id) && fits(s)) return s;
    }
    return undefined;
  };
  rows.forEach((row, i) => {
    const facts = factsOfRows[i]!;
    let exact: LedgerSlip | undefined;
    if (complete(facts)) {
      const key = factsKey(facts);
      const list = byFacts.get(key);
      if (list) {
        let at = cursor.get(key) ?? 0;
        while (at < list.length && claimed.has(list[at]!.id)) at++;
        exact = list[at];
        cursor.set(key, at + 1);
      }
    } else {
      exact = findUnclaimed(facts, (s) => noDifference(facts, s));
    }
    if (exact) {
      claimed.add(exact.id);
      result[i] = { row, kind: 'same', slip: exact };
    }
  });
  // Then a row whose facts leave something out, or a CEU typed without its activity, finds its slip
  // when nothing it gives contradicts it.
  rows.forEach((row, i) => {
    const facts = factsOfRows[i]!;
    if (result[i] || !complete(facts)) return;
    const loose = findUnclaimed(facts, (s) => sameSubject(facts, s) && noDifference(facts, s));
    if (loose) {
      claimed.add(loose.id);
      result[i] = { row, kind: 'same', slip: loose };
    }
  });
  // Rows left over take a slip left over with the same type and parties as "differs", in file order,
  // but only a slip about the same prospect or activity: another one is another slip, and the row is new.
  const partyCursor = new Map<string, number>();
  rows.forEach((row, i) => {
    const facts = factsOfRows[i]!;
    if (result[i]) return;
    const key = partyKey(facts);
    const list = byParties.get(key);
    let near: LedgerSlip | undefined;
    let beside: LedgerSlip | undefined;
    if (list) {
      let at = partyCursor.get(key) ?? 0;
      while (at < list.length && claimed.has(list[at]!.id)) at++;
      partyCursor.set(key, at);
      for (let j = at; j < list.length && !near; j++) {
        const s = list[j]!;
        if (claimed.has(s.id)) continue;
        if (sameSubject(facts, s)) near = s;
        else beside ??= s;
      }
    }
    if (near) {
      claimed.add(near.id);
      const found = differences(facts, near);
      result[i] = found.length ? { row, kind: 'differs', slip: near, differences: found } : { row, kind: 'same', slip: near };
    } else result[i] = beside ? { row, kind: 'new', beside } : { row, kind: 'new' };
  });
  return result as Array<Match<T>>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const factsKey = (f: SlipFacts) => `${partyKey(f)}|${f.kind}|${f.business ?? ''}|${f.text}|${f.amountMinor ?? ''}|${f.credits ?? ''}`;

/** Does the row give every fact a ledger slip of its type has? */
function complete(f: SlipFacts): boolean {
  switch (f.type) {
    case 'referral':
      return f.kind !== '' && f.text !== '';
    case 'tyfcb':
      return f.kind !== '' && !!f.business;
    case 'visitor':
      return f.text !== '';
    default:
      return true;
  }
}
