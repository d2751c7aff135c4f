// One row of the Open referrals list, drawn with plain elements wearing Mantine's own classes and CSS
// variables — the same HTML as Mantine's Table.Tr/Td, Badge, Text, NativeSelect and Button drew
// (tests/unit/open-referral-row-markup.test.ts compares them) — because fifty rows of those components ran
// their style hooks each time the screen opened: about seven Mantine components a row, most of the
// screen's page time on a big chapter file.
import { Badge, Button, ComboboxChevron, Input, Table, Text, UnstyledButton, useMantineTheme } from '@mantine/core';
import { memo, useId, type CSSProperties } from 'react';
import type { OpenReferral } from '../../shared/contract';
import type { referralStatuses } from '../../shared/domain';
import { ageLabel, referralFlags } from '../open-referrals-wording';

type Status = (typeof referralStatuses)[number];

const rem = (px: number) => `calc(${px / 16}rem * var(--mantine-scale))`;
const cls = {
  tr: `${Table.classes.tr} mantine-Table-tr`,
  td: `${Table.classes.td} mantine-Table-td`,
  badge: `${Badge.classes.root} mantine-Badge-root`,
  badgeLabel: `${Badge.classes.label} mantine-Badge-label`,
  text: `mantine-focus-auto ${Text.classes.root} mantine-Text-root`,
  selectRoot: `${Input.Wrapper.classes.root} mantine-InputWrapper-root mantine-NativeSelect-root`,
  selectWrapper: `${Input.classes.wrapper} mantine-Input-wrapper mantine-NativeSelect-wrapper`,
  select: `${Input.classes.input} mantine-Input-input mantine-NativeSelect-input`,
  section: `${Input.classes.section} mantine-Input-section mantine-NativeSelect-section`,
  chevron: `${ComboboxChevron.classes.chevron} mantine-ComboboxChevron-chevron`,
  button: `mantine-focus-auto mantine-active ${Button.classes.root} mantine-Button-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`,
  buttonInner: `${Button.classes.inner} mantine-Button-inner`,
  buttonLabel: `${Button.classes.label} mantine-Button-label`,
};
const light = (c: string) => ({ '--badge-bg': `var(--mantine-color-${c}-light)`, '--badge-color': `var(--mantine-color-${c}-light-color)`, '--badge-bd': `${rem(1)} solid transparent` }) as CSSProperties;
const ageBadge: Record<string, CSSProperties> = { red: light('red'), teal: light('teal'), blue: light('blue'), gray: light('gray') };
const staleBadge = { '--badge-bg': 'transparent', '--badge-color': 'var(--mantine-color-orange-outline)', '--badge-bd': `${rem(1)} solid var(--mantine-color-orange-outline)`, marginLeft: rem(4) } as CSSProperties;
const phoneStyle = { '--text-fz': 'var(--mantine-font-size-xs)', '--text-lh': 'var(--mantine-line-height-xs)', color: 'var(--mantine-color-dimmed)' } as CSSProperties;
const selectRootStyle: CSSProperties = { width: rem(150) };
const selectWrapperStyle = { '--input-height': 'var(--input-height-xs)', '--input-fz': 'var(--mantine-font-size-xs)', '--input-right-section-pointer-events': 'none' } as CSSProperties;
const chevronStyle = { '--combobox-chevron-size': 'var(--combobox-chevron-size-xs)' } as CSSProperties;
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
const chevronPath =
  'M4.93179 5.43179C4.75605 5.60753 4.75605 5.89245 4.93179 6.06819C5.10753 6.24392 5.39245 6.24392 5.56819 6.06819L7.49999 4.13638L9.43179 6.06819C9.60753 6.24392 9.89245 6.24392 10.0682 6.06819C10.2439 5.89245 10.2439 5.60753 10.0682 5.43179L7.81819 3.18179C7.73379 3.0974 7.61933 3.04999 7.49999 3.04999C7.38064 3.04999 7.26618 3.0974 7.18179 3.18179L4.93179 5.43179ZM10.0682 9.56819C10.2439 9.39245 10.2439 9.10753 10.0682 8.93179C9.89245 8.75606 9.60753 8.75606 9.43179 8.93179L7.49999 10.8636L5.56819 8.93179C5.39245 8.75606 5.10753 8.75606 4.93179 8.93179C4.75605 9.10753 4.75605 9.39245 4.93179 9.56819L7.18179 11.8182C7.35753 11.9939 7.64245 11.9939 7.81819 11.8182L10.0682 9.56819Z';
/** The picker's arrow, as Mantine's ComboboxChevron draws it: the same for every row. */
const chevron = (
  <div data-position="right" className={cls.section}>
    <svg style={chevronStyle} className={cls.chevron} data-size="xs" data-combobox-chevron="true" viewBox="0 0 15 15" fill="none" xmlns="http://www.w3.org/2000/svg">
      <path d={chevronPath} fill="currentColor" fillRule="evenodd" clipRule="evenodd" />
    </svg>
  </div>
);

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
  const id = `mantine-${useId()}`;
  const primary = useMantineTheme().primaryColor;
  const colour = flags.overdue ? 'red' : r.status === 'won' ? 'teal' : r.meetingOn > today ? 'blue' : 'gray';
  return (
    <tr className={cls.tr} data-with-row-border="true" data-striped="odd">
      <td className={cls.td}>{r.meetingOn}</td>
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
        <div style={selectRootStyle} className={cls.selectRoot} data-size="xs">
          <div style={selectWrapperStyle} className={cls.selectWrapper} data-variant="default" data-size="xs" data-pointer="true" data-with-right-section="true">
            <select className={cls.select} data-variant="default" aria-label={`Status of ${r.prospectName}`} id={id} value={r.status} onChange={(e) => onFollow(r, e.currentTarget.value as Status)}>
              {statusOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {chevron}
          </div>
        </div>
        <button style={buttonStyle(primary)} className={cls.button} data-variant="subtle" data-size="compact-xs" type="button" aria-label={`Follow-up history of ${r.prospectName}`} onClick={() => onFollow(r, r.status)}>
          <span className={cls.buttonInner}>
            <span className={cls.buttonLabel}>History · note</span>
          </span>
        </button>
      </td>
    </tr>
  );
});
