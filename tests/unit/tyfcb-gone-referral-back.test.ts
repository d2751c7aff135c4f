// A referral won because a TYFCB thanked it goes back to where it stood when that business goes: the
// slip deleted (by hand, or by Ctrl+Z right after recording it), removed after a dispute, unlinked by a
// correction, or amended to thank no referral. Back to the stage before the "won" in its history, as a
// new follow-up entry, audited in the same change. Bringing the slip back (Ctrl+Z of the delete, Ctrl+Y
// of the save) marks it won again. The Meeting screen's undo calls deleteSlip / restoreSlip with the
// reason typed, exactly as these tests do.
import { describe, expect, it } from 'vitest';
import { chapterToday } from '../../src/services/chapter';
import type { Outcomes, ReferralHistory } from '../../src/shared/contract';
import { okValue } from '../support/first-quarter';
import { buildOutcomesQuarter, firstQuarter } from '../support/outcomes-quarter';

function quarter() {
  const built = buildOutcomesQuarter();
  const call = (method: string, input: unknown) => built.api.call(method, input);
  const history = (key: string) => okValue<ReferralHistory>(call('referralHistory', { id: built.ids[key] }));
  const given = () => okValue<Outcomes>(call('outcomes', firstQuarter)).chapter.given;
  const audit = (key: string) =>
    (built.opened.sqlite.prepare("SELECT before, after, reason FROM audit_log WHERE entity = 'referral' AND entity_id = ? AND action = 'update' ORDER BY rowid").all(built.ids[key]) as Array<{ before: string; after: string; reason: string }>)
      .map((r) => ({ before: JSON.parse(r.before).status, after: JSON.parse(r.after).status, reason: r.reason }));
  const today = chapterToday(built.opened.db);
  // An open meeting after the quarter, where new business is thanked tonight.
  const tonight = okValue<{ id: string }>(call('createMeeting', { meetingOn: '2026-04-08' })).id;
  const thanks = (closer: string, referrer: string, amount: string, referral: string | null) =>
    okValue<{ id: string }>(call('saveTyfcb', { meetingId: tonight, closerId: built.ids[closer], referrerId: built.ids[referrer], amount, referralId: referral ? built.ids[referral] : null, business: 'new', confirmDuplicate: true })).id;
  return { ...built, call, history, given, audit, today, tonight, thanks };
}

describe('when the business that won a referral goes, the referral goes back to where it stood', () => {
  it('a TYFCB deleted by mistake takes its referral back to “meeting set”; Ctrl+Z brings the slip and the “won” back, Ctrl+Y takes them away again', () => {
    const q = quarter();
    // R1: contacted 01-09, meeting set 01-12, won 01-14 by T1 (Ann ← Bob 1,000.00). Quarter: won 2, lost 2, open 2.
    expect(q.history('R1').status).toBe('won');
    okValue(q.call('deleteSlip', { kind: 'tyfcb', id: q.ids.T1, reason: 'Entered on the wrong pair' }));
    const back = q.history('R1');
    expect(back.status).toBe('meeting_set');
    expect(back.entries.at(-1)).toMatchObject({ status: 'meeting_set', changedOn: q.today, recordedByName: null, note: 'No TYFCB thanks it any more: the TYFCB slip was deleted' });
    expect(back.tyfcb).toEqual([]);
    expect(q.given()).toEqual({ won: 1, lost: 2, open: 3, total: 6 });
    // Audited with the reason typed for the delete.
    expect(q.audit('R1').at(-1)).toEqual({ before: 'won', after: 'meeting_set', reason: 'Entered on the wrong pair' });
    // The funnel still counts the meeting that was set.
    expect(okValue<Outcomes>(q.call('outcomes', firstQuarter)).chapter.funnel).toEqual({ given: 6, contacted: 4, meetingSet: 3, won: 1 });

    // Ctrl+Z on the Meeting screen: the slip is restored, and it thanks the referral again.
    okValue(q.call('restoreSlip', { kind: 'tyfcb', id: q.ids.T1, reason: 'Undo: deleted by mistake' }));
    const again = q.history('R1');
    expect(again.status).toBe('won');
    expect(again.entries.at(-1)).toMatchObject({ status: 'won', changedOn: q.today, note: 'TYFCB recorded' });
    expect(again.tyfcb.map((t) => t.amountMinor)).toEqual([100000]);
    expect(q.given()).toEqual({ won: 2, lost: 2, open: 2, total: 6 });
    expect(okValue<Outcomes>(q.call('outcomes', firstQuarter)).chapter.linkedMinor).toBe(150000);

    // Ctrl+Y: deleted again, back again.
    okValue(q.call('deleteSlip', { kind: 'tyfcb', id: q.ids.T1, reason: 'Redo: entered on the wrong pair' }));
    expect(q.history('R1').status).toBe('meeting_set');
    expect(q.audit('R1').slice(-3).map((a) => a.after)).toEqual(['meeting_set', 'won', 'meeting_set']);
    q.opened.close();
  });

  it('Ctrl+Z right after recording a TYFCB for a referral nobody had followed up puts it back to new; Ctrl+Y marks it won again', () => {
    const q = quarter();
    // R3: Bob → Ann at M1, nothing recorded since. Tonight Ann thanks Bob for it.
    const slip = q.thanks('Ann', 'Bob', '750.00', 'R3');
    expect(q.history('R3').status).toBe('won');
    okValue(q.call('deleteSlip', { kind: 'tyfcb', id: slip, reason: '' })); // the undo of the save: an open meeting needs no reason
    expect(q.history('R3')).toMatchObject({ status: 'new', tyfcb: [] });
    expect(q.history('R3').entries.map((e) => e.status)).toEqual(['won', 'new']);
    okValue(q.call('restoreSlip', { kind: 'tyfcb', id: slip, reason: '' }));
    expect(q.history('R3').status).toBe('won');
    expect(q.history('R3').entries.map((e) => e.status)).toEqual(['won', 'new', 'won']);
    q.opened.close();
  });

  it('a dispute resolved “removed” takes a referral lost for price and then won back to lost, with its reason', () => {
    const q = quarter();
    // R2: Ann → Cat, contacted 01-11, lost 01-20 for price. Tonight Cat thanks Ann for it after all.
    const slip = q.thanks('Cat', 'Ann', '2,000.00', 'R2');
    expect(q.history('R2').status).toBe('won');
    const dispute = okValue<{ id: string }>(q.call('disputeTyfcb', { tyfcbId: slip, raisedById: q.ids.Ann, ground: 'not_from_referral', why: 'This client came from the trade show.' })).id;
    expect(q.history('R2').status).toBe('won'); // disputed is not gone
    okValue(q.call('resolveDispute', { id: dispute, resolution: 'removed', reason: 'Both agree: not from this referral.' }));
    const back = q.history('R2');
    expect(back.status).toBe('lost');
    expect(back.entries.at(-1)).toMatchObject({ status: 'lost', lostReason: 'price', note: 'No TYFCB thanks it any more: leadership removed the TYFCB slip after a dispute' });
    expect(q.audit('R2').at(-1)).toEqual({ before: 'won', after: 'lost', reason: 'Dispute resolved (removed): Both agree: not from this referral.' });
    q.opened.close();
  });

  it('a correction that unlinks the slip, or an amendment that thanks no referral, takes the referral back to “meeting set”', () => {
    const q = quarter();
    // R6: Dan → Ann, meeting set 02-06. Tonight Ann thanks Dan for it.
    const slip = q.thanks('Ann', 'Dan', '480.00', 'R6');
    const dispute = okValue<{ id: string }>(q.call('disputeTyfcb', { tyfcbId: slip, raisedById: q.ids.Dan, ground: 'not_from_referral', why: 'Another client of mine.' })).id;
    okValue(q.call('resolveDispute', { id: dispute, resolution: 'corrected', reason: 'Same pair, other client.', unlinkReferral: true }));
    expect(q.history('R6').status).toBe('meeting_set');
    expect(q.history('R6').entries.at(-1)!.note).toContain('unlinked');
    // Linked again by amending the slip, then amended to thank no referral: back again.
    const amend = (referral: string | null) =>
      okValue(q.call('saveTyfcb', { id: slip, meetingId: q.tonight, closerId: q.ids.Ann, referrerId: q.ids.Dan, amount: '480.00', referralId: referral ? q.ids[referral] : null, business: 'new', confirmDuplicate: true }));
    amend('R6');
    expect(q.history('R6').status).toBe('won');
    amend(null);
    expect(q.history('R6').status).toBe('meeting_set');
    expect(q.history('R6').entries.slice(-4).map((e) => e.status)).toEqual(['won', 'meeting_set', 'won', 'meeting_set']);
    q.opened.close();
  });

  it('a referral the receiver marked won by hand stays won when its TYFCBs go, and one still thanked by another slip stays won', () => {
    const q = quarter();
    // R4: contacted 01-15, won by hand 02-04 (Bob's word), then thanked twice (T3 500.00, T4 250.00).
    okValue(q.call('deleteSlip', { kind: 'tyfcb', id: q.ids.T3, reason: 'Double entry' }));
    expect(q.history('R4').status).toBe('won'); // T4 still thanks it
    okValue(q.call('deleteSlip', { kind: 'tyfcb', id: q.ids.T4, reason: 'Double entry too' }));
    expect(q.history('R4').status).toBe('won'); // won by hand before any slip
    expect(q.history('R4').entries.map((e) => e.status)).toEqual(['contacted', 'won']);
    expect(q.given()).toEqual({ won: 2, lost: 2, open: 2, total: 6 });
    q.opened.close();
  });
});
