// One member's row of the Reciprocity screen's table, drawn with plain elements wearing Mantine's own
// classes and CSS variables — the same HTML as Mantine's Table.Tr/Td, Text and Badge drew
// (tests/unit/reciprocity-row-markup.test.ts compares them): sixty rows of about eight Mantine components
// each ran their style hooks every time the screen opened or the table was sorted.
import { Badge, Table, Text } from '@mantine/core';
import { memo, type CSSProperties } from 'react';
import type { MemberTally } from '../../shared/contract';
import { disputedExplanation, disputedNote } from '../../shared/disputed-tyfcb';

export interface ReciprocityRowData extends MemberTally {
  given: number;
  received: number;
  balance: number;
  moneyBalance: number;
}

/** The disputed money next to a member's TYFCB figure (left out of it until leadership resolves the dispute). Rare: a Mantine Text. */
export function DisputedLine({ minor, slips, money }: { minor: number; slips: number; money: (minor: number) => string }) {
  return (
    <Text size="xs" c="orange.8" title={disputedExplanation}>
      {disputedNote(minor, slips, money)}
    </Text>
  );
}

const rem = (px: number) => `calc(${px / 16}rem * var(--mantine-scale))`;
const cls = {
  tr: `${Table.classes.tr} mantine-Table-tr`,
  td: `${Table.classes.td} mantine-Table-td`,
  text: `mantine-focus-auto ${Text.classes.root} mantine-Text-root`,
  badge: `${Badge.classes.root} mantine-Badge-root`,
  badgeLabel: `${Badge.classes.label} mantine-Badge-label`,
};
const nameStyle = { '--text-fz': 'var(--mantine-font-size-sm)', '--text-lh': 'var(--mantine-line-height-sm)', fontWeight: 500 } as CSSProperties;
const leftBadge = { '--badge-height': 'var(--badge-height-xs)', '--badge-padding-x': 'var(--badge-padding-x-xs)', '--badge-fz': 'var(--badge-fz-xs)', '--badge-bg': 'var(--mantine-color-gray-light)', '--badge-color': 'var(--mantine-color-gray-light-color)', '--badge-bd': `${rem(1)} solid transparent`, marginLeft: rem(6) } as CSSProperties;
const splitStyle = { '--text-fz': 'var(--mantine-font-size-xs)', '--text-lh': 'var(--mantine-line-height-xs)', color: 'var(--mantine-color-dimmed)' } as CSSProperties;
const balanceStyle = (colour: string | undefined) => ({ '--text-fz': 'var(--mantine-font-size-sm)', '--text-lh': 'var(--mantine-line-height-sm)', ...(colour ? { color: `var(--mantine-color-${colour}-text)` } : {}), fontWeight: 600 }) as CSSProperties;
const balanceStyles = { teal: balanceStyle('teal'), red: balanceStyle('red'), none: balanceStyle(undefined) };
const right: CSSProperties = { textAlign: 'right' };

export const ReciprocityRow = memo(function ReciprocityRow({ r, money }: { r: ReciprocityRowData; money: (minor: number) => string }) {
  return (
    <tr className={cls.tr} data-with-row-border="true" data-striped="odd" data-hover="true">
      <td className={cls.td}>
        <span style={nameStyle} className={cls.text} data-size="sm">
          {r.name}
        </span>
        {r.leftDuringPeriod && (
          <div style={leftBadge} className={cls.badge} data-variant="light" data-size="xs">
            <span className={cls.badgeLabel}>left · partial</span>
          </div>
        )}
      </td>
      <td className={cls.td}>
        {r.given}{' '}
        <span style={splitStyle} className={cls.text} data-size="xs">
          ({r.rgi} in · {r.rgo} out)
        </span>
      </td>
      <td className={cls.td}>
        {r.received}{' '}
        <span style={splitStyle} className={cls.text} data-size="xs">
          ({r.rri} in · {r.rro} out)
        </span>
      </td>
      <td className={cls.td}>
        <p style={r.balance > 0 ? balanceStyles.teal : r.balance < 0 ? balanceStyles.red : balanceStyles.none} className={cls.text} data-size="sm">
          {r.balance > 0 ? `+${r.balance}` : r.balance}
        </p>
      </td>
      <td style={right} className={cls.td}>
        {money(r.tyfcbGeneratedMinor)}
        {r.tyfcbGeneratedDisputedSlips > 0 && <DisputedLine minor={r.tyfcbGeneratedDisputedMinor} slips={r.tyfcbGeneratedDisputedSlips} money={money} />}
      </td>
      <td style={right} className={cls.td}>
        {money(r.tyfcbReceivedMinor)}
        {r.tyfcbReceivedDisputedSlips > 0 && <DisputedLine minor={r.tyfcbReceivedDisputedMinor} slips={r.tyfcbReceivedDisputedSlips} money={money} />}
      </td>
      <td style={right} className={cls.td}>{r.oneToOnes}</td>
      <td style={right} className={cls.td}>{r.visitors}</td>
    </tr>
  );
});
