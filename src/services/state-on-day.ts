// The chapter as it stood at the end of a day: who was a member (their joined and left dates), their
// renewal date, leadership role and status as recorded by then (the audit log keeps every member's
// before and after), which seats were open (seat history), and each referral's follow-up status.
// A closed quarter's audit is computed from this state at the quarter's end, so printing it again
// later — after members join or leave, renewals move, or new meetings are held — gives the same pages.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { addDays } from '../shared/dates';

/** The instant (ISO, UTC) a day ends in the zone: midnight at the start of the next day there. */
export function endOfDayInstant(day: string, timeZone: string): string {
  const next = addDays(day, 1);
  const [y, m, d] = next.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment: what its wall clock reads, minus UTC. Twice, for a DST change.
  const offsetAt = (ms: number) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) - ms;
  };
  let instant = utcMidnight - offsetAt(utcMidnight);
  instant = utcMidnight - offsetAt(instant);
  return new Date(instant).toISOString();
}

export interface MemberOnDay {
  id: string;
  name: string;
  sortName: string;
  status: 'active' | 'on_leave';
  renewalDue: string | null;
  leadershipRole: string | null;
  classificationId: string;
}

interface RecordedMember {
  status?: string;
  renewalDue?: string | null;
  leadershipRole?: string | null;
  classificationId?: string;
}

/**
 * Each member's fields as recorded at `instant`: the last audit-log state written by then; a member
 * entered later (a roster typed in after the fact) counts as first entered. With `instant` null:
 * the fields as they are now.
 */
export function recordedMembers(db: Db, instant: string | null): Map<string, RecordedMember> {
  const recorded = new Map<string, RecordedMember>();
  if (instant === null) return recorded;
  const rows = db.all<{ id: string; at: string; after: string | null }>(sql`
    SELECT entity_id AS id, at, after FROM audit_log WHERE entity = 'member' AND after IS NOT NULL ORDER BY at, rowid`);
  for (const row of rows) {
    // Entries up to the instant replace each other; after it, only a member not yet seen is taken (once).
    if (row.at <= instant || !recorded.has(row.id)) recorded.set(row.id, JSON.parse(row.after!) as RecordedMember);
  }
  return recorded;
}

/**
 * The members on `day` (joined on or before it, not yet left, not an applicant), with their renewal,
 * role and status as recorded at `instant` (null: as they are now).
 */
export function membersOnDay(db: Db, day: string, instant: string | null): MemberOnDay[] {
  const recorded = recordedMembers(db, instant);
  const rows = db.all<MemberOnDay & { joinedOn: string; leftOn: string | null }>(sql`
    SELECT id, display_name AS name, sort_name AS sortName, status, renewal_due AS renewalDue, leadership_role AS leadershipRole,
      classification_id AS classificationId, joined_on AS joinedOn, left_on AS leftOn
    FROM members WHERE joined_on <= ${day} AND (left_on IS NULL OR left_on > ${day}) ORDER BY sort_name COLLATE NOCASE`);
  const out: MemberOnDay[] = [];
  for (const row of rows) {
    const then = recorded.get(row.id);
    const status = then?.status ?? row.status;
    if (status === 'applicant') continue;
    out.push({
      id: row.id,
      name: row.name,
      sortName: row.sortName,
      // The dates say they were a member that day; a status recorded as former by then cannot hold.
      status: status === 'on_leave' ? 'on_leave' : 'active',
      renewalDue: then && 'renewalDue' in then ? (then.renewalDue ?? null) : row.renewalDue,
      leadershipRole: then && 'leadershipRole' in then ? (then.leadershipRole ?? null) : row.leadershipRole,
      classificationId: then?.classificationId ?? row.classificationId,
    });
  }
  return out;
}

/**
 * Classifications whose seat nobody held or reserved on `day` (seat history), by contact sphere. A
 * classification entered after `instant` is left out unless someone held it that day.
 */
export function openSeatsOnDay(db: Db, day: string, instant: string): Array<{ sphere: string; classifications: string[] }> {
  const rows = db.all<{ sphere: string | null; name: string }>(sql`
    SELECT s.name AS sphere, c.name AS name FROM classifications c LEFT JOIN contact_spheres s ON s.id = c.sphere_id
    WHERE c.created_at <= ${instant}
      AND NOT EXISTS (SELECT 1 FROM seat_history h WHERE h.classification_id = c.id AND h.from_on <= ${day} AND (h.to_on IS NULL OR h.to_on > ${day}))
    ORDER BY s.name IS NULL, s.name COLLATE NOCASE, c.name COLLATE NOCASE`);
  const bySphere = new Map<string, string[]>();
  for (const r of rows) {
    const sphere = r.sphere ?? 'No contact sphere';
    bySphere.set(sphere, [...(bySphere.get(sphere) ?? []), r.name]);
  }
  return [...bySphere].map(([sphere, classifications]) => ({ sphere, classifications }));
}

/** Referrals given at the period's closed meetings by their follow-up status at the end of `day` (null: their latest). */
export function outcomesOnDay(db: Db, period: { from: string; to: string }, day: string | null): { won: number; lost: number; open: number } {
  const statusThen =
    day === null
      ? sql`r.status`
      : sql`coalesce((SELECT h.status FROM referral_status_history h WHERE h.referral_id = r.id AND h.changed_on <= ${day}
                             ORDER BY h.changed_on DESC, h.created_at DESC, h.rowid DESC LIMIT 1), 'new')`;
  const row = db.get<{ won: number | null; lost: number | null; open: number | null }>(sql`
    WITH given AS (
      SELECT r.id, ${statusThen} AS status
      FROM referrals r JOIN meetings g ON g.id = r.meeting_id
      WHERE r.deleted_at IS NULL AND g.status = 'completed' AND g.meeting_on BETWEEN ${period.from} AND ${period.to})
    SELECT sum(status = 'won') AS won, sum(status = 'lost') AS lost, sum(status NOT IN ('won', 'lost')) AS open FROM given`);
  return { won: row?.won ?? 0, lost: row?.lost ?? 0, open: row?.open ?? 0 };
}
