// A visitor slip is matched to its person when it is saved, in the same transaction, so the Visitors
// list and This week never show a wrong figure: tonight's visitors are there at once, even while an
// older file's backlog of visitor slips is still being matched behind the screens. Each person's last
// visit is kept by the file itself, whatever changes a visit (linking, delete, undo, a meeting moved).
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import { visitors as visitorSlips } from '../../src/db/schema';
import type { Registry } from '../../src/server/registry';
import { linkVisitorSlipsBehind } from '../../src/server/visitor-linking';
import { addMember } from '../../src/services/members';
import { syncVisitorPipeline, visitorSlipsNotLinked } from '../../src/services/visitors';
import type { Prospect, ThisWeek, VisitorsPipeline } from '../../src/shared/contract';
import { openTestDb, smallChapter, testRegistry } from '../support/db';
import { daysAgo, meeting, ok, visit } from '../support/leadership';

let opened: OpenedDatabase;
let api: Registry;

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
});

const pipeline = (input: Record<string, unknown> = {}) => ok<VisitorsPipeline>(api.call('listVisitors', input));
const week = () => ok<ThisWeek>(api.call('thisWeek', {}));
const everyone = (show: 'all' | 'open' = 'all') => {
  const first = pipeline({ show });
  return Array.from({ length: Math.max(1, Math.ceil(first.total / first.pageSize)) }, (_, i) => pipeline({ show, page: i + 1 }).prospects).flat();
};
const named = (name: string, people: Prospect[] = everyone()) => people.filter((p) => p.name === name);
const linkTheRest = () => linkVisitorSlipsBehind(api, () => opened.db, () => undefined);

/**
 * An older file's history written straight into the file (a version from before the pipeline): 12
 * weeks of 60 one-time visitors, plus José Álvarez who came on the first and the sixth of them.
 */
function olderHistory() {
  const slips: Array<typeof visitorSlips.$inferInsert> = [];
  for (let week = 12; week >= 1; week--) {
    const meetingId = meeting(api, daysAgo(7 * week));
    for (let i = 0; i < 60; i++) slips.push({ meetingId, name: `Visitor ${week}-${i}`, company: `Firm ${week}-${i}` });
    if (week === 12) slips.push({ meetingId, name: 'José Álvarez', company: 'Álvarez Tiles', phone: '555 0142' });
    if (week === 7) slips.push({ meetingId, name: 'Jose Alvarez', company: 'Alvarez Tiles and Stone' });
  }
  opened.db.insert(visitorSlips).values(slips).run();
  expect(visitorSlipsNotLinked(opened.db)).toBe(722);
}

/** What the stored last-visit day of every person must be: their newest live visit (none once every slip is deleted). */
function lastVisitsAreRight() {
  const wrong = opened.sqlite
    .prepare(`SELECT p.name, p.last_visit_on AS stored, (SELECT max(m.meeting_on) FROM prospect_visits pv JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id
      WHERE pv.prospect_id = p.id AND v.deleted_at IS NULL) AS actual FROM prospects p`)
    .all()
    .filter((r) => (r as { stored: string | null }).stored !== (r as { actual: string | null }).actual);
  expect(wrong).toEqual([]);
}

describe('tonight\'s visitors are listed as soon as they are saved', () => {
  it('while an older file\'s slips are still being matched, the two visitors typed tonight are on the Visitors list and on This week, and the screens say how many earlier slips wait', () => {
    smallChapter(opened);
    olderHistory();
    const tonight = meeting(api, daysAgo(0));
    visit(api, tonight, 'Yuki Tanaka', { company: 'Tanaka Design' });
    visit(api, tonight, 'Omar Haddad', { email: 'omar@haddad.example' });

    const list = pipeline();
    expect(list.visitorSlipsWaiting).toBe(722);
    expect(list.prospects.map((p) => p.name)).toEqual(['Omar Haddad', 'Yuki Tanaka']);
    expect(list.total).toBe(2);
    expect(list.conversion.visitors).toBe(2);
    const thisWeek = week();
    expect(thisWeek.visitorSlipsWaiting).toBe(722);
    expect(thisWeek.visitorsToFollowUp.map((p) => p.name).sort()).toEqual(['Omar Haddad', 'Yuki Tanaka']);
    expect(thisWeek.visitorsToFollowUpTotal).toBe(2);
    lastVisitsAreRight();
  });

  it('the same visitor saved twice in one night is one person with one visit, listed once', () => {
    smallChapter(opened);
    const tonight = meeting(api, daysAgo(0));
    visit(api, tonight, 'Ana Ruiz', { phone: '555 0100' });
    visit(api, tonight, 'Ana Ruiz', { phone: '555 0100' });
    const list = pipeline();
    expect(list.total).toBe(1);
    expect(list.prospects).toHaveLength(1);
    expect(list.prospects[0]!.visits).toEqual([expect.objectContaining({ meetingOn: daysAgo(0) })]);
    expect(week().visitorsToFollowUpTotal).toBe(1);
  });

  it('"José Álvarez" last month and "jose alvarez" tonight are one person with two visits', () => {
    smallChapter(opened);
    visit(api, meeting(api, daysAgo(28)), 'José Álvarez', { company: 'Álvarez Tiles' });
    visit(api, meeting(api, daysAgo(0)), 'jose alvarez');
    const people = everyone();
    expect(people).toHaveLength(1);
    expect(people[0]!.name).toBe('José Álvarez');
    expect(people[0]!.visits.map((v) => v.meetingOn)).toEqual([daysAgo(28), daysAgo(0)]);
    expect(people[0]!.lastVisitOn).toBe(daysAgo(0));
    lastVisitsAreRight();
  });

  it('"Jose Alvarez" typed tonight while his earlier visits still wait in the backlog is matched after them: his person is made from his first visit, with his three visits', async () => {
    smallChapter(opened);
    olderHistory();
    visit(api, meeting(api, daysAgo(0)), 'Jose Alvarez', { phone: '555-0142' });
    // At once, before the backlog reaches him: one person, made from the first visit twelve weeks ago.
    const now = named('José Álvarez', pipeline().prospects);
    expect(now).toHaveLength(1);
    expect(now[0]!.company).toBe('Álvarez Tiles');
    expect(now[0]!.visits.map((v) => v.meetingOn)).toEqual([daysAgo(84), daysAgo(49), daysAgo(0)]);
    await linkTheRest();
    // The backlog linked the rest: the same person, nobody made twice.
    expect(visitorSlipsNotLinked(opened.db)).toBe(0);
    const after = everyone().filter((p) => p.name.toLowerCase().includes('lvarez'));
    expect(after).toHaveLength(1);
    expect(after[0]!.visits).toHaveLength(3);
    expect(pipeline().total).toBe(721);
    lastVisitsAreRight();
  });

  it('a visitor\'s name corrected while the backlog is being matched shows corrected at once, not after the backlog', () => {
    smallChapter(opened);
    olderHistory();
    opened.db.transaction((tx) => syncVisitorPipeline(tx, 100));
    const slip = opened.sqlite.prepare("SELECT id, meeting_id AS meetingId FROM visitors WHERE name = 'Visitor 12-0'").get() as { id: string; meetingId: string };
    ok(api.call('saveVisitor', { id: slip.id, meetingId: slip.meetingId, name: 'Valentina Twelve', company: 'Firm 12-0', confirmDuplicate: true, reason: 'Name misread' }));
    const found = pipeline({ search: 'valentina' });
    expect(found.visitorSlipsWaiting).toBeGreaterThan(500);
    expect(found.prospects.map((p) => p.name)).toEqual(['Valentina Twelve']);
    expect(pipeline({ search: 'Visitor 12-0' }).total).toBe(0);
  });

  it('names in Chinese, Arabic and Hindi are listed as saved; "राम" and "रमा" are two people', () => {
    smallChapter(opened);
    const tonight = meeting(api, daysAgo(0));
    for (const name of ['李小龍', 'عمر الفاروق', 'राम', 'रमा']) visit(api, tonight, name);
    const list = pipeline();
    expect(list.total).toBe(4);
    expect(list.prospects.map((p) => p.name).sort()).toEqual(['राम', 'रमा', 'عمر الفاروق', '李小龍'].sort());
    expect(week().visitorsToFollowUpTotal).toBe(4);
  });

  it('an empty chapter: no visitor, nothing waiting, no follow-up — and no figure made up', () => {
    smallChapter(opened);
    const list = pipeline();
    expect(list).toMatchObject({ total: 0, prospects: [], visitorSlipsWaiting: 0, conversion: { visitors: 0, applied: 0, joined: 0 } });
    expect(pipeline({ show: 'open' }).total).toBe(0);
    expect(week()).toMatchObject({ visitorsToFollowUp: [], visitorsToFollowUpTotal: 0, visitorSlipsWaiting: 0 });
  });
});

describe('a visitor slip deleted, then brought back', () => {
  it('deleting tonight\'s only visit takes the visitor off the list and out of the counts; undo puts them back with the same visit', () => {
    smallChapter(opened);
    visit(api, meeting(api, daysAgo(7)), 'Kara Lind', { email: 'kara@lind.example' });
    const tonight = meeting(api, daysAgo(0));
    const slip = visit(api, tonight, 'Kara Lind', { email: 'kara@lind.example' });
    const priya = visit(api, tonight, 'Priya Raman');
    expect(pipeline().prospects[0]!.lastVisitOn).toBe(daysAgo(0));

    ok(api.call('deleteSlip', { kind: 'visitor', id: slip.id, reason: '' }));
    const kara = named('Kara Lind');
    expect(kara[0]!.visits.map((v) => v.meetingOn)).toEqual([daysAgo(7)]);
    expect(kara[0]!.lastVisitOn).toBe(daysAgo(7));
    ok(api.call('deleteSlip', { kind: 'visitor', id: priya.id, reason: '' }));
    expect(pipeline().total).toBe(1);
    expect(pipeline().conversion.visitors).toBe(1);
    expect(week().visitorsToFollowUp.map((p) => p.name)).toEqual(['Kara Lind']);
    lastVisitsAreRight();

    ok(api.call('restoreSlip', { kind: 'visitor', id: slip.id, reason: '' }));
    ok(api.call('restoreSlip', { kind: 'visitor', id: priya.id, reason: '' }));
    expect(pipeline().total).toBe(2);
    expect(named('Kara Lind')[0]!.visits.map((v) => v.meetingOn)).toEqual([daysAgo(7), daysAgo(0)]);
    expect(week().visitorsToFollowUpTotal).toBe(2);
    lastVisitsAreRight();
  });

  it('a slip deleted before it was ever matched (still in the backlog) and then brought back is matched by the undo', () => {
    smallChapter(opened);
    olderHistory();
    const waiting = opened.sqlite.prepare("SELECT id FROM visitors WHERE name = 'Visitor 1-5'").pluck().get() as string;
    ok(api.call('deleteSlip', { kind: 'visitor', id: waiting, reason: '' }));
    expect(named('Visitor 1-5', pipeline().prospects)).toEqual([]);
    ok(api.call('restoreSlip', { kind: 'visitor', id: waiting, reason: '' }));
    // Not waiting for the backlog: back on the list at once, with its visit of last week.
    expect(pipeline().visitorSlipsWaiting).toBe(721);
    expect(named('Visitor 1-5', pipeline().prospects)[0]!.visits.map((v) => v.meetingOn)).toEqual([daysAgo(7)]);
    lastVisitsAreRight();
  });
});

describe('an old week imported while the backlog is being matched', () => {
  it('its visitors are listed at once, a returning one after his earlier waiting visits; the backlog then finishes with the same people', async () => {
    const { florist } = smallChapter(opened);
    const host = addMember(opened.db, { firstName: 'Dana', lastName: 'Ruiz', company: '', classificationId: florist, phone: '', email: '', status: 'active', joinedOn: '2020-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
    olderHistory();
    // The first batch of the backlog linked behind the screens, as if the import came in the middle of it.
    opened.db.transaction((tx) => syncVisitorPipeline(tx, 100));
    const oldWeek = daysAgo(21);
    const [m, d, y] = [oldWeek.slice(5, 7), oldWeek.slice(8, 10), oldWeek.slice(0, 4)];
    const csv = Buffer.from(
      [`Slips Audit Report for ${oldWeek}`, 'Harbour Connectors', '', 'Date,Slip Type,From,To,Detail,Amount,New/Repeat,Inside/Outside',
        `${m}/${d}/${y},Visitor,${host.firstName} ${host.lastName},Jose Alvarez,Alvarez Tiles,,,`,
        `${m}/${d}/${y},Visitor,${host.firstName} ${host.lastName},Mei Chen,Chen Bakery,,,`].join('\r\n'),
    );
    const imported = ok<{ created: number }>(await api.callAsync('importSlipsAudit', { fileName: 'old-week.csv', contentBase64: csv.toString('base64') }));
    expect(imported.created).toBe(2);
    expect(pipeline().visitorSlipsWaiting).toBeGreaterThan(500);
    const mei = named('Mei Chen', pipeline().prospects);
    expect(mei[0]!.visits.map((v) => v.meetingOn)).toEqual([oldWeek]);
    const jose = named('José Álvarez', everyone());
    expect(jose).toHaveLength(1);
    expect(jose[0]!.company).toBe('Álvarez Tiles');
    expect(jose[0]!.visits.map((v) => v.meetingOn)).toEqual([daysAgo(84), daysAgo(49), oldWeek]);

    await linkTheRest();
    expect(visitorSlipsNotLinked(opened.db)).toBe(0);
    expect(pipeline().total).toBe(722);
    expect(everyone().filter((p) => p.name.toLowerCase().includes('lvarez'))).toHaveLength(1);
    lastVisitsAreRight();
  });
});

describe('each person\'s last visit is kept by the file', () => {
  it('moving a meeting to another day moves its visitors\' last visit, and This week orders them by the new day', () => {
    smallChapter(opened);
    const early = meeting(api, daysAgo(60));
    const later = meeting(api, daysAgo(30));
    visit(api, early, 'Lars Berg');
    visit(api, later, 'Ines Costa');
    expect(week().visitorsToFollowUp.map((p) => p.name)).toEqual(['Lars Berg', 'Ines Costa']);
    // The earlier meeting was really held yesterday (a mistyped date).
    ok(api.call('changeMeetingDate', { meetingId: early, meetingOn: daysAgo(1), confirmDate: true }));
    expect(named('Lars Berg')[0]!.lastVisitOn).toBe(daysAgo(1));
    expect(week().visitorsToFollowUp.map((p) => p.name)).toEqual(['Ines Costa', 'Lars Berg']);
    expect(pipeline().prospects.map((p) => p.name)).toEqual(['Lars Berg', 'Ines Costa']);
    lastVisitsAreRight();
  });

  it('the counts are those of the people listed: a person whose every slip was deleted is not counted, one who applied is', () => {
    smallChapter(opened);
    const tonight = meeting(api, daysAgo(0));
    const gone = visit(api, tonight, 'Tom Weller');
    visit(api, tonight, 'Hana Sato', { company: 'Sato Florals' });
    visit(api, tonight, 'Aditi Rao', { classificationSought: 'Florist' });
    ok(api.call('deleteSlip', { kind: 'visitor', id: gone.id, reason: '' }));
    const list = pipeline();
    expect(list.conversion).toEqual({ visitors: 2, applied: 0, joined: 0 });
    expect(list.total).toBe(2);
    expect(everyone().map((p) => p.name).sort()).toEqual(['Aditi Rao', 'Hana Sato']);
    expect(pipeline({ show: 'open' }).total).toBe(2);
  });
});
