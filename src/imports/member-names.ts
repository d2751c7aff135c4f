// Matching a name in an import file to a member. Names are compared folded — case, accents,
// apostrophes, spacing and full-width letters do not matter, so BNI Connect's "Jose Diaz" is the
// ledger's "José Díaz" — but when two members' names fold to the same spelling ("José Díaz" and
// "Jose Diaz", "Ana Lima" and "ANA LIMA", or two "John Smith"), the fold cannot tell them apart:
// the file's name is asked about, never credited to one of them by guess. The secretary's answer is
// kept for that exact spelling (member_aliases), so the next file with it is not asked again.
import type Database from 'better-sqlite3';
import { LedgerError } from '../shared/errors';
import { foldName } from '../shared/names';

/** A name as the file spells it: Unicode-normalised (NFC), single spaces; case and accents kept. */
export const spellingOf = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Folded as everywhere else (shared/names.ts): full-width letters read as their ordinary forms. */
export const nameKey = (name: string): string => foldName(name);

export type NameMatch = { kind: 'member'; id: string } | { kind: 'ambiguous'; candidates: Array<{ id: string; name: string; seat: string }> } | { kind: 'none' };

export interface MemberNames {
  match(name: string): NameMatch;
  /** The member_aliases key that keeps the secretary's answer: the exact spelling when the fold is shared, else the fold. */
  aliasKey(name: string): string;
}

/** "could be Jose Diaz (Plumber) or José Díaz (Florist): their names differ only in accents, case or spacing" — each with their seat. */
export function couldBe(members: Array<{ name: string; seat: string }>): string {
  const candidates = members.map((m) => `${m.name} (${m.seat})`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const listed = candidates.length === 2 ? `${candidates[0]} or ${candidates[1]}` : `${candidates.slice(0, -1).join(', ')} or ${candidates.at(-1)}`;
  const same = new Set(members.map((m) => spellingOf(m.name))).size < members.length;
  return `could be ${listed}: ${same ? 'members with the same name' : 'their names differ only in accents, case or spacing'}`;
}

/** The members a name could be, as the preview lists them: "José Díaz (Florist)". */
export const withSeats = (members: Array<{ name: string; seat: string }>): string[] => members.map((m) => `${m.name} (${m.seat})`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The chapter's members and remembered aliases, plus the names the secretary maps in this import
 * (`mapped`: the file's spelling → member id).
 */
export function memberNames(client: Database.Database, mapped: Record<string, string> = {}): MemberNames {
  const people = client.prepare("SELECT m.id, m.first_name || ' ' || m.last_name AS name, coalesce(c.name, 'no seat') AS seat FROM members m LEFT JOIN classifications c ON c.id = m.classification_id").all() as Array<{ id: string; name: string; seat: string }>;
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const seatOf = new Map(people.map((p) => [p.id, p.seat]));
  const byKey = new Map<string, string[]>();
  for (const p of people) {
    const key = nameKey(p.name);
    byKey.set(key, [...(byKey.get(key) ?? []), p.id]);
  }
  const aliases = new Map((client.prepare('SELECT alias, member_id AS memberId FROM member_aliases').all() as Array<{ alias: string; memberId: string }>).map((a) => [a.alias, a.memberId]));
  const mappedBySpelling = new Map<string, string>();
  const mappedByKey = new Map<string, string>();
  for (const [name, id] of Object.entries(mapped)) {
    if (!nameOf.has(id)) throw new LedgerError('not_found', `"${name}" was mapped to a member who does not exist. Choose again.`, 'aliases');
    mappedBySpelling.set(spellingOf(name), id);
    mappedByKey.set(nameKey(name), id);
  }
  /** Members the folded name could be: members whose names fold to it, and a remembered alias of it. */
  const candidatesOf = (key: string): string[] => {
    const ids = new Set(byKey.get(key) ?? []);
    const alias = aliases.get(key);
    if (alias && nameOf.has(alias)) ids.add(alias);
    return [...ids];
  };
  // The same few dozen names on every row of a long file: each spelling is matched once.
  const matched = new Map<string, NameMatch>();
  const matchOnce = (name: string): NameMatch => {
    const spelling = spellingOf(name);
    const key = nameKey(name);
    const ids = candidatesOf(key);
    const chosen = mappedBySpelling.get(spelling) ?? (ids.length < 2 ? mappedByKey.get(key) : undefined);
    if (chosen) return { kind: 'member', id: chosen };
    if (ids.length === 1) return { kind: 'member', id: ids[0]! };
    const remembered = aliases.get(spelling);
    if (remembered && nameOf.has(remembered) && (ids.length === 0 || ids.includes(remembered))) return { kind: 'member', id: remembered };
    if (ids.length >= 2) return { kind: 'ambiguous', candidates: ids.map((id) => ({ id, name: nameOf.get(id)!, seat: seatOf.get(id)! })) };
    return { kind: 'none' };
  };
  return {
    match(name) {
      let found = matched.get(name);
      if (!found) matched.set(name, (found = matchOnce(name)));
      return found;
    },
    aliasKey(name) {
      return candidatesOf(nameKey(name)).length >= 2 ? spellingOf(name) : nameKey(name);
    },
  };
}
