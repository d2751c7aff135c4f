// The Scorecard's member rows are drawn with plain elements wearing Mantine's classes (sixty rows of about
// twenty Mantine components were most of the screen's page time on a ten-year chapter). What the president sees
// must not change: the rows draw exactly the HTML Mantine's Table, Group, Badge and Text drew — every band
// (green, yellow, red, black, and grey for not scored), a seat about to open and one that opens, a category
// the profile does not score, an opened row, names in Chinese, Arabic and Hindi.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider, Table } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import type { MemberScore } from '../../src/shared/contract';
import { BandBadge, ScorecardRow } from '../../src/renderer/components/ScorecardRow';
import { theme } from '../../src/renderer/theme';
import { MantineBandBadge, MantineScorecardRows } from '../support/scorecard-rows-mantine';

const category = (id: string, label: string, display: string, points: number, maxPoints: number) => ({ id, label, value: 0, display, working: '', points, maxPoints, rule: '', next: null });
const base: MemberScore = {
  memberId: 'm1', name: '李 伟', status: 'active', meetings: 26, points: 85, maxPoints: 100, band: 'green', bandLabel: 'Green', scored: true, explanation: '',
  categories: [category('attendance', 'Attendance', '96%', 20, 20), category('referrals', 'Referrals', '1.23', 15, 20), category('tyfcb', 'TYFCB', '7.452,50 €', 10, 15), category('ceu', 'CEU', '3', 0, 0)],
  nextColour: null, rollOff: null, alert: null,
};
const rows: MemberScore[] = [
  base,
  { ...base, memberId: 'm2', name: 'أمل حداد', band: 'yellow', bandLabel: 'Yellow', points: 55, alert: { level: 'about_to_open', text: 'Seat about to open: 2 absences left' } },
  { ...base, memberId: 'm3', name: 'प्रिया शर्मा', band: 'red', bandLabel: 'Red', points: 20, alert: { level: 'opens', text: 'Seat opens: absent 4 times' } },
  { ...base, memberId: 'm4', name: 'Dana Ruiz-Montgomery-Blackwood', band: 'black', bandLabel: 'Black', points: 0 },
  { ...base, memberId: 'm5', name: 'New Member', band: 'grey', bandLabel: 'Not scored', scored: false, points: 0 },
];

const draw = (node: ReturnType<typeof h>) => renderToStaticMarkup(h(MantineProvider, { theme }, node)).replace(/^(<style[^>]*>[^<]*<\/style>)+/, '');
const plainRows = (open: string | null) =>
  h(Table, { 'aria-label': 'Scorecard', striped: true, verticalSpacing: 4, highlightOnHover: true },
    h(Table.Tbody, null, rows.map((m) => h(ScorecardRow, { key: m.memberId, m, open: open === m.memberId, onToggle: () => {} }))));

describe('the Scorecard rows look exactly as they did with Mantine components', () => {
  it('every band, both seat alerts, an unscored category and an unscored member, one row opened: the same HTML', () => {
    const plain = draw(plainRows('m2'));
    expect(plain).toContain('प्रिया शर्मा');
    expect(plain).toContain('aria-label="Seat opens: absent 4 times"');
    expect(plain).toContain('7.452,50 €');
    expect(plain).toContain('aria-expanded="true"');
    expect(plain).toBe(draw(h(MantineScorecardRows, { rows, open: 'm2' })));
  });

  it('the band badges of the chapter totals and a member panel: the same HTML for every band', () => {
    for (const band of ['green', 'yellow', 'red', 'black', 'grey'] as const) {
      expect(draw(h(BandBadge, { band, label: `${band} band` }))).toBe(draw(h(MantineBandBadge, { band, label: `${band} band` })));
      expect(draw(h(BandBadge, { band }))).toBe(draw(h(MantineBandBadge, { band })));
    }
  });
});
