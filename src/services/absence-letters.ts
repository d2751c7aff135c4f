// Attendance discipline. Absences are counted as the chapter's policy says (lates, substitutes
// beyond a cap and medical leave beyond a limit can count) over the rolling window; a member who
// reaches the warning threshold or the chapter's absence limit gets a letter drafted from the
// template, once per threshold per window. Leadership reviews it and marks it sent. The final
// letter never decides anything by itself: it opens a committee decision.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { absenceLetters } from '../db/schema';
import type { AbsenceLetter, Chapter, LeadershipPolicies, ParsedInput } from '../shared/contract';
import { addMonths, formatDay } from '../shared/dates';
import { reasonRequiredFor, type LetterLevel } from '../shared/domain';
import { LedgerError } from '../shared/errors';
import { memberUpdate, readDecisions, recordDecision } from './applications';
import { recordAudit } from './audit';
import { requireChapter, chapterToday } from './chapter';
import { getLeadershipPolicies } from './leadership-policies';
import { requireMember, updateMember } from './members';

const markWords: Record<string, string> = { A: 'absent', L: 'late', S: 'substitute', M: 'medical' };

export interface CountedAbsences {
  memberId: string;
  name: string;
  absences: number;
  counted: Array<{ on: string; mark: string }>;
}

/**
 * Absences as the policy counts them, per current member, in the window ending on `asOf`
 * (completed meetings only). One query for the marks that can count; the arithmetic is per member.
 */
export function countAbsences(db: Db, asOf: string, chapter: Chapter, policies: LeadershipPolicies): CountedAbsences[] {
  const rows = db.all<{ memberId: string; name: string; on: string; mark: 'A' | 'L' | 'S' | 'M' }>(sql`
    SELECT m.id AS memberId, m.display_name AS name, g.meeting_on AS "on", a.mark
    FROM attendance a JOIN meetings g ON g.id = a.meeting_id JOIN members m ON m.id = a.member_id
    WHERE g.status = 'completed' AND a.mark IN ('A', 'L', 'S', 'M') AND m.status IN ('active', 'on_leave')
      AND g.meeting_on > ${addMonths(asOf, -chapter.absenceWindowMonths)} AND g.meeting_on <= ${asOf}
    ORDER BY m.id, g.meeting_on`);
  const byMember = new Map<string, CountedAbsences & { lates: number; subs: number; medical: number }>();
  for (const r of rows) {
    const m = byMember.get(r.memberId) ?? { memberId: r.memberId, name: r.name, absences: 0, counted: [], lates: 0, subs: 0, medical: 0 };
    byMember.set(r.memberId, m);
    if (r.mark === 'A') {
      m.absences += 1;
      m.counted.push({ on: r.on, mark: r.mark });
    } else if (r.mark === 'L' && policies.latesPerAbsence > 0) {
      m.lates += 1;
      m.counted.push({ on: r.on, mark: r.mark });
      if (m.lates % policies.latesPerAbsence === 0) m.absences += 1;
    } else if (r.mark === 'S' && policies.substituteCap !== null) {
      m.subs += 1;
      if (m.subs > policies.substituteCap) {
        m.absences += 1;
        m.counted.push({ on: r.on, mark: r.mark });
      }
    } else if (r.mark === 'M' && policies.medicalLimit !== null) {
      m.medical += 1;
      if (m.medical > policies.medicalLimit) {
        m.absences += 1;
        m.counted.push({ on: r.on, mark: r.mark });
      }
    }
  }
  return [...byMember.values()].map(({ memberId, name, absences, counted }) => ({ memberId, name, absences, counted }));
}

export function policySentence(chapter: Chapter, p: LeadershipPolicies): string {
  // The final letter goes out on reaching the limit, so the policy is said as the count that brings a
  // membership to the committee ("no more than 3" told a member with 3 absences they were within it).
  const parts = [`that ${chapter.absenceLimit} absences in any ${chapter.absenceWindowMonths} months bring a membership to the membership committee`];
  if (p.latesPerAbsence > 0) parts.push(`${p.latesPerAbsence} late arrival${p.latesPerAbsence > 1 ? 's count' : ' counts'} as one absence`);
  if (p.substituteCap !== null) parts.push(`substitutes beyond ${p.substituteCap} in that time count as absences`);
  if (p.medicalLimit !== null) parts.push(`medical leave beyond ${p.medicalLimit} meetings in that time counts as absence`);
  return parts.join('; ');
}

/** Fills a template's {placeholders}; unknown ones are left as written so a typo shows. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z ]+)\}/gi, (whole, key: string) => values[key.toLowerCase()] ?? whole);
}

interface LetterRow extends Omit<AbsenceLetter, 'countedMeetings' | 'decision'> {
  countedMeetings: string;
}

export function readLetters(db: Db, where: ReturnType<typeof sql>): AbsenceLetter[] {
  const rows = db.all<LetterRow>(sql`
    SELECT l.id, l.member_id AS memberId, m.display_name AS memberName, l.level, l.absences,
      l.counted_meetings AS countedMeetings, l.reached_on AS reachedOn, l.body, l.status, l.reviewed_on AS reviewedOn,
      l.reviewed_by AS reviewedBy, l.sent_on AS sentOn, l.sent_how AS sentHow, l.created_at AS createdAt
    FROM absence_letters l JOIN members m ON m.id = l.member_id
    WHERE ${where}
    ORDER BY l.status = 'sent', l.reached_on DESC, l.created_at DESC`);
  const ids = rows.filter((r) => r.level === 'final').map((r) => r.id);
  const decisions = new Map<string, AbsenceLetter['decision']>();
  if (ids.length > 0) {
    const linked = db.all<{ id: string; letterId: string }>(sql`SELECT id, absence_letter_id AS letterId FROM committee_decisions WHERE absence_letter_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
    const byId = new Map(readDecisions(db, sql`d.id IN (${sql.join(linked.map((l) => sql`${l.id}`).concat(sql`''`), sql`, `)})`).map((d) => [d.id, d]));
    for (const l of linked) decisions.set(l.letterId, byId.get(l.id) ?? null);
  }
  return rows.map((r) => ({ ...r, countedMeetings: JSON.parse(r.countedMeetings) as AbsenceLetter['countedMeetings'], decision: decisions.get(r.id) ?? null }));
}

function requireLetter(db: Db, id: string): AbsenceLetter {
  const found = readLetters(db, sql`l.id = ${id}`)[0];
  if (!found) throw new LedgerError('not_found', 'That letter does not exist.', 'id');
  return found;
}

export function listAbsenceLetters(db: Db, input: ParsedInput<'listAbsenceLetters'>): AbsenceLetter[] {
  return readLetters(
    db,
    sql`${input.memberId ? sql`l.member_id = ${input.memberId}` : sql`1 = 1`} AND ${input.show === 'to_review' ? sql`l.status <> 'sent'` : sql`1 = 1`}`,
  );
}

/**
 * Drafts the letters due as of the last completed meeting on or before `today`: for each member at
 * or over a threshold, the highest level reached, unless a letter of that level (or the final one)
 * was already drafted in the current window. Running it twice drafts nothing the second time.
 */
export function draftAbsenceLetters(db: Db, today: string = chapterToday(db)): { drafted: AbsenceLetter[] } {
  return db.transaction((tx) => {
    const chapter = requireChapter(tx);
    const policies = getLeadershipPolicies(tx);
    const asOf = tx.get<{ on: string | null }>(sql`SELECT max(meeting_on) AS "on" FROM meetings WHERE status = 'completed' AND meeting_on <= ${today}`)?.on;
    if (!asOf || chapter.absenceLimit === 0) return { drafted: [] };
    const windowStart = addMonths(asOf, -chapter.absenceWindowMonths);
    const warningAt = policies.warningAt > 0 && policies.warningAt < chapter.absenceLimit ? policies.warningAt : null;
    const drafted: string[] = [];
    for (const member of countAbsences(tx, asOf, chapter, policies)) {
      const level: LetterLevel | null = member.absences >= chapter.absenceLimit ? 'final' : warningAt !== null && member.absences >= warningAt ? 'warning' : null;
      if (!level) continue;
      const already = tx.get<{ n: number }>(sql`
        SELECT count(*) AS n FROM absence_letters
        WHERE member_id = ${member.memberId} AND reached_on > ${windowStart} AND (level = ${level} OR level = 'final')`)!.n;
      if (already > 0) continue;
      const dates = member.counted.map((c) => `${formatDay(c.on, chapter.locale)}${c.mark === 'A' ? '' : ` (${markWords[c.mark]})`}`).join(', ');
      const body = fillTemplate(level === 'final' ? policies.finalTemplate : policies.warningTemplate, {
        member: member.name,
        chapter: chapter.name,
        count: String(member.absences),
        dates,
        window: String(chapter.absenceWindowMonths),
        policy: policySentence(chapter, policies),
        signatory: policies.signatory || `The leadership team of ${chapter.name}`,
        date: formatDay(today, chapter.locale),
      });
      const row = tx
        .insert(absenceLetters)
        .values({ memberId: member.memberId, level, absences: member.absences, countedMeetings: JSON.stringify(member.counted), reachedOn: asOf, body })
        .returning()
        .get();
      recordAudit(tx, { action: 'insert', entity: 'absence_letter', entityId: row.id, after: row, reason: `${member.name} reached ${member.absences} absences` });
      drafted.push(row.id);
    }
    return { drafted: drafted.map((id) => requireLetter(tx, id)) };
  });
}

function requireUnsent(letter: AbsenceLetter): void {
  if (letter.status === 'sent') throw new LedgerError('conflict', `This letter was sent on ${letter.sentOn}; a sent letter is kept as it went out.`, 'id');
}

export function editAbsenceLetter(db: Db, input: ParsedInput<'editAbsenceLetter'>): AbsenceLetter {
  return db.transaction((tx) => {
    const before = requireLetter(tx, input.id);
    requireUnsent(before);
    // The same text saved again (Save pressed twice): nothing changed, nothing written, the review stands.
    if (input.body === before.body) return before;
    // Changed after review: it needs reading again before it goes out.
    tx.update(absenceLetters).set({ body: input.body, status: 'draft', reviewedOn: null, reviewedBy: null }).where(eq(absenceLetters.id, input.id)).run();
    const after = requireLetter(tx, input.id);
    recordAudit(tx, { action: 'update', entity: 'absence_letter', entityId: input.id, before: { body: before.body, status: before.status }, after: { body: after.body, status: after.status } });
    return after;
  });
}

export function reviewAbsenceLetter(db: Db, input: ParsedInput<'reviewAbsenceLetter'>, today: string = chapterToday(db)): AbsenceLetter {
  return db.transaction((tx) => {
    const before = requireLetter(tx, input.id);
    // Marked reviewed twice (a double click, a second Enter): nothing changes, so nothing is written or audited.
    if (before.status === 'reviewed' && before.reviewedBy === input.reviewedBy && before.reviewedOn === input.reviewedOn) return before;
    requireUnsent(before);
    if (input.reviewedOn > today) throw new LedgerError('invalid_input', `Review date cannot be in the future (today is ${today}).`, 'reviewedOn');
    if (input.reviewedOn < before.reachedOn) throw new LedgerError('invalid_input', `Review date cannot be before the letter was due (${before.reachedOn}).`, 'reviewedOn');
    tx.update(absenceLetters).set({ status: 'reviewed', reviewedOn: input.reviewedOn, reviewedBy: input.reviewedBy }).where(eq(absenceLetters.id, input.id)).run();
    const after = requireLetter(tx, input.id);
    recordAudit(tx, { action: 'update', entity: 'absence_letter', entityId: input.id, before: { status: before.status }, after: { status: after.status, reviewedOn: after.reviewedOn, reviewedBy: after.reviewedBy } });
    return after;
  });
}

export function markAbsenceLetterSent(db: Db, input: ParsedInput<'markAbsenceLetterSent'>, today: string = chapterToday(db)): AbsenceLetter {
  return db.transaction((tx) => {
    const before = requireLetter(tx, input.id);
    // Marked sent twice the same way on the same day: it is already so; nothing is written or audited.
    if (before.status === 'sent' && before.sentOn === input.sentOn && before.sentHow === input.sentHow) return before;
    requireUnsent(before);
    if (before.status !== 'reviewed') throw new LedgerError('conflict', 'Review the letter before marking it sent: leadership reads every letter before it goes out.', 'id');
    if (input.sentOn > today) throw new LedgerError('invalid_input', `Sent on cannot be in the future (today is ${today}).`, 'sentOn');
    if (before.reviewedOn && input.sentOn < before.reviewedOn) throw new LedgerError('invalid_input', `Sent on cannot be before the review (${before.reviewedOn}).`, 'sentOn');
    tx.update(absenceLetters).set({ status: 'sent', sentOn: input.sentOn, sentHow: input.sentHow }).where(eq(absenceLetters.id, input.id)).run();
    const after = requireLetter(tx, input.id);
    recordAudit(tx, { action: 'update', entity: 'absence_letter', entityId: input.id, before: { status: before.status }, after: { status: after.status, sentOn: after.sentOn, sentHow: after.sentHow } });
    return after;
  });
}

/** The committee's decision that a final letter opens: keep, keep with conditions, or release the seat. */
export function decideAttendance(db: Db, input: ParsedInput<'decideAttendance'>, today: string = chapterToday(db)): AbsenceLetter {
  return db.transaction((tx) => {
    const letter = requireLetter(tx, input.letterId);
    if (letter.level !== 'final') throw new LedgerError('invalid_input', 'Only a final letter goes to the committee; a warning letter needs no decision.', 'letterId');
    if (letter.decision) throw new LedgerError('conflict', `The committee already decided (${letter.decision.outcome}, ${letter.decision.decidedOn}).`, 'letterId');
    if (input.decidedOn > today) throw new LedgerError('invalid_input', `Decision date cannot be in the future (today is ${today}).`, 'decidedOn');
    if (input.decidedOn < letter.reachedOn) throw new LedgerError('invalid_input', `Decision date cannot be before the threshold was reached (${letter.reachedOn}).`, 'decidedOn');
    if (input.outcome === 'kept_with_conditions' && input.conditions === '') throw new LedgerError('invalid_input', 'Write the conditions the member is kept on.', 'conditions');
    if (reasonRequiredFor(input.outcome) && input.reason.trim() === '') {
      throw new LedgerError('reason_required', input.outcome === 'released' ? `Give the reason ${letter.memberName}'s seat is released.` : `Give the reason ${letter.memberName} is kept with conditions.`, 'reason');
    }
    const member = requireMember(tx, letter.memberId);
    if (input.outcome === 'released') {
      if (member.status === 'former') throw new LedgerError('conflict', `${member.fullName} has already left the chapter.`, 'outcome');
      updateMember(tx, { ...memberUpdate(member), status: 'former', leftOn: input.decidedOn });
    }
    recordDecision(tx, {
      topic: 'attendance',
      memberId: member.id,
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      decidedBy: input.decidedBy,
      reason: input.reason,
      conditions: input.conditions,
      absenceLetterId: letter.id,
    });
    return requireLetter(tx, letter.id);
  });
}

/** Letters not yet sent, and final letters the committee has not decided on. */
export function lettersForThisWeek(db: Db): { toReview: AbsenceLetter[]; committee: AbsenceLetter[] } {
  return {
    toReview: readLetters(db, sql`l.status <> 'sent'`),
    committee: readLetters(db, sql`l.level = 'final' AND NOT EXISTS (SELECT 1 FROM committee_decisions d WHERE d.absence_letter_id = l.id)`),
  };
}
