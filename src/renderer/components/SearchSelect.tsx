import { Select, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter, type SelectProps } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { foldName } from '../../shared/names';

/** Every word typed appears in the option, ignoring case, accents and apostrophes ("plum" finds "Plumbing"). */
export function optionMatches(label: string, search: string): boolean {
  const words = foldName(search).split(/\s+/).filter(Boolean);
  const haystack = foldName(label);
  return words.every((w) => haystack.includes(w));
}

const flat = (items: ComboboxParsedItem[]): ComboboxItem[] => items.flatMap((i) => ('group' in i ? i.items : [i]));

/** Mantine's option filter, but folding accents and case: "lucia" finds "Lucía Patel" in every searchable list. */
export const foldedFilter: OptionsFilter = ({ options, search }) =>
  options
    .map((o) => ('group' in o ? { ...o, items: o.items.filter((i) => optionMatches(i.label, search)) } : o))
    .filter((o) => ('group' in o ? o.items.length > 0 : optionMatches(o.label, search)));

/**
 * A searchable Select that behaves like the slip bar's pickers: Enter takes the first match (highlighted
 * as the name is typed), or the line reached with the arrows; with no match Enter stays in the field
 * instead of submitting the form, so nothing is sent half-chosen.
 */
export function SearchSelect(props: Omit<SelectProps, 'searchable' | 'filter'>) {
  const { data = [], value, onChange, onKeyDown, ...rest } = props;
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const items = flat(
    (data as (string | ComboboxItem | { group: string; items: (string | ComboboxItem)[] })[]).map((d) =>
      typeof d === 'string' ? { value: d, label: d } : 'group' in d ? { group: d.group, items: d.items.map((i) => (typeof i === 'string' ? { value: i, label: i } : i)) } : d,
    ) as ComboboxParsedItem[],
  );
  const chosen = items.find((i) => i.value === value);

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    const typed = search.trim();
    if (typed === '' || (chosen && chosen.label === search)) return; // nothing typed, or the choice stands: the form may submit
    event.preventDefault();
    // The first match is the one highlighted as the name is typed: Enter takes it, as the slip bar's pickers
    // do. Mantine takes the highlighted line too when it has drawn the highlight (a line reached with the
    // arrows wins, its choice coming after this one); taken here, the answer never depends on whether the
    // highlight was drawn before the key (it was not on a busy machine: "e" + Enter left "e" one time in three).
    const first = items.find((i) => !i.disabled && optionMatches(i.label, typed));
    if (first) {
      onChange?.(first.value, first);
      setOpened(false);
    }
  };

  return (
    <Select
      {...rest}
      data={data}
      value={value ?? null}
      onChange={onChange}
      searchable
      // The first match is highlighted as a name is typed: Enter takes it.
      selectFirstOptionOnChange
      searchValue={search}
      onSearchChange={setSearch}
      filter={foldedFilter}
      onKeyDown={keyDown}
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
    />
  );
}
