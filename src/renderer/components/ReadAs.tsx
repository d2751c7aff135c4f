import { Alert, NativeSelect, Text } from '@mantine/core';
import type { FileReadAs } from '../../shared/contract';
import { isLegacyEncoding, legacyEncodingNames, legacyEncodings, type LegacyEncoding } from '../../shared/text-encodings';

const readings = legacyEncodingNames.map((name) => ({ value: name, label: `${name} — ${legacyEncodings[name].region}` }));

/**
 * How the file was read, at the top of every import preview: "Read as UTF-8 text", or, for a file
 * that is not UTF-8, a yellow note "Read as Windows-1250 text …" with names as they were read, and a
 * "Read as" choice of the other Windows code pages, so a wrongly read name is seen and put right
 * before anything is imported (the import reads the file the way chosen here).
 */
export function ReadAs({ readAs, onReadAs, disabled }: { readAs: FileReadAs; onReadAs?: (encoding: LegacyEncoding) => void; disabled?: boolean }) {
  if (isLegacyEncoding(readAs.encoding)) {
    return (
      <Alert color="yellow" mt="xs" p="xs" aria-label="How the file was read">
        <Text size="sm">{readAs.sentence}</Text>
        {onReadAs && (
          <NativeSelect
            mt="xs"
            size="xs"
            maw={680}
            label="Read as"
            description="The names above change as you choose; nothing is imported until you confirm."
            data={readings}
            value={readAs.encoding}
            disabled={disabled}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              if (isLegacyEncoding(chosen)) onReadAs(chosen);
            }}
          />
        )}
      </Alert>
    );
  }
  return (
    <Text size="sm" c="dimmed" mt="xs" aria-label="How the file was read">
      {readAs.sentence}
    </Text>
  );
}
