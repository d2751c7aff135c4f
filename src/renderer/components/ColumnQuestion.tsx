import { Alert, Select, SimpleGrid, Text } from '@mantine/core';

/** The question every import asks (Slips Audit, roster, attendance report) about headers it does not recognise. */
export interface ColumnQuestionShape<F extends string> {
  headers: string[];
  blocking: boolean;
  message: string;
  fields: Array<{ field: F; label: string; required: boolean; at: number }>;
}

/** Which of the file's columns is which, when a header is not one the ledger recognises: one select per field, the file's own headers. */
export function ColumnQuestion<F extends string>({ question, onChoose }: { question: ColumnQuestionShape<F>; onChoose: (field: F, index: number) => void }) {
  const options = [{ value: '-1', label: '(not in this file)' }, ...question.headers.map((h, i) => ({ value: String(i), label: h === '' ? `Column ${i + 1} (no header)` : `${h} (column ${i + 1})` }))];
  return (
    <Alert color={question.blocking ? 'orange' : 'blue'} title="Which column is which?" aria-label="Which column is which">
      <Text size="sm">{question.message}</Text>
      <SimpleGrid cols={{ base: 2, md: 3 }} mt="sm" spacing="xs">
        {question.fields.map((f) => (
          <Select
            key={f.field}
            label={`${f.label}${f.required ? ' *' : ''}`}
            aria-label={`Column for ${f.label}`}
            data={options}
            value={String(f.at)}
            allowDeselect={false}
            onChange={(v) => v !== null && onChoose(f.field, Number(v))}
            size="xs"
          />
        ))}
      </SimpleGrid>
    </Alert>
  );
}
