// The Outcomes screen's tables (by member, top pairs, every pair) are drawn with plain elements wearing
// Mantine's classes (a Mantine component per cell was most of the screen's script time on a ten-year chapter).
// What leadership reads must not change: the rows draw exactly the HTML Mantine's Table and Text drew — figures
// with and without disputed and unlinked money, nothing decided yet (—), half days, money in euros written the
// German way, names in Chinese, Arabic and Hindi.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider, Table } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import type { MemberOutcome, Outcomes, PairOutcomes } from '../../src/shared/contract';
import { days, EveryPairRow, MemberOutcomeRow, TopPairRow } from '../../src/renderer/components/OutcomeRows';
import { setChapterLocale } from '../../src/renderer/chapter-today';
import { formatMoney } from '../../src/shared/money';
import { theme } from '../../src/renderer/theme';
import { MantineEveryPairRows, MantineMemberOutcomeRows, MantineTopPairRows } from '../support/outcome-rows-mantine';

const money = (minor: number) => formatMoney(minor, 'EUR', 'de-DE');
const byOutcome = (won: number, lost: number, open: number) => ({ won, lost, open, total: won + lost + open });
const member: MemberOutcome = {
  memberId: 'm1', name: '李 伟', given: byOutcome(3, 1, 2), received: byOutcome(1, 0, 0), conversionGiven: 0.75, conversionGivenAll: 0.5, conversionReceived: 1, conversionReceivedAll: 1,
  medianDaysToContact: 2.5, medianDaysToClose: 14, generatedLinkedMinor: 745_250, generatedUnlinkedMinor: 10_000, generatedDisputedMinor: 0, revenuePerReferralMinor: 125_875,
};
const members: MemberOutcome[] = [
  member,
  { ...member, memberId: 'm2', name: 'أمل حداد', generatedDisputedMinor: 30_000 },
  { ...member, memberId: 'm3', name: 'प्रिया शर्मा', given: byOutcome(0, 0, 0), conversionGiven: null, medianDaysToContact: null, medianDaysToClose: null, revenuePerReferralMinor: null, generatedLinkedMinor: 0, generatedUnlinkedMinor: 0 },
];
const topPairs: Outcomes['pairs'] = [
  { giverId: 'm1', giverName: '李 伟', receiverId: 'm2', receiverName: 'أمل حداد', referrals: 4, won: 2, revenueMinor: 745_250, disputedMinor: 0 },
  { giverId: 'm2', giverName: 'أمل حداد', receiverId: 'm3', receiverName: 'प्रिया शर्मा', referrals: 1, won: 1, revenueMinor: 10_000, disputedMinor: 5_000 },
];
const pair: PairOutcomes['pairs'][number] = {
  giverId: 'm1', giverName: '李 伟', receiverId: 'm2', receiverName: 'أمل حداد', given: byOutcome(2, 1, 1), conversion: 2 / 3, conversionAll: 0.5, medianDaysToContact: 1, medianDaysToClose: 10.5,
  linkedMinor: 500_000, unlinkedMinor: 0, disputedMinor: 0, revenuePerReferralMinor: 125_000,
};
const everyPair: PairOutcomes['pairs'] = [
  pair,
  { ...pair, giverId: 'm2', receiverId: 'm3', receiverName: 'प्रिया शर्मा', unlinkedMinor: 12_345, disputedMinor: 7_000 },
  { ...pair, giverId: 'm3', receiverId: 'm1', given: byOutcome(0, 0, 1), conversion: null, medianDaysToContact: null, medianDaysToClose: null, linkedMinor: 0, revenuePerReferralMinor: 0 },
];

const draw = (node: ReturnType<typeof h>) => renderToStaticMarkup(h(MantineProvider, { theme }, node)).replace(/^(<style[^>]*>[^<]*<\/style>)+/, '');

describe('the Outcomes tables look exactly as they did with Mantine components', () => {
  it('by member: figures with disputed money, a member with nothing decided: the same HTML', () => {
    const plain = draw(h(Table, { 'aria-label': 'Outcomes by member', striped: true, verticalSpacing: 4 }, h(Table.Tbody, null, members.map((m) => h(MemberOutcomeRow, { key: m.memberId, m, money })))));
    expect(plain).toContain('7.552,50');
    expect(plain).toContain('2.5 d');
    expect(plain).toContain('disputed');
    expect(plain).toBe(draw(h(MantineMemberOutcomeRows, { rows: members, money })));
  });

  it('top pairs, one with money under dispute: the same HTML', () => {
    const plain = draw(h(Table, { 'aria-label': 'Top pairs', verticalSpacing: 4, maw: 760 }, h(Table.Tbody, null, topPairs.map((p) => h(TopPairRow, { key: p.giverId, pair: p, money })))));
    expect(plain).toContain('50,00');
    expect(plain).toBe(draw(h(MantineTopPairRows, { pairs: topPairs, money })));
  });

  it('every pair: unlinked and disputed money, a pair with nothing decided: the same HTML', () => {
    const plain = draw(h(Table, { 'aria-label': 'Every pair', verticalSpacing: 4, striped: true }, h(Table.Tbody, null, everyPair.map((p) => h(EveryPairRow, { key: p.giverId, pair: p, money })))));
    expect(plain).toContain('unlinked)');
    expect(plain).toContain('10.5 d');
    expect(plain).toBe(draw(h(MantineEveryPairRows, { pairs: everyPair, money })));
  });

  it('a German chapter reads half days with its own decimal comma, a US one with a point; whole days and none as before', () => {
    try {
      setChapterLocale('de-DE');
      expect(days(2.5)).toBe('2,5 d');
      expect(days(14)).toBe('14 d');
      expect(days(1234)).toBe('1.234 d');
      setChapterLocale('en-US');
      expect(days(2.5)).toBe('2.5 d');
      expect(days(2.25)).toBe('2.3 d');
      expect(days(null)).toBe('—');
    } finally {
      setChapterLocale(null);
    }
  });
});
