// The audit log in people's words: "Changed referral Dana Ruiz → Marcus Chen (Alvarez family):
// temperature 4 → 1", amounts in the chapter's currency, days as the chapter writes them, names
// instead of ids. The raw before/after stays with the entry for its "details".
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { formatDay } from '../shared/dates';
import { decisionOutcomeLabels, lostReasonLabels, weekdayNames, type DecisionOutcome, type LostReason } from '../shared/domain';
import { formatMoney } from '../shared/money';
import { slipAsRecorded } from './slips';

type Values = Record<string, unknown>;

export interface WordingContext {
  currency: string;
  locale: string;
  /** Names of the members, meetings and classifications the page's entries point at, by id. */
  names: Map<string, string>;
  /**
   * The parties of each slip the page's entries are about, read from the slip itself: an entry that
   * records only what changed (a status, a link) still names who gave and who received.
   */
  parties?: Map<string, Values>;
}

const verbs: Record<string, string> = {
  insert: 'Recorded',
  update: 'Changed',
  delete: 'Deleted',
  restore: 'Brought back',
  close: 'Closed',
  reopen: 'Re-opened',
  import: 'Imported',
};

const slipKindWords: Record<string, [string, string]> = {
  referral: ['referral', 'referrals'],
  tyfcb: ['TYFCB', 'TYFCBs'],
  one_to_one: ['one-to-one', 'one-to-ones'],
  visitor: ['visitor', 'visitors'],
  ceu: ['CEU', 'CEUs'],
  outside_party: ['slip with someone outside the chapter', 'slips with someone outside the chapter'],
};

const markWords: Record<string, string> = { P: 'present', A: 'absent', L: 'late', M: 'medical', S: 'substitute' };
const statusWords: Record<string, string> = {
  new: 'new',
  contacted: 'contacted',
  meeting_set: 'meeting set',
  won: 'won',
  lost: 'lost',
  draft: 'draft',
  completed: 'closed',
  cancelled: 'cancelled',
  active: 'active',
  on_leave: 'on leave',
  applicant: 'applicant',
  former: 'former',
};

/** Field names as the secretary knows them; fields not listed (ids, timestamps) are left to the details. */
const fieldLabels: Record<string, string> = {
  temperature: 'temperature',
  referralKind: 'inside/outside',
  prospectName: 'prospect',
  prospectPhone: 'prospect phone',
  prospectEmail: 'prospect email',
  note: 'note',
  status: 'status',
  lostReason: 'lost because',
  amountMinor: 'amount',
  business: 'new/repeat',
  tyfcbKind: 'inside/outside/tier 3',
  metOn: 'met on',
  name: 'name',
  company: 'company',
  classificationSought: 'classification sought',
  phone: 'phone',
  email: 'email',
  credits: 'credits',
  mark: 'mark',
  substituteName: 'substitute',
  meetingOn: 'date',
  firstName: 'first name',
  lastName: 'last name',
  joinedOn: 'joined on',
  renewalDue: 'renewal due',
  leftOn: 'left on',
  leadershipRole: 'role',
  currency: 'currency',
  locale: 'number format',
  meetingWeekday: 'meeting day',
  meetingTime: 'meeting time',
  absenceLimit: 'absence limit',
  absenceWindowMonths: 'absence window (months)',
  noReferralWeeks: 'weeks without referral',
  openReferralDays: 'days a referral may stay open',
  backupsMaxMb: 'backups may use at most (MB, 0 = no limit)',
  // Ids shown by the name they point at.
  giverId: 'from',
  receiverId: 'to',
  closerId: 'from',
  referrerId: 'thanking',
  memberAId: 'member',
  memberBId: 'met with',
  invitedById: 'invited by',
  memberId: 'member',
  sponsorId: 'sponsor',
  classificationId: 'classification',
  referralId: 'from referral',
};

// An absence letter's later changes (reviewed, sent) carry only the status: whom it is to is read from the letter,
// so the log never says "a member no longer on file" of a member still in the chapter.
const slipEntities = new Set(['referral', 'tyfcb', 'one_to_one', 'ceu', 'outside_party', 'absence_letter']);

/** Who is on each slip the entries are about (by the slip's id), with their names, in one query. */
export function lookUpParties(db: Db, entries: Array<{ entity: string; entityId: string }>): Map<string, Values> {
  const ids = [...new Set(entries.filter((e) => slipEntities.has(e.entity)).map((e) => e.entityId))];
  const parties = new Map<string, Values>();
  if (ids.length === 0) return parties;
  const list = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  const rows = db.all<{ id: string; a: string; aName: string; b: string | null; bName: string | null; prospect: string | null; kind: string }>(sql`
      SELECT r.id, r.giver_id AS a, g.display_name AS aName, r.receiver_id AS b, v.display_name AS bName, r.prospect_name AS prospect, 'referral' AS kind
        FROM referrals r JOIN members g ON g.id = r.giver_id JOIN members v ON v.id = r.receiver_id WHERE r.id IN (${list})
      UNION ALL SELECT t.id, t.closer_id, c.display_name, t.referrer_id, f.display_name, NULL, 'tyfcb'
        FROM tyfcb_slips t JOIN members c ON c.id = t.closer_id JOIN members f ON f.id = t.referrer_id WHERE t.id IN (${list})
      UNION ALL SELECT o.id, o.member_a_id, ma.display_name, o.member_b_id, mb.display_name, NULL, 'one_to_one'
        FROM one_to_ones o JOIN members ma ON ma.id = o.member_a_id JOIN members mb ON mb.id = o.member_b_id WHERE o.id IN (${list})
      UNION ALL SELECT e.id, e.member_id, m.display_name, NULL, NULL, NULL, 'ceu'
        FROM ceus e JOIN members m ON m.id = e.member_id WHERE e.id IN (${list})
      UNION ALL SELECT l.id, l.member_id, m.display_name, NULL, NULL, NULL, 'absence_letter'
        FROM absence_letters l JOIN members m ON m.id = l.member_id WHERE l.id IN (${list})`);
  // Slips with someone outside the chapter: a handful per page, read as the slip list reads them.
  for (const id of ids.filter((i) => entries.some((e) => e.entityId === i && e.entity === 'outside_party'))) {
    const slip = slipAsRecorded(db, 'outside_party', id);
    if (slip?.kind === 'outside_party') parties.set(id, { slipType: slip.slipType, fromName: slip.fromName, toName: slip.toName, ...(slip.prospectName ? { prospectName: slip.prospectName } : {}) });
  }
  for (const r of rows) {
    if (r.kind === 'referral') parties.set(r.id, { giverId: r.a, giverName: r.aName, receiverId: r.b, receiverName: r.bName, ...(r.prospect ? { prospectName: r.prospect } : {}) });
    else if (r.kind === 'tyfcb') parties.set(r.id, { closerId: r.a, closerName: r.aName, referrerId: r.b, referrerName: r.bName });
    else if (r.kind === 'one_to_one') parties.set(r.id, { memberAId: r.a, memberAName: r.aName, memberBId: r.b, memberBName: r.bName });
    else parties.set(r.id, { memberId: r.a, memberName: r.aName });
  }
  return parties;
}

/** Ids in an entry's values that name something: collected per page and looked up in one query each. */
const idFields = ['giverId', 'receiverId', 'closerId', 'referrerId', 'memberAId', 'memberBId', 'invitedById', 'memberId', 'sponsorId', 'classificationId', 'meetingId', 'referralId'];

export function lookUpNames(db: Db, entries: Array<{ before: string | null; after: string | null; entity: string; entityId: string }>): Map<string, string> {
  const ids = new Set<string>();
  for (const e of entries) {
    for (const raw of [e.before, e.after]) {
      const v = parse(raw);
      if (!v) continue;
      for (const f of idFields) if (typeof v[f] === 'string') ids.add(v[f] as string);
    }
    if (e.entity === 'member' || e.entity === 'meeting') ids.add(e.entityId);
  }
  const names = new Map<string, string>();
  if (ids.size === 0) return names;
  const list = sql.join([...ids].map((id) => sql`${id}`), sql`, `);
  for (const row of db.all<{ id: string; name: string }>(sql`
      SELECT id, display_name AS name FROM members WHERE id IN (${list})
      UNION ALL SELECT id, name FROM classifications WHERE id IN (${list})
      UNION ALL SELECT id, meeting_on AS name FROM meetings WHERE id IN (${list})
      UNION ALL SELECT r.id, 'the referral ' || g.display_name || ' → ' || v.display_name || coalesce(' (' || nullif(r.prospect_name, '') || ')', '')
        FROM referrals r JOIN members g ON g.id = r.giver_id JOIN members v ON v.id = r.receiver_id WHERE r.id IN (${list})`)) {
    names.set(row.id, row.name);
  }
  return names;
}

function parse(raw: string | null): Values | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Values) : null;
  } catch {
    return null;
  }
}

/** One entry in a sentence: what happened to what, and for a change, each field from → to. */
export function wordEntry(entry: { action: string; entity: string; entityId: string; before: string | null; after: string | null }, ctx: WordingContext): string {
  const b = parse(entry.before);
  const a = parse(entry.after);
  const subject = describeSubject(entry.entity, entry.entityId, { ...(ctx.parties?.get(entry.entityId) ?? {}), ...(b ?? {}), ...(a ?? {}) }, ctx);
  const verb = verbs[entry.action] ?? entry.action;
  if (entry.action === 'update' && a && b) {
    const changes = Object.keys({ ...b, ...a })
      .filter((k) => fieldLabels[k] && JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
      .map((k) => `${fieldLabels[k]} ${value(k, b[k], b, ctx)} → ${value(k, a[k], a, ctx)}`);
    return changes.length ? `${verb} ${subject}: ${changes.join('; ')}` : `${verb} ${subject}`;
  }
  return `${verb} ${subject}`;
}

function describeSubject(entity: string, entityId: string, v: Values, ctx: WordingContext): string {
  const text = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const who = (nameKey: string, idKey: string) => text(nameKey) || ctx.names.get(text(idKey)) || 'a member no longer on file';
  const day = (d: string) => (d ? formatDay(d, ctx.locale) : '');
  switch (entity) {
    case 'referral':
      return `referral ${who('giverName', 'giverId')} → ${who('receiverName', 'receiverId')}${text('prospectName') ? ` (${text('prospectName')})` : ''}`;
    case 'tyfcb':
      return `TYFCB ${who('closerName', 'closerId')} thanks ${who('referrerName', 'referrerId')}${typeof v.amountMinor === 'number' ? `, ${money(v.amountMinor, v, ctx)}` : ''}`;
    case 'one_to_one':
      return `one-to-one ${who('memberAName', 'memberAId')} & ${who('memberBName', 'memberBId')}`;
    case 'visitor':
      return `visitor ${text('name') || 'without a name'}`;
    case 'outside_party': {
      // The party reads as on the slip: "Li Wei (BNI Harbour chapter)", "Sam Doe (visitor)", "BNI".
      const from = text('fromName') || 'someone no longer on file';
      const to = text('toName') || 'someone no longer on file';
      if (text('slipType') === 'referral') return `referral ${from} → ${to}${text('prospectName') ? ` (${text('prospectName')})` : ''}`;
      if (text('slipType') === 'tyfcb') return `TYFCB ${from} thanks ${to}${typeof v.amountMinor === 'number' ? `, ${money(v.amountMinor, v, ctx)}` : ''}`;
      if (text('slipType') === 'one_to_one') return `one-to-one ${from} & ${to}`;
      return 'slip with someone outside the chapter';
    }
    case 'ceu':
      return `CEU ${who('memberName', 'memberId')}${typeof v.credits === 'number' ? `, ${v.credits} credit${v.credits === 1 ? '' : 's'}` : ''}`;
    case 'attendance': {
      const meetingOn = text('meetingOn') || ctx.names.get(text('meetingId')) || '';
      const mark = markWords[text('mark')];
      return `attendance of ${who('memberName', 'memberId')}${meetingOn ? ` on ${day(meetingOn)}` : ''}${mark ? ` (${mark}${text('substituteName') ? `: ${text('substituteName')}` : ''})` : ''}`;
    }
    case 'meeting':
      return `meeting of ${day(text('meetingOn') || ctx.names.get(entityId) || '')}`;
    case 'member': {
      const name = [text('firstName'), text('lastName')].filter(Boolean).join(' ') || text('fullName') || ctx.names.get(entityId) || 'a member';
      return `member ${name}`;
    }
    case 'chapter':
      return `chapter details${text('name') ? ` (${text('name')})` : ''}`;
    case 'classification':
      return `classification ${text('name')}`.trim();
    case 'contact_sphere':
      return `contact sphere ${text('name')}`.trim();
    case 'scorecard_profile':
      return 'scorecard profile';
    case 'chapter_file':
      return 'chapter file';
    case 'committee_decision': {
      // "committee decision on Brian Kowalski's renewal: Renewed with conditions"
      const topic = text('topic');
      const outcome = decisionOutcomeLabels[text('outcome') as DecisionOutcome] ?? text('outcome');
      const about = topic === 'application' ? 'application' : topic === 'renewal' ? 'renewal' : topic === 'attendance' ? 'attendance' : 'membership';
      return `committee decision on ${who('memberName', 'memberId')}'s ${about}${outcome ? `: ${outcome}` : ''}`;
    }
    case 'absence_letter':
      return `absence letter to ${who('memberName', 'memberId')}`;
    case 'import_batch': {
      // "Imported night.csv into the meeting of 17 Nov 2026: 5 slips (2 referrals, 1 TYFCB, 1 one-to-one, 1 CEU)"
      const counts = (v.counts ?? {}) as Record<string, number>;
      const parts = Object.entries(slipKindWords)
        .filter(([kind]) => (counts[kind] ?? 0) > 0)
        .map(([kind, [one, many]]) => `${(counts[kind] ?? 0).toLocaleString('en-US')} ${counts[kind] === 1 ? one : many}`);
      const total = typeof v.created === 'number' ? v.created : 0;
      // A file naming another chapter, imported on the secretary's word: said with the import.
      const override = text('anotherChapter') ? `. ${text('anotherChapter')}` : '';
      // "Imported attendance.csv: 52 attendance marks, in 26 meetings it created"
      if (text('kind') === 'attendance') {
        const made = typeof v.meetingsCreated === 'number' ? v.meetingsCreated : 0;
        return `${text('fileName') || 'a file'}: ${total.toLocaleString('en-US')} attendance mark${total === 1 ? '' : 's'}${made ? `, in ${made.toLocaleString('en-US')} meeting${made === 1 ? '' : 's'} it created` : ''}${override}`;
      }
      return `${text('fileName') || 'a file'}${text('meetingOn') ? ` into the meeting of ${day(text('meetingOn'))}` : ''}: ${total.toLocaleString('en-US')} slip${total === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}${override}`;
    }
    default:
      return entity.replace(/_/g, ' ');
  }
}

function money(minor: unknown, v: Values, ctx: WordingContext): string {
  const currency = typeof v.currency === 'string' ? v.currency : ctx.currency;
  return formatMoney(Number(minor), currency, ctx.locale);
}

function value(key: string, v: unknown, all: Values, ctx: WordingContext): string {
  if (v === null || v === undefined || v === '') return '—';
  if (key === 'amountMinor') return money(v, all, ctx);
  if (key === 'mark') return markWords[String(v)] ?? String(v);
  if (key === 'status') return statusWords[String(v)] ?? String(v);
  if (key === 'lostReason') return lostReasonLabels[String(v) as LostReason] ?? String(v);
  if (key === 'meetingWeekday') return weekdayNames[Number(v)] ?? String(v);
  if (key.endsWith('Id')) {
    const nameKey = key.replace(/Id$/, 'Name');
    return (typeof all[nameKey] === 'string' ? (all[nameKey] as string) : '') || ctx.names.get(String(v)) || 'someone no longer on file';
  }
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDay(v, ctx.locale);
  return String(v);
}
