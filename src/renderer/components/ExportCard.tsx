import { Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconTableExport } from '@tabler/icons-react';
import { useState } from 'react';
import { ledger } from '../client';

/** Everything out: every table as CSV, or a complete copy of the chapter file for another computer. */
export function ExportCard() {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (what: string, action: () => Promise<string>) => {
    setBusy(what);
    try {
      notifications.show({ color: 'teal', message: await action(), autoClose: 8000 });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card withBorder padding="lg">
      <Title order={4}>Export</Title>
      <Text size="sm" c="dimmed" mb="md">
        Every table as a CSV file (UTF-8, header row, ISO dates, money with two decimals, three for KWD-style currencies), or a complete copy of the chapter file that Chapter Ledger opens on another computer (File → Open chapter file…).
      </Text>
      <Group>
        <Button
          variant="light"
          leftSection={<IconTableExport size={16} />}
          loading={busy === 'csv'}
          onClick={() => run('csv', async () => {
            const { folder, files } = await ledger.exportAllTables();
            return `${files.length} CSV files (${files.reduce((s, f) => s + f.rows, 0)} rows) written to ${folder}`;
          })}
        >
          Export every table as CSV
        </Button>
        <Button
          variant="light"
          leftSection={<IconDatabaseExport size={16} />}
          loading={busy === 'copy'}
          onClick={() => run('copy', async () => {
            const { file, bytes } = await ledger.exportChapterFile();
            return `Chapter file copied to ${file} (${(bytes / 2 ** 20).toFixed(1)} MB)`;
          })}
        >
          Save a copy of the chapter file
        </Button>
      </Group>
    </Card>
  );
}
