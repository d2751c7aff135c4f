// Chapter files as documents, in the window: the File menu (New chapter…, Open recent, Explore the
// demo), the recent list of the start screen, and the New chapter dialog. Electron's native File menu
// calls the same contract methods. Every switch reloads the window on the Meeting screen, so nothing
// of the previous chapter stays on screen.
import { Alert, Badge, Button, Group, Menu, Modal, Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconFilePlus, IconFolderOpen, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import type { RecentChapterOut } from '../../shared/contract';
import { ledger } from '../client';
import { useQuery } from '../use-query';

export function reloadOnMeetingScreen(): void {
  window.location.hash = '#/meeting';
  window.location.reload();
}

const fileNameOf = (file: string) => file.split(/[\\/]/).pop() ?? file;
export const recentLabel = (r: RecentChapterOut) => `${r.chapterName ?? 'No chapter yet'} — ${fileNameOf(r.file)}`;

/** The header's File menu. */
export function FileMenu({ isDemo }: { isDemo: boolean }) {
  // The recent list is read when the menu opens (and each time it opens), not as the window opens: at
  // start-up it was one more request in the queue before the Meeting screen's data.
  const [wanted, setWanted] = useState(false);
  const recent = useQuery(() => (wanted ? ledger.listRecentChapters() : Promise.resolve(undefined)), [wanted]);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      reloadOnMeetingScreen();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const others = (recent.data?.files ?? []).filter((r) => !r.open);
  return (
    <>
      <Group gap="xs" wrap="nowrap">
        {isDemo && (
          <Tooltip label="This is the demo chapter's own file. Your chapter file is not touched; open it from File → Open recent.">
            <Badge color="orange" size="lg" variant="filled" aria-label="Demo chapter — not your data">
              Demo chapter — not your data
            </Badge>
          </Tooltip>
        )}
        <Menu position="bottom-end" onOpen={() => (wanted ? void recent.reload() : setWanted(true))}>
          <Menu.Target>
            <Button variant="default" size="xs" rightSection={<IconChevronDown size={14} />}>
              File
            </Button>
          </Menu.Target>
          <Menu.Dropdown aria-label="File">
            <Menu.Item leftSection={<IconFilePlus size={16} />} onClick={() => setCreating(true)}>
              New chapter…
            </Menu.Item>
            <Menu.Label>Open recent</Menu.Label>
            {!recent.data && <Menu.Item disabled>Reading the list…</Menu.Item>}
            {recent.data && others.length === 0 && <Menu.Item disabled>No other recent chapters</Menu.Item>}
            {others.map((r) => (
              <Menu.Item key={r.file} leftSection={<IconFolderOpen size={16} />} disabled={r.missing} onClick={() => void run(() => ledger.openRecentChapter({ file: r.file }))}>
                {recentLabel(r)}
                {r.missing ? ' (moved or deleted)' : ''}
              </Menu.Item>
            ))}
            <Menu.Divider />
            <Menu.Item leftSection={<IconSparkles size={16} />} disabled={isDemo} onClick={() => void run(() => ledger.openDemoChapter())}>
              Explore the demo chapter
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {error && (
        <Modal opened onClose={() => setError(null)} title="That chapter file cannot be opened">
          <Alert color="red" role="alert">
            {error}
          </Alert>
        </Modal>
      )}
      <NewChapterDialog opened={creating} onClose={() => setCreating(false)} folder={recent.data?.newFilesFolder ?? null} />
    </>
  );
}

/** Asks the new file's name (Electron then asks where, in its save dialog). */
export function NewChapterDialog({ opened, onClose, folder }: { opened: boolean; onClose: () => void; folder: string | null }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      await ledger.newChapterFile({ fileName: name });
      reloadOnMeetingScreen();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New chapter">
      <form
        aria-label="New chapter"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <Stack>
          <Text size="sm">
            A new, empty chapter file. The chapter open now is closed as it is; it stays under File → Open recent.
          </Text>
          <TextInput label="File name" description={folder ? `Saved in ${folder}` : undefined} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} data-autofocus placeholder="Harbour Connectors" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create and open
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The start screen's list of the other chapter files opened on this computer. */
export function RecentChaptersList() {
  const recent = useQuery(() => ledger.listRecentChapters(), []);
  const [error, setError] = useState<string | null>(null);
  const others = (recent.data?.files ?? []).filter((r) => !r.open);
  if (others.length === 0) return null;
  return (
    <Stack gap="xs" role="region" aria-label="Recent chapters">
      <Text fw={600}>Open a recent chapter</Text>
      {others.map((r) => (
        <UnstyledButton
          key={r.file}
          disabled={r.missing}
          onClick={async () => {
            setError(null);
            try {
              await ledger.openRecentChapter({ file: r.file });
              reloadOnMeetingScreen();
            } catch (e) {
              setError((e as Error).message);
            }
          }}
          style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, padding: '8px 12px', opacity: r.missing ? 0.6 : 1 }}
          aria-label={`Open ${recentLabel(r)}`}
        >
          <Text fw={500}>{r.chapterName ?? 'No chapter yet'}</Text>
          <Text size="xs" c="dimmed">
            {r.file}
            {r.missing ? ' — moved or deleted' : ''}
          </Text>
        </UnstyledButton>
      ))}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
