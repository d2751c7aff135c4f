import { Alert, Button, Card, FileInput, Group, List, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { RosterPreview } from '../../shared/contract';
import { ledger } from '../client';
import { fileToBase64 } from '../files';
import { DateOrderQuestion } from './DateOrderQuestion';
import { ReadAs } from './ReadAs';

/** A roster from CSV or a spreadsheet: preview, then import everyone at once or no one. */
export function RosterImport({ onImported }: { onImported?: () => void } = {}) {
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy' | undefined>(undefined);
  const withOrder = (next: { fileName: string; contentBase64: string }, order = dateOrder) => ({ ...next, ...(order ? { dateOrder: order } : {}) });
  const chooseOrder = async (order: 'dmy' | 'mdy') => {
    setDateOrder(order);
    if (!file) return;
    try {
      setPreview(await ledger.previewRosterImport(withOrder(file, order)));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const choose = async (chosen: File | null) => {
    setDone(null);
    setError(null);
    setPreview(null);
    setDateOrder(undefined);
    if (!chosen) return setFile(null);
    const next = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
    setFile(next);
    try {
      setPreview(await ledger.previewRosterImport(withOrder(next, undefined)));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const confirm = async () => {
    if (!file) return;
    try {
      const result = await ledger.importRoster(withOrder(file));
      const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
      const seats = result.classificationsToCreate.length;
      setDone(`Added ${n(result.imported, 'member', 'members')}${seats ? ` and ${n(seats, 'classification', 'classifications')}` : ''}; updated ${result.updated} already in the ledger. The import is in the list below and can be undone.`);
      setPreview(null);
      onImported?.();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <Text size="sm" c="dimmed">
        Columns: First Name, Last Name, Company, Classification, Email, Phone, Joined On, Renewal Due, Status. Members already in the ledger take the file's newer details (shown below before anything changes); an empty cell never blanks one out.
      </Text>
      <FileInput label="Roster file" placeholder="Choose a .csv or .xlsx…" accept=".csv,.xlsx,.xls" leftSection={<IconFileImport size={16} />} onChange={choose} clearable w={420} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {done && <Alert color="teal">{done}</Alert>}
      {preview && (
        <Card withBorder padding="lg" aria-label="Roster preview">
          <Title order={4}>{preview.members} members to add</Title>
          <ReadAs readAs={preview.readAs} />
          <Text size="sm">
            {preview.alreadyMembers} already in the ledger, {preview.updates.length} of them with details to update.{' '}
            {preview.classificationsToCreate.length > 0 ? `New classifications: ${preview.classificationsToCreate.join(', ')}.` : 'Every classification already exists.'}
          </Text>
          {preview.dateOrder.question && <DateOrderQuestion mt="md" question={preview.dateOrder.question} value={dateOrder} onChange={(order) => void chooseOrder(order)} />}
          {preview.updates.length > 0 && (
            <Table mt="md" fz="sm" aria-label="Members to update" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Member</Table.Th>
                  <Table.Th>Detail</Table.Th>
                  <Table.Th>In the ledger</Table.Th>
                  <Table.Th>In the file</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.updates.flatMap((u) =>
                  u.changes.map((c) => (
                    <Table.Tr key={`${u.row}-${c.field}`}>
                      <Table.Td>{u.name}</Table.Td>
                      <Table.Td>{c.field}</Table.Td>
                      <Table.Td>{c.from || '(empty)'}</Table.Td>
                      <Table.Td>{c.to}</Table.Td>
                    </Table.Tr>
                  )),
                )}
              </Table.Tbody>
            </Table>
          )}
          {preview.problems.length > 0 && (
            <Alert color="red" mt="md" title="Problems to fix in the file first">
              <List size="sm">
                {preview.problems.map((p) => (
                  <List.Item key={p.message}>{p.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button onClick={confirm} disabled={preview.problems.length > 0 || (preview.members === 0 && preview.updates.length === 0) || (!!preview.dateOrder.question && !dateOrder)}>
              {preview.updates.length ? `Add ${preview.members}, update ${preview.updates.length} members` : `Add ${preview.members} members`}
            </Button>
          </Group>
        </Card>
      )}
    </>
  );
}
