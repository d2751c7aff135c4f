import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import type { Renewals, ThisWeek } from '../../src/shared/contract';
import { addDays, addMonths } from '../../src/shared/dates';
import { loadDemoChapter } from '../../src/services/demo';
import { thisWeek } from '../../src/services/this-week';
import { listAbsenceLetters } from '../../src/services/absence-letters';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { auditRows, closeWith, daysAgo, meeting, ok, refused, today, visit } from '../support/leadership';

let opened: OpenedDatabase;
let api: Registry;
let seats: ReturnType<typeof smallChapter>;

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  seats = smallChapter(opened);
});

const radar = () => ok<Renewals>(api.call('renewalsRadar', {}));
const week = () => ok<ThisWeek>(api.call('thisWeek', {}));

describe('renewals', () => {
  it('the radar sorts members into overdue, due in 30, 60 and 90 days, and shows who has no due date', () => {
    ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { renewalDue: daysAgo(5) })));
    ok(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { renewalDue: daysAgo(-20) })));
    ok(api.call('addMember', memberInput(seats.florist, 'Lucía', 'Fernández', { renewalDue: daysAgo(-75) })));
    const r = radar();
    expect(r.rows.map((row) => [row.name, row.bucket])).toEqual([
      ['Dana Ruiz', 'overdue'],
      ['Marcus Chen', 'due_30'],
      ['Lucía Fernández', 'due_90'],
    ]);
    expect(r.counts).toEqual({ overdue: 1, due_30: 1, due_60: 0, due_90: 1 });
    expect(r.withoutDueDate).toEqual([]);
  });

  it('renewing moves the due date by the chapter term from the old due date; audited', () => {
    const due = daysAgo(-20);
    const marcus = ok<any>(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { renewalDue: due })));
    const after = ok<Renewals>(api.call('decideRenewal', { memberId: marcus.id, outcome: 'renewed', decidedOn: today(), decidedBy: 'Nadia Haddad' }));
    expect(ok<any>(api.call('getMember', { id: marcus.id })).member.renewalDue).toBe(addMonths(due, 12));
    expect(after.rows).toEqual([]);
    expect(after.recentDecisions[0]).toMatchObject({ outcome: 'renewed', renewalDueBefore: due, renewalDueAfter: addMonths(due, 12) });
    expect(auditRows(opened, 'committee_decision')).toHaveLength(1);
    expect(auditRows(opened, 'member', marcus.id).map((r) => r.action)).toEqual(['insert', 'update']);
  });

  it('renewal with conditions needs the conditions written, and keeps them; the term is a setting', () => {
    const policies = ok<any>(api.call('getLeadershipPolicies', {}));
    const { absenceLimit: _l, absenceWindowMonths: _w, ...editable } = policies;
    ok(api.call('saveLeadershipPolicies', { ...editable, renewalTermMonths: 6 }));
    const due = daysAgo(-10);
    const marcus = ok<any>(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { renewalDue: due })));
    expect(refused(api.call('decideRenewal', { memberId: marcus.id, outcome: 'renewed_with_conditions', decidedOn: today(), decidedBy: 'Nadia Haddad' }))).toMatchObject({ field: 'conditions' });
    const after = ok<Renewals>(
      api.call('decideRenewal', { memberId: marcus.id, outcome: 'renewed_with_conditions', decidedOn: today(), decidedBy: 'Nadia Haddad', reason: 'Three absences this spring.', conditions: 'Two one-to-ones a month; no more than one absence a quarter.' }),
    );
    expect(after.recentDecisions[0]).toMatchObject({ outcome: 'renewed_with_conditions', conditions: 'Two one-to-ones a month; no more than one absence a quarter.', renewalDueAfter: addMonths(due, 6) });
  });

  it('not renewing makes the member former on a date and frees the seat; a reason is needed', () => {
    const greg = ok<any>(api.call('addMember', memberInput(seats.mortgage, 'Greg', 'Holloway', { renewalDue: daysAgo(3) })));
    expect(refused(api.call('decideRenewal', { memberId: greg.id, outcome: 'not_renewed', decidedOn: today(), decidedBy: 'Nadia Haddad' })).code).toBe('reason_required');
    ok(api.call('decideRenewal', { memberId: greg.id, outcome: 'not_renewed', decidedOn: today(), decidedBy: 'Nadia Haddad', reason: 'Chose not to renew.', leftOn: daysAgo(3) }));
    expect(ok<any>(api.call('getMember', { id: greg.id })).member).toMatchObject({ status: 'former', leftOn: daysAgo(3) });
    expect(ok<any>(api.call('addMember', memberInput(seats.mortgage, 'New', 'Broker'))).status).toBe('active');
  });

  it('refuses a decision dated in the future, and a renewal for someone who already left', () => {
    const greg = ok<any>(api.call('addMember', memberInput(seats.mortgage, 'Greg', 'Holloway', { renewalDue: daysAgo(3) })));
    expect(refused(api.call('decideRenewal', { memberId: greg.id, outcome: 'renewed', decidedOn: addDays(today(), 1), decidedBy: 'Nadia' }))).toMatchObject({ field: 'decidedOn' });
    expect(refused(api.call('decideRenewal', { memberId: greg.id, outcome: 'renewed', decidedOn: today(), decidedBy: '   ' }))).toMatchObject({ field: 'decidedBy', message: 'Enter recorded by.' });
    ok(api.call('updateMember', { ...memberInput(seats.mortgage, 'Greg', 'Holloway', { renewalDue: daysAgo(3) }), id: greg.id, status: 'former', leftOn: daysAgo(1) }));
    expect(refused(api.call('decideRenewal', { memberId: greg.id, outcome: 'renewed', decidedOn: today(), decidedBy: 'Nadia' })).message).toBe('Greg Holloway is a former member: only a current member is renewed.');
  });
});

describe('This week', () => {
  it('an empty chapter has empty lists and says so', () => {
    const w = week();
    expect(w).toMatchObject({ isEmptyChapter: true, visitorsToFollowUp: [], applicantsWaiting: [], renewalsDue: [], lettersToReview: [], committeeToDecide: [], noRecentReferral: [] });
    expect(w.openSeats.flatMap((s) => s.classifications.map((c) => c.name)).sort()).toEqual(['Florist', 'Mortgage Broker', 'Real Estate — Residential']);
    expect(w.summaryText).toContain('No meeting has been closed yet.');
  });

  it('lists what is due: visitors to follow up, applicants waiting, renewals, letters, open seats, silent members, and the summary', () => {
    const dana = ok<any>(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { renewalDue: daysAgo(-12), joinedOn: '2024-01-09' })));
    const greg = ok<any>(api.call('addMember', memberInput(seats.mortgage, 'Greg', 'Holloway', { joinedOn: '2024-01-09' })));
    const weeks = [5, 4, 3, 2, 1].map((w) => meeting(api, daysAgo(7 * w)));
    for (const [i, id] of weeks.entries()) {
      if (i === 4) {
        ok(api.call('saveReferral', { meetingId: id, giverId: greg.id, receiverId: dana.id, prospectName: 'Alvarez family' }));
        ok(api.call('saveTyfcb', { meetingId: id, closerId: dana.id, referrerId: greg.id, amount: '1,250.50' }));
        visit(api, id, 'Kara Lind', { classificationSought: 'Florist', invitedById: dana.id });
      }
      closeWith(api, id, i >= 3 ? { [greg.id]: 'A' } : {});
    }
    visit(api, meeting(api, daysAgo(40)), 'Noah Kim', { classificationSought: 'Tax Preparation' });
    const noah = ok<any>(api.call('listVisitors', {})).prospects.find((p: any) => p.name === 'Noah Kim');
    ok(api.call('applyForSeat', { prospectId: noah.id, firstName: 'Noah', lastName: 'Kim', classificationId: seats.florist, appliedOn: daysAgo(30) }));

    const w = week();
    expect(w.isEmptyChapter).toBe(false);
    expect(w.visitorsToFollowUp.map((p) => [p.name, p.stage])).toEqual([['Kara Lind', 'visited']]);
    expect(w.applicantsWaiting.map((a) => [a.memberName, a.daysWaiting, a.nextStep])).toEqual([['Noah Kim', 30, 'Set an interview date.']]);
    expect(w.renewalsDue.map((r) => [r.name, r.bucket])).toEqual([['Dana Ruiz', 'due_30']]);
    expect(w.lettersToReview.map((l) => [l.memberName, l.level, l.status])).toEqual([['Greg Holloway', 'warning', 'draft']]);
    expect(w.committeeToDecide).toEqual([]);
    // Every seat is held, or reserved (Florist, by the applicant).
    expect(w.openSeats).toEqual([]);
    expect(w.noRecentReferral.map((m) => m.name)).toEqual(['Dana Ruiz']);
    expect(w.summaryText).toContain(`Attendance: 1 present, 0 late, 0 substitutes, 0 medical, 1 absent`);
    expect(w.summaryText).toContain('Referrals: 1 (0 inside, 1 outside)');
    expect(w.summaryText).toContain('Thank you for closed business: $1,250.50');
    expect(w.summaryText).toContain('Visitors: 1');
    expect(w.summaryText).toContain('Renewals in the next 30 days: Dana Ruiz');
    expect(w.summaryText).toContain('Every seat is taken.');

    // Opening This week twice drafts nothing new.
    week();
    expect(auditRows(opened, 'absence_letter')).toHaveLength(1);
  });
});

describe('the demo chapter fills every leadership list', () => {
  it('visitors to follow up (some stale), the applicant with an interview, an overdue renewal, letters to review, open seats', () => {
    const demo = openTestDb();
    loadDemoChapter(demo.db, '2026-11-22');
    const w = thisWeek(demo.db, '2026-11-22');
    expect(w.visitorsToFollowUp.length).toBeGreaterThanOrEqual(3);
    expect(w.visitorsToFollowUp.some((p) => p.stale)).toBe(true);
    expect(w.visitorsToFollowUp.some((p) => p.visits.length >= 2)).toBe(true);
    expect(w.applicantsWaiting.map((a) => [a.memberName, a.interviewOn, a.nextStep])).toEqual([['Liam Murphy', '2026-11-15', 'Check references.']]);
    expect(w.renewalsDue.filter((r) => r.bucket === 'overdue').map((r) => r.name)).toEqual(['Brian Kowalski']);
    expect(w.lettersToReview.length).toBeGreaterThanOrEqual(2);
    expect(w.committeeToDecide.length).toBeGreaterThanOrEqual(1);
    expect(w.openSeats.length).toBeGreaterThanOrEqual(3);
    expect(listAbsenceLetters(demo.db, { show: 'all' }).filter((l) => l.status === 'sent')).toHaveLength(1);
    expect(w.lettersToReview.every((l) => l.body.includes('Nadia Haddad, Membership Committee'))).toBe(true);
  });
});
