import { Combobox, Group, InputBase, Loader, Text, useCombobox } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { Meeting } from '../../shared/contract';
import { filterMeetings, loadBackTo, olderMeetingsValue, oldestShown, shownSentence, weekdayOf } from '../meeting-pages';

const backToValue = '__back_to__';

/**
 * The Meeting screen's choice of meeting, searchable: "2019-05", "tue", "may 2019" or "draft" narrows the
 * list (the date, the weekday beside it, the status and the slip count are all found). "Older meetings…"
 * loads the year before and the list stays open, saying how far back it now reaches; a date typed older
 * than the list loads back to it. Enter takes the highlighted line (the first match as soon as one is typed).
 */
export function MeetingPicker({
  meetings,
  hasOlder,
  value,
  onChange,
  onShowOlder,
  onShowBackTo,
  label,
  placeholder,
  fieldLabel,
}: {
  meetings: Meeting[];
  hasOlder: boolean;
  value: string | null;
  onChange: (id: string) => void;
  onShowOlder: () => Promise<void>;
  onShowBackTo: (day: string) => Promise<void>;
  label: (m: Meeting) => string;
  placeholder: string;
  /** A visible label above the field (the Reports screen's form); the Meeting screen's header has none. */
  fieldLabel?: string;
}) {
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setSearch(null);
    },
  });
  /** What is typed while the list is open (null: nothing typed, the chosen meeting's label shows). */
  const [search, setSearch] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  /** After a load: the option to highlight once the longer list is drawn. */
  const [highlight, setHighlight] = useState<number | null>(null);
  const chosen = meetings.find((m) => m.id === value) ?? null;
  const typed = search ?? '';
  const opened = combobox.dropdownOpened;
  const matches = useMemo(() => (opened ? filterMeetings(meetings, typed, label) : []), [opened, meetings, typed, label]);
  const backTo = opened ? loadBackTo(meetings, hasOlder, typed) : null;
  const olderLabel = backTo ? `Load meetings back to ${typed.trim()}…` : `Older meetings… (before ${oldestShown(meetings) ?? ''})`;

  // As soon as something is typed, the first match is highlighted, so Enter takes it.
  useEffect(() => {
    if (!opened || search === null) return;
    if (matches.length > 0 || backTo) combobox.selectFirstOption();
    else combobox.resetSelectedOption();
  }, [typed, opened, matches.length, backTo]);
  useEffect(() => {
    if (highlight === null || !opened) return;
    combobox.selectOption(highlight);
    setHighlight(null);
  }, [highlight, opened, meetings]);

  const load = async (kind: 'older' | 'back') => {
    const before = matches.length;
    setLoading(true);
    try {
      if (kind === 'back' && backTo) await onShowBackTo(backTo);
      else await onShowOlder();
    } finally {
      setLoading(false);
    }
    // The list stays open on the meetings just loaded: the first of them highlighted (a date typed: its first match).
    setHighlight(kind === 'back' ? 0 : before);
  };

  return (
    <Combobox
      store={combobox}
      withinPortal={false}
      onOptionSubmit={(v) => {
        if (v === olderMeetingsValue) return void load('older');
        if (v === backToValue) return void load('back');
        onChange(v);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target withExpandedAttribute>
        <InputBase
          aria-label="Meeting"
          label={fieldLabel}
          w={300}
          value={search ?? (chosen ? label(chosen) : '')}
          placeholder={placeholder}
          autoComplete="off"
          rightSection={loading ? <Loader size={14} /> : <Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onClick={() => combobox.openDropdown()}
          onFocus={(e) => e.currentTarget.select()}
          onBlur={() => combobox.closeDropdown()}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            combobox.openDropdown();
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown miw={380}>
        <Combobox.Options mah={360} style={{ overflowY: 'auto' }} aria-label="Meetings">
          {matches.length === 0 && typed.trim() !== '' && (
            <Combobox.Empty>
              No meeting shown matches “{typed.trim()}”{hasOlder && !backTo ? ': Older meetings… (below) loads the year before.' : '.'}
            </Combobox.Empty>
          )}
          {matches.map((m) => (
            <Combobox.Option value={m.id} key={m.id} active={m.id === value} aria-label={label(m)}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={m.id === value ? 600 : undefined}>
                  {label(m)}
                </Text>
                <Text size="xs" opacity={0.7}>
                  {weekdayOf(m.meetingOn)}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
          {hasOlder && (
            <Combobox.Option value={backTo ? backToValue : olderMeetingsValue} aria-label={olderLabel}>
              <Text size="sm" fs="italic">
                {olderLabel}
              </Text>
            </Combobox.Option>
          )}
        </Combobox.Options>
        <Combobox.Footer>
          <Text size="xs" c="dimmed" role="status">
            {loading ? 'Loading older meetings…' : shownSentence(meetings, hasOlder)}
          </Text>
        </Combobox.Footer>
      </Combobox.Dropdown>
    </Combobox>
  );
}
