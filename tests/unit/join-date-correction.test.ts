// A secretary who typed a join date wrong and corrects it expects the member's seat history to say
// the corrected date too, and a date that would put two members in one seat at once to be refused.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { ok, refused } from '../support/leadership';

let opened: OpenedDatabase;
let api: Registry;
let seats: ReturnType<typeof smallChapter>;

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  seats = smallChapter(opened);
});

const seatsOf = (id: string) => ok<{ seatHistory: { fromOn: string; toOn: string | null }[] }>(api.call('getMember', { id })).seatHistory.map((t) => [t.fromOn, t.toOn]);
const edit = (id: string, changes: Record<string, unknown>) => {
  const { member } = ok<{ member: Record<string, unknown> }>(api.call('getMember', { id }));
  const { firstName, lastName, company, classificationId, phone, email, status, joinedOn, renewalDue, sponsorId, leadershipRole } = member;
  return api.call('updateMember', { id, firstName, lastName, company, classificationId, phone, email, status, joinedOn, renewalDue, sponsorId, leadershipRole, confirmJoinDate: true, ...changes });
};

describe('correcting a join date typed wrong', () => {
  it('moves the start of the seat with it: 2001-02-01 corrected to 2026-11-24 reads 2026-11-24 – now', () => {
    const chen = ok<{ id: string }>(api.call('addMember', memberInput(seats.realEstate, '大文', '陳', { joinedOn: '2001-02-01' }))).id;
    expect(seatsOf(chen)).toEqual([['2001-02-01', null]]);
    ok(edit(chen, { joinedOn: '2026-11-24' }));
    expect(seatsOf(chen)).toEqual([['2026-11-24', null]]);
    ok(edit(chen, { joinedOn: '2024-01-15' }));
    expect(seatsOf(chen)).toEqual([['2024-01-15', null]]);
  });

  it('refuses a join date that puts the member in the seat while the previous holder still had it, and changes nothing', () => {
    const dana = ok<{ id: string }>(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2025-01-10' }))).id;
    ok(edit(dana, { status: 'former', leftOn: '2026-10-01' }));
    const sam = ok<{ id: string }>(api.call('addMember', memberInput(seats.realEstate, 'Sam', 'Okafor', { joinedOn: '2026-10-15' }))).id;
    const problem = refused(edit(sam, { joinedOn: '2026-09-01' }));
    expect(problem).toMatchObject({ field: 'joinedOn', message: expect.stringContaining('before Dana Ruiz left the') });
    expect(seatsOf(sam)).toEqual([['2026-10-15', null]]);
    expect(ok<{ member: { joinedOn: string } }>(api.call('getMember', { id: sam })).member.joinedOn).toBe('2026-10-15');
  });
});
