import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { datedFieldProblem } from '../../shared/fields';
import { IsoDateField } from './IsoDateField';

/**
 * A file that does not say which meeting it is for: the preview asks for the date, typed YYYY-MM-DD
 * (the shared date field's rule), and reads the file again with it. Kept after the answer so it can be changed.
 */
export function MeetingDateQuestion({
  question,
  given,
  problem,
  onGive,
}: {
  question: { message: string; blocking: boolean; warning: string | null };
  /** The date in use ('' until one is given). */
  given: string;
  /** The ledger's refusal of the date given (a day after today), shown under the field. */
  problem: string | null;
  onGive: (meetingOn: string) => void;
}) {
  const [typed, setTyped] = useState(given);
  const [error, setError] = useState<string | null>(null);
  const use = () => {
    const wrong = datedFieldProblem('Meeting date', typed, true);
    setError(wrong);
    if (!wrong) onGive(typed.trim());
  };
  return (
    <Alert color={question.blocking ? 'orange' : 'blue'} title="Which meeting is this file for?" aria-label="Which meeting is this file for">
      <Text size="sm">{question.message}</Text>
      <Group align="flex-start" mt="sm" gap="xs">
        <IsoDateField
          label="Meeting date"
          required
          w={260}
          value={typed}
          onChange={(v) => {
            setTyped(v);
            setError(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && use()}
          error={error ?? problem ?? undefined}
        />
        <Button mt={24} onClick={use} variant={question.blocking ? 'filled' : 'light'}>
          {question.blocking ? 'Use this date' : 'Change the date'}
        </Button>
      </Group>
      {question.warning && (
        <Text size="sm" c="orange.8" mt="xs" role="status">
          {question.warning}
        </Text>
      )}
    </Alert>
  );
}
