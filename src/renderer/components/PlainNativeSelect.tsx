// Mantine's NativeSelect of size xs drawn with plain elements wearing Mantine's own classes and CSS variables
// — the same HTML as <NativeSelect size="xs" w={width} data={options} /> (the row markup tests compare them) —
// for lists with a picker on every row, where each NativeSelect's style hooks cost more than the row itself; and the
// classes of the Table, Badge and Text those rows wear.
import { Badge, ComboboxChevron, Group, Input, Table, Text } from '@mantine/core';
import { useId, useRef, useState, type CSSProperties } from 'react';

/** Mantine's rem(): pixels at the theme's scale. */
export const rem = (px: number) => `calc(${px / 16}rem * var(--mantine-scale))`;

/** The classes Mantine's Table row and cell, Badge, Text and Group wear, for rows drawn with plain elements. */
export const plainClasses = {
  tr: `${Table.classes.tr} mantine-Table-tr`,
  td: `${Table.classes.td} mantine-Table-td`,
  badge: `${Badge.classes.root} mantine-Badge-root`,
  badgeLabel: `${Badge.classes.label} mantine-Badge-label`,
  text: `mantine-focus-auto ${Text.classes.root} mantine-Text-root`,
  group: `${Group.classes.root} mantine-Group-root`,
};

const cls = {
  root: `${Input.Wrapper.classes.root} mantine-InputWrapper-root mantine-NativeSelect-root`,
  wrapper: `${Input.classes.wrapper} mantine-Input-wrapper mantine-NativeSelect-wrapper`,
  select: `${Input.classes.input} mantine-Input-input mantine-NativeSelect-input`,
  section: `${Input.classes.section} mantine-Input-section mantine-NativeSelect-section`,
  chevron: `${ComboboxChevron.classes.chevron} mantine-ComboboxChevron-chevron`,
};
const wrapperStyle = { '--input-height': 'var(--input-height-xs)', '--input-fz': 'var(--mantine-font-size-xs)', '--input-right-section-pointer-events': 'none' } as CSSProperties;
const chevronStyle = { '--combobox-chevron-size': 'var(--combobox-chevron-size-xs)' } as CSSProperties;
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
const widths = new Map<number, CSSProperties>();
const widthStyle = (px: number) => widths.get(px) ?? widths.set(px, { width: rem(px) }).get(px)!;

/**
 * A choice made with the arrow keys on the closed picker is kept on screen and taken with Enter or on
 * leaving the picker: the browser says "changed" at every arrow key, and each one re-filed a classification
 * (an audit entry apiece) or opened a referral's follow-up. A choice made with the mouse is taken at once.
 */
export function PlainNativeSelect<V extends string>({
  width,
  label,
  value,
  options,
  onChange,
}: {
  width: number;
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
}) {
  const id = `mantine-${useId()}`;
  const [pending, setPending] = useState<V | null>(null);
  const keyAt = useRef(-Infinity);
  const take = () => {
    if (pending === null) return;
    setPending(null);
    if (pending !== value) onChange(pending);
  };
  return (
    <div style={widthStyle(width)} className={cls.root} data-size="xs">
      <div style={wrapperStyle} className={cls.wrapper} data-variant="default" data-size="xs" data-pointer="true" data-with-right-section="true">
        <select
          className={cls.select}
          data-variant="default"
          aria-label={label}
          id={id}
          value={pending ?? value}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && pending !== null) {
              e.preventDefault();
              take();
            } else if (e.key === 'Escape' && pending !== null) setPending(null);
            else keyAt.current = performance.now();
          }}
          onChange={(e) => {
            const next = e.currentTarget.value as V;
            // The change of a key on the closed picker comes in the same moment as the key.
            if (performance.now() - keyAt.current < 50) setPending(next);
            else onChange(next);
          }}
          onBlur={take}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {chevron}
      </div>
    </div>
  );
}
