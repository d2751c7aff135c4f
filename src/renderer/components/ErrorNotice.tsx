import { Alert, Button, Center } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

export function ErrorNotice({ error, onRetry }: { error: Error | null; onRetry?: () => void }) {
  return (
    <Center p="xl">
      <Alert color="red" icon={<IconAlertTriangle />} title="Chapter Ledger could not load this" maw={560}>
        {error?.message ?? 'Unknown error.'}
        {onRetry && (
          <Button mt="md" variant="light" color="red" onClick={onRetry} display="block">
            Try again
          </Button>
        )}
      </Alert>
    </Center>
  );
}
