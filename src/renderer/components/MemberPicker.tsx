import { Combobox, Group, InputBase, Text, useCombobox } from '@mantine/core';
import { forwardRef, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { foldName } from '../../shared/names';

export interface PickableMember {
  id: string;
  name: string;
  company: string;
  classificationName: string;
}

/**
 * Choices for someone outside the chapter, offered below the members in pickers that allow them.
 * Their ids are not member ids (they start with "@"), so the slip bar knows to ask for the party.
 */
export const outsideChoices: PickableMember[] = [
  { id: '@other_chapter', name: 'Other chapter…', company: 'a member of another chapter', classificationName: 'name and chapter' },
  { id: '@visitor', name: 'Visitor…', company: 'someone visiting, not a member', classificationName: 'name' },
  { id: '@bni', name: 'BNI', company: "BNI Connect's BNI account", classificationName: 'outside the chapter' },
];
export const isOutsideChoice = (id: string | null | undefined): boolean => !!id && id.startsWith('@');

/** Lower case without accents or apostrophes, so "jose muller" finds José Müller-Łukasz and "obrien" Tom O'Brien. */
const fold = foldName;

/**
 * Every word typed must appear in the name, company or classification: "dan real" finds Dana Ruiz, realtor.
 * The closest come first, so Enter takes the member meant: the name exactly as typed, then names whose
 * words are the words typed ("olumide 9" → Olumide Murphy 9 before Olumide Murphy 89), then names with words
 * that begin with them, then companies or classifications that do, then any containing them; the roster's
 * order within each.
 */
export function matchMembers(members: PickableMember[], search: string): PickableMember[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return members;
  const whole = words.join(' ');
  const ranked: Array<{ member: PickableMember; rank: number; at: number }> = [];
  members.forEach((m, at) => {
    const name = fold(m.name);
    const haystack = `${name} ${fold(m.company)} ${fold(m.classificationName)}`;
    if (!words.every((w) => haystack.includes(w))) return;
    if (name === whole) return void ranked.push({ member: m, rank: 0, at });
    const nameWords = name.split(' ');
    const allWords = haystack.split(' ');
    // Per word typed: 0 a whole word of the name, 1 the start of a word of the name, 2 the start of a word of
    // the company or classification, 3 inside a word. "gre" is Greg before Oliver Grant of Greenline, "pri"
    // Priya before Novak Print: the secretary types the person's name, the company only to tell two apart.
    const rank = words.reduce((sum, w) => sum + (nameWords.includes(w) ? 0 : nameWords.some((h) => h.startsWith(w)) ? 1 : allWords.some((h) => h.startsWith(w)) ? 2 : 3), 1);
    ranked.push({ member: m, rank, at });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.at - b.at).map((r) => r.member);
}

/**
 * The outside choice whose name begins with what was typed ("visi" → Visitor…, "other" → Other chapter…,
 * "bni"), when no member matches: typing the choice's own word is choosing it. Two letters at least.
 */
export function outsideChoiceTyped(search: string): PickableMember | null {
  const typed = fold(search);
  if (typed.length < 2) return null;
  return outsideChoices.find((c) => fold(c.name).startsWith(typed)) ?? null;
}

interface Props {
  label: string;
  members: PickableMember[];
  value: string | null;
  /** `typed` is what the secretary had typed when an outside choice was taken (a name to keep). */
  onChange: (id: string | null, typed?: string) => void;
  /** Offer "Other chapter…", "Visitor…" and "BNI" below the members (slips that may have an outsider). */
  outside?: boolean;
  error?: string | undefined;
  placeholder?: string;
  /** Enter took the highlighted match: the slip bar moves on to the next field (like Tab). */
  onEnterPick?: (id: string) => void;
  /** The field's name in a refusal, so the slip bar can put the cursor back here (data-slip-field). */
  fieldName?: string;
  /** Changed by the slip bar when it is emptied or refilled: what was typed here goes, the list closes. */
  resetKey?: number;
}

/**
 * Type-ahead for a member, built for speed: the first match is highlighted as you type, and Enter
 * or Tab takes it (Tab also moves on), so "dan⇥" fills the field.
 */
export const MemberPicker = forwardRef<HTMLInputElement, Props>(function MemberPicker(
  { label, members: roster, value, onChange, error, placeholder, onEnterPick, fieldName, outside, resetKey },
  ref,
) {
  const members = useMemo(() => (outside ? [...roster, ...outsideChoices] : roster), [roster, outside]);
  // ArrowDown in the empty field opens the whole roster to browse; typing narrows it as before.
  const [browsing, setBrowsing] = useState(false);
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setBrowsing(false);
    },
  });
  const selected = members.find((m) => m.id === value) ?? null;
  const [search, setSearch] = useState(selected?.name ?? '');
  // A member chosen from outside (an edit, Enter) shows its name; one cleared from outside empties the field.
  // Typing over the selected name clears the member too, but the letter just typed stays (it was wiped:
  // "pri" became "ri" and took Rachel Adams).
  const typedOver = useRef(false);
  useEffect(() => {
    if (selected) setSearch(selected.name);
    else if (!typedOver.current) setSearch('');
    typedOver.current = false;
  }, [selected?.name]);
  // The bar emptied (a slip saved, Esc) or refilled (an edit): start afresh, in the same frame (no name
  // typed for the last slip is ever seen in the next one).
  const [resetSeen, setResetSeen] = useState(resetKey);
  if (resetSeen !== resetKey) {
    setResetSeen(resetKey);
    setSearch(selected?.name ?? '');
  }
  const firstReset = useRef(resetKey);
  useLayoutEffect(() => {
    if (resetKey !== firstReset.current && combobox.dropdownOpened) combobox.closeDropdown();
  }, [resetKey]);
  const typed = selected && search === selected.name ? '' : search;
  /** The list is shown: a name typed, or the roster browsed. A hidden list offers nothing (Enter took an unseen member). */
  const listed = typed !== '' || browsing;
  // Members first; the outside choices always follow, so a name that is no member's can become one.
  const matches = useMemo(() => (!listed ? [] : [...(typed ? matchMembers(roster, typed).slice(0, 12) : roster), ...(outside ? outsideChoices : [])]), [roster, typed, outside, listed]);
  const memberMatches = matches.filter((m) => !isOutsideChoice(m.id)).length;
  // The first member is highlighted; when no member matches nothing is, so a mistyped name never
  // becomes someone outside the chapter by Enter: the secretary arrows down to "Other chapter…".
  // The one exception: the choice's own word typed ("Visitor", "BNI") highlights that choice.
  const choiceTyped = outside && memberMatches === 0 ? outsideChoiceTyped(typed) : null;
  useEffect(() => {
    if (!combobox.dropdownOpened) return;
    if (memberMatches > 0) combobox.selectFirstOption();
    else if (choiceTyped) combobox.selectOption(matches.indexOf(choiceTyped));
    else combobox.resetSelectedOption();
  }, [typed, combobox.dropdownOpened, memberMatches, choiceTyped]);

  const take = (id: string) => {
    // The choice's own word ("visi") is no one's name: the name field starts empty.
    onChange(id, isOutsideChoice(id) && outsideChoiceTyped(typed)?.id !== id ? typed : undefined);
    setSearch(members.find((m) => m.id === id)?.name ?? '');
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={take} withinPortal={false}>
      <Combobox.Target>
        <InputBase
          ref={ref}
          data-slip-field={fieldName}
          label={label}
          value={search}
          error={error}
          placeholder={placeholder ?? 'Name, company or classification'}
          autoComplete="off"
          rightSection={<Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setBrowsing(false);
            if (value) {
              typedOver.current = true;
              onChange(null);
            }
            combobox.openDropdown();
          }}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
          onBlur={() => {
            combobox.closeDropdown();
            if (!value) return;
            setSearch(selected?.name ?? '');
          }}
          onKeyDown={(event) => {
            // Enter in an open list takes the highlighted match (the first if none) and tells the
            // slip bar, which moves on to the next field: Enter in a list never saves.
            // ArrowDown or ArrowUp in the empty field: the roster, the first member highlighted (Mantine opens the list).
            if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && typed === '' && !browsing) setBrowsing(true);
            if (event.key === 'Enter' && !event.nativeEvent.isComposing && combobox.dropdownOpened && listed) {
              const chosen = matches[combobox.getSelectedOptionIndex()] ?? matches.find((m) => !isOutsideChoice(m.id));
              if (chosen) {
                event.preventDefault();
                // Mantine's own Enter handling runs after this one: with no option selected it does nothing.
                combobox.resetSelectedOption();
                take(chosen.id);
                onEnterPick?.(chosen.id);
              } else {
                // Nobody matches what was typed: stay here with the list open, never save a half slip.
                event.preventDefault();
                event.stopPropagation();
              }
              return;
            }
            if (event.key === 'Tab' && !event.shiftKey && combobox.dropdownOpened && typed !== '') {
              const first = matches[0];
              if (first && !value && !isOutsideChoice(first.id)) take(first.id);
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!listed}>
        <Combobox.Options>
          {/* Mantine keeps a closed list in the page (hidden); its options are drawn only while it is open:
              emptying the bar after each Enter used to redraw 15 hidden options in each picker. */}
          {combobox.dropdownOpened && typed !== '' && memberMatches === 0 && <Combobox.Empty>No member matches "{typed}"{outside ? ': someone outside the chapter? Choose below (↓).' : ''}</Combobox.Empty>}
          {combobox.dropdownOpened && matches.map((m) => (
            <Combobox.Option value={m.id} key={m.id}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fs={isOutsideChoice(m.id) ? 'italic' : undefined}>
                  {m.name}
                </Text>
                {/* Inherits the option's colour, so it stays readable on the highlighted (green) option. */}
                <Text size="xs" opacity={0.8} truncate>
                  {m.company} · {m.classificationName}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
});
