// A second look at meeting night by a secretary who had not seen the app: the traps left after the first
// round, each now closed — an undo in a closed meeting without a reason, notices that pile up, and an
// Open referrals list that said "0 days" for next week's referral and never said how many there are.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { addDays, nextWeekday, todayIso } from '../../src/shared/dates';
import { UndoHistory } from '../../src/renderer/undo-history';
import { notificationSettings } from '../../src/renderer/notification-rules';
import { ageLabel, flagLegend, referralFlags, totalLine } from '../../src/renderer/open-referrals-wording';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

let opened: OpenedDatabase;
let api: Registry;
let dana: string;
let marcus: string;

const ok = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

const today = todayIso();

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  const seats = smallChapter(opened);
  dana = ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz'))).id;
  marcus = ok(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen'))).id;
});

describe('Ctrl+Z in a closed meeting asks its reason first', () => {
  it('the history names the step Ctrl+Z would undo (for the reason dialog) without undoing anything yet', async () => {
    const history = new UndoHistory();
    const done: string[] = [];
    const step = (label: string) => ({ label, undo: async (why: string) => void done.push(`undo ${label}: ${why}`), redo: async (why: string) => void done.push(`redo ${label}: ${why}`) });
    const saved = step('saved CEU Dana Ruiz, 1 credit');
    const deleted = step('deleted referral Dana Ruiz → Marcus Chen (Harper wedding)');
    history.record(saved);
    history.record(deleted);
    expect(history.nextUndo()).toBe(deleted);
    expect(history.nextUndo(saved)).toBe(saved);
    expect(history.nextRedo()).toBeNull();
    expect(done).toEqual([]);
    // The reason typed in the dialog is the one the ledger gets.
    await history.undo(() => 'It was not a duplicate');
    expect(done).toEqual(['undo deleted referral Dana Ruiz → Marcus Chen (Harper wedding): It was not a duplicate']);
    expect(history.nextRedo()).toBe(deleted);
    // The toast's Undo is only valid while its step can still be undone.
    expect(history.canUndoStep(deleted)).toBe(false);
    expect(history.nextUndo(deleted)).toBeNull();
    expect(history.canUndoStep(saved)).toBe(true);
  });

  it('in the ledger, bringing back a slip of a closed meeting without a reason is refused, with one it is audited', () => {
    const day = nextWeekday(addDays(today, -10), 3);
    const meeting = ok(api.call('createMeeting', { meetingOn: day, confirmDate: true }));
    const ceu = ok(api.call('saveCeu', { meetingId: meeting.id, memberId: dana, credits: 2 }));
    ok(api.call('markAllPresent', { meetingId: meeting.id }));
    ok(api.call('closeMeeting', { meetingId: meeting.id, confirmWarnings: true }));
    ok(api.call('deleteSlip', { kind: 'ceu', id: ceu.id, reason: 'Entered twice' }));
    const refusal = api.call('restoreSlip', { kind: 'ceu', id: ceu.id, reason: '' });
    expect(refusal.ok).toBe(false);
    ok(api.call('restoreSlip', { kind: 'ceu', id: ceu.id, reason: 'It was not a duplicate' }));
    const last = opened.sqlite.prepare("SELECT action, reason FROM audit_log WHERE entity = 'ceu' AND entity_id = ? ORDER BY rowid DESC LIMIT 1").get(ceu.id);
    expect(last).toEqual({ action: 'restore', reason: 'It was not a duplicate' });
  });
});

describe('"Mark everyone else present" is one step, and Ctrl+Z takes exactly those marks away', () => {
  it('undoing it leaves the marks typed before it, removes the rest in one change, each audited', () => {
    // The last Wednesday before today (a week back at most): a meeting already held, so it can be closed on any weekday the test runs.
    const day = nextWeekday(addDays(today, -7), 3);
    const meeting = ok(api.call('createMeeting', { meetingOn: day, confirmDate: true }));
    ok(api.call('setAttendance', { meetingId: meeting.id, memberId: dana, mark: 'A' }));
    const all = ok(api.call('markAllPresent', { meetingId: meeting.id }));
    expect(all.memberIds).not.toContain(dana);
    expect(all.memberIds).toContain(marcus);
    expect(all.memberIds).toHaveLength(all.marked);
    const marks = () => Object.fromEntries(ok<any>(api.call('getMeetingSheet', { meetingId: meeting.id })).roster.map((r: any) => [r.memberId, r.mark]));
    // A list naming someone not in this chapter is refused whole: no mark is taken away.
    const refused = api.call('clearMarks', { meetingId: meeting.id, memberIds: [...all.memberIds, '00000000-0000-4000-8000-000000000000'] });
    expect(refused.ok).toBe(false);
    expect(Object.values(marks()).filter((m) => m === null)).toHaveLength(0);
    const auditBefore = opened.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'attendance' AND action = 'delete'").pluck().get();
    expect(ok(api.call('clearMarks', { meetingId: meeting.id, memberIds: all.memberIds }))).toEqual({ cleared: all.marked });
    const after = marks();
    expect(after[dana]).toBe('A');
    for (const id of all.memberIds) expect(after[id]).toBeNull();
    expect(opened.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'attendance' AND action = 'delete'").pluck().get()).toBe((auditBefore as number) + all.marked);
    // Redo marks the same members again.
    expect(ok(api.call('markAllPresent', { meetingId: meeting.id })).memberIds.sort()).toEqual([...all.memberIds].sort());
    // Once the meeting is closed, taking marks away is an amendment: it needs its reason.
    ok(api.call('closeMeeting', { meetingId: meeting.id, confirmWarnings: true }));
    expect(api.call('clearMarks', { meetingId: meeting.id, memberIds: [marcus], reason: '' }).ok).toBe(false);
    expect(ok(api.call('clearMarks', { meetingId: meeting.id, memberIds: [marcus], reason: 'Marcus had left before the open' }))).toEqual({ cleared: 1 });
  });
});

describe('notices close by themselves and never pile up', () => {
  it('every notice closes after a few seconds, at most three show at once, and hovering one pauses that one only', () => {
    expect(notificationSettings.autoClose).toBeGreaterThanOrEqual(3000);
    expect(notificationSettings.autoClose).toBeLessThanOrEqual(10_000);
    expect(notificationSettings.limit).toBeLessThanOrEqual(3);
    expect(notificationSettings.pauseResetOnHover).toBe('notification');
    const main = readFileSync('src/renderer/main.tsx', 'utf8');
    expect(main).toContain('<Notifications {...notificationSettings} />');
  });

  it('the only notice that waits is a delete\'s Undo, and the Meeting screen hides it once that delete is undone', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk('src/renderer');
    const waiting = files.flatMap((f) => (readFileSync(f, 'utf8').match(/autoClose:\s*false/g) ?? []).map(() => f));
    expect(waiting).toEqual([join('src/renderer/screens/MeetingScreen.tsx')]);
    const meeting = readFileSync('src/renderer/screens/MeetingScreen.tsx', 'utf8');
    expect(meeting).toMatch(/canUndoStep\(shown\.step\)\)\s*\{\s*notifications\.hide\(shown\.id\)/);
  });
});

describe('Open referrals, read by a secretary', () => {
  it('a referral at a meeting still ahead says when that meeting is, not "0 days"', () => {
    const ahead = nextWeekday(addDays(today, 5), 3);
    const meeting = ok(api.call('createMeeting', { meetingOn: ahead, confirmDate: true }));
    ok(api.call('saveReferral', { meetingId: meeting.id, giverId: dana, receiverId: marcus, prospectName: 'Harper wedding' }));
    const [row] = ok<any[]>(api.call('listOpenReferrals', {}));
    const days = Math.round((Date.parse(ahead) - Date.parse(today)) / 86_400_000);
    expect(ageLabel(row, today)).toBe(`meeting in ${days} days`);
    expect(ageLabel({ meetingOn: addDays(today, 1), daysOpen: 0 }, today)).toBe('meeting in 1 day');
    expect(ageLabel({ meetingOn: today, daysOpen: 0 }, today)).toBe('0 days');
    expect(ageLabel({ meetingOn: addDays(today, -1), daysOpen: 1 }, today)).toBe('1 day');
    // Neither overdue nor stale: it has not been given yet.
    expect(referralFlags({ ...row, daysSinceUpdate: 99 }, { openReferralDays: 30, staleDays: 14 }, today)).toEqual({ overdue: false, stale: false });
  });

  it('"stale" and the red badge mean what the sentence at the top says, with the same numbers', () => {
    const rules = { openReferralDays: 30, staleDays: 14 };
    const legend = flagLegend(rules);
    expect(legend).toContain('Red: open more than 30 days');
    expect(legend).toContain('Stale: no follow-up recorded for 14 days or more');
    const given = (daysOpen: number, daysSinceUpdate: number, status = 'contacted') => referralFlags({ meetingOn: addDays(today, -daysOpen), status, daysOpen, daysSinceUpdate }, rules, today);
    // 16 days without news is stale (14), but not overdue (30): the two words are two rules, both stated.
    expect(given(16, 16)).toEqual({ overdue: false, stale: true });
    expect(given(31, 3)).toEqual({ overdue: true, stale: false });
    expect(given(30, 13)).toEqual({ overdue: false, stale: false });
    // On the day itself: "14 days or more" includes the 14th day; "more than 30 days" does not include the 30th.
    expect(given(20, 14)).toEqual({ overdue: false, stale: true });
    expect(given(30, 0)).toEqual({ overdue: false, stale: false });
    expect(given(90, 90, 'won')).toEqual({ overdue: false, stale: false });
    // With other settings the sentence and the badges move together.
    expect(flagLegend({ openReferralDays: 45, staleDays: 1 })).toContain('open more than 45 days');
    expect(flagLegend({ openReferralDays: 45, staleDays: 1 })).toContain('for 1 day or more');
    expect(referralFlags({ meetingOn: addDays(today, -46), status: 'new', daysOpen: 46, daysSinceUpdate: 0 }, { openReferralDays: 45, staleDays: 1 }, today)).toEqual({ overdue: true, stale: false });
  });

  it('the list says how many referrals it holds with its filters, every page together', () => {
    const past = nextWeekday(addDays(today, -20), 3);
    const ahead = nextWeekday(addDays(today, 1), 3);
    const earlier = ok(api.call('createMeeting', { meetingOn: past, confirmDate: true }));
    const next = ok(api.call('createMeeting', { meetingOn: ahead, confirmDate: true }));
    for (let i = 0; i < 60; i++) ok(api.call('saveReferral', { meetingId: earlier.id, giverId: i % 2 ? dana : marcus, receiverId: i % 2 ? marcus : dana, prospectName: `Prospect ${i}` }));
    ok(api.call('saveReferral', { meetingId: next.id, giverId: dana, receiverId: marcus, prospectName: 'Next week' }));
    expect(ok(api.call('countOpenReferrals', {}))).toEqual({ total: 61, future: 1 });
    expect(ok(api.call('countOpenReferrals', { memberId: dana, status: 'open', olderThanDays: 0 }))).toEqual({ total: 61, future: 1 });
    expect(ok(api.call('countOpenReferrals', { status: 'open', olderThanDays: 7 }))).toEqual({ total: 60, future: 0 });
    expect(ok(api.call('countOpenReferrals', { status: 'won' }))).toEqual({ total: 0, future: 0 });
    // The count agrees with the pages of the list.
    const firstPage = ok<any[]>(api.call('listOpenReferrals', { limit: 50, offset: 0 }));
    const secondPage = ok<any[]>(api.call('listOpenReferrals', { limit: 50, offset: 50 }));
    expect(firstPage.length + secondPage.length).toBe(61);
    expect(totalLine({ total: 61, future: 1, status: 'open', from: 1, to: 50 })).toBe('61 open referrals (1 at a meeting still ahead) · showing 1–50');
    expect(totalLine({ total: 1, future: 0, status: 'open', from: 1, to: 1 })).toBe('1 open referral');
    expect(totalLine({ total: 3, future: 0, status: 'won', from: 1, to: 3 })).toBe('3 referrals marked won');
  });
});
