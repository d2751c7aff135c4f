// Which TYFCB money counts in a total: the one definition every total uses (tallies, Reciprocity,
// the matrix, PALMS, the meeting sheet, the weekly report, the quarterly audit, member statements,
// outcomes and recognition).
//
// A slip under an open dispute (raised by one of its two members, not yet resolved by leadership)
// is left out of every total and shown apart next to it as "disputed: $X (n slips)". When leadership
// resolves it the slip goes back in (confirmed, or corrected as an amendment — at its corrected
// amount) or stays out for good (removed: the slip becomes a tombstone).
import { sql, type SQL } from 'drizzle-orm';

/** True while the TYFCB slip aliased `t` has an open dispute (the partial unique index tyfcb_disputes_one_open answers it). */
export const tyfcbDisputed = (t: string): SQL =>
  sql`EXISTS (SELECT 1 FROM tyfcb_disputes d WHERE d.tyfcb_id = ${sql.raw(t)}.id AND d.resolution IS NULL)`;

/**
 * The three sums a total needs from live TYFCB slips aliased `t` (deleted slips must already be
 * filtered out): `${name}` counted money, `${name}_disputed` money under dispute, `${name}_disputed_slips`.
 * The dispute is looked up once per slip, in the derived column `disputed` of {@link tyfcbRows}.
 */
export const tyfcbSums = (name: string): SQL =>
  sql.raw(`sum(CASE WHEN disputed THEN 0 ELSE amount_minor END) AS ${name}, sum(CASE WHEN disputed THEN amount_minor ELSE 0 END) AS ${name}_disputed, sum(disputed) AS ${name}_disputed_slips`);

/**
 * Live TYFCB slips with a 0/1 `disputed` column, restricted by `join` (e.g. the period's meetings)
 * and `where`: the row source every TYFCB total reads from.
 */
export const tyfcbRows = (join: SQL, where: SQL = sql`1`): SQL => sql`SELECT t.id, t.meeting_id, t.closer_id, t.referrer_id, t.referral_id, t.amount_minor,
    ${tyfcbDisputed('t')} AS disputed
  FROM tyfcb_slips t ${join} WHERE t.deleted_at IS NULL AND ${where}`;
