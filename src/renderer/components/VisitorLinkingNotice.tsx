import { Alert, Button, Group, Text } from '@mantine/core';

/**
 * Shown while a backlog of visitor slips (an older chapter file's whole history, a large import) is
 * being linked to the people behind them: the lists show who is linked so far, the rest follows.
 */
export function VisitorLinkingNotice({ waiting, onLookAgain }: { waiting: number; onLookAgain: () => void }) {
  if (waiting === 0) return null;
  return (
    <Alert color="blue" title="Still matching earlier visitor slips to people">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">
          {waiting.toLocaleString()} visitor {waiting === 1 ? 'slip is' : 'slips are'} still being matched to the visitors behind them, oldest first. The lists below show everyone matched so far; the rest
          join them in the next minutes, and nothing needs doing meanwhile.
        </Text>
        <Button size="xs" variant="light" onClick={onLookAgain}>
          Look again
        </Button>
      </Group>
    </Alert>
  );
}
