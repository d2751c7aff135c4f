// The window opening on the Meeting screen asks, at once, everything that screen needs (src/renderer/early.ts):
// the status, the chapter, the meeting list, the classifications, and tonight's sheet as soon as the list is in.
// The screens take those answers instead of asking again — but never an answer that could be older than
// something they asked (or saved) since. Read from a real chapter file through the registry.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import type { LedgerApi, MeetingSheet } from '../../src/shared/contract';
import { LedgerError } from '../../src/shared/errors';
import { addDays } from '../../src/shared/dates';
import { chapterToday } from '../../src/services/chapter';
import { askEarly, earlyKeys, takeEarly } from '../../src/renderer/early';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

let opened: OpenedDatabase;
let api: Registry;
let tonight: string;
let lastWeek: string;
let members: string[];
const ok = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

/** The renderer's client, answered by the registry; every call noted. `hold` keeps a method's answer back until released. */
function fakeLedger() {
  const calls: Array<{ method: string; input: unknown }> = [];
  const held = new Map<string, Array<() => void>>();
  const holding = new Set<string>();
  const ledger = new Proxy({} as LedgerApi, {
    get: (_, method: string) => async (input?: unknown) => {
      calls.push({ method, input });
      if (holding.has(method)) await new Promise<void>((resolve) => held.set(method, [...(held.get(method) ?? []), resolve]));
      const result = await api.call(method as never, (input ?? {}) as never);
      if (result.ok) return result.value;
      throw new LedgerError(result.error.code, result.error.message, result.error.field);
    },
  });
  return {
    ledger,
    calls,
    asked: (method: string) => calls.filter((c) => c.method === method),
    hold: (method: string) => holding.add(method),
    release: (method: string) => {
      holding.delete(method);
      for (const resolve of held.get(method) ?? []) resolve();
      held.delete(method);
    },
  };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  const seats = smallChapter(opened);
  members = [ok(api.call('addMember', memberInput(seats.realEstate, 'Rosa', 'Díaz'))).id, ok(api.call('addMember', memberInput(seats.mortgage, 'Wei', 'Zhang'))).id];
  tonight = chapterToday(opened.db);
  lastWeek = addDays(tonight, -7);
  ok(api.call('createMeeting', { meetingOn: lastWeek, confirmDate: true }));
  ok(api.call('createMeeting', { meetingOn: tonight, confirmDate: true }));
});
const tonightsId = () => ok<Array<{ id: string; meetingOn: string }>>(api.call('listMeetings', { limit: 10, includeDrafts: true })).find((m) => m.meetingOn === tonight)!.id;
const referral = (meetingId: string, prospectName: string) => ({ meetingId, giverId: members[0], receiverId: members[1], referralKind: 'outside', temperature: 3, prospectName, prospectPhone: '', prospectEmail: '', note: '', reason: '', confirmDuplicate: false });

describe('the window opening on the Meeting screen', () => {
  it("asks for the screen's code, the status, the chapter, the meetings, the classifications and tonight's sheet before any screen asks", async () => {
    const fake = fakeLedger();
    let codeAsked = 0;
    askEarly(fake.ledger, '#/meeting', async () => codeAsked++, new EventTarget());
    await settle();
    expect(codeAsked).toBe(1);
    expect(fake.calls.map((c) => c.method).sort()).toEqual(['appStatus', 'getChapter', 'getMeetingSheet', 'listClassifications', 'listMeetings']);
    // Tonight's meeting, not last week's: the same choice the screen makes.
    expect(fake.asked('getMeetingSheet')[0]!.input).toEqual({ meetingId: tonightsId() });
  });

  it('hands each answer to the first screen that asks for it, once; asked again, the ledger is read again', async () => {
    const fake = fakeLedger();
    askEarly(fake.ledger, '', async () => {}, new EventTarget());
    await settle();
    const sheet = await takeEarly<MeetingSheet>(earlyKeys.sheet(tonightsId()), () => fake.ledger.getMeetingSheet({ meetingId: tonightsId() }));
    expect(sheet.meeting.meetingOn).toBe(tonight);
    expect(fake.asked('getMeetingSheet')).toHaveLength(1);
    await takeEarly(earlyKeys.sheet(tonightsId()), () => fake.ledger.getMeetingSheet({ meetingId: tonightsId() }));
    expect(fake.asked('getMeetingSheet')).toHaveLength(2);
  });

  it('never hands out a sheet asked at start-up after the screen has read it itself and a slip was saved since', async () => {
    const fake = fakeLedger();
    fake.hold('listMeetings');
    askEarly(fake.ledger, '#/meeting', async () => {}, new EventTarget());
    // The screen got ahead of the early list and read tonight's sheet itself…
    const id = tonightsId();
    const first = await takeEarly<MeetingSheet>(earlyKeys.sheet(id), () => fake.ledger.getMeetingSheet({ meetingId: id }));
    expect(first.slips).toHaveLength(0);
    // …then the early list came in and its sheet was asked (empty: no slip yet)…
    fake.release('listMeetings');
    await settle();
    expect(fake.asked('getMeetingSheet')).toHaveLength(2);
    // …then the secretary saved a slip: the screen reads the sheet again and must see it.
    ok(api.call('saveReferral', referral(id, 'Quince Bakery')));
    const after = await takeEarly<MeetingSheet>(earlyKeys.sheet(id), () => fake.ledger.getMeetingSheet({ meetingId: id }));
    expect(after.slips).toHaveLength(1);
  });

  it('drops what was not taken once the secretary moves to another screen: coming back reads the ledger afresh', async () => {
    const fake = fakeLedger();
    const page = new EventTarget();
    askEarly(fake.ledger, '#/meeting', async () => {}, page);
    await settle();
    ok(api.call('saveReferral', referral(tonightsId(), 'Harbour Dental')));
    page.dispatchEvent(new Event('hashchange'));
    const sheet = await takeEarly<MeetingSheet>(earlyKeys.sheet(tonightsId()), () => fake.ledger.getMeetingSheet({ meetingId: tonightsId() }));
    expect(sheet.slips.map((s) => (s.kind === 'referral' ? s.prospectName : ''))).toEqual(['Harbour Dental']);
    expect(fake.asked('getMeetingSheet')).toHaveLength(2);
  });

  it('opening on another screen asks only the status and the chapter (that screen asks its own)', async () => {
    const fake = fakeLedger();
    let codeAsked = 0;
    askEarly(fake.ledger, '#/reciprocity', async () => codeAsked++, new EventTarget());
    await settle();
    expect(codeAsked).toBe(0);
    expect(fake.calls.map((c) => c.method).sort()).toEqual(['appStatus', 'getChapter']);
  });

  it('an empty file (no chapter yet) asks no sheet', async () => {
    const empty = openTestDb();
    api = testRegistry(empty);
    const fake = fakeLedger();
    askEarly(fake.ledger, '#/meeting', async () => {}, new EventTarget());
    await settle();
    expect(fake.asked('getMeetingSheet')).toHaveLength(0);
  });
});
