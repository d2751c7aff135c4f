import { Drawer, Loader, Stack, Text, Timeline } from '@mantine/core';
import { memo, useEffect, useState } from 'react';
import type { AuditEntry } from '../../shared/contract';
import { formatInstant, storedInstant } from '../../shared/time-zone';
import { chapterLocale, chapterZone } from '../chapter-today';
import { ledger } from '../client';

/** When, in the chapter's time zone with its abbreviation, as the Audit log shows it. */
const localTime = (at: string) => {
  const instant = storedInstant(at);
  return Number.isNaN(instant.getTime()) ? at : formatInstant(instant, chapterLocale(), chapterZone());
};

/**
 * One slip's own history, from the audit log (listAuditLog by the slip's id): recorded, changed (from
 * what to what), deleted, brought back, and the import that created it, each with its reason, newest
 * first. `title` names the slip as the list does; `slipId` null keeps the drawer closed.
 */
export const SlipHistoryDrawer = memo(function SlipHistoryDrawer({ slipId, title, onClose }: { slipId: string | null; title: string; onClose: () => void }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setEntries(null);
    setProblem(null);
    if (!slipId) return;
    let current = true;
    ledger
      .listAuditLog({ entityId: slipId, limit: 500 })
      .then((list) => current && setEntries(list))
      .catch((e) => current && setProblem((e as Error).message));
    return () => {
      current = false;
    };
  }, [slipId]);
  return (
    <Drawer opened={slipId !== null} onClose={onClose} position="right" size="lg" title={title}>
      {problem ? (
        <Text c="red" size="sm">
          {problem}
        </Text>
      ) : !entries ? (
        <Loader size="sm" />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Every change to this slip, newest first, as the audit log keeps it.
          </Text>
          <Timeline bulletSize={12} lineWidth={2} aria-label="History of this slip">
            {entries.map((e) => (
              <Timeline.Item key={`${e.at}-${e.seq}`} title={<Text size="sm">{e.summary}</Text>}>
                <Text size="xs" c="dimmed">
                  {localTime(e.at)}
                  {e.reason ? ` · Reason: ${e.reason}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Drawer>
  );
});
