import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import type { AbsenceLetter } from '../../src/shared/contract';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { auditRows, closeWith, daysAgo, meeting, ok, refused, today } from '../support/leadership';

let opened: OpenedDatabase;
let api: Registry;
let seats: ReturnType<typeof smallChapter>;
let greg: { id: string; fullName: string };
let dana: { id: string };

const policies = (changes: Record<string, unknown>) => {
  const current = ok<any>(api.call('getLeadershipPolicies', {}));
  const { absenceLimit: _limit, absenceWindowMonths: _window, ...editable } = current;
  return ok<any>(api.call('saveLeadershipPolicies', { ...editable, ...changes }));
};
const draft = () => ok<{ drafted: AbsenceLetter[] }>(api.call('draftAbsenceLetters', {})).drafted;
const letters = () => ok<AbsenceLetter[]>(api.call('listAbsenceLetters', { memberId: greg.id }));
/** Weekly meetings counted back from today: week 0 is the most recent. */
const weekly = (weeksAgo: number, marks: Record<string, 'A' | 'L' | 'M' | 'S'> = {}) => closeWith(api, meeting(api, daysAgo(7 * weeksAgo + 1)), marks);

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  seats = smallChapter(opened);
  dana = ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz')));
  greg = ok(api.call('addMember', memberInput(seats.mortgage, 'Greg', 'Holloway')));
  policies({ signatory: 'Nadia Haddad, Membership Committee' });
});

describe('absence letters are drafted at the threshold', () => {
  it('no letter before the warning threshold; a warning at the 2nd absence; the final at the 3rd (the chapter limit)', () => {
    weekly(6, { [greg.id]: 'A' });
    expect(draft()).toEqual([]);

    weekly(5, { [greg.id]: 'A' });
    const [warning] = draft();
    expect(warning).toMatchObject({ memberName: 'Greg Holloway', level: 'warning', absences: 2, status: 'draft' });
    expect(warning!.countedMeetings.map((m) => m.on)).toEqual([daysAgo(43), daysAgo(36)]);
    expect(warning!.body).toContain('Dear Greg Holloway');
    expect(warning!.body).toContain('policy is that 3 absences in any 6 months bring a membership to the membership committee');
    // Never a policy the final letter's own count would satisfy ("no more than 3" to a member with 3).
    expect(warning!.body).not.toContain('no more than');
    expect(warning!.body).toContain('Nadia Haddad, Membership Committee');
    expect(warning!.body).not.toMatch(/\{[a-z]+\}/);

    // Not drafted twice.
    expect(draft()).toEqual([]);
    weekly(4);
    expect(draft()).toEqual([]);

    weekly(3, { [greg.id]: 'A' });
    const [final] = draft();
    expect(final).toMatchObject({ level: 'final', absences: 3 });
    expect(final!.body).toContain('membership committee will review');
    expect(letters().map((l) => l.level)).toEqual(['final', 'warning']);
    expect(auditRows(opened, 'absence_letter').map((r) => r.action)).toEqual(['insert', 'insert']);
  });

  it('jumping straight past the warning drafts only the final letter', () => {
    weekly(3, { [greg.id]: 'A' });
    weekly(2, { [greg.id]: 'A' });
    weekly(1, { [greg.id]: 'A' });
    expect(draft().map((l) => l.level)).toEqual(['final']);
  });

  it('lates count as part of an absence when the policy says so (3 lates = 1 absence)', () => {
    policies({ latesPerAbsence: 3 });
    weekly(5, { [greg.id]: 'A' });
    weekly(4, { [greg.id]: 'L' });
    weekly(3, { [greg.id]: 'L' });
    expect(draft()).toEqual([]);
    weekly(2, { [greg.id]: 'L' });
    const [warning] = draft();
    expect(warning).toMatchObject({ level: 'warning', absences: 2 });
    expect(warning!.countedMeetings.map((m) => m.mark)).toEqual(['A', 'L', 'L', 'L']);
    expect(warning!.body).toContain('(late)');
  });

  it('substitutes beyond the cap and medical leave beyond the limit count; within them they do not', () => {
    policies({ substituteCap: 1, medicalLimit: 2 });
    weekly(6, { [greg.id]: 'S' });
    weekly(5, { [greg.id]: 'M' });
    weekly(4, { [greg.id]: 'M' });
    expect(draft()).toEqual([]);
    weekly(3, { [greg.id]: 'S' });
    weekly(2, { [greg.id]: 'M' });
    const [warning] = draft();
    expect(warning).toMatchObject({ level: 'warning', absences: 2 });
    expect(warning!.countedMeetings).toEqual([
      { on: daysAgo(22), mark: 'S' },
      { on: daysAgo(15), mark: 'M' },
    ]);
  });

  it('without the policies, lates, substitutes and medical leave never count', () => {
    weekly(4, { [greg.id]: 'L' });
    weekly(3, { [greg.id]: 'S' });
    weekly(2, { [greg.id]: 'M' });
    weekly(1, { [greg.id]: 'L' });
    expect(draft()).toEqual([]);
  });

  it('absences older than the rolling window do not count', () => {
    closeWith(api, meeting(api, daysAgo(250)), { [greg.id]: 'A' });
    weekly(1, { [greg.id]: 'A' });
    expect(draft()).toEqual([]);
    closeWith(api, meeting(api, daysAgo(150)), { [greg.id]: 'A' });
    expect(draft()).toMatchObject([{ level: 'warning', absences: 2 }]);
  });

  it('a warning threshold at or above the chapter limit is refused in words', () => {
    const { absenceLimit: _limit, absenceWindowMonths: _window, ...editable } = ok<any>(api.call('getLeadershipPolicies', {}));
    const error = refused(api.call('saveLeadershipPolicies', { ...editable, warningAt: 3 }));
    expect(error).toMatchObject({ field: 'warningAt' });
    expect(error.message).toContain("below the chapter's absence limit (3)");
  });
});

describe('review, send and the committee', () => {
  const toFinal = () => {
    weekly(3, { [greg.id]: 'A' });
    weekly(2, { [greg.id]: 'A' });
    weekly(1, { [greg.id]: 'A', [dana.id]: 'A' });
    return draft().find((l) => l.memberId === greg.id)!;
  };

  it('"Mark reviewed" double-clicked, "Mark sent" or "Save text" pressed twice record it once: no second toast-worthy change, no empty audit entry', () => {
    const letter = toFinal();
    const before = auditRows(opened, 'absence_letter', letter.id).length;
    const review = { id: letter.id, reviewedBy: 'Dana Ruiz', reviewedOn: today() };
    ok(api.call('reviewAbsenceLetter', review));
    expect(ok<AbsenceLetter>(api.call('reviewAbsenceLetter', review))).toMatchObject({ status: 'reviewed', reviewedBy: 'Dana Ruiz' });
    expect(auditRows(opened, 'absence_letter', letter.id)).toHaveLength(before + 1);
    // Saving the unchanged text does not send the reviewed letter back to draft.
    expect(ok<AbsenceLetter>(api.call('editAbsenceLetter', { id: letter.id, body: letter.body }))).toMatchObject({ status: 'reviewed' });
    expect(auditRows(opened, 'absence_letter', letter.id)).toHaveLength(before + 1);
    const sent = { id: letter.id, sentOn: today(), sentHow: 'post' };
    ok(api.call('markAbsenceLetterSent', sent));
    expect(ok<AbsenceLetter>(api.call('markAbsenceLetterSent', sent))).toMatchObject({ status: 'sent', sentHow: 'post' });
    expect(auditRows(opened, 'absence_letter', letter.id)).toHaveLength(before + 2);
    // Sent another way afterwards is still refused: a sent letter is kept as it went out.
    expect(refused(api.call('markAbsenceLetterSent', { ...sent, sentHow: 'email' })).code).toBe('conflict');
  });

  it('a letter is reviewed, then marked sent, and kept with the member', () => {
    const letter = toFinal();
    expect(refused(api.call('markAbsenceLetterSent', { id: letter.id, sentOn: today(), sentHow: 'email' })).message).toContain('Review the letter before');

    const edited = ok<AbsenceLetter>(api.call('editAbsenceLetter', { id: letter.id, body: `${letter.body}\n\nP.S. We missed you at the training.` }));
    expect(edited.body).toContain('P.S.');
    const reviewed = ok<AbsenceLetter>(api.call('reviewAbsenceLetter', { id: letter.id, reviewedBy: 'Dana Ruiz', reviewedOn: today() }));
    expect(reviewed).toMatchObject({ status: 'reviewed', reviewedBy: 'Dana Ruiz' });
    const sent = ok<AbsenceLetter>(api.call('markAbsenceLetterSent', { id: letter.id, sentOn: today(), sentHow: 'email' }));
    expect(sent).toMatchObject({ status: 'sent', sentOn: today(), sentHow: 'email' });

    // A sent letter is kept as it went out.
    expect(refused(api.call('editAbsenceLetter', { id: letter.id, body: 'Changed' })).code).toBe('conflict');
    expect(ok<AbsenceLetter[]>(api.call('listAbsenceLetters', { memberId: greg.id })).map((l) => l.status)).toEqual(['sent']);
    expect(ok<AbsenceLetter[]>(api.call('listAbsenceLetters', { show: 'to_review' })).map((l) => l.memberName)).toEqual([]);
    expect(auditRows(opened, 'absence_letter', letter.id).map((r) => r.action)).toEqual(['insert', 'update', 'update', 'update']);
  });

  it('editing a reviewed letter sends it back for review', () => {
    const letter = toFinal();
    ok(api.call('reviewAbsenceLetter', { id: letter.id, reviewedBy: 'Dana Ruiz', reviewedOn: today() }));
    const edited = ok<AbsenceLetter>(api.call('editAbsenceLetter', { id: letter.id, body: 'Dear Greg, shorter.' }));
    expect(edited).toMatchObject({ status: 'draft', reviewedBy: null });
  });

  it('the final letter opens a committee decision; releasing frees the seat, with the reason kept', () => {
    const letter = toFinal();
    expect(letter.decision).toBeNull();
    expect(refused(api.call('decideAttendance', { letterId: letter.id, outcome: 'released', decidedOn: today(), decidedBy: 'Nadia Haddad' })).code).toBe('reason_required');
    const decided = ok<AbsenceLetter>(api.call('decideAttendance', { letterId: letter.id, outcome: 'released', decidedOn: today(), decidedBy: 'Nadia Haddad', reason: 'Three absences, no reply to the letter.' }));
    expect(decided.decision).toMatchObject({ topic: 'attendance', outcome: 'released', decidedBy: 'Nadia Haddad' });
    expect(ok<any>(api.call('getMember', { id: greg.id })).member).toMatchObject({ status: 'former', leftOn: today() });
    expect(ok<any>(api.call('addMember', memberInput(seats.mortgage, 'New', 'Broker', { joinedOn: today() }))).status).toBe('active');
  });

  it('a letter prints as a PDF', async () => {
    const letter = toFinal();
    const pdf = await api.callAsync('absenceLetterPdf', { id: letter.id });
    if (!pdf.ok) throw new Error(pdf.error.message);
    const { fileName, pdfBase64 } = pdf.value as { fileName: string; pdfBase64: string };
    expect(fileName).toBe(`Harbour-Connectors-attendance-letter-Greg-Holloway-${letter.reachedOn}.pdf`);
    expect(Buffer.from(pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
