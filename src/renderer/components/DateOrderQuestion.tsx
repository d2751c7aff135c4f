import { Alert, SegmentedControl, Text } from '@mantine/core';

export type DateOrder = 'dmy' | 'mdy';

/** What a preview says of a file's date order (every import's preview has it). */
export interface PreviewDateOrder {
  question: string | null;
  settledBy: 'file' | 'choice' | 'none';
  /** The order chosen puts the meeting on a day the chapter does not meet. */
  warning?: string | null | undefined;
}

/**
 * The one question every import asks when a file's dates read both ways (03/04/2026): which order it writes.
 * Once answered it stays on screen with the answer, so a wrong choice can be changed; nothing when the file settles it.
 */
export function DateOrderQuestion({ dateOrder, value, onChange, mt = 'sm' }: { dateOrder: PreviewDateOrder; value: DateOrder | null | undefined; onChange: (order: DateOrder) => void; mt?: 'sm' | 'md' }) {
  const answered = !dateOrder.question && dateOrder.settledBy === 'choice';
  if (!dateOrder.question && !answered) return null;
  const question = dateOrder.question ?? "This file's dates read both ways; they are read as chosen below. Change it if the dates above are not the ones the file means.";
  const warning = answered ? (dateOrder.warning ?? null) : null;
  return (
    <Alert color={answered && !warning ? 'gray' : 'yellow'} mt={mt} title={answered ? 'Dates read as you chose' : 'How does this file write dates?'}>
      <Text size="sm" mb="xs">
        {question}
      </Text>
      {warning && (
        <Text size="sm" mb="xs" fw={500}>
          {warning}
        </Text>
      )}
      <SegmentedControl
        aria-label="Date order"
        data={[
          { value: 'dmy', label: 'Day first (DD/MM/YYYY)' },
          { value: 'mdy', label: 'Month first (MM/DD/YYYY)' },
        ]}
        value={value ?? ''}
        onChange={(v) => onChange(v as DateOrder)}
      />
    </Alert>
  );
}
