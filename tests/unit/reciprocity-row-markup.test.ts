// The Reciprocity screen's per-member rows are drawn with plain elements wearing Mantine's classes (sixty
// rows of Mantine components were much of the screen's drawing). What the leadership team sees must not
// change: the rows draw exactly the HTML Mantine's Table, Text and Badge drew — a member who gives more
// than they receive, one who takes more, one even, one who left during the period, TYFCB under dispute,
// names in Chinese, Arabic and Hindi.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider, Table } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { ReciprocityRow, type ReciprocityRowData } from '../../src/renderer/components/ReciprocityRow';
import { theme } from '../../src/renderer/theme';
import { formatMoney } from '../../src/shared/money';
import { MantineReciprocityRows } from '../support/reciprocity-rows-mantine';

const money = (minor: number) => formatMoney(minor, 'EUR', 'de-DE');
const tally = (memberId: string, name: string, rgi: number, rgo: number, rri: number, rro: number, extra: Partial<ReciprocityRowData> = {}): ReciprocityRowData => {
  const base = {
    memberId, name, leftDuringPeriod: false, rgi, rgo, rri, rro, oneToOnes: 3, visitors: 1, ceuCredits: 0,
    tyfcbGeneratedMinor: 125050, tyfcbReceivedMinor: 0, tyfcbGeneratedDisputedMinor: 0, tyfcbGeneratedDisputedSlips: 0, tyfcbReceivedDisputedMinor: 0, tyfcbReceivedDisputedSlips: 0,
  } as unknown as ReciprocityRowData;
  const row = { ...base, ...extra };
  return { ...row, given: rgi + rgo, received: rri + rro, balance: rgi + rgo - rri - rro, moneyBalance: row.tyfcbGeneratedMinor - row.tyfcbReceivedMinor };
};
const rows: ReciprocityRowData[] = [
  tally('a', 'Dana Ruiz', 5, 1, 2, 0),
  tally('b', '李 伟', 0, 0, 4, 1, { tyfcbReceivedMinor: 99900, tyfcbReceivedDisputedMinor: 50000, tyfcbReceivedDisputedSlips: 2 }),
  tally('c', 'أمل حداد', 2, 0, 2, 0, { leftDuringPeriod: true, tyfcbGeneratedDisputedMinor: 1000, tyfcbGeneratedDisputedSlips: 1 }),
  tally('d', 'प्रिया शर्मा', 0, 0, 0, 0, { tyfcbGeneratedMinor: 0 }),
];

const draw = (node: ReturnType<typeof h>) => renderToStaticMarkup(h(MantineProvider, { theme }, node)).replace(/^(<style[^>]*>[^<]*<\/style>)+/, '');
const plain = () => h(Table, { 'aria-label': 'Given and received per member', striped: true, highlightOnHover: true, verticalSpacing: 4 }, h(Table.Tbody, null, rows.map((r) => h(ReciprocityRow, { key: r.memberId, r, money }))));

describe('the Reciprocity table looks exactly as it did with Mantine components', () => {
  it('givers, takers, an even member, one who left, disputed TYFCB, names in three scripts: the same HTML', () => {
    const html = draw(plain());
    expect(html).toContain('+4');
    expect(html).toContain('left · partial');
    expect(html).toContain('प्रिया शर्मा');
    expect(html).toContain('1.250,50');
    expect(html).toBe(draw(h(MantineReciprocityRows, { rows, money })));
  });
});
