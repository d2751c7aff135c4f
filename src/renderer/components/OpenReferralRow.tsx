// One row of the Open referrals list, drawn with plain elements wearing Mantine's own classes and CSS
// variables — the same HTML as Mantine's Table.Tr/Td, Badge, Text, NativeSelect and Button drew
// (tests/unit/open-referral-row-markup.test.ts compares them) — because fifty rows of those components ran
// their style hooks each time the screen opened: about seven Mantine components a row, most of the
// screen's page time on a big chapter file.
import { Button, UnstyledButton, useMantineTheme } from '@mantine/core';
import { memo, type CSSProperties } from 'react';
import type { OpenReferral } from '../../shared/contract';
import { formatDay } from '../../shared/dates';
import { chapterLocale } from '../chapter-today';
import type { referralStatuses } from '../../shared/domain';
import { ageLabel, referralFlags } from '../open-referrals-wording';
import { PlainNativeSelect, plainClasses, rem } from './PlainNativeSelect';

type Status = (typeof referralStatuses)[number];

const cls = {
  ...plainClasses,
  button: `mantine-focus-auto mantine-active ${Button.classes.root} mantine-Button-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`,
  buttonInner: `${Button.classes.inner} mantine-Button-inner`,
  buttonLabel: `${Button.classes.label} mantine-Button-label`,
};
const light = (c: string) => ({ '--badge-bg': `var(--mantine-color-${c}-light)`, '--badge-color': `var(--mantine-color-${c}-light-color)`, '--badge-bd': `${rem(1)} solid transparent` }) as CSSProperties;
const ageBadge: Record<string, CSSProperties> = { red: light('red'), teal: light('teal'), blue: light('blue'), gray: light('gray') };
const staleBadge = { '--badge-bg': 'transparent', '--badge-color': 'var(--mantine-color-orange-outline)', '--badge-bd': `${rem(1)} solid var(--mantine-color-orange-outline)`, marginLeft: rem(4) } as CSSProperties;
const phoneStyle = { '--text-fz': 'var(--mantine-font-size-xs)', '--text-lh': 'var(--mantine-line-height-xs)', color: 'var(--mantine-color-dimmed)' } as CSSProperties;
const buttonStyle = (primary: string) =>
  ({
    '--button-height': 'var(--button-height-compact-xs)',
    '--button-padding-x': 'var(--button-padding-x-compact-xs)',
    '--button-fz': 'var(--mantine-font-size-xs)',
    '--button-bg': 'transparent',
    '--button-hover': `var(--mantine-color-${primary}-light-hover)`,
    '--button-color': `var(--mantine-color-${primary}-light-color)`,
    '--button-bd': `${rem(1)} solid transparent`,
    marginTop: rem(2),
  }) as CSSProperties;
/** One referral's row: redrawn only when the referral, today or the rules change (not when a dialog opens or closes). */
export const OpenReferralRow = memo(function OpenReferralRow({
  r,
  flagRules,
  today,
  statusOptions,
  onFollow,
}: {
  r: OpenReferral;
  flagRules: { openReferralDays: number; staleDays: number | null };
  today: string;
  statusOptions: Array<{ value: Status; label: string }>;
  onFollow: (referral: OpenReferral, status: Status) => void;
}) {
  const flags = referralFlags(r, flagRules, today);
  const primary = useMantineTheme().primaryColor;
  const colour = flags.overdue ? 'red' : r.status === 'won' ? 'teal' : r.meetingOn > today ? 'blue' : 'gray';
  return (
    <tr className={cls.tr} data-with-row-border="true" data-striped="odd">
      <td style={{ whiteSpace: 'nowrap' }} className={cls.td}>{formatDay(r.meetingOn, chapterLocale())}</td>
      <td className={cls.td}>
        <div style={ageBadge[colour]} className={cls.badge} data-variant="light" title={flags.overdue ? `Open more than ${flagRules.openReferralDays} days` : undefined}>
          <span className={cls.badgeLabel}>{ageLabel(r, today)}</span>
        </div>
        {flags.stale && (
          <div style={staleBadge} className={cls.badge} data-variant="outline" title={`No follow-up recorded since ${r.lastUpdateOn} (stale after ${flagRules.staleDays} days)`}>
            <span className={cls.badgeLabel}>stale · {r.daysSinceUpdate} d</span>
          </div>
        )}
      </td>
      <td className={cls.td}>{r.giverName}</td>
      <td className={cls.td}>{r.receiverName}</td>
      <td className={cls.td}>
        {r.prospectName}
        {r.prospectPhone && (
          <p style={phoneStyle} className={cls.text} data-size="xs">
            {r.prospectPhone}
          </p>
        )}
      </td>
      <td className={cls.td}>{r.temperature}</td>
      <td className={cls.td}>
        {/* The browser's own picker: fifty of Mantine's Select (each a popover placed on the page) were most of this screen's drawing time. */}
        <PlainNativeSelect width={150} label={`Status of ${r.prospectName}`} value={r.status} options={statusOptions} onChange={(status) => onFollow(r, status)} />
        <button style={buttonStyle(primary)} className={cls.button} data-variant="subtle" data-size="compact-xs" type="button" aria-label={`Follow-up history of ${r.prospectName}`} onClick={() => onFollow(r, r.status)}>
          <span className={cls.buttonInner}>
            <span className={cls.buttonLabel}>History · note</span>
          </span>
        </button>
      </td>
    </tr>
  );
});
