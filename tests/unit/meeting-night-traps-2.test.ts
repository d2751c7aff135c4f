// The second round of meeting-night traps: what the secretary typed is never dropped by switching the
// slip type, and an email typed in a phone field is said as such, with the fix, before anything is sent.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { looksLikeEmail } from '../../src/shared/fields';
import { emailInPhone, keptSentence, refusalSentence, switchSlipType, unsavedSentence, type KeptDrafts } from '../../src/renderer/slip-drafts';
import { dayTypedFor, filterMeetings, loadBackTo, shownSentence, weekdayOf } from '../../src/renderer/meeting-pages';
import type { Meeting } from '../../src/shared/contract';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

type D = { giver: string; note: string };
const empty: D = { giver: '', note: '' };
const typed = (d: D) => d.giver !== '' || d.note !== '';

describe('switching the slip type keeps what was typed', () => {
  it('a referral half-typed is kept on Alt+O and comes back on Alt+R, with its own note', () => {
    const referral = { giver: 'Dana Ruiz', note: 'call after 6' };
    const toOne = switchSlipType('referral', referral, 'one_to_one', {}, typed);
    expect(toOne.draft).toBeNull(); // the one-to-one starts empty: no referral note in it
    expect(toOne.kept).toEqual({ referral });
    expect(keptSentence(toOne.kept)).toBe('Referral being typed — kept (Alt+R brings it back).');
    const back = switchSlipType('one_to_one', empty, 'referral', toOne.kept, typed);
    expect(back.draft).toEqual(referral);
    expect(back.kept).toEqual({});
    expect(keptSentence(back.kept)).toBeNull();
  });

  it('back and forth many times (Alt+O, Alt+R, Alt+O…) keeps both slips, each with its own fields', () => {
    let kept: KeptDrafts<D> = {};
    let current: D = { giver: 'Dana Ruiz', note: 'referral note' };
    let kind: 'referral' | 'one_to_one' = 'referral';
    const oneToOne = { giver: 'Priya Raman', note: 'met for coffee' };
    for (let i = 0; i < 7; i++) {
      const to: 'referral' | 'one_to_one' = kind === 'referral' ? 'one_to_one' : 'referral';
      const r = switchSlipType(kind, current, to, kept, typed);
      kept = r.kept;
      current = r.draft ?? (to === 'one_to_one' && i === 0 ? oneToOne : empty);
      kind = to;
    }
    expect(kind).toBe('one_to_one');
    expect(current).toEqual(oneToOne);
    expect(kept).toEqual({ referral: { giver: 'Dana Ruiz', note: 'referral note' } });
  });

  it('an empty bar keeps nothing, the same type twice changes nothing, and three kept slips are all named', () => {
    expect(switchSlipType('referral', empty, 'tyfcb', {}, typed).kept).toEqual({});
    const same = switchSlipType('visitor', { giver: 'x', note: '' }, 'visitor', {}, typed);
    expect(same).toEqual({ draft: { giver: 'x', note: '' }, kept: {} });
    const kept: KeptDrafts<D> = { referral: { giver: 'a', note: '' }, tyfcb: { giver: 'b', note: '' }, ceu: { giver: 'c', note: '' } };
    expect(keptSentence(kept)).toBe('Referral being typed — kept (Alt+R brings it back); TYFCB being typed — kept (Alt+T brings it back); CEU being typed — kept (Alt+C brings it back).');
    // Leaving the screen names each of them (the app asks before dropping them).
    expect(unsavedSentence({ kind: 'visitor', typed: true, editing: false }, kept)).toBe("The Meeting screen's slip bar holds a Visitor slip being typed, a Referral slip being typed, a TYFCB slip being typed, a CEU slip being typed, not saved.");
    expect(unsavedSentence({ kind: 'referral', typed: false, editing: false }, {})).toBeNull();
  });
});

describe('an email typed in a phone field', () => {
  const blank = { phone: '', email: '', prospectPhone: '', prospectEmail: '' };
  it('is offered to move to Email when Email is empty, naming what was typed', () => {
    expect(emailInPhone('visitor', { ...blank, phone: ' wei.zhang@zhang.example ' }, looksLikeEmail)).toEqual({
      phone: 'phone',
      email: 'email',
      value: 'wei.zhang@zhang.example',
      canMove: true,
      sentence: 'Not saved yet: “wei.zhang@zhang.example” looks like an email address, not a phone number. Move it to Email?',
    });
    // A referral's prospect the same way, into Prospect email.
    expect(emailInPhone('referral', { ...blank, prospectPhone: 'ana@alvarez.example' }, looksLikeEmail)).toMatchObject({ email: 'prospectEmail', canMove: true, sentence: 'Not saved yet: “ana@alvarez.example” looks like an email address, not a phone number. Move it to Prospect email?' });
  });

  it('is never moved over an email already typed, nor moved when it is no address at all', () => {
    expect(emailInPhone('visitor', { ...blank, phone: 'amira@example.com', email: 'office@haddad.example' }, looksLikeEmail)).toMatchObject({ canMove: false, sentence: 'Not saved yet: Phone holds an email address, and Email already holds “office@haddad.example”. Type the phone number here, or clear it.' });
    expect(emailInPhone('visitor', { ...blank, phone: 'call @ 6pm' }, looksLikeEmail)).toMatchObject({ canMove: false, sentence: 'Not saved yet: Phone holds “call @ 6pm”, which is not a phone number. Type the phone number here (digits, spaces and + ( ) - . / only), or clear it.' });
    expect(emailInPhone('visitor', { ...blank, phone: '+49 30 1234-56' }, looksLikeEmail)).toBeNull();
    expect(emailInPhone('ceu', { ...blank, phone: 'a@b.co' }, looksLikeEmail)).toBeNull();
  });

  it('a refusal names the slip type and the field as it reads on screen', () => {
    expect(refusalSentence('one_to_one', 'Met on must be a real date written YYYY-MM-DD.', 'metOn')).toBe('This One-to-one slip is not saved yet — see Met on: Met on must be a real date written YYYY-MM-DD.');
    expect(refusalSentence('referral', 'Something else.', 'direction')).toBe('This Referral slip is not saved yet: Something else.');
  });
});

describe('the ledger refuses an email in Phone with the fix, and saves nothing', () => {
  let opened: OpenedDatabase;
  let api: Registry;
  let meetingId: string;
  let dana: string;
  beforeEach(() => {
    opened = openTestDb();
    api = testRegistry(opened);
    const seats = smallChapter(opened);
    const added = api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz'));
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    dana = (added.value as { id: string }).id;
    const meeting = api.call('createMeeting', { confirmDate: true });
    if (!meeting.ok) throw new Error(JSON.stringify(meeting.error));
    meetingId = (meeting.value as { id: string }).id;
  });
  const visitors = () => opened.sqlite.prepare('SELECT count(*) FROM visitors').pluck().get();

  it.each([
    ['Phone', { phone: 'wei@zhang.example' }, 'phone', 'Phone holds an email address: move it to Email, and type the phone number here (digits, spaces and + ( ) - . / only).'],
    ['Phone (not an address)', { phone: 'call me' }, 'phone', 'Phone may hold digits, spaces and + ( ) - . / only.'],
  ])('%s', (_what, extra, field, message) => {
    expect(api.call('saveVisitor', { meetingId, name: 'Wei Zhang 张伟', company: '', classificationSought: '', invitedById: dana, email: '', ...extra })).toMatchObject({ ok: false, error: { code: 'invalid_input', field, message } });
    expect(visitors()).toBe(0);
  });

  it("a referral's prospect phone names Prospect email as the place for it", () => {
    const saved = api.call('saveReferral', { meetingId, giverId: dana, receiverId: dana, referralKind: 'outside', temperature: 3, prospectName: 'Alvarez family', prospectPhone: 'ana@alvarez.example' });
    expect(saved).toMatchObject({ ok: false, error: { field: 'prospectPhone', message: 'Prospect phone holds an email address: move it to Prospect email, and type the phone number here (digits, spaces and + ( ) - . / only).' } });
  });
});

describe('the meeting list is searched by what it shows', () => {
  // Two years of Tuesday meetings (the newest a draft), as the screen's list holds them.
  const day = (week: number) => new Date(Date.UTC(2024, 10, 26) - week * 7 * 86_400_000).toISOString().slice(0, 10);
  const list: Meeting[] = Array.from({ length: 104 }, (_, w) => ({ id: `m${w}`, meetingOn: day(w), status: w === 0 ? 'draft' : 'completed', slipCount: w % 5 } as unknown as Meeting));
  const label = (m: Meeting) => `${m.meetingOn} · ${m.status === 'draft' ? 'Draft' : 'Closed'} · ${m.slipCount} slip${m.slipCount === 1 ? '' : 's'}`;

  it('"2023-05" finds the meetings of May 2023, "may 2023" too, and "tuesday draft" tonight\'s', () => {
    const may = filterMeetings(list, '2023-05', label).map((m) => m.meetingOn);
    expect(may).toEqual(['2023-05-30', '2023-05-23', '2023-05-16', '2023-05-09', '2023-05-02']);
    expect(filterMeetings(list, 'May 2023', label).map((m) => m.meetingOn)).toEqual(may);
    expect(filterMeetings(list, 'tuesday draft', label).map((m) => m.id)).toEqual(['m0']);
    expect(filterMeetings(list, '  ', label)).toHaveLength(104);
    expect(filterMeetings(list, 'wednesday', label)).toEqual([]);
    expect(weekdayOf('2024-11-26')).toBe('Tuesday');
  });

  it('a date typed older than the list offers to load back to it; a mistyped one or one already shown does not', () => {
    expect(dayTypedFor('2019-05')).toBe('2019-05-01');
    expect(dayTypedFor('2019')).toBe('2019-01-01');
    expect(dayTypedFor('2019-05-14')).toBe('2019-05-14');
    expect(dayTypedFor('2019-13')).toBeNull();
    expect(dayTypedFor('May 2019')).toBeNull();
    expect(loadBackTo(list, true, '2019-05')).toBe('2019-05-01');
    expect(loadBackTo(list, false, '2019-05')).toBeNull(); // nothing older exists
    expect(loadBackTo(list, true, '2023-05')).toBeNull(); // already in the list
  });

  it('the line under the list says how far back it reaches', () => {
    expect(shownSentence(list, true)).toBe('Showing 104 meetings back to 2022-12-06.');
    expect(shownSentence(list, false)).toBe('Showing 104 meetings back to 2022-12-06 (the first one recorded).');
    expect(shownSentence([], false)).toBe('No meetings yet.');
  });
});
