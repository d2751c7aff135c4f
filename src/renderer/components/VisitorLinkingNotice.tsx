import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useStableCallback } from '../use-stable-callback';

/** How often a screen asks again while earlier visitor slips are being matched (it refreshes itself until none is left). */
export const visitorLinkingRefreshMs = 3000;

/**
 * Shown while a backlog of visitor slips (an older chapter file's whole history, a large import) is
 * being matched to the people behind them. Says plainly that the visitor lists and counts below are
 * not complete yet and how many slips remain; the screen asks again every few seconds and the
 * notice goes once none is left. Slips saved since (tonight's visitors) are matched when saved, so
 * they are always listed.
 */
export function VisitorLinkingNotice({ waiting, onLookAgain }: { waiting: number; onLookAgain: () => void }) {
  const lookAgain = useStableCallback(onLookAgain);
  const matching = waiting > 0;
  useEffect(() => {
    if (!matching) return undefined;
    const timer = setInterval(lookAgain, visitorLinkingRefreshMs);
    return () => clearInterval(timer);
  }, [matching, lookAgain]);
  if (waiting === 0) return null;
  return (
    <Alert color="orange" title="The visitor lists are not complete yet" role="status">
      <Group justify="space-between" align="center" gap="sm" wrap="nowrap">
        <Text size="sm">
          {waiting.toLocaleString()} visitor {waiting === 1 ? 'slip' : 'slips'} from earlier meetings {waiting === 1 ? 'is' : 'are'} still being matched to the visitors behind them, oldest
          first. Until then the visitors below, and their counts, are only those matched so far (a visitor typed or imported now is matched as it is saved). This screen
          refreshes itself until the matching is done — nothing needs doing meanwhile.
        </Text>
        <Button size="xs" variant="light" onClick={onLookAgain} style={{ flexShrink: 0 }}>
          Look again
        </Button>
      </Group>
    </Alert>
  );
}

/** A count of visitors as it may be shown: "so far" while earlier slips are still being matched. */
export function visitorCount(n: number, waiting: number, noun: [string, string] = ['visitor', 'visitors']): string {
  return `${n.toLocaleString()} ${n === 1 ? noun[0] : noun[1]}${waiting > 0 ? ' so far' : ''}`;
}
