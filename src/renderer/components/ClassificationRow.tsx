// One row of Settings' classification list, drawn with plain elements wearing Mantine's own classes and CSS
// variables — the same HTML as Mantine's Table.Tr/Td, Checkbox, NativeSelect, Badge, Text and ActionIcon
// drew (tests/unit/classification-row-markup.test.ts compares them) — because a sixty-seat chapter's rows,
// eight Mantine components each, were most of the time Settings took to open.
import { ActionIcon, Group, UnstyledButton, useMantineTheme } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { memo, useId, type CSSProperties } from 'react';
import type { Classification, SeatState } from '../../shared/contract';
import { PlainNativeSelect, plainClasses, rem } from './PlainNativeSelect';
import { seatColors, seatLabels } from './StatusBadge';

const cls = {
  ...plainClasses,
  // Mantine's Checkbox root wears its own module's class and InlineInput's, both named "root"; only the
  // second is in Checkbox.classes, so the first is written out (the markup test fails if Mantine renames it).
  checkbox: 'm_bf2d988c mantine-Checkbox-root m_5f75b09e mantine-Checkbox-root',
  checkboxBody: 'm_5f6e695e mantine-Checkbox-body',
  checkboxInner: 'm_26062bec mantine-Checkbox-inner',
  checkboxInput: 'mantine-focus-auto m_26063560 mantine-Checkbox-input',
  checkboxIcon: 'm_bf295423 mantine-Checkbox-icon',
  checkboxLabelWrapper: 'm_d3ea56bb mantine-Checkbox-labelWrapper',
  group: `${Group.classes.root} mantine-Group-root`,
  actionIcon: `mantine-focus-auto mantine-active ${ActionIcon.classes.root} mantine-ActionIcon-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`,
  actionIconIcon: `${ActionIcon.classes.icon} mantine-ActionIcon-icon`,
};
const groupStyle = { '--group-gap': 'var(--mantine-spacing-xs)', '--group-align': 'center', '--group-justify': 'flex-start', '--group-wrap': 'wrap' } as CSSProperties;
const textStyle = { '--text-fz': 'var(--mantine-font-size-sm)', '--text-lh': 'var(--mantine-line-height-sm)' } as CSSProperties;
const removeStyle = { '--ai-bg': 'transparent', '--ai-hover': 'var(--mantine-color-red-light-hover)', '--ai-color': 'var(--mantine-color-red-light-color)', '--ai-bd': `${rem(1)} solid transparent` } as CSSProperties;
const badgeStyles = Object.fromEntries(
  (Object.keys(seatColors) as SeatState[]).map((seat) => {
    const c = seatColors[seat];
    const style =
      seat === 'open'
        ? { '--badge-bg': 'transparent', '--badge-color': `var(--mantine-color-${c}-outline)`, '--badge-bd': `${rem(1)} solid var(--mantine-color-${c}-outline)`, minWidth: rem(84) }
        : { '--badge-bg': `var(--mantine-color-${c}-light)`, '--badge-color': `var(--mantine-color-${c}-light-color)`, '--badge-bd': `${rem(1)} solid transparent`, minWidth: rem(84) };
    return [seat, style as CSSProperties];
  }),
) as Record<SeatState, CSSProperties>;
const tick = (
  <svg viewBox="0 0 10 7" fill="none" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" className={cls.checkboxIcon}>
    <path d="M4 4.586L1.707 2.293A1 1 0 1 0 .293 3.707l3 3a.997.997 0 0 0 1.414 0l5-5A1 1 0 1 0 8.293.293L4 4.586z" fill="currentColor" fillRule="evenodd" clipRule="evenodd" />
  </svg>
);
const trash = <IconTrash size={16} />;

/** One classification's row: redrawn only when it, its tick or the spheres change (not when another row is ticked). */
export const ClassificationRow = memo(function ClassificationRow({
  c,
  ticked,
  sphereOptions,
  onTick,
  onMove,
  onRemove,
}: {
  c: Classification;
  ticked: boolean;
  /** "None" first, then the chapter's contact spheres. */
  sphereOptions: ReadonlyArray<{ value: string; label: string }>;
  onTick: (c: Classification, on: boolean) => void;
  onMove: (c: Classification, sphereId: string | null) => void;
  onRemove: (c: Classification) => void;
}) {
  const id = `mantine-${useId()}`;
  const primary = useMantineTheme().primaryColor;
  return (
    <tr className={cls.tr} data-with-row-border="true">
      <td className={cls.td}>
        <div style={{ '--checkbox-radius': 'var(--mantine-radius-sm)', '--checkbox-color': `var(--mantine-color-${primary}-filled)` } as CSSProperties} className={cls.checkbox} data-variant="filled" data-label-position="right" data-checked={ticked || undefined}>
          <div className={cls.checkboxBody}>
            <div className={cls.checkboxInner} data-label-position="right">
              <input className={cls.checkboxInput} data-with-error-styles="true" id={id} aria-label={`Tick ${c.name}`} type="checkbox" checked={ticked} onChange={(e) => onTick(c, e.currentTarget.checked)} />
              {tick}
            </div>
            <div className={cls.checkboxLabelWrapper} />
          </div>
        </div>
      </td>
      <td className={cls.td}>{c.name}</td>
      <td className={cls.td}>
        {/* The browser's own picker: sixty of Mantine's Select took about a second to draw on a chapter with sixty seats. */}
        <PlainNativeSelect width={220} label={`Contact sphere of ${c.name}`} value={c.sphereId ?? ''} options={sphereOptions} onChange={(v) => onMove(c, v || null)} />
      </td>
      <td className={cls.td}>
        <div style={groupStyle} className={cls.group}>
          <div style={badgeStyles[c.seat]} className={cls.badge} data-variant={c.seat === 'open' ? 'outline' : 'light'}>
            <span className={cls.badgeLabel}>{seatLabels[c.seat]}</span>
          </div>
          {c.holder && (
            <p style={textStyle} className={cls.text} data-size="sm">
              {c.holder.name}
            </p>
          )}
        </div>
      </td>
      <td className={cls.td}>
        <button style={removeStyle} className={cls.actionIcon} data-variant="subtle" type="button" aria-label={`Remove ${c.name}`} onClick={() => onRemove(c)}>
          <span className={cls.actionIconIcon}>{trash}</span>
        </button>
      </td>
    </tr>
  );
});
