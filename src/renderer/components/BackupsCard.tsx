import { Alert, Button, Card, Code, Group, Modal, Select, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ledger } from '../client';
import { useQuery } from '../use-query';
import { chapterZone } from '../chapter-today';
import { formatInstant } from '../../shared/time-zone';
import { backupLimitChoices, backupsUseSentence, fileSize, slipsHeld } from '../backup-sizes';

const reasons: Record<string, string> = {
  startup: 'At start-up',
  'meeting-closed': 'Meeting closed',
  manual: 'By hand',
  'before-restore': 'Before a restore',
  'before-migration': 'Before an upgrade',
};

/** Backups: what there is, take one now, restore one (after a check and a safety copy), show the folder. */
/** `locale`: the chapter's, for the dates and counts (as every other screen writes them). */
export function BackupsCard({ onRestored, locale }: { onRestored: () => Promise<void>; locale: string }) {
  const list = useQuery(() => ledger.listBackups(), []);
  const [restoring, setRestoring] = useState<string | null>(null);
  const chosen = list.data?.backups.find((b) => b.name === restoring);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The limit in MB as the list offers it (0 = no limit); null until the list has loaded.
  const limitMb = list.data ? (list.data.maxBytes === null ? 0 : Math.round(list.data.maxBytes / (1024 * 1024))) : null;
  const when = (takenAt: string) => formatInstant(new Date(takenAt), locale, chapterZone());
  const setLimit = async (value: string | null) => {
    if (value === null) return;
    try {
      await ledger.setBackupLimit({ maxMb: Number(value) });
      notifications.show({ color: 'teal', autoClose: 4000, message: Number(value) === 0 ? 'Backups now have no size limit.' : `Backups may now use at most ${fileSize(Number(value) * 1024 * 1024, locale)}. The oldest go at the next backup; the newest two are always kept.` });
      await list.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const backupNow = async () => {
    setBusy(true);
    try {
      const b = await ledger.backupNow();
      notifications.show({ color: 'teal', message: `Backed up: ${b.name}` });
      await list.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const restore = async () => {
    if (!restoring) return;
    setBusy(true);
    try {
      const { restored, safetyCopy } = await ledger.restoreBackup({ name: restoring });
      setRestoring(null);
      notifications.show({ color: 'teal', message: `Restored the backup of ${when(restored.takenAt)}. The file as it was is kept as ${safetyCopy.name}.` });
      await list.reload();
      await onRestored();
    } catch (e) {
      setError((e as Error).message);
      setRestoring(null);
    } finally {
      setBusy(false);
    }
  };
  const reveal = async () => {
    const { folder } = await ledger.revealBackupsFolder();
    notifications.show({ message: `Backups folder: ${folder}` });
  };

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Backups</Title>
        <Group>
          <Button variant="default" onClick={reveal}>
            Show folder
          </Button>
          <Button onClick={backupNow} loading={busy}>
            Back up now
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Taken at start-up, whenever a meeting closes, and before any upgrade. The last 10 are kept, plus one a month for a year, within the size limit below.
        {list.data && (
          <>
            {' '}
            Folder: <Code>{list.data.folder}</Code>
          </>
        )}
      </Text>
      <Group align="flex-end" mb="sm" gap="md">
        <Select
          label="Backups may use at most"
          data={backupLimitChoices(limitMb, locale)}
          value={limitMb === null ? null : String(limitMb)}
          onChange={setLimit}
          allowDeselect={false}
          w={240}
          disabled={limitMb === null}
        />
        {list.data && (
          <Text size="sm" c={list.data.maxBytes !== null && list.data.totalBytes > list.data.maxBytes ? 'orange.8' : undefined} data-testid="backups-use">
            {backupsUseSentence(list.data.backups.map((b) => b.bytes), list.data.maxBytes, locale)}
          </Text>
        )}
      </Group>
      {error && (
        <Alert color="red" mb="sm" role="alert" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {list.data && list.data.backups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No backup yet. Press Back up now to take the first.
        </Text>
      ) : (
        <Table aria-label="Backups" verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Holds</Table.Th>
              <Table.Th ta="right">Size</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.backups ?? []).map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{when(b.takenAt)}</Table.Td>
                <Table.Td>{reasons[b.reason] ?? b.reason}</Table.Td>
                <Table.Td>{b.chapterName === null ? 'Cannot be read' : `${b.chapterName} · ${slipsHeld(b.slipCount ?? 0, locale)}`}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{fileSize(b.bytes, locale)}</Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="subtle" onClick={() => setRestoring(b.name)} aria-label={`Restore the backup of ${when(b.takenAt)}`}>
                    Restore…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={restoring !== null} onClose={() => setRestoring(null)} title="Restore this backup?">
        {chosen && (
          <Text size="sm" mb="xs" fw={500}>
            {chosen.chapterName ?? 'A backup that cannot be read'}, as it was on {when(chosen.takenAt)}
            {chosen.slipCount !== null ? ` (${slipsHeld(chosen.slipCount, locale)})` : ''}.
          </Text>
        )}
        <Text size="sm">
          The backup is checked first. The chapter file as it is now is backed up before it is replaced, so this can be undone by restoring that copy.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setRestoring(null)}>
            Cancel
          </Button>
          <Button color="orange" onClick={restore} loading={busy}>
            Restore
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}
