import { ActionIcon, Alert, Button, Card, Checkbox, Code, Group, Loader, Modal, NativeSelect, Stack, Table, Tabs, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Chapter, Classification, ContactSphere } from '../../shared/contract';
import { LedgerError } from '../../shared/errors';
import { ledger } from '../client';
import { ChapterForm } from '../components/ChapterForm';
import { ScorecardProfileCard } from '../components/ScorecardProfileCard';
import { BackupsCard } from '../components/BackupsCard';
import { ExportCard } from '../components/ExportCard';
import { ClassificationRow } from '../components/ClassificationRow';
import { useQuery } from '../use-query';
import { useStableCallback } from '../use-stable-callback';
import { settingsTabs } from '../../shared/screens';

type SettingsTab = (typeof settingsTabs)[number]['value'];

const tabFromHash = (): SettingsTab => {
  const part = window.location.hash.replace(/^#\/settings\/?/, '');
  return settingsTabs.find((t) => t.value === part)?.value ?? 'chapter';
};

// One tab at a time: the page was four long cards (a sixty-seat chapter's rows pushed Backups far down)
// and drawing them all made Settings the slowest screen to open (issue 16). A tab once opened stays
// drawn (hidden) while Settings is open, so an unsaved scorecard profile is not dropped by a look at Backups.
export function SettingsScreen({ chapter, databaseFile, onChanged }: { chapter: Chapter; databaseFile: string; onChanged: () => Promise<void> }) {
  const [tab, setTab] = useState<SettingsTab>(tabFromHash);
  // A restore replaces the whole chapter file: every tab is drawn again from it, so no form still holds (and
  // could save back) what the file said before.
  const [restores, setRestores] = useState(0);
  const [opened, setOpened] = useState<ReadonlySet<SettingsTab>>(() => new Set([tabFromHash()]));
  useEffect(() => {
    const onChange = () => {
      if (!window.location.hash.startsWith('#/settings')) return;
      const next = tabFromHash();
      setTab(next);
      setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const choose = (value: string | null) => {
    const next = settingsTabs.find((t) => t.value === value)?.value;
    if (next) window.location.hash = next === 'chapter' ? '#/settings' : `#/settings/${next}`;
  };
  const panel = (value: SettingsTab, content: () => React.ReactNode) => (
    <Tabs.Panel value={value} pt="md">
      {opened.has(value) ? (
        <Stack gap="lg" key={restores}>
          {content()}
        </Stack>
      ) : null}
    </Tabs.Panel>
  );
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>Settings</Title>
      {/* Hidden with display: none, not React's Activity (Mantine's default): Activity runs a hidden tab's
          effects' clean-ups, which dropped an unsaved scorecard profile and its leave question. */}
      <Tabs value={tab} onChange={choose} keepMounted keepMountedMode="display-none">
        <Tabs.List>
          {settingsTabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {panel('chapter', () => (
          <>
            <Card withBorder padding="lg">
              <Title order={4} mb="md">
                Chapter
              </Title>
              <ChapterForm
                chapter={chapter}
                guardLeaving
                submitLabel="Save chapter"
                onSaved={async () => {
                  notifications.show({ color: 'teal', message: 'Chapter details saved.' });
                  await onChanged();
                }}
              />
            </Card>
            <Card withBorder padding="lg">
              <Title order={4} mb="xs">
                Chapter file
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                Everything lives in this one file on this computer. Back it up with the rest of your documents.
              </Text>
              <Code block>{databaseFile}</Code>
            </Card>
          </>
        ))}
        {panel('seats', () => <ClassificationsCard />)}
        {panel('scorecard', () => <ScorecardProfileCard />)}
        {panel('backups', () => (
          <>
            <BackupsCard
              locale={chapter.locale}
              onRestored={async () => {
                await onChanged();
                setRestores((n) => n + 1);
              }}
            />
            <ExportCard />
          </>
        ))}
      </Tabs>
    </Stack>
  );
}

/** Contact spheres and their classifications: the chapter's seats. */
function ClassificationsCard() {
  const spheres = useQuery(() => ledger.listContactSpheres(), []);
  const classifications = useQuery(() => ledger.listClassifications(), []);
  const [sphereName, setSphereName] = useState('');
  const [sphereError, setSphereError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [sphereId, setSphereId] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const reload = () => Promise.all([spheres.reload(), classifications.reload()]);

  // Enter pressed twice adds once: a second press while the first is saved, or on the box the add just
  // emptied, does nothing (it said "Enter classification name." in red after a seat was added).
  // Each form its own: a sphere being added does not hold a classification's Enter.
  const addingSphere = useRef(false);
  const addingClassification = useRef(false);
  const [sphereJustAdded, setSphereJustAdded] = useState(false);
  const [justAdded, setJustAdded] = useState(false);
  const addOnce = async (adding: { current: boolean }, emptyAfterAdd: boolean, save: () => Promise<void>) => {
    if (adding.current || emptyAfterAdd) return;
    adding.current = true;
    try {
      await save();
    } finally {
      adding.current = false;
    }
  };
  const addSphere = (event: React.FormEvent) => {
    event.preventDefault();
    return addOnce(addingSphere, sphereJustAdded && !sphereName.trim(), async () => {
      try {
        const saved = await ledger.saveContactSphere({ name: sphereName, description: '' });
        setSphereName('');
        setSphereError(null);
        setSphereJustAdded(true);
        notifications.show({ message: `The contact sphere ${saved.name} is added.` });
        await reload();
      } catch (e) {
        setSphereError((e as Error).message);
      }
    });
  };
  const addClassification = (event: React.FormEvent) => {
    event.preventDefault();
    return addOnce(addingClassification, justAdded && !name.trim(), async () => {
      try {
        const saved = await ledger.saveClassification({ name, sphereId });
        setName('');
        setNameError(null);
        setJustAdded(true);
        // Said, since the new row may be far down a sixty-seat list, out of sight.
        const sphere = (spheres.data ?? []).find((sp) => sp.id === sphereId)?.name;
        notifications.show({ message: `${saved.name} is added${sphere ? `, in ${sphere}` : ''}.` });
        await reload();
        document.getElementById('new-classification-name')?.focus();
      } catch (e) {
        setNameError((e as Error).message);
      }
    });
  };
  const move = async (c: Classification, target: string | null) => {
    try {
      await ledger.saveClassification({ id: c.id, name: c.name, sphereId: target });
      await reload();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  };
  const moveTicked = async () => {
    try {
      const moved = await ledger.moveClassificationsToSphere({ classificationIds: ticked, sphereId: moveTo });
      const target = (spheres.data ?? []).find((sp) => sp.id === moveTo)?.name;
      notifications.show({ message: `${moved.length} classification${moved.length === 1 ? '' : 's'} ${target ? `now in ${target}` : 'now without a contact sphere'}.` });
      setTicked([]);
      await reload();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  };
  const remove = async (c: Classification) => {
    try {
      await ledger.deleteClassification({ id: c.id });
      notifications.show({ message: `${c.name} is removed.` });
      await reload();
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof LedgerError ? e.message : String(e) });
    }
  };
  // A sphere that holds classifications is asked about first: removing it takes them all out of it.
  const [confirmingSphere, setConfirmingSphere] = useState<ContactSphere | null>(null);
  const removeSphere = async (s: ContactSphere, confirmed = false) => {
    if (s.classificationCount > 0 && !confirmed) return setConfirmingSphere(s);
    setConfirmingSphere(null);
    try {
      await ledger.deleteContactSphere({ id: s.id });
      // Said, because what it held changes too: its classifications are now in no sphere.
      const held = s.classificationCount;
      notifications.show({ message: `${s.name} is removed${held ? `; its ${held} classification${held === 1 ? ' is' : 's are'} now in no contact sphere` : ''}.` });
      await reload();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  };
  const sphereOptions = useMemo(() => (spheres.data ?? []).map((s) => ({ value: s.id, label: s.name })), [spheres.data]);
  // What every row needs, kept the same between draws so a tick or a typed letter redraws no other row.
  const rowSphereOptions = useMemo(() => [{ value: '', label: 'None' }, ...sphereOptions], [sphereOptions]);
  const tickedSet = useMemo(() => new Set(ticked), [ticked]);
  const tickOne = useCallback((c: Classification, on: boolean) => setTicked((t) => (on ? [...t, c.id] : t.filter((id) => id !== c.id))), []);
  const moveStable = useStableCallback(move);
  const removeStable = useStableCallback(remove);

  return (
    <Card withBorder padding="lg">
      <Title order={4}>Classifications and contact spheres</Title>
      <Text size="sm" c="dimmed" mb="md">
        One seat per classification. A contact sphere (power team) groups classifications that serve the same customers.
      </Text>
      <Group align="flex-start" mb="md" wrap="nowrap">
        <form onSubmit={addSphere} aria-label="Add contact sphere" style={{ flex: 1 }}>
          <Group align="flex-end" gap="xs">
            <TextInput label="New contact sphere" placeholder="e.g. Home & Property" value={sphereName} onChange={(e) => (setSphereName(e.currentTarget.value), setSphereJustAdded(false), setSphereError(null))} error={sphereError} style={{ flex: 1 }} />
            <Button type="submit" variant="light">
              Add sphere
            </Button>
          </Group>
        </form>
        <form onSubmit={addClassification} aria-label="Add classification" style={{ flex: 2 }}>
          <Group align="flex-end" gap="xs">
            <TextInput id="new-classification-name" label="New classification" placeholder="e.g. Real Estate — Residential" value={name} onChange={(e) => (setName(e.currentTarget.value), setJustAdded(false), setNameError(null))} error={nameError} style={{ flex: 1 }} />
            <NativeSelect label="In contact sphere" data={rowSphereOptions} value={sphereId ?? ''} onChange={(e) => setSphereId(e.currentTarget.value || null)} w={200} />
            <Button type="submit">Add classification</Button>
          </Group>
        </form>
      </Group>
      <Modal opened={confirmingSphere !== null} onClose={() => setConfirmingSphere(null)} title={confirmingSphere ? `Remove the contact sphere ${confirmingSphere.name}?` : ''}>
        {confirmingSphere && (
          <Stack>
            <Text size="sm">
              Its {confirmingSphere.classificationCount} classification{confirmingSphere.classificationCount === 1 ? '' : 's'} stay{confirmingSphere.classificationCount === 1 ? 's' : ''}, in no contact sphere; the members keep their seats.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmingSphere(null)} data-autofocus>
                Keep it
              </Button>
              <Button color="red" onClick={() => void removeSphere(confirmingSphere, true)}>
                Remove {confirmingSphere.name}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {(spheres.data ?? []).length > 0 && (
        <Group gap="xs" mb="md">
          {(spheres.data ?? []).map((s) => (
            <Group key={s.id} gap={2} px="xs" py={2} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 999 }}>
              <Text size="sm">
                {s.name} ({s.classificationCount})
              </Text>
              <Tooltip label={`Remove ${s.name}; its classifications stay, without a sphere`}>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Remove sphere ${s.name}`} onClick={() => removeSphere(s)}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
        </Group>
      )}
      {classifications.data === undefined ? (
        // Not "No classifications yet" while the list is still on its way.
        classifications.error ? <Alert color="red">{classifications.error.message}</Alert> : <Loader size="sm" aria-label="Loading the classifications" />
      ) : classifications.data.length === 0 ? (
        <Alert color="blue">No classifications yet. Add the seats your chapter has (or wants to fill) above.</Alert>
      ) : (
        <>
        <Group gap="xs" mb="xs" align="flex-end" aria-label="Move ticked classifications" role="group">
          <Text size="sm" c={ticked.length ? undefined : 'dimmed'}>
            {ticked.length === 0 ? 'Tick classifications to put several in one contact sphere at once.' : `${ticked.length} ticked: put them in`}
          </Text>
          <NativeSelect size="xs" data={[{ value: '', label: 'No contact sphere' }, ...sphereOptions]} value={moveTo ?? ''} onChange={(e) => setMoveTo(e.currentTarget.value || null)} aria-label="Contact sphere for the ticked classifications" w={220} disabled={ticked.length === 0} />
          <Button size="xs" onClick={moveTicked} disabled={ticked.length === 0}>
            Move {ticked.length || ''}
          </Button>
        </Group>
        <Table aria-label="Classifications" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  aria-label="Tick every classification"
                  checked={ticked.length > 0 && ticked.length === (classifications.data ?? []).length}
                  indeterminate={ticked.length > 0 && ticked.length < (classifications.data ?? []).length}
                  onChange={(e) => setTicked(e.currentTarget.checked ? (classifications.data ?? []).map((c) => c.id) : [])}
                />
              </Table.Th>
              <Table.Th>Classification</Table.Th>
              <Table.Th>Contact sphere</Table.Th>
              <Table.Th>Seat</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(classifications.data ?? []).map((c) => (
              <ClassificationRow key={c.id} c={c} ticked={tickedSet.has(c.id)} sphereOptions={rowSphereOptions} onTick={tickOne} onMove={moveStable} onRemove={removeStable} />
            ))}
          </Table.Tbody>
        </Table>
        </>
      )}
    </Card>
  );
}
