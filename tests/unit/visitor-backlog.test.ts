// A chapter file whose visitor slips were never linked to people (written by a version from before
// the visitor pipeline, or a large import): This week and Visitors open at once with what is linked
// so far and say how many slips wait; the rest is linked behind the screens, a batch at a time,
// with the same people and visits as linking them all at once would give.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import { visitors as visitorSlips } from '../../src/db/schema';
import type { Registry } from '../../src/server/registry';
import { linkVisitorSlipsBehind } from '../../src/server/visitor-linking';
import { syncVisitorPipeline, visitorSlipsLinkedWhileOpening, visitorSlipsNotLinked } from '../../src/services/visitors';
import type { ThisWeek, VisitorsPipeline } from '../../src/shared/contract';
import { openTestDb, smallChapter, testRegistry } from '../support/db';
import { daysAgo, meeting, ok, visit } from '../support/leadership';

let opened: OpenedDatabase;
let api: Registry;

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  smallChapter(opened);
});

const pipeline = (input: Record<string, unknown> = {}) => ok<VisitorsPipeline>(api.call('listVisitors', input));
const everyone = () => {
  const first = pipeline();
  const pages = Math.ceil(first.total / first.pageSize);
  return Array.from({ length: pages }, (_, i) => pipeline({ page: i + 1 }).prospects).flat();
};
const logged: unknown[] = [];
const linkTheRest = () => linkVisitorSlipsBehind(api, () => opened.db, (_message, error) => logged.push(error));

/** An older file's history: 12 meetings of 60 visitor slips each, written straight into the file; every fifth visitor comes back the next week. */
function oldHistory(): { returning: string } {
  const slips: Array<typeof visitorSlips.$inferInsert> = [];
  for (let week = 12; week >= 1; week--) {
    const meetingId = meeting(api, daysAgo(7 * week));
    for (let i = 0; i < 60; i++) slips.push({ meetingId, name: `Visitor ${week}-${i}`, company: `Firm ${week}-${i}`, phone: `555-${week}-${i}` });
    // The same person, once a week for the twelve weeks, with the same phone.
    slips.push({ meetingId, name: 'Rosa Delgado', phone: '555 0199', company: week === 12 ? 'Delgado Catering' : '' });
  }
  opened.db.insert(visitorSlips).values(slips).run();
  return { returning: 'Rosa Delgado' };
}

describe('a file with a backlog of visitor slips never linked', () => {
  it('This week and Visitors answer at once with how many slips wait, and the backlog is then linked behind them to the same people', async () => {
    const { returning } = oldHistory();
    expect(visitorSlipsNotLinked(opened.db)).toBe(732);
    expect(732).toBeGreaterThan(visitorSlipsLinkedWhileOpening);

    const week = ok<ThisWeek>(api.call('thisWeek', {}));
    expect(week.visitorSlipsWaiting).toBe(732);
    expect(pipeline().visitorSlipsWaiting).toBe(732);

    await linkTheRest();
    expect(logged).toEqual([]);
    expect(visitorSlipsNotLinked(opened.db)).toBe(0);
    const list = pipeline();
    expect(list.visitorSlipsWaiting).toBe(0);
    // 720 one-time visitors and Rosa, who came every week: one person with twelve visits.
    expect(list.total).toBe(721);
    const people = everyone();
    expect(people).toHaveLength(721);
    const rosa = people.filter((p) => p.name === returning);
    expect(rosa).toHaveLength(1);
    expect(rosa[0]!.visits.map((v) => v.meetingOn)).toEqual(Array.from({ length: 12 }, (_, i) => daysAgo(7 * (12 - i))));
    // Her person was made from her first visit, oldest first, as when everything was linked in one go.
    expect(rosa[0]!.company).toBe('Delgado Catering');
    expect(ok<ThisWeek>(api.call('thisWeek', {})).visitorsToFollowUpTotal).toBe(721);
  });

  it('a visitor typed after the backlog was linked joins the list at the next look, and the returning one is found across meetings', async () => {
    oldHistory();
    await linkTheRest();
    const tonight = meeting(api, daysAgo(0));
    visit(api, tonight, 'Yuki Tanaka', { company: 'Tanaka Design', email: 'yuki@tanaka.example' });
    visit(api, tonight, 'rosa delgado', { phone: '555-0199' });

    const list = pipeline();
    expect(list.visitorSlipsWaiting).toBe(0);
    expect(list.total).toBe(722);
    // Newest visit first: tonight's two lead the first page, in name order.
    expect(list.prospects.slice(0, 2).map((p) => p.name)).toEqual(['Rosa Delgado', 'Yuki Tanaka']);
    expect(list.prospects[0]!.visits).toHaveLength(13);
    // This week counts her among the visitors to call (the stale ones are listed first).
    const week = ok<ThisWeek>(api.call('thisWeek', {}));
    expect(week.visitorsToFollowUpTotal).toBe(722);
    expect(week.visitorsToFollowUp).toHaveLength(50);
    expect(week.visitorsToFollowUp[0]!.stale).toBe(true);
  });

  it('deleting a visit and undoing the delete keeps the person and their visits right', async () => {
    oldHistory();
    await linkTheRest();
    const tonight = meeting(api, daysAgo(0));
    const slip = visit(api, tonight, 'Rosa Delgado', { phone: '555 0199' });
    expect(pipeline().prospects[0]!.visits).toHaveLength(13);

    ok(api.call('deleteSlip', { kind: 'visitor', id: slip.id, reason: '' }));
    const afterDelete = pipeline();
    expect(afterDelete.total).toBe(721);
    const rosa = afterDelete.prospects.find((p) => p.name === 'Rosa Delgado');
    // Her newest visit is now last week's: she is still listed, with twelve visits.
    expect(rosa?.visits).toHaveLength(12);

    ok(api.call('restoreSlip', { kind: 'visitor', id: slip.id, reason: '' }));
    const back = pipeline();
    expect(back.prospects[0]!.name).toBe('Rosa Delgado');
    expect(back.prospects[0]!.visits).toHaveLength(13);
    expect(back.total).toBe(721);
  });

  it('a slip corrected while the backlog was being linked is followed: the person takes the corrected name', async () => {
    oldHistory();
    // The first batch only, as if the app had been busy.
    opened.db.transaction((tx) => {
      syncVisitorPipeline(tx, 100);
    });
    const firstSlip = opened.sqlite.prepare("SELECT id FROM visitors WHERE name = 'Visitor 12-0'").get() as { id: string };
    const wrong = opened.sqlite.prepare('SELECT count(*) AS n FROM prospect_visits WHERE visitor_id = ?').get(firstSlip.id) as { n: number };
    expect(wrong.n).toBe(1);
    ok(api.call('saveVisitor', { id: firstSlip.id, meetingId: opened.sqlite.prepare('SELECT meeting_id AS m FROM visitors WHERE id = ?').pluck().get(firstSlip.id), name: 'Visitor Twelve-Zero', company: 'Firm 12-0', phone: '555-12-0', confirmDuplicate: true, reason: 'Name misread' }));
    await linkTheRest();
    const names = everyone().map((p) => p.name);
    expect(names).toContain('Visitor Twelve-Zero');
    expect(names).not.toContain('Visitor 12-0');
  });
});
