// The Meeting screen's slip list is drawn with plain elements wearing Mantine's classes (a save adds a row
// on the way from Enter to the row on screen, and Mantine's components cost most of that row's drawing).
// What the secretary sees must not change: the list draws exactly the HTML Mantine's Table, Badge, Group
// and ActionIcon components drew for the same slips (every slip type, someone outside the chapter, names in
// other scripts, the row being edited) — colours, spacing, stripes, borders, the buttons' names.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Slip } from '../../src/shared/contract';
import { SlipList } from '../../src/renderer/components/SlipList';
import { theme } from '../../src/renderer/theme';
import { formatMoney } from '../../src/shared/money';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { MantineSlipList } from '../support/slip-list-mantine';

let slips: Slip[] = [];
const money = (minor: number) => formatMoney(minor, 'USD', 'en-US');

beforeAll(() => {
  const opened = openTestDb();
  const api = testRegistry(opened);
  const ok = <T = any>(r: ReturnType<typeof api.call>): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as T;
  };
  const seats = smallChapter(opened);
  const add = (c: string, first: string, last: string) => ok(api.call('addMember', memberInput(c, first, last))).id as string;
  const dana = add(seats.realEstate, 'Dana', 'Ruiz');
  const wei = add(seats.mortgage, '李', '伟');
  const amal = add(seats.florist, 'أمل', 'حداد');
  const m = { meetingId: ok(api.call('createMeeting', { meetingOn: '2026-11-18' })).id as string };
  ok(api.call('saveReferral', { ...m, giverId: dana, receiverId: wei, referralKind: 'inside', temperature: 5, prospectName: 'Alvarez family', note: 'Call after six' }));
  ok(api.call('saveTyfcb', { ...m, closerId: wei, referrerId: dana, amount: '1250.50', tyfcbKind: 'tier3' }));
  ok(api.call('saveOneToOne', { ...m, memberAId: amal, memberBId: dana, metOn: '2026-11-16', note: '' }));
  ok(api.call('saveVisitor', { ...m, name: 'Kara Lind', company: 'Lind Roofing Co.', invitedById: amal }));
  ok(api.call('saveCeu', { ...m, memberId: dana, credits: 2, note: 'Podcast' }));
  ok(api.call('saveOutsidePartySlip', { ...m, slipType: 'referral', memberId: dana, direction: 'given', party: { kind: 'other_chapter', name: 'Li Wei', chapterName: 'BNI Harbour' }, referralKind: 'outside', prospectName: 'Harbour café' }));
  slips = ok(api.call('getMeetingSheet', m)).slips;
  opened.close();
});

const draw = (node: ReturnType<typeof h>) => renderToStaticMarkup(h(MantineProvider, { theme }, node)).replace(/^(<style[^>]*>[^<]*<\/style>)+/, '');
const noop = () => {};

describe('the slip list looks exactly as it did with Mantine components', () => {
  it('six slips of every type, one with another chapter, names in Chinese and Arabic: the same HTML', () => {
    expect(slips.map((s) => s.kind).sort()).toEqual(['ceu', 'one_to_one', 'outside_party', 'referral', 'tyfcb', 'visitor']);
    const plain = draw(h(SlipList, { slips, cancelled: false, money, editingId: null, onEdit: noop, onDelete: noop, onHistory: noop }));
    expect(plain).toContain('李 伟');
    expect(plain).toContain('$1,250.50');
    expect(plain).toBe(draw(h(MantineSlipList, { slips, money, editingId: null })));
  });

  it('the slip being edited is highlighted the same way', () => {
    const editingId = slips[2]!.id;
    const plain = draw(h(SlipList, { slips, cancelled: false, money, editingId, onEdit: noop, onDelete: noop, onHistory: noop }));
    expect(plain).toContain('aria-current="true"');
    expect(plain).toBe(draw(h(MantineSlipList, { slips, money, editingId })));
  });
});
