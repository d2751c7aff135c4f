// One member's row of the Scorecard, and the band badge, drawn with plain elements wearing Mantine's own
// classes and CSS variables — the same HTML as Mantine's Table.Tr/Td, Group, Badge and Text drew
// (tests/unit/scorecard-row-markup.test.ts compares them): sixty rows of about twenty Mantine components each
// (a Text pair per category) ran their style hooks every time the screen opened, most of its ~180 ms of page
// time on the ten-year chapter.
import { Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { memo, type CSSProperties } from 'react';
import type { Band, MemberScore } from '../../shared/contract';
import { plainClasses, rem } from './PlainNativeSelect';

export const bandColors: Record<Band, string> = { green: 'teal', yellow: 'yellow', red: 'red', grey: 'gray', black: 'dark' };

const cls = plainClasses;
// Grey (not scored) is Mantine's light variant, every other band its filled one.
const badgeStyle = (band: Band) => {
  const c = bandColors[band];
  const colours = band === 'grey' ? { '--badge-bg': `var(--mantine-color-${c}-light)`, '--badge-color': `var(--mantine-color-${c}-light-color)` } : { '--badge-bg': `var(--mantine-color-${c}-filled)`, '--badge-color': 'var(--mantine-color-white)' };
  return { ...colours, '--badge-bd': `${rem(1)} solid transparent`, flexShrink: 0, minWidth: rem(72), maxWidth: 'none' } as CSSProperties;
};
const badgeStyles = Object.fromEntries((Object.keys(bandColors) as Band[]).map((b) => [b, badgeStyle(b)])) as Record<Band, CSSProperties>;
const wholeLabel: CSSProperties = { overflow: 'visible', textOverflow: 'clip' };

export function BandBadge({ band, label }: { band: Band; label?: string }) {
  return (
    // Never shortened to "YELLO…": the badge keeps its whole label and its column makes room for it.
    <div style={badgeStyles[band]} className={cls.badge} data-variant={band === 'grey' ? 'light' : 'filled'}>
      <span className={cls.badgeLabel} style={wholeLabel}>
        {label ?? band}
      </span>
    </div>
  );
}

const rowStyle: CSSProperties = { cursor: 'pointer' };
const nameStyle: CSSProperties = { fontWeight: 500 };
const nameGroup = { '--group-gap': rem(4), '--group-align': 'center', '--group-justify': 'flex-start', '--group-wrap': 'nowrap' } as CSSProperties;
const nowrap: CSSProperties = { whiteSpace: 'nowrap' };
const pointsStyle: CSSProperties = { fontWeight: 700 };
const right: CSSProperties = { textAlign: 'right' };
const valueStyle = { '--text-fz': 'var(--mantine-font-size-sm)', '--text-lh': 'var(--mantine-line-height-sm)' } as CSSProperties;
const pointStyle = { '--text-fz': 'var(--mantine-font-size-xs)', '--text-lh': 'var(--mantine-line-height-xs)', marginLeft: rem(6), color: 'var(--mantine-color-dimmed)' } as CSSProperties;

/** A member's row: redrawn only when their score or whether it is opened changes (not when another row opens). */
export const ScorecardRow = memo(function ScorecardRow({ m, open, onToggle }: { m: MemberScore; open: boolean; onToggle: (memberId: string) => void }) {
  return (
    <tr
      style={rowStyle}
      className={cls.tr}
      data-with-row-border="true"
      data-striped="odd"
      data-hover="true"
      tabIndex={0}
      aria-expanded={open}
      onClick={() => onToggle(m.memberId)}
      onKeyDown={(e) => e.key === 'Enter' && onToggle(m.memberId)}
    >
      <td style={nameStyle} className={cls.td}>
        <div style={nameGroup} className={cls.group}>
          {m.name}
          {/* Rare (a seat about to open): Mantine's own tooltip. */}
          {m.alert && (
            <Tooltip label={m.alert.text}>
              <IconAlertTriangle size={14} color={m.alert.level === 'opens' ? 'red' : 'orange'} aria-label={m.alert.text} />
            </Tooltip>
          )}
        </div>
      </td>
      <td style={nowrap} className={cls.td}>
        <BandBadge band={m.band} label={m.bandLabel} />
      </td>
      <td style={pointsStyle} className={cls.td}>
        {m.scored ? m.points : '—'}
      </td>
      {m.categories.map((c) => (
        <td key={c.id} style={right} className={cls.td}>
          <span style={valueStyle} className={cls.text} data-size="sm">
            {c.display}
          </span>
          <span style={pointStyle} className={cls.text} data-size="xs">
            {c.maxPoints === 0 || !m.scored ? '' : c.points}
          </span>
        </td>
      ))}
    </tr>
  );
});
