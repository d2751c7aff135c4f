import { Alert, SegmentedControl, Text } from '@mantine/core';

export type DateOrder = 'dmy' | 'mdy';

/**
 * The one question every import asks when a file's dates read both ways (03/04/2026): which order it writes.
 * Once answered (`answered`), it stays on screen with the answer, so a wrong choice can be changed (`warning`: why to look again).
 */
export function DateOrderQuestion({ question, value, onChange, mt = 'sm', answered = false, warning = null }: { question: string; value: DateOrder | null | undefined; onChange: (order: DateOrder) => void; mt?: 'sm' | 'md'; answered?: boolean; warning?: string | null }) {
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
