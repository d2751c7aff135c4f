// Someone outside the chapter on one side of a slip: a member of another chapter (name + chapter),
// a visitor, or BNI Connect's "BNI" account. One party row per person (found again by folded name
// and chapter), shown the same way on every screen, export and report.
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import type { OutsidePartyKind } from '../shared/domain';
import { LedgerError } from '../shared/errors';
import { foldName } from '../shared/names';

export interface OutsideParty {
  kind: OutsidePartyKind;
  name: string;
  chapterName: string;
}

/** "BNI Harbour" → "BNI Harbour chapter"; a name already ending in "chapter" is left as written. */
const chapterWords = (chapterName: string) => (/\bchapter$/i.test(chapterName.trim()) ? chapterName.trim() : `${chapterName.trim()} chapter`);

/** How a party reads on a slip: "Li Wei (BNI Harbour chapter)", "Sam Doe (visitor)", "BNI". */
export function partyLabel(p: OutsideParty): string {
  if (p.kind === 'bni') return 'BNI';
  if (p.kind === 'visitor') return `${p.name} (visitor)`;
  return `${p.name} (${chapterWords(p.chapterName)})`;
}

/** The same label in SQL, for lists read in one query (kept in step with partyLabel by a test). */
export const partyLabelSql = (alias: string) =>
  sql.raw(`CASE ${alias}.kind WHEN 'bni' THEN 'BNI' WHEN 'visitor' THEN ${alias}.name || ' (visitor)'
    ELSE ${alias}.name || ' (' || trim(${alias}.chapter_name) || CASE WHEN lower(trim(${alias}.chapter_name)) LIKE '%chapter' THEN '' ELSE ' chapter' END || ')' END`);

/** One person, however the name is spelt in case, accents or spacing; the "BNI" account is one party. */
export function partyMatchKey(p: OutsideParty): string {
  if (p.kind === 'bni') return 'bni';
  const chapter = foldName(p.chapterName).replace(/\s*chapter$/, '');
  return `${p.kind}|${foldName(p.name)}|${p.kind === 'other_chapter' ? chapter : ''}`;
}

/**
 * Reads "Li Wei (BNI Harbour chapter)", "Sam Doe (Visitor)" or "BNI", as the slips list and the
 * Slips Audit export write them and as BNI Connect marks people outside the chapter; null when the
 * text does not say the person is outside the chapter.
 */
export function partyFromText(text: string, detail = ''): OutsideParty | null {
  const t = text.trim();
  if (/^bni$/i.test(t)) return { kind: 'bni', name: 'BNI', chapterName: '' };
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(t);
  if (m) {
    const name = m[1]!.trim();
    const inner = m[2]!.trim();
    if (/^(visitor|guest|besucher(in)?|gast|visiteur|visiteuse|invit[ée]e?|visitante|invitad[oa])$/i.test(inner)) return { kind: 'visitor', name, chapterName: '' };
    const chapter = /^(?:chapter|kapitel|chapitre|cap[ií]tulo)\s*:?\s*(.+)$/i.exec(inner)?.[1] ?? /^(.+?)\s+(?:chapter|kapitel|chapitre)$/i.exec(inner)?.[1] ?? (/^bni\s/i.test(inner) ? inner : null);
    if (chapter) return { kind: 'other_chapter', name, chapterName: chapter.trim() };
  }
  // BNI Connect shows another chapter's member in bold with the chapter in the Detail: "Chapter: BNI Harbour".
  const inDetail = /(?:^|[\s;,])(?:other chapter|chapter|kapitel|chapitre|cap[ií]tulo)\s*:\s*([^;,\n]+)/i.exec(detail)?.[1];
  if (inDetail && t) return { kind: 'other_chapter', name: t, chapterName: inDetail.trim() };
  return null;
}

/** Checks what the secretary typed for the party: a sentence naming the field when something is missing. */
export function checkParty(p: OutsideParty, field = 'party'): OutsideParty {
  if (p.kind === 'bni') return { kind: 'bni', name: 'BNI', chapterName: '' };
  const name = p.name.trim();
  if (!name) {
    throw new LedgerError('invalid_input', p.kind === 'visitor' ? "Enter the visitor's name." : "Enter the name of the other chapter's member.", `${field}.name`);
  }
  if (p.kind === 'visitor') return { kind: 'visitor', name, chapterName: '' };
  const chapterName = p.chapterName.trim();
  if (!chapterName) throw new LedgerError('invalid_input', `Enter the chapter ${name} belongs to (e.g. BNI Harbour).`, `${field}.chapterName`);
  return { kind: 'other_chapter', name, chapterName };
}

/** The party's row, created the first time it appears on a slip. */
export function partyId(db: Db, p: OutsideParty): string {
  const key = partyMatchKey(p);
  const found = db.get<{ id: string }>(sql`SELECT id FROM outside_parties WHERE match_key = ${key}`);
  if (found) return found.id;
  const id = randomUUID();
  db.run(sql`INSERT INTO outside_parties (id, kind, name, chapter_name, match_key) VALUES (${id}, ${p.kind}, ${p.name}, ${p.chapterName}, ${key})`);
  return id;
}
