import { Alert, Text } from '@mantine/core';
import type { FileReadAs } from '../../shared/contract';

/**
 * How the file was read, at the top of every import preview: "Read as UTF-8 text", or, for a file
 * that is not UTF-8, a yellow note "Read as Windows-1252 text …" with names as they were read, so
 * a wrongly read name is seen before anything is imported.
 */
export function ReadAs({ readAs }: { readAs: FileReadAs }) {
  if (readAs.encoding === 'Windows-1252') {
    return (
      <Alert color="yellow" mt="xs" p="xs" aria-label="How the file was read">
        <Text size="sm">{readAs.sentence}</Text>
      </Alert>
    );
  }
  return (
    <Text size="sm" c="dimmed" mt="xs" aria-label="How the file was read">
      {readAs.sentence}
    </Text>
  );
}
