// The Open referrals list's rows are drawn with plain elements wearing Mantine's classes (fifty rows of
// Mantine components were most of the screen's drawing on a big chapter file). What the secretary sees must
// not change: the rows draw exactly the HTML Mantine's Table, Badge, Text, NativeSelect and Button drew —
// an overdue referral, a stale one, a won one, one given at a future meeting, with and without a phone,
// names in Chinese and Arabic, each status picked in its picker.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider, Table } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import type { OpenReferral } from '../../src/shared/contract';
import { OpenReferralRow } from '../../src/renderer/components/OpenReferralRow';
import { theme } from '../../src/renderer/theme';
import { MantineReferralRows, statusOptions } from '../support/open-referral-row-mantine';

const today = '2026-11-24';
const base: OpenReferral = {
  kind: 'referral', id: 'r1', meetingId: 'm1', createdAt: '2026-01-05T08:00:00.000Z', giverId: 'g', giverName: 'Dana Ruiz', receiverId: 'v', receiverName: '李 伟',
  referralKind: 'inside', temperature: 4, prospectName: 'Alvarez family', prospectPhone: '+1 555 0100', prospectEmail: '', note: '', status: 'new',
  meetingOn: '2026-01-05', daysOpen: 323, lastUpdateOn: '2026-01-05', daysSinceUpdate: 323,
};
const rows: OpenReferral[] = [
  base,
  { ...base, id: 'r2', status: 'won', prospectPhone: '', giverName: 'أمل حداد' },
  { ...base, id: 'r3', status: 'contacted', meetingOn: '2026-11-20', daysOpen: 4, lastUpdateOn: '2026-11-22', daysSinceUpdate: 2 },
  { ...base, id: 'r4', status: 'meeting_set', meetingOn: '2026-12-01', daysOpen: 0, lastUpdateOn: '2026-12-01', daysSinceUpdate: 0, prospectName: 'Harbour café' },
  { ...base, id: 'r5', status: 'lost', prospectPhone: '' },
];

const draw = (node: ReturnType<typeof h>) =>
  renderToStaticMarkup(h(MantineProvider, { theme }, node))
    .replace(/^(<style[^>]*>[^<]*<\/style>)+/, '')
    // Each picker's id is React's own (useId), different by its place in the tree: compared as "id".
    .replace(/id="mantine-[^"]*"/g, 'id="…"');

const plainRows = (openReferralDays: number, staleDays: number | null) =>
  h(Table, { 'aria-label': 'Open referrals', striped: true, verticalSpacing: 4 },
    h(Table.Tbody, null, rows.map((r) => h(OpenReferralRow, { key: r.id, r, flagRules: { openReferralDays, staleDays }, today, statusOptions, onFollow: () => {} }))));

describe('the Open referrals rows look exactly as they did with Mantine components', () => {
  it('overdue, stale, won, recent, future-dated and lost referrals, with and without a phone: the same HTML', () => {
    const plain = draw(plainRows(30, 45));
    expect(plain).toContain('Open more than 30 days');
    expect(plain).toContain('stale · 323 d');
    expect(plain).toContain('李 伟');
    expect(plain).toContain('+1 555 0100');
    expect(plain).toContain('<option value="meeting_set" selected="">Meeting set</option>');
    expect(plain).toBe(draw(h(MantineReferralRows, { rows, today, openReferralDays: 30, staleDays: 45 })));
  });

  it('with no stale rule and a long open limit, no flags: the same HTML', () => {
    const plain = draw(plainRows(400, null));
    expect(plain).not.toContain('stale ·');
    expect(plain).not.toContain('Open more than');
    expect(plain).toBe(draw(h(MantineReferralRows, { rows, today, openReferralDays: 400, staleDays: null })));
  });
});
