import { Alert, SegmentedControl, Text } from '@mantine/core';

export type DateOrder = 'dmy' | 'mdy';

/** The one question every import asks when a file's dates read both ways (03/04/2026): which order it writes. */
export function DateOrderQuestion({ question, value, onChange, mt = 'sm' }: { question: string; value: DateOrder | null | undefined; onChange: (order: DateOrder) => void; mt?: 'sm' | 'md' }) {
  return (
    <Alert color="yellow" mt={mt} title="How does this file write dates?">
      <Text size="sm" mb="xs">
        {question}
      </Text>
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
