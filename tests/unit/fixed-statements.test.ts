// A slip saved on a meeting night is written by a statement built once per slip type instead of
// drizzle's insert builder on every save. It must be the very insert drizzle writes: same text,
// same values, the same defaults for what the secretary left empty — and the slip reads back the same.
import { describe, expect, it } from 'vitest';
import { insertRow, insertStatement } from '../../src/db/fixed-statements';
import { ceus, oneToOnes, outsidePartySlips, referrals, tyfcbSlips, visitors } from '../../src/db/schema';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'EUR', locale: 'de-DE', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  for (const [first, last, seat] of [['Jürgen', 'Müller', 'Realtor'], ['李', '家装修', 'Builder']] as const) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    ids[first] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  const meetingId = ok<{ id: string }>(api.call('createMeeting', { meetingOn: '2026-11-17' })).id;
  return { opened, api, ids, meetingId };
}

describe('a slip written by the statement built once per slip type', () => {
  it('is the insert drizzle writes for every slip type: same text, same values, the same defaults for fields left empty', () => {
    const { opened, ids, meetingId } = chapter();
    const a = ids['Jürgen']!;
    const b = ids['李']!;
    const cases = [
      [referrals, { meetingId, giverId: a, receiverId: b, kind: 'outside', temperature: 3, prospectName: 'Familie Schröder', prospectPhone: undefined, note: 'Ruft nach 18 Uhr an' }],
      [tyfcbSlips, { meetingId, closerId: b, referrerId: a, amountMinor: 100050, currency: 'EUR', business: 'new', kind: 'inside', referralId: undefined, note: '' }],
      [oneToOnes, { meetingId, memberAId: a, memberBId: b, metOn: '2026-11-17', note: '' }],
      [visitors, { meetingId, name: 'أحمد خان', company: '', classificationSought: 'Florist', classificationId: null, invitedById: a, phone: '', email: '' }],
      [ceus, { meetingId, memberId: a, credits: 2, note: 'Podcast' }],
      [outsidePartySlips, { meetingId, slipType: 'one_to_one', memberId: a, partyId: 'p1', direction: 'with', note: '', kind: '', temperature: null, metOn: '2026-11-17' }],
    ] as const;
    for (const [table, values] of cases) {
      const ours = insertStatement(table, { ...values });
      const theirs = opened.db.insert(table).values({ ...values } as never).toSQL();
      expect(ours.text).toBe(theirs.sql);
      // The id is a new random one each time; every other value is the same.
      const at = ours.params.indexOf(ours.id);
      const newId = (params: unknown[]) => params.map((p, i) => (i === at ? 'the new id' : p));
      expect(newId(ours.params)).toEqual(newId(theirs.params));
      expect(ours.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('writes the row drizzle would: a referral left without phone reads back with the defaults, twice over (Enter twice) as two rows', () => {
    const { opened, ids, meetingId } = chapter();
    const values = { meetingId, giverId: ids['Jürgen']!, receiverId: ids['李']!, kind: 'inside', temperature: 5, prospectName: '王先生', prospectPhone: undefined, note: '' };
    const first = insertRow(opened.db, referrals, values);
    const second = insertRow(opened.db, referrals, values);
    const viaDrizzle = opened.db.insert(referrals).values(values as never).returning({ id: referrals.id }).get().id;
    expect(new Set([first, second, viaDrizzle]).size).toBe(3);
    const row = (id: string) => {
      const { id: _id, created_at: createdAt, updated_at: updatedAt, ...rest } = opened.sqlite.prepare('SELECT * FROM referrals WHERE id = ?').get(id) as Record<string, unknown>;
      expect(createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(updatedAt).toBe(createdAt);
      return rest;
    };
    expect(row(first)).toEqual(row(viaDrizzle));
    expect(row(second)).toEqual(row(viaDrizzle));
    expect(row(first)).toMatchObject({ prospect_phone: '', prospect_email: '', status: 'new', deleted_at: null, prospect_name: '王先生' });
  });
});
