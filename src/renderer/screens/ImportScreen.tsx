import { Alert, Button, Card, FileInput, Group, List, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportPreview } from '../../shared/contract';
import { ledger } from '../client';
import { useQuery } from '../use-query';
import { fileToBase64 } from '../files';
import { PalmsReconcile } from '../components/PalmsReconcile';
import { RosterImport } from '../components/RosterImport';

const typeLabels: Array<[keyof ImportPreview['toCreate'], string]> = [
  ['referral', 'Referrals'],
  ['tyfcb', 'TYFCB'],
  ['one_to_one', 'One-to-ones'],
  ['visitor', 'Visitors'],
  ['ceu', 'CEUs'],
];

/** Choose a BNI Connect slips audit export → see what it will do → map unknown names → import, all or nothing. */
function SlipsAuditImport() {
  const members = useQuery(() => ledger.listMembers({ scope: 'all' }), []);
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [aliases, setAliases] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (next: { fileName: string; contentBase64: string }, mapping: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await ledger.previewSlipsAuditImport({ ...next, aliases: mapping }));
    } catch (e) {
      setPreview(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (chosen: File | null) => {
    setDone(null);
    setAliases({});
    if (!chosen) return setFile(null), setPreview(null);
    const next = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
    setFile(next);
    await run(next, {});
  };

  const map = async (name: string, memberId: string | null) => {
    const mapping = { ...aliases };
    if (memberId) mapping[name] = memberId;
    else delete mapping[name];
    setAliases(mapping);
    if (file) await run(file, mapping);
  };

  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await ledger.importSlipsAudit({ ...file, aliases });
      setDone(`Imported ${result.imported} slips into the meeting of ${result.meetingOn}.${result.alreadyImported ? ` ${result.alreadyImported} were already in the ledger and were left as they are.` : ''}`);
      setPreview(null);
      setFile(null);
      await members.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const toCreate = preview ? typeLabels.reduce((sum, [k]) => sum + preview.toCreate[k], 0) : 0;
  const blocking = preview ? preview.problems.filter((p) => !preview.unmatchedNames.some((n) => p.message.includes(`"${n}"`))) : [];

  return (
    <>
      <Text c="dimmed" size="sm">
        BNI Connect's Slips Audit Report for one meeting: the .xls it downloads, or the same report saved as .xlsx or .csv. You see everything it will do before anything is written, and a file imported twice adds nothing the second time.
      </Text>
      <FileInput
        label="Slips audit export"
        placeholder="Choose a file…"
        accept=".xls,.xlsx,.csv,.xml"
        leftSection={<IconFileImport size={16} />}
        onChange={choose}
        clearable
        w={420}
      />
      {error && (
        <Alert color="red" role="alert" title="This file cannot be imported">
          {error}
        </Alert>
      )}
      {done && (
        <Alert color="teal" title="Imported">
          {done} Open it on the Meeting screen.
        </Alert>
      )}
      {preview && (
        <Card withBorder padding="lg" aria-label="Import preview">
          <Title order={4}>
            Meeting of {preview.meetingOn}{' '}
            <Text span c="dimmed" size="sm">
              ({preview.meetingStatus === 'new' ? 'a new meeting, recorded as closed' : `already in the ledger, ${preview.meetingStatus === 'completed' ? 'closed' : preview.meetingStatus}`})
            </Text>
          </Title>
          <Table mt="sm" w={420} aria-label="Slips to create">
            <Table.Tbody>
              {typeLabels.map(([k, label]) => (
                <Table.Tr key={k}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td ta="right">{preview.toCreate[k]}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={600}>New slips</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {toCreate}
                </Table.Td>
              </Table.Tr>
              {preview.alreadyImported > 0 && (
                <Table.Tr>
                  <Table.Td>Already imported before (left alone)</Table.Td>
                  <Table.Td ta="right">{preview.alreadyImported}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          {preview.unmatchedNames.length > 0 && (
            <>
              <Title order={5} mt="md">
                Names that match no member
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                Map each to a member; the ledger remembers it for the next import.
              </Text>
              <Stack gap="xs">
                {preview.unmatchedNames.map((name) => (
                  <Group key={name}>
                    <Text w={200} fw={500}>
                      {name}
                    </Text>
                    <Select
                      aria-label={`Map ${name} to member`}
                      placeholder="Map to member…"
                      searchable
                      clearable
                      w={280}
                      data={(members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }))}
                      value={aliases[name] ?? null}
                      onChange={(v) => void map(name, v)}
                    />
                  </Group>
                ))}
              </Stack>
            </>
          )}
          {Object.keys(aliases).length > 0 && preview.unmatchedNames.length === 0 && (
            <Text size="sm" mt="md">
              Mapped: {Object.entries(aliases).map(([name, id]) => `${name} → ${members.data?.find((m) => m.id === id)?.fullName ?? id}`).join(', ')}
            </Text>
          )}
          {blocking.length > 0 && (
            <Alert color="red" mt="md" title="Problems to fix first">
              <List size="sm">
                {blocking.map((p) => (
                  <List.Item key={p.message}>{p.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {preview.skipped.length > 0 && (
            <Alert color="gray" mt="md" title="Rows that will be skipped">
              <List size="sm">
                {preview.skipped.map((p) => (
                  <List.Item key={p.message}>{p.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button onClick={confirm} loading={busy} disabled={preview.problems.length > 0 || toCreate === 0}>
              {toCreate === 0 ? 'Nothing new to import' : `Import ${toCreate} slips`}
            </Button>
          </Group>
        </Card>
      )}
    </>
  );
}

type Mode = 'slips' | 'roster' | 'palms';

export function ImportScreen() {
  const [mode, setMode] = useState<Mode>('slips');
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>Import</Title>
      <SegmentedControl
        aria-label="What to import"
        value={mode}
        onChange={(v) => setMode(v as Mode)}
        data={[
          { value: 'slips', label: 'Slips audit (BNI Connect)' },
          { value: 'roster', label: 'Roster' },
          { value: 'palms', label: 'Check against BNI Connect PALMS' },
        ]}
        w={620}
      />
      {mode === 'slips' && <SlipsAuditImport />}
      {mode === 'roster' && <RosterImport />}
      {mode === 'palms' && <PalmsReconcile />}
    </Stack>
  );
}
