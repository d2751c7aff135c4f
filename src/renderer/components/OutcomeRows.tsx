// The Outcomes screen's table rows (by member, top pairs, every pair), drawn with plain elements wearing
// Mantine's own classes and CSS variables — the same HTML as Mantine's Table.Tr/Td and Text drew
// (tests/unit/outcome-rows-markup.test.ts compares them): sixty members, up to fifty pairs and the top pairs,
// a Mantine component per cell, ran their style hooks each time the screen opened (over 150 ms of script on a
// ten-year chapter).
import { memo, type CSSProperties } from 'react';
import type { MemberOutcome, Outcomes, PairOutcomes } from '../../shared/contract';
import { chapterLocale } from '../chapter-today';
import { plainClasses } from './PlainNativeSelect';

export const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
// Median days as the chapter writes numbers: "3.5 d", "3,5 d" in a German chapter (a fresh-eyes trial read "3.5 d" there).
const dayNumbers = new Map<string, Intl.NumberFormat>();
export const days = (d: number | null) => {
  if (d === null) return '—';
  const locale = chapterLocale();
  let format = dayNumbers.get(locale);
  if (!format) dayNumbers.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return `${format.format(d)} d`;
};

const cls = plainClasses;
const right: CSSProperties = { textAlign: 'right' };
const xs = { '--text-fz': 'var(--mantine-font-size-xs)', '--text-lh': 'var(--mantine-line-height-xs)' };
const dimmed = { ...xs, color: 'var(--mantine-color-dimmed)' } as CSSProperties;
const disputed = { ...xs, color: 'var(--mantine-color-orange-8)' } as CSSProperties;

type Money = (minor: number) => string;

/** A small note after a figure, as Mantine's <Text span size="xs"> drew it. */
function Note({ style, children }: { style: CSSProperties; children: React.ReactNode }) {
  return (
    <span style={style} className={cls.text} data-size="xs">
      {children}
    </span>
  );
}

/** A row of a striped table (the by-member and every-pair tables); the top pairs table is not striped. */
function Row({ striped, children }: { striped: boolean; children: React.ReactNode }) {
  return (
    <tr className={cls.tr} data-with-row-border="true" data-striped={striped ? 'odd' : undefined}>
      {children}
    </tr>
  );
}

export const MemberOutcomeRow = memo(function MemberOutcomeRow({ m, money }: { m: MemberOutcome; money: Money }) {
  return (
    <Row striped>
      <td className={cls.td}>{m.name}</td>
      <td style={right} className={cls.td}>
        {m.given.total} <Note style={dimmed}>({m.given.won}/{m.given.lost}/{m.given.open})</Note>
      </td>
      <td style={right} className={cls.td}>{pct(m.conversionGiven)}</td>
      <td style={right} className={cls.td}>
        {money(m.generatedLinkedMinor + m.generatedUnlinkedMinor)}
        {m.generatedDisputedMinor > 0 && <Note style={disputed}> +{money(m.generatedDisputedMinor)} disputed</Note>}
      </td>
      <td style={right} className={cls.td}>{m.revenuePerReferralMinor === null ? '—' : money(m.revenuePerReferralMinor)}</td>
      <td style={right} className={cls.td}>{days(m.medianDaysToContact)}</td>
      <td style={right} className={cls.td}>{days(m.medianDaysToClose)}</td>
    </Row>
  );
});

export const TopPairRow = memo(function TopPairRow({ pair, money }: { pair: Outcomes['pairs'][number]; money: Money }) {
  return (
    <Row striped={false}>
      <td className={cls.td}>{pair.giverName} → {pair.receiverName}</td>
      <td style={right} className={cls.td}>{pair.referrals}</td>
      <td style={right} className={cls.td}>{pair.won}</td>
      <td style={right} className={cls.td}>
        {money(pair.revenueMinor)}
        {pair.disputedMinor > 0 && <Note style={disputed}> +{money(pair.disputedMinor)} disputed</Note>}
      </td>
    </Row>
  );
});

export const EveryPairRow = memo(function EveryPairRow({ pair, money }: { pair: PairOutcomes['pairs'][number]; money: Money }) {
  return (
    <Row striped>
      <td className={cls.td}>{pair.giverName} → {pair.receiverName}</td>
      <td style={right} className={cls.td}>{pair.given.total}</td>
      <td style={right} className={cls.td}>{pair.given.won} / {pair.given.lost} / {pair.given.open}</td>
      <td style={right} className={cls.td}>{pct(pair.conversion)}</td>
      <td style={right} className={cls.td}>{days(pair.medianDaysToContact)}</td>
      <td style={right} className={cls.td}>{days(pair.medianDaysToClose)}</td>
      <td style={right} className={cls.td}>
        {money(pair.linkedMinor + pair.unlinkedMinor)}
        {pair.unlinkedMinor > 0 && <Note style={dimmed}> ({money(pair.unlinkedMinor)} unlinked)</Note>}
        {pair.disputedMinor > 0 && <Note style={disputed}> +{money(pair.disputedMinor)} disputed</Note>}
      </td>
      <td style={right} className={cls.td}>{pair.revenuePerReferralMinor === null ? '—' : money(pair.revenuePerReferralMinor)}</td>
    </Row>
  );
});
