// A join date that reaches back over meetings already held asks first: it changes those weeks'
// attendance counts and every scorecard over them.
import { describe, expect, it } from 'vitest';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

const ok = <T = any>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

/** A chapter with two members and two meetings held in March 2026. */
function chapterWithHistory() {
  const opened = openTestDb();
  const seats = smallChapter(opened);
  const api = testRegistry(opened);
  ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2026-01-05' })));
  ok(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { joinedOn: '2026-01-05' })));
  for (const day of ['2026-03-04', '2026-03-11']) {
    const meeting = ok(api.call('createMeeting', { meetingOn: day, confirmDate: true }));
    ok(api.call('markAllPresent', { meetingId: meeting.id }));
    ok(api.call('closeMeeting', { meetingId: meeting.id }));
  }
  const count = () => opened.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number;
  return { opened, seats, api, count };
}

describe('a back-dated join date asks first', () => {
  it('a new member joined before the first meeting is not saved until the secretary confirms', () => {
    const { seats, api, count } = chapterWithHistory();
    const asked = api.call('addMember', memberInput(seats.florist, 'Priya', 'शर्मा', { joinedOn: '2025-06-01' }));
    expect(asked).toMatchObject({ ok: false, error: { code: 'needs_confirmation', field: 'joinedOn' } });
    const message = (asked as any).error.message as string;
    expect(message).toContain("Joined on Jun 1, 2025, before the chapter's first meeting in the ledger (Mar 4, 2026)");
    expect(message).toContain('2 meetings already held (Mar 4, 2026 to Mar 11, 2026)');
    expect(message).toContain('a closed meeting keeps the roster it was closed with — re-open it to mark them');
    expect(count()).toBe(2);
    const saved = ok(api.call('addMember', memberInput(seats.florist, 'Priya', 'शर्मा', { joinedOn: '2025-06-01', confirmJoinDate: true })));
    expect(saved.joinedOn).toBe('2025-06-01');
    expect(count()).toBe(3);
    // As said: the closed meetings keep their rosters (Priya is not on them until one is re-opened).
    const held = ok<Array<{ id: string }>>(api.call('listMeetings', {}));
    for (const meeting of held) {
      const sheet = ok<{ roster: Array<{ name: string }> }>(api.call('getMeetingSheet', { meetingId: meeting.id }));
      expect(sheet.roster.map((r) => r.name)).not.toContain('Priya शर्मा');
      expect(sheet.roster).toHaveLength(2);
    }
  });

  it('names the one meeting a join date reaches back over', () => {
    const { seats, api } = chapterWithHistory();
    const asked = api.call('addMember', memberInput(seats.florist, 'Layla', 'الحسيني', { joinedOn: '2026-03-10' }));
    expect((asked as any).error.message).toBe(
      'Joined on Mar 10, 2026 makes this member a member at the meeting of Mar 11, 2026: a meeting still open lists them as unmarked; a closed meeting keeps the roster it was closed with — re-open it to mark them or record their slips there. Save with this join date?',
    );
  });

  it('moving an existing join date earlier over held meetings asks; a later date or no meeting in between does not', () => {
    const { seats, api } = chapterWithHistory();
    const newcomer = ok(api.call('addMember', memberInput(seats.florist, '大文', '陳', { joinedOn: '2026-03-12' })));
    const edit = (joinedOn: string, extra: Record<string, unknown> = {}) => api.call('updateMember', { ...memberInput(seats.florist, '大文', '陳', { joinedOn, ...extra }), id: newcomer.id });
    expect(edit('2026-01-01')).toMatchObject({ ok: false, error: { code: 'needs_confirmation', field: 'joinedOn' } });
    expect(ok(api.call('getMember', { id: newcomer.id })).member.joinedOn).toBe('2026-03-12');
    // Between the last meeting and the join date: no meeting changes.
    expect(ok(edit('2026-03-12')).joinedOn).toBe('2026-03-12');
    expect(ok(edit('2026-03-20')).joinedOn).toBe('2026-03-20');
    expect(ok(edit('2026-01-01', { confirmJoinDate: true })).joinedOn).toBe('2026-01-01');
    // Already counted in those meetings: editing other details does not ask again.
    expect(ok(edit('2026-01-01', { company: 'Chan & Sons' })).company).toBe('Chan & Sons');
  });

  it('a join date moved later than meetings where the member already has marks or slips asks too, and changes nothing until confirmed', () => {
    const { opened, seats, api } = chapterWithHistory();
    const dana = ok(api.call('listMembers', { scope: 'all' })).find((m: { firstName: string }) => m.firstName === 'Dana');
    const edit = (joinedOn: string, extra: Record<string, unknown> = {}) => api.call('updateMember', { ...memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn, ...extra }), id: dana.id });
    // Before any meeting she attended: nothing of hers is left before it, nothing to ask.
    expect(ok(edit('2026-02-01')).joinedOn).toBe('2026-02-01');
    const one = edit('2026-03-10');
    expect(one).toMatchObject({ ok: false, error: { code: 'needs_confirmation', field: 'joinedOn' } });
    expect((one as any).error.message).toBe(
      "Joined on Mar 10, 2026 is after the meeting of Mar 4, 2026 at which Dana Ruiz already has attendance marks or slips: those stay recorded, but the seat's history shows it open until Mar 10, 2026 and a meeting still open no longer lists them. Save with this join date?",
    );
    expect((edit('2026-04-01') as any).error.message).toContain('is after 2 meetings (Mar 4, 2026 to Mar 11, 2026) at which Dana Ruiz already has');
    expect(ok(api.call('getMember', { id: dana.id })).member.joinedOn).toBe('2026-02-01');
    expect(ok(edit('2026-04-01', { confirmJoinDate: true })).joinedOn).toBe('2026-04-01');
    // Her marks stay recorded.
    expect(opened.sqlite.prepare('SELECT count(*) FROM attendance WHERE member_id = ?').pluck().get(dana.id)).toBe(2);
  });

  it('a cancelled meeting counts for nobody, and an empty chapter has nothing to change', () => {
    const opened = openTestDb();
    const seats = smallChapter(opened);
    const api = testRegistry(opened);
    expect(ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2019-05-07' }))).joinedOn).toBe('2019-05-07');
    const meeting = ok(api.call('createMeeting', { meetingOn: '2026-03-04', confirmDate: true }));
    ok(api.call('cancelMeeting', { meetingId: meeting.id, reason: 'Public holiday' }));
    expect(ok(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { joinedOn: '2026-01-05' }))).joinedOn).toBe('2026-01-05');
  });
});
