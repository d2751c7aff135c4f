import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import type { Prospect, VisitorsPipeline } from '../../src/shared/contract';
import { visitors as visitorSlips } from '../../src/db/schema';
import { addMonths } from '../../src/shared/dates';
import { splitPersonName } from '../../src/shared/names';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { auditRows, daysAgo, meeting, ok, refused, today, visit } from '../support/leadership';

let opened: OpenedDatabase;
let api: Registry;
let seats: ReturnType<typeof smallChapter>;
let dana: { id: string };

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  seats = smallChapter(opened);
  dana = ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz')));
});

const pipeline = () => ok<VisitorsPipeline>(api.call('listVisitors', {}));
const person = (name: string) => pipeline().prospects.find((p) => p.name === name)!;
const memberCount = () => (opened.sqlite.prepare('SELECT count(*) n FROM members').get() as { n: number }).n;

describe('visitors are people with visits', () => {
  it('a person entered twice at one meeting (two members wrote a slip) is one visit, credited to the member whose slip was entered first', () => {
    const oliver = ok<{ id: string }>(api.call('addMember', memberInput(seats.mortgage, 'Oliver', 'Grant')));
    const tonight = meeting(api, daysAgo(7));
    // Eight people, each written up first by Dana and then by Oliver: whatever order their random ids
    // fall in, the visit is Dana's (it was the chapter's order of the night, not the file's).
    const names = ['Kara Lind', 'Wei Zhang', 'أمل حداد', 'प्रिया शर्मा', 'Jon Berg', 'Ana Silva', 'Tom Reed', 'Eva Novak'];
    for (const name of names) {
      visit(api, tonight, name, { invitedById: dana.id });
      visit(api, tonight, name, { invitedById: oliver.id });
    }
    for (const name of names) {
      expect(person(name).visits).toHaveLength(1);
      expect(person(name).visits[0]).toMatchObject({ meetingOn: daysAgo(7), invitedByName: 'Dana Ruiz' });
    }
  });

  it('a visitor who comes back is one person with two visits, matched by name and e-mail', () => {
    const first = meeting(api, daysAgo(14));
    const second = meeting(api, daysAgo(7));
    visit(api, first, 'Kara Lind', { company: 'Lind Roofing', classificationSought: 'Mortgage Broker', invitedById: dana.id, email: 'kara@lind.example' });
    visit(api, second, 'kara  lind', { email: 'KARA@lind.example', phone: '(951) 555-0101' });

    const list = pipeline();
    expect(list.prospects).toHaveLength(1);
    const kara = list.prospects[0]!;
    expect(kara.visits.map((v) => v.meetingOn)).toEqual([daysAgo(14), daysAgo(7)]);
    expect(kara).toMatchObject({ invitedByName: 'Dana Ruiz', classificationSought: 'Mortgage Broker', seat: 'open', stage: 'visited', phone: '(951) 555-0101' });
    // Two visits is the default limit: the chapter should ask them to apply.
    expect(kara.atVisitLimit).toBe(true);
    expect(list.visitLimit).toBe(2);
  });

  it('two slips for the same visitor at one meeting are one visit', () => {
    const m = meeting(api, daysAgo(7));
    visit(api, m, 'Noah Kim');
    visit(api, m, 'Noah Kim');
    expect(person('Noah Kim').visits).toHaveLength(1);
    expect(person('Noah Kim').atVisitLimit).toBe(false);
  });

  it('a namesake with another e-mail and another phone is someone else', () => {
    visit(api, meeting(api, daysAgo(14)), 'Sam Lee', { email: 'sam@one.example', phone: '111' });
    visit(api, meeting(api, daysAgo(7)), 'Sam Lee', { email: 'sam@two.example', phone: '222' });
    expect(pipeline().prospects.map((p) => p.visits.length)).toEqual([1, 1]);
  });

  it('names in Chinese and Arabic are matched across visits like any other', () => {
    const a = meeting(api, daysAgo(21));
    const b = meeting(api, daysAgo(14));
    visit(api, a, '李小龍', { phone: '+852 5555 0101' });
    visit(api, b, '李小龍', { phone: '+85255550101' });
    visit(api, a, 'عمر الفاروق');
    visit(api, b, 'عمر  الفاروق', { email: 'omar@example.com' });
    const list = pipeline().prospects;
    expect(list.map((p) => [p.name, p.visits.length]).sort()).toEqual([
      ['عمر الفاروق', 2],
      ['李小龍', 2],
    ]);
  });

  it('a visitor slip deleted by the secretary is no longer a visit', () => {
    const m = meeting(api, daysAgo(7));
    const slip = visit(api, m, 'Noah Kim');
    expect(pipeline().prospects).toHaveLength(1);
    ok(api.call('deleteSlip', { kind: 'visitor', id: slip.id }));
    expect(pipeline().prospects).toHaveLength(0);
  });

  it('a misspelt visitor slip corrected after the list showed it: the list shows the corrected name and e-mail', () => {
    const m = meeting(api, daysAgo(7));
    const slip = visit(api, m, 'Kara Lnd', { company: 'Lind Roofing' });
    expect(pipeline().prospects.map((p) => p.name)).toEqual(['Kara Lnd']);
    ok(api.call('saveVisitor', { id: slip.id, meetingId: m, name: 'Kara Lind', company: 'Lind Roofing', email: 'kara@lind.example', confirmDuplicate: true }));
    const list = pipeline();
    expect(list.prospects.map((p) => [p.name, p.email, p.visits.length])).toEqual([['Kara Lind', 'kara@lind.example', 1]]);
    expect(auditRows(opened, 'prospect').at(-1)!.reason).toBe(`Visitor slip of ${daysAgo(7)} corrected`);
    // Looking again changes nothing more.
    const entries = auditRows(opened, 'prospect').length;
    pipeline();
    expect(auditRows(opened, 'prospect')).toHaveLength(entries);
  });

  it('a slip corrected to a visitor already known joins their visits, so the visitor is listed once with both visits', () => {
    const first = meeting(api, daysAgo(14));
    const second = meeting(api, daysAgo(7));
    visit(api, first, 'Kara Lind', { email: 'kara@lind.example' });
    const typo = visit(api, second, 'Kara Lnd', { email: 'kara@lind.example' });
    expect(pipeline().prospects.map((p) => p.name).sort()).toEqual(['Kara Lind', 'Kara Lnd']);
    ok(api.call('saveVisitor', { id: typo.id, meetingId: second, name: 'Kara Lind', email: 'kara@lind.example', confirmDuplicate: true }));
    const list = pipeline();
    expect(list.prospects).toHaveLength(1);
    expect(list.prospects[0]!).toMatchObject({ name: 'Kara Lind', atVisitLimit: true });
    expect(list.prospects[0]!.visits.map((v) => v.meetingOn)).toEqual([daysAgo(14), daysAgo(7)]);
    expect(list.conversion.visitors).toBe(1);
    expect(auditRows(opened, 'prospect').at(-1)!.reason).toBe(`Visit on ${daysAgo(7)} joined Kara Lind: the slip was corrected to their name`);
  });

  it('one of two visits corrected to someone else leaves the first visitor, who keeps the other visit and the follow-up', () => {
    const first = meeting(api, daysAgo(14));
    const second = meeting(api, daysAgo(7));
    visit(api, first, 'Sam Lee');
    const slip = visit(api, second, 'Sam Lee');
    ok(api.call('recordFollowUp', { id: person('Sam Lee').id, stage: 'invited_back', contactOn: daysAgo(5), note: 'Coming back in a month.' }));
    expect(person('Sam Lee').visits).toHaveLength(2);
    ok(api.call('saveVisitor', { id: slip.id, meetingId: second, name: 'Sam Leigh', email: 'sam@leigh.example', confirmDuplicate: true }));
    expect(pipeline().prospects.map((p) => [p.name, p.visits.map((v) => v.meetingOn), p.stage])).toEqual([
      ['Sam Leigh', [daysAgo(7)], 'visited'],
      ['Sam Lee', [daysAgo(14)], 'invited_back'],
    ]);
    expect(auditRows(opened, 'prospect').map((r) => r.reason)).toContain(`Visit on ${daysAgo(7)} is no longer Sam Lee's: the slip was corrected to Sam Leigh`);
  });

  it('a visitor whose follow-up has started keeps it when their slip is corrected, even to a name already known', () => {
    visit(api, meeting(api, daysAgo(14)), 'Ben Foster');
    const m = meeting(api, daysAgo(7));
    const slip = visit(api, m, 'Ben Fostr');
    ok(api.call('recordFollowUp', { id: person('Ben Fostr').id, stage: 'followed_up', contactOn: daysAgo(2), note: 'Called him.' }));
    ok(api.call('saveVisitor', { id: slip.id, meetingId: m, name: 'Ben Foster', confirmDuplicate: true }));
    // The follow-up is not folded away into the other record: both are listed, for leadership to look at.
    expect(pipeline().prospects.map((p) => [p.name, p.stage, p.note])).toEqual([
      ['Ben Foster', 'followed_up', 'Called him.'],
      ['Ben Foster', 'visited', ''],
    ]);
  });

  it('shows whether the seat the visitor wants is open, held or unknown to the chapter', () => {
    const m = meeting(api, daysAgo(7));
    visit(api, m, 'Sara Lopez', { classificationSought: 'Real Estate — Residential' });
    visit(api, m, 'Ahmed Karim', { classificationSought: 'Commercial Cleaning' });
    expect(person('Sara Lopez')).toMatchObject({ seat: 'held', seatHolder: 'Dana Ruiz' });
    expect(person('Ahmed Karim')).toMatchObject({ seat: 'unknown', seatHolder: null });
  });
});

describe('a chapter with hundreds of visitors', () => {
  /**
   * 13 meetings, 20 visitors each (260 people; the slips written straight into the file, as three
   * years of meetings would have left them, to keep this fast), plus the three the searches look for,
   * recorded on meeting night at the oldest meeting.
   */
  function busyChapter() {
    const firstNames = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Mia', 'Lucas'];
    const slips = [];
    for (let week = 13; week >= 1; week--) {
      const meetingId = meeting(api, daysAgo(7 * week));
      for (let i = 0; i < 20; i++) {
        slips.push({ meetingId, name: `${firstNames[i % 10]} Visitor-${week}-${i}`, company: `Firm ${week}-${i}`, phone: `555-01${String(week).padStart(2, '0')}${String(i).padStart(2, '0')}` });
      }
    }
    opened.db.insert(visitorSlips).values(slips).run();
    const oldest = meeting(api, daysAgo(7 * 14));
    visit(api, oldest, 'María José García López', { company: 'Clínica Dental Sonrisa', email: 'mj@sonrisa.example', invitedById: dana.id, phone: '+34 612 345 678' });
    visit(api, oldest, '李小龍', { company: 'Dragon Kung Fu', classificationSought: 'Martial Arts School' });
    visit(api, oldest, 'Günther Öztürk', { company: 'Öztürk Elektro' });
  }
  const page = (input: Record<string, unknown>) => ok<VisitorsPipeline>(api.call('listVisitors', input));

  it('shows 50 at a time, newest visit first, with the count of all of them; a page past the end shows the last one', () => {
    busyChapter();
    const first = page({});
    expect(first).toMatchObject({ total: 263, page: 1, pageSize: 50 });
    expect(first.prospects).toHaveLength(50);
    expect(first.prospects[0]!.lastVisitOn).toBe(daysAgo(7));
    expect(first.prospects[49]!.lastVisitOn).toBe(daysAgo(21));
    // Every visitor is on exactly one page, none twice, none missing.
    const seen = [1, 2, 3, 4, 5, 6].flatMap((n) => page({ page: n }).prospects.map((p) => p.id));
    expect(seen).toHaveLength(263);
    expect(new Set(seen).size).toBe(263);
    const last = page({ page: 6 });
    expect(last.prospects.map((p) => p.name)).toEqual(expect.arrayContaining(['María José García López', '李小龍', 'Günther Öztürk']));
    expect(last.prospects).toHaveLength(13);
    expect(page({ page: 40 })).toMatchObject({ page: 6, total: 263 });
    // The counts above the list are the whole chapter's, whatever page is shown.
    expect(page({ page: 3 }).conversion).toEqual({ visitors: 263, applied: 0, joined: 0 });
  });

  it('finds a visitor by any part of the name without the accents, by company, e-mail, phone digits or who invited them', () => {
    busyChapter();
    const names = (search: string, show: 'all' | 'open' = 'all') => page({ search, show }).prospects.map((p) => p.name);
    expect(names('maria jose')).toEqual(['María José García López']);
    expect(names('  GARCIA   lopez ')).toEqual(['María José García López']);
    expect(names('gunther oztu')).toEqual(['Günther Öztürk']);
    expect(names('小龍')).toEqual(['李小龍']);
    expect(names('martial arts')).toEqual(['李小龍']);
    expect(names('sonrisa.example')).toEqual(['María José García López']);
    expect(names('612 345')).toEqual(['María José García López']);
    expect(names('dana ruiz')).toEqual(['María José García López']);
    expect(page({ search: 'olivia' })).toMatchObject({ total: 26, page: 1 });
    expect(page({ search: 'olivia visitor-3-' }).prospects.map((p) => p.name)).toEqual(['Olivia Visitor-3-0', 'Olivia Visitor-3-10']);
    // Nobody by that name: an empty page, not an error.
    expect(page({ search: 'Zebedee' })).toMatchObject({ total: 0, page: 1, prospects: [] });
    // The search keeps to the visitors in view: after a follow-up to "not now" she is no longer one to follow up.
    ok(api.call('recordFollowUp', { id: page({ search: 'maria jose' }).prospects[0]!.id, stage: 'not_now', contactOn: today() }));
    expect(names('maria jose', 'open')).toEqual([]);
    expect(names('maria jose', 'all')).toEqual(['María José García López']);
  });

  it('refuses a page or page size that is not a whole number in range, naming the field', () => {
    expect(refused(api.call('listVisitors', { page: 0 }))).toMatchObject({ field: 'page', message: 'Page must be at least 1.' });
    expect(refused(api.call('listVisitors', { pageSize: 5000 }))).toMatchObject({ field: 'pageSize', message: 'Visitors per page must be at most 200.' });
    expect(refused(api.call('listVisitors', { search: 'x'.repeat(101) }))).toMatchObject({ field: 'search' });
  });
});

describe('follow-up', () => {
  it('a visitor with no contact for more days than the policy allows is flagged stale; a follow-up clears it', () => {
    visit(api, meeting(api, daysAgo(10)), 'Ben Foster');
    expect(person('Ben Foster')).toMatchObject({ stale: true, daysSinceContact: 10 });

    const after = ok<Prospect>(api.call('recordFollowUp', { id: person('Ben Foster').id, stage: 'followed_up', contactOn: daysAgo(1), note: 'Called; coming back next week.' }));
    expect(after).toMatchObject({ stage: 'followed_up', lastContactOn: daysAgo(1), stale: false, note: 'Called; coming back next week.' });
    const audit = auditRows(opened, 'prospect', after.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update', reason: 'Follow-up recorded' });
    expect(JSON.parse(audit.at(-1)!.after!)).toMatchObject({ stage: 'followed_up', lastContactOn: daysAgo(1) });
  });

  it('refuses a contact date in the future or before the first visit, and a stage only a decision can set', () => {
    visit(api, meeting(api, daysAgo(10)), 'Ben Foster');
    const id = person('Ben Foster').id;
    expect(refused(api.call('recordFollowUp', { id, stage: 'followed_up', contactOn: daysAgo(-2) }))).toMatchObject({ field: 'contactOn' });
    expect(refused(api.call('recordFollowUp', { id, stage: 'followed_up', contactOn: daysAgo(30) })).message).toContain('before Ben Foster');
    expect(refused(api.call('recordFollowUp', { id, stage: 'joined', contactOn: today() })).message).toContain('Use Apply');
    expect(refused(api.call('recordFollowUp', { id, stage: 'followed_up', contactOn: '2026-02-30' })).message).toBe('Contact date must be a real date written YYYY-MM-DD.');
    expect(person('Ben Foster').stage).toBe('visited');
  });

  it('someone who said "not now" and visits again is back in the pipeline', () => {
    visit(api, meeting(api, daysAgo(60)), 'Elena Petrova');
    ok(api.call('recordFollowUp', { id: person('Elena Petrova').id, stage: 'not_now', contactOn: daysAgo(55) }));
    visit(api, meeting(api, daysAgo(3)), 'Elena Petrova');
    expect(person('Elena Petrova')).toMatchObject({ stage: 'visited' });
  });
});

describe('from visitor to member', () => {
  it('a visitor through the pipeline applies, holds the seat, is interviewed and approved: an active member with a renewal date', () => {
    const m1 = meeting(api, daysAgo(21));
    const m2 = meeting(api, daysAgo(14));
    visit(api, m1, 'Kara Lind', { company: 'Keystone Lending', classificationSought: 'Mortgage Broker', invitedById: dana.id, email: 'kara@lind.example' });
    ok(api.call('recordFollowUp', { id: person('Kara Lind').id, stage: 'followed_up', contactOn: daysAgo(20) }));
    ok(api.call('recordFollowUp', { id: person('Kara Lind').id, stage: 'invited_back', contactOn: daysAgo(18) }));
    visit(api, m2, 'Kara Lind', { email: 'kara@lind.example' });

    const applied = ok<Prospect>(
      api.call('applyForSeat', { prospectId: person('Kara Lind').id, firstName: 'Kara', lastName: 'Lind', company: 'Keystone Lending', email: 'kara@lind.example', classificationId: seats.mortgage, sponsorId: dana.id, appliedOn: daysAgo(13) }),
    );
    expect(applied).toMatchObject({ stage: 'applied', memberStatus: 'applicant', seat: 'applicant' });

    // The seat is held: nobody else can take it while the application runs.
    expect(refused(api.call('addMember', memberInput(seats.mortgage, 'Other', 'Broker'))).message).toBe(`Mortgage Broker is reserved by applicant Kara Lind since ${daysAgo(13)}.`);

    const [application] = ok<any[]>(api.call('listApplications', { show: 'waiting' }));
    expect(application).toMatchObject({ memberName: 'Kara Lind', sponsorName: 'Dana Ruiz', visits: 2, status: 'pending', nextStep: 'Set an interview date.' });
    ok(api.call('updateApplication', { id: application.id, sponsorId: dana.id, interviewOn: daysAgo(7), interviewers: 'Dana Ruiz, Nadia Haddad', interviewNotes: 'Strong referral network.', referencesChecked: true, referencesNote: 'Two clients called.' }));
    expect(ok<any[]>(api.call('listApplications', { show: 'waiting' }))[0].nextStep).toBe("Ready for the committee's decision.");

    const decided = ok<any>(api.call('decideApplication', { id: application.id, outcome: 'approved', decidedOn: daysAgo(2), decidedBy: 'Nadia Haddad', reason: '', joinedOn: today() }));
    expect(decided.status).toBe('approved');
    expect(decided.decisions[0]).toMatchObject({ outcome: 'approved', decidedOn: daysAgo(2), decidedBy: 'Nadia Haddad' });

    const kara = ok<any[]>(api.call('listMembers', {})).find((m) => m.fullName === 'Kara Lind');
    expect(kara).toMatchObject({ status: 'active', joinedOn: today(), renewalDue: addMonths(today(), 12), classificationName: 'Mortgage Broker', sponsorName: 'Dana Ruiz' });
    const seatMap = ok<any>(api.call('seatMap', {}));
    const mortgage = seatMap.spheres.flatMap((s: any) => s.classifications).find((c: any) => c.id === seats.mortgage);
    expect(mortgage).toMatchObject({ seat: 'held', holder: { name: 'Kara Lind', status: 'active' } });
    const list = pipeline();
    expect(list.prospects[0]).toMatchObject({ stage: 'joined', memberStatus: 'active' });
    expect(list.conversion).toEqual({ visitors: 1, applied: 1, joined: 1 });

    // Every step is in the audit log.
    expect(auditRows(opened, 'application').map((r) => r.action)).toEqual(['insert', 'update', 'update']);
    expect(auditRows(opened, 'committee_decision')).toHaveLength(1);
    expect(auditRows(opened, 'member', kara.id).map((r) => r.action)).toEqual(['insert', 'update']);
    expect(auditRows(opened, 'prospect').map((r) => r.reason)).toEqual([
      `First visit on ${daysAgo(21)}`,
      'Follow-up recorded',
      'Follow-up recorded',
      'Applied for Mortgage Broker',
      `Application approved on ${daysAgo(2)}`,
    ]);
  });

  it('a visitor named 李小龍 applies with the name split family first and is 李小龍 in the roster; María José García López keeps both family names', () => {
    const m = meeting(api, daysAgo(7));
    visit(api, m, '李小龍');
    visit(api, m, 'María José García López');
    const lee = splitPersonName('李小龍');
    ok(api.call('applyForSeat', { prospectId: person('李小龍').id, firstName: lee.givenName, lastName: lee.familyName, nameOrder: lee.nameOrder, classificationId: seats.mortgage, appliedOn: today() }));
    const maria = splitPersonName('María José García López');
    ok(api.call('applyForSeat', { prospectId: person('María José García López').id, firstName: maria.givenName, lastName: maria.familyName, nameOrder: null, classificationId: seats.florist, appliedOn: today() }));
    const roster = ok<any[]>(api.call('listMembers', {}));
    expect(roster.find((r) => r.lastName === '李')).toMatchObject({ firstName: '小龍', fullName: '李小龍', nameOrder: 'family_first', status: 'applicant' });
    expect(roster.find((r) => r.lastName === 'García López')).toMatchObject({ firstName: 'María José', fullName: 'María José García López', nameOrder: null });
    // A name order that is not one of the two is refused, naming the field; nobody else applied.
    visit(api, m, 'Kara Lind');
    expect(refused(api.call('applyForSeat', { prospectId: person('Kara Lind').id, firstName: 'Kara', lastName: 'Lind', nameOrder: 'surname_last', classificationId: seats.realEstate, appliedOn: today() }))).toMatchObject({ field: 'nameOrder' });
    expect(person('Kara Lind').stage).toBe('visited');
  });

  it('applying for a taken seat is refused with a sentence naming the holder, and nothing changes', () => {
    visit(api, meeting(api, daysAgo(7)), 'Sara Lopez', { classificationSought: 'Real Estate — Residential' });
    const before = memberCount();
    const error = refused(api.call('applyForSeat', { prospectId: person('Sara Lopez').id, firstName: 'Sara', lastName: 'Lopez', classificationId: seats.realEstate, appliedOn: today() }));
    expect(error).toEqual({
      code: 'seat_taken',
      field: 'classificationId',
      message: 'Real Estate — Residential is held by Dana Ruiz since 2025-03-04. Sara Lopez cannot apply for it: choose an open classification, or record them as "not now" until the seat frees.',
    });
    expect(memberCount()).toBe(before);
    expect(person('Sara Lopez').stage).toBe('visited');
    expect(auditRows(opened, 'application')).toHaveLength(0);
  });

  it('declining an applicant frees the seat for the next one, with the reason kept', () => {
    visit(api, meeting(api, daysAgo(7)), 'Liam Murphy', { classificationSought: 'Florist' });
    ok(api.call('applyForSeat', { prospectId: person('Liam Murphy').id, firstName: 'Liam', lastName: 'Murphy', classificationId: seats.florist, appliedOn: daysAgo(6) }));
    const [application] = ok<any[]>(api.call('listApplications', {}));

    expect(refused(api.call('decideApplication', { id: application.id, outcome: 'declined', decidedOn: today(), decidedBy: 'Nadia Haddad', reason: '' }))).toMatchObject({ code: 'reason_required', field: 'reason' });
    const declined = ok<any>(api.call('decideApplication', { id: application.id, outcome: 'declined', decidedOn: today(), decidedBy: 'Nadia Haddad', reason: 'References did not check out.' }));
    expect(declined).toMatchObject({ status: 'declined', memberStatus: 'former' });
    expect(declined.decisions[0]).toMatchObject({ outcome: 'declined', reason: 'References did not check out.' });
    expect(person('Liam Murphy').stage).toBe('not_a_fit');

    // The seat is free again.
    expect(ok<any>(api.call('addMember', memberInput(seats.florist, 'Lucía', 'Fernández', { joinedOn: today() }))).status).toBe('active');
    // A decided application stays decided.
    expect(refused(api.call('decideApplication', { id: application.id, outcome: 'approved', decidedOn: today(), decidedBy: 'Nadia Haddad' })).message).toContain('already declined');
  });

  it('a deferred applicant keeps the seat until the committee decides again', () => {
    visit(api, meeting(api, daysAgo(7)), 'Liam Murphy');
    ok(api.call('applyForSeat', { prospectId: person('Liam Murphy').id, firstName: 'Liam', lastName: 'Murphy', classificationId: seats.florist, appliedOn: daysAgo(6) }));
    const [application] = ok<any[]>(api.call('listApplications', {}));
    const deferred = ok<any>(api.call('decideApplication', { id: application.id, outcome: 'deferred', decidedOn: daysAgo(1), decidedBy: 'Nadia Haddad', reason: 'Waiting for a second reference.' }));
    expect(deferred.nextStep).toBe(`Deferred on ${daysAgo(1)}. Set an interview date.`);
    expect(refused(api.call('addMember', memberInput(seats.florist, 'Other', 'Florist'))).code).toBe('seat_taken');
    const approved = ok<any>(api.call('decideApplication', { id: application.id, outcome: 'approved', decidedOn: today(), decidedBy: 'Nadia Haddad' }));
    expect(approved.decisions.map((d: any) => d.outcome)).toEqual(['approved', 'deferred']);
  });

  it('a classification change for a current member goes through the same decision', () => {
    const tom = ok<any>(api.call('addMember', memberInput(seats.mortgage, 'Tom', 'Brooks')));
    expect(refused(api.call('requestClassificationChange', { memberId: tom.id, classificationId: seats.realEstate, appliedOn: today() })).code).toBe('seat_taken');
    const request = ok<any>(api.call('requestClassificationChange', { memberId: tom.id, classificationId: seats.florist, appliedOn: today(), reason: 'Sold the brokerage, now runs a flower shop.' }));
    expect(request).toMatchObject({ kind: 'classification_change', fromClassificationName: 'Mortgage Broker', classificationName: 'Florist', status: 'pending' });
    ok(api.call('decideApplication', { id: request.id, outcome: 'approved', decidedOn: today(), decidedBy: 'Dana Ruiz' }));
    const moved = ok<any>(api.call('getMember', { id: tom.id }));
    expect(moved.member.classificationName).toBe('Florist');
    expect(moved.seatHistory.map((h: any) => [h.classificationName, h.toOn])).toEqual([
      ['Florist', null],
      ['Mortgage Broker', today()],
    ]);
  });
});
