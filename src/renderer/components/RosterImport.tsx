import { rosterWording } from '../import-wording';
import { Alert, Button, Card, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { ImportFileInput } from './ImportFileInput';
import { useDidUpdate } from '@mantine/hooks';
import type { RosterPreview, rosterColumnFields } from '../../shared/contract';

type RosterColumn = (typeof rosterColumnFields)[number];
import { ledger } from '../client';
import { fileToBase64, type ChosenFile } from '../files';
import { DateOrderQuestion } from './DateOrderQuestion';
import { ColumnQuestion } from './ColumnQuestion';
import { ReadAs } from './ReadAs';
import type { LegacyEncoding } from '../../shared/text-encodings';

const fieldLabels: Record<string, string> = { firstName: 'first name', lastName: 'last name', company: 'company', classification: 'classification', email: 'email', phone: 'phone', joinedOn: 'joined on', renewalDue: 'renewal due', status: 'status' };

/**
 * A roster from CSV or a spreadsheet: preview, then import. A problem row is left out (and listed),
 * never a reason to hold back the others; any row can be skipped (and put back), and a bad value corrected in place.
 * `undone` counts the imports undone on the screen: the chosen file's preview is read again after each.
 */
export function RosterImport({ onImported, undone = 0 }: { onImported?: () => void; undone?: number } = {}) {
  // The file, and how to read it when it is not Unicode (the secretary's "Read as" choice travels with it).
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy' | undefined>(undefined);
  const [skipRows, setSkipRows] = useState<number[]>([]);
  // Which of the file's columns holds a field the ledger did not recognise by its header (the Slips Audit's question).
  const [columns, setColumns] = useState<Partial<Record<RosterColumn, number>>>({});
  const [fixes, setFixes] = useState<Record<string, Record<string, string>>>({});
  const withOrder = (next: ChosenFile, order = dateOrder, skip = skipRows, chosen = columns, fixed = fixes) => ({
    ...next,
    ...(order ? { dateOrder: order } : {}),
    ...(skip.length ? { skipRows: skip } : {}),
    ...(Object.keys(chosen).length ? { columns: chosen } : {}),
    ...(Object.keys(fixed).length ? { fixes: fixed } : {}),
  });
  useDidUpdate(() => {
    if (!file) return;
    ledger.previewRosterImport(withOrder(file)).then(setPreview, (e: Error) => setError(e.message));
  }, [undone]);
  /** A value corrected in the preview (Enter): it stands in for the file's cell, and the preview is read again. */
  const correct = async (row: number, field: string, value: string) => {
    const next = { ...fixes, [String(row)]: { ...fixes[String(row)], [field]: value } };
    setFixes(next);
    if (!file) return;
    try {
      setPreview(await ledger.previewRosterImport(withOrder(file, dateOrder, skipRows, columns, next)));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const pointColumn = async (field: RosterColumn, index: number) => {
    const next = { ...columns, [field]: index };
    setColumns(next);
    if (!file) return;
    try {
      setPreview(await ledger.previewRosterImport(withOrder(file, dateOrder, skipRows, next)));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const readAs = async (encoding: LegacyEncoding) => {
    if (!file) return;
    const next = { ...file, readAs: encoding };
    setFile(next);
    try {
      setPreview(await ledger.previewRosterImport(withOrder(next)));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const chooseOrder = async (order: 'dmy' | 'mdy') => {
    setDateOrder(order);
    if (!file) return;
    try {
      setPreview(await ledger.previewRosterImport(withOrder(file, order)));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  /** Skip a row, or put a skipped row back; the preview is read again (a skipped row frees its seat). */
  const toggleSkip = async (row: number) => {
    const next = skipRows.includes(row) ? skipRows.filter((r) => r !== row) : [...skipRows, row].sort((a, b) => a - b);
    setSkipRows(next);
    if (!file) return;
    try {
      setPreview(await ledger.previewRosterImport(withOrder(file, dateOrder, next)));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const skipButton = (row: number, label = 'Skip') => (
    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void toggleSkip(row)} aria-label={`${label} row ${row}`}>
      {label}
    </Button>
  );

  const choose = async (chosen: File | null) => {
    setDone(null);
    setError(null);
    setPreview(null);
    setDateOrder(undefined);
    setSkipRows([]);
    setColumns({});
    setFixes({});
    if (!chosen) return setFile(null);
    const next = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
    setFile(next);
    try {
      setPreview(await ledger.previewRosterImport(withOrder(next, undefined, [], {}, {})));
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
      const leftOut = [...result.problems, ...result.skipped].sort((a, b) => a.row - b.row);
      setDone(
        `Added ${n(result.imported, 'member', 'members')}${seats ? ` and ${n(seats, 'classification', 'classifications')}` : ''}; updated ${result.updated} already in the ledger.${
          leftOut.length ? ` Left out ${n(leftOut.length, 'row', 'rows')}: ${leftOut.map((p) => p.message.replace(/\.$/, '')).join('; ')}.` : ''
        } The import is in the list below and can be undone.`,
      );
      setPreview(null);
      onImported?.();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const wording = preview ? rosterWording({ members: preview.members, alreadyMembers: preview.alreadyMembers, updates: preview.updates.length }) : null;

  return (
    <>
      <Text size="sm" c="dimmed">
        Columns: First Name, Last Name, Company, Classification, Email, Phone, Joined On, Renewal Due, Status. Members already in the ledger take the file's newer details (shown below before anything changes); an empty cell never blanks one out.
      </Text>
      <ImportFileInput label="Roster file" placeholder="Choose a .csv or .xlsx…" accept=".csv,.xlsx,.xls" leftSection={<IconFileImport size={16} />} onChange={choose} clearable w={420} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {done && <Alert color="teal">{done}</Alert>}
      {preview?.columnQuestion && <ColumnQuestion question={preview.columnQuestion} onChoose={(field, index) => void pointColumn(field, index)} />}
      {preview && !preview.columnQuestion?.blocking && (
        <Card withBorder padding="lg" aria-label="Roster preview">
          <Title order={4}>{wording!.heading}</Title>
          <ReadAs readAs={preview.readAs} onReadAs={(encoding) => void readAs(encoding)} />
          <Text size="sm">
            {wording!.already}{' '}
            {preview.classificationsToCreate.length > 0 ? `New classifications: ${preview.classificationsToCreate.join(', ')}.` : 'Every classification already exists.'}
          </Text>
          <DateOrderQuestion mt="md" dateOrder={preview.dateOrder} value={dateOrder} onChange={(order) => void chooseOrder(order)} />
          {preview.problems.length > 0 && (
            <Alert color="red" mt="md" title={`${preview.problems.length} ${preview.problems.length === 1 ? 'row has a problem and is' : 'rows have a problem and are'} left out`} aria-label="Rows left out">
              <Text size="sm" mb="xs">
                The other rows are imported. Correct a value here (Enter) to bring the row in, or skip it (skipping a row frees the classification it claimed).
              </Text>
              <Table fz="sm">
                <Table.Tbody>
                  {preview.problems.map((p) => (
                    <Table.Tr key={`${p.row}-${p.message}`}>
                      <Table.Td>{p.message}</Table.Td>
                      <Table.Td w={230}>
                        {p.field && (
                          <TextInput
                            size="xs"
                            key={`${p.row}-${p.field}-${fixes[String(p.row)]?.[p.field] ?? ''}`}
                            aria-label={`Correct ${fieldLabels[p.field] ?? p.field} of row ${p.row}`}
                            placeholder={`Correct ${fieldLabels[p.field] ?? p.field}`}
                            defaultValue={fixes[String(p.row)]?.[p.field] ?? ''}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') void correct(p.row, p.field!, e.currentTarget.value);
                            }}
                          />
                        )}
                      </Table.Td>
                      <Table.Td w={70}>{skipButton(p.row)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Alert>
          )}
          {preview.adds.length > 0 && (
            <Table mt="md" fz="sm" aria-label="Members to add" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Member to add</Table.Th>
                  <Table.Th>Classification</Table.Th>
                  <Table.Th>Joined on</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.adds.map((a) => (
                  <Table.Tr key={a.row}>
                    <Table.Td>{a.row}</Table.Td>
                    <Table.Td>
                      {a.name}
                      {a.status !== 'active' ? ` (${a.status.replace('_', ' ')})` : ''}
                    </Table.Td>
                    <Table.Td>{a.classification}</Table.Td>
                    <Table.Td>{a.joinedOn}</Table.Td>
                    <Table.Td w={70}>{skipButton(a.row)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {preview.updates.length > 0 && (
            <Table mt="md" fz="sm" aria-label="Members to update" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Member</Table.Th>
                  <Table.Th>Detail</Table.Th>
                  <Table.Th>In the ledger</Table.Th>
                  <Table.Th>In the file</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.updates.flatMap((u) =>
                  u.changes.map((c, i) => (
                    <Table.Tr key={`${u.row}-${c.field}`}>
                      <Table.Td>{u.name}</Table.Td>
                      <Table.Td>{c.field}</Table.Td>
                      <Table.Td>{c.from || '(empty)'}</Table.Td>
                      <Table.Td>{c.to}</Table.Td>
                      <Table.Td w={70}>{i === 0 ? skipButton(u.row) : null}</Table.Td>
                    </Table.Tr>
                  )),
                )}
              </Table.Tbody>
            </Table>
          )}
          {preview.skipped.length > 0 && (
            <Table mt="md" fz="sm" aria-label="Rows skipped">
              <Table.Tbody>
                {preview.skipped.map((p) => (
                  <Table.Tr key={p.row}>
                    <Table.Td c="dimmed">{p.message}</Table.Td>
                    <Table.Td w={90}>{skipButton(p.row, 'Put back')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="flex-end" mt="md">
            {preview.problems.length + preview.skipped.length > 0 && (
              <Text size="sm" c="dimmed">
                {preview.problems.length + preview.skipped.length} {preview.problems.length + preview.skipped.length === 1 ? 'row' : 'rows'} will be left out.
              </Text>
            )}
            {wording!.button === null ? (
              <Text size="sm" aria-label="Nothing to import">
                {wording!.nothing}
              </Text>
            ) : (
              <Button onClick={confirm} disabled={!!preview.dateOrder.question && !dateOrder}>
                {wording!.button}
              </Button>
            )}
          </Group>
        </Card>
      )}
    </>
  );
}
