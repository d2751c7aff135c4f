// For any slips typed into a meeting: exported as a Slips Audit file and imported into the same ledger,
// every row is already there (0 new, 0 differs) and nothing is written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const names = [['Dana', 'Ruiz'], ['Marcus', 'Chen'], ['Lucía', 'Fernández'], ['王', '小明'], ['أحمد', 'الحسن'], ['Priya', 'रामन']] as const;
const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
const slip = fc.oneof(
  fc.record({ type: fc.constant('referral' as const), a: fc.nat(5), hop: fc.integer({ min: 1, max: 5 }), inside: fc.boolean(), prospect: text }),
  fc.record({ type: fc.constant('tyfcb' as const), a: fc.nat(5), hop: fc.integer({ min: 1, max: 5 }), cents: fc.integer({ min: 1, max: 100_000_000 }), kind: fc.constantFrom('inside', 'outside', 'tier3'), business: fc.constantFrom('new', 'repeat') }),
  fc.record({ type: fc.constant('one_to_one' as const), a: fc.nat(5), hop: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ type: fc.constant('visitor' as const), a: fc.nat(5), name: text, company: fc.string({ maxLength: 30 }) }),
  fc.record({ type: fc.constant('ceu' as const), a: fc.nat(5), credits: fc.integer({ min: 1, max: 100 }) }),
  // A slip with someone outside the chapter: another chapter's member, a visitor or the BNI account, on either side.
  fc.record({
    type: fc.constant('outside' as const),
    a: fc.nat(5),
    slipType: fc.constantFrom('referral', 'tyfcb', 'one_to_one'),
    party: fc.constantFrom(
      { kind: 'other_chapter', name: 'Li Wei', chapterName: 'BNI Harbour' },
      { kind: 'other_chapter', name: '李伟', chapterName: 'BNI 台北' },
      { kind: 'other_chapter', name: 'Sam Doe', chapterName: 'Capital Chapter' },
      { kind: 'visitor', name: 'فاطمة الزهراء', chapterName: '' },
      { kind: 'bni', name: '', chapterName: '' },
    ),
    given: fc.boolean(),
    inside: fc.boolean(),
    prospect: text,
    cents: fc.integer({ min: 1, max: 100_000_000 }),
  }),
);

describe('export as a Slips Audit file, import into the same ledger', () => {
  it('changes nothing for any set of slips: 0 new, 0 differs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(['USD', 'en-US'], ['EUR', 'de-DE'], ['JPY', 'ja-JP'], ['TWD', 'zh-TW']), fc.array(slip, { minLength: 1, maxLength: 25 }), async ([currency, locale], slips) => {
        const opened = openTestDb();
        const api = testRegistry(opened);
        saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: currency!, locale: locale!, absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
        const ids = names.map(([first, last], i) => addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(opened.db, { name: `Seat ${i}`, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id);
        const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
        const m = { meetingId: meeting.id, confirmDuplicate: true };
        const other = (a: number, hop: number) => ids[(a + hop) % ids.length]!;
        for (const s of slips) {
          const me = ids[s.a]!;
          if (s.type === 'referral') ok(api.call('saveReferral', { ...m, giverId: me, receiverId: other(s.a, s.hop), referralKind: s.inside ? 'inside' : 'outside', prospectName: s.prospect.trim() }));
          if (s.type === 'tyfcb') ok(api.call('saveTyfcb', { ...m, closerId: me, referrerId: other(s.a, s.hop), amount: currency === 'JPY' ? String(s.cents) : (s.cents / 100).toFixed(2).replace('.', locale === 'de-DE' ? ',' : '.'), tyfcbKind: s.kind, business: s.business }));
          if (s.type === 'one_to_one') ok(api.call('saveOneToOne', { ...m, memberAId: me, memberBId: other(s.a, s.hop) }));
          if (s.type === 'visitor') ok(api.call('saveVisitor', { ...m, name: s.name.trim(), company: s.company.trim(), invitedById: me }));
          if (s.type === 'ceu') ok(api.call('saveCeu', { ...m, memberId: me, credits: s.credits }));
          if (s.type === 'outside') {
            const amount = currency === 'JPY' ? String(s.cents) : (s.cents / 100).toFixed(2).replace('.', locale === 'de-DE' ? ',' : '.');
            ok(api.call('saveOutsidePartySlip', { ...m, slipType: s.slipType, memberId: me, direction: s.slipType === 'one_to_one' ? 'with' : s.given ? 'given' : 'received', party: s.party, referralKind: s.inside ? 'inside' : 'outside', prospectName: s.prospect.trim(), amount }));
          }
        }
        const exported = ok<any>(api.call('exportSlipsAudit', { meetingId: meeting.id }));
        const changes = () => opened.sqlite.prepare('SELECT total_changes()').pluck().get();
        const before = changes();
        const input = { fileName: exported.fileName, contentBase64: Buffer.from(exported.csv).toString('base64') };
        const preview = ok<any>(await api.callAsync('previewSlipsAuditImport', input));
        expect(preview.problems).toEqual([]);
        expect(preview.counts).toEqual({ same: slips.length, new: 0, differs: 0, problem: 0, skipped: 0 });
        expect(ok<any>(await api.callAsync('importSlipsAudit', input))).toMatchObject({ created: 0, updated: 0, batchId: null });
        expect(changes()).toBe(before);
        opened.close();
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
