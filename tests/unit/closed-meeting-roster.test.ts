import { describe, expect, it } from 'vitest';
import { addMember } from '../../src/services/members';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { pdfText } from '../support/pdf-text';

type Sheet = { roster: { name: string; mark: string | null }[] };
const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

function closedMeetingWithThree() {
  const opened = openTestDb();
  const seats = smallChapter(opened);
  const api = testRegistry(opened);
  addMember(opened.db, memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2026-01-05' }));
  addMember(opened.db, memberInput(seats.mortgage, 'Marcus', 'Chen', { joinedOn: '2026-01-05' }));
  addMember(opened.db, memberInput(seats.florist, 'Zoë', 'Müller', { joinedOn: '2026-01-05' }));
  const meeting = ok<{ id: string }>(api.call('createMeeting', { meetingOn: '2026-03-04' }));
  ok(api.call('markAllPresent', { meetingId: meeting.id }));
  ok(api.call('closeMeeting', { meetingId: meeting.id }));
  return { opened, api, meeting };
}

describe('a closed meeting keeps the roster it was closed with', () => {
  it('does not show members added later with an earlier join date as unmarked', async () => {
    const { opened, api, meeting } = closedMeetingWithThree();
    // A roster of history arrives after the meeting was closed: joined long before it.
    const lateSeat = ok<{ id: string }>(api.call('saveClassification', { name: 'Plumbing', sphereId: null }));
    addMember(opened.db, memberInput(lateSeat.id, '大文', '陳', { joinedOn: '2025-06-01', confirmJoinDate: true }));
    const sheet = ok<Sheet>(api.call('getMeetingSheet', { meetingId: meeting.id }));
    expect(sheet.roster.map((r) => r.name).sort()).toEqual(['Dana Ruiz', 'Marcus Chen', 'Zoë Müller']);
    expect(sheet.roster.filter((r) => r.mark === null)).toEqual([]);
    const report = ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { report: 'weekly_meeting', meetingId: meeting.id }));
    expect(pdfText(Buffer.from(report.pdfBase64, 'base64'))).not.toContain('Not marked');
  }, 30_000);

  it('puts the back-dated member on the roster of the next meeting, which is still open', () => {
    const { opened, api } = closedMeetingWithThree();
    const lateSeat = ok<{ id: string }>(api.call('saveClassification', { name: 'Plumbing', sphereId: null }));
    addMember(opened.db, memberInput(lateSeat.id, '大文', '陳', { joinedOn: '2025-06-01', confirmJoinDate: true }));
    const next = ok<{ id: string }>(api.call('createMeeting', { meetingOn: '2026-03-11' }));
    const sheet = ok<Sheet>(api.call('getMeetingSheet', { meetingId: next.id }));
    expect(sheet.roster).toHaveLength(4);
  });
});

describe("membership is checked on the slip's own date", () => {
  it('refuses a one-to-one from before the member joined, naming the one-to-one and the fix', () => {
    const opened = openTestDb();
    const seats = smallChapter(opened);
    const api = testRegistry(opened);
    const dana = addMember(opened.db, memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2026-01-05' }));
    const chen = addMember(opened.db, memberInput(seats.mortgage, '大文', '陳', { joinedOn: '2026-11-23' }));
    const meeting = ok<{ id: string }>(api.call('createMeeting', { meetingOn: '2026-11-25' }));
    const early = api.call('saveOneToOne', { meetingId: meeting.id, memberAId: dana.id, memberBId: chen.id, metOn: '2026-11-20', note: '' });
    expect(early).toMatchObject({
      ok: false,
      error: { field: 'memberBId', message: '大文 陳 joined on 2026-11-23, after the one-to-one on 20 Nov 2026. If they were a member then, set the join date earlier in Members.' },
    });
    // The same pair on a day both were members is taken.
    expect(api.call('saveOneToOne', { meetingId: meeting.id, memberAId: dana.id, memberBId: chen.id, metOn: '2026-11-24', note: '' }).ok).toBe(true);
  });
});
