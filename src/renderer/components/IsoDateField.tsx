// One typed date field for every date in the leadership screens: the text is kept exactly as typed,
// said back in words when it is a real day, and refused under the field when it is not (never rolled
// over, never read month-first, never snapped back to the old value). Same rule as the Meeting date.
import { TextInput, type TextInputProps } from '@mantine/core';
import { isRealIsoDate } from '../../shared/fields';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value?: string | null;
  /** The typed text ('' when cleared); the form checks it with datedFieldProblem. */
  onChange: (value: string) => void;
  /** No line under the field (a compact From/To pair): the day in words goes in its tooltip instead. */
  quiet?: boolean;
};

export function readableDay(text: string): string {
  const day = text.trim();
  if (!isRealIsoDate(day)) return '';
  return new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function IsoDateField({ value, onChange, description, quiet = false, ...rest }: Props) {
  const text = value ?? '';
  const readable = readableDay(text);
  return (
    <TextInput
      placeholder="YYYY-MM-DD"
      autoComplete="off"
      title={quiet ? readable || 'Written YYYY-MM-DD, e.g. 2026-11-14' : undefined}
      {...rest}
      description={quiet ? undefined : readable || description || 'Written YYYY-MM-DD, e.g. 2026-11-14'}
      value={text}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
