import { attendanceWording } from '../import-wording';
import { Alert, Button, Card, Group, List, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { AnotherChapterAlert, anotherChapterHeld } from './AnotherChapterAlert';
import { useDidUpdate } from '@mantine/hooks';
import { ImportFileInput } from './ImportFileInput';
import type { AttendancePreview, attendanceColumnFields } from '../../shared/contract';
import { ColumnQuestion } from './ColumnQuestion';

type AttendanceColumn = (typeof attendanceColumnFields)[number];
import { ledger } from '../client';
import { fileToBase64, type ChosenFile } from '../files';
import { DateOrderQuestion } from './DateOrderQuestion';
import { ReadAs } from './ReadAs';
import type { LegacyEncoding } from '../../shared/text-encodings';

/**
 * BNI Connect's Chapter PALMS Attendance Report → attendance history, previewed, then one undoable import.
 * `undone` counts the imports undone on the screen: the chosen file's preview is read again after each.
 */
export function AttendanceImport({ onImported, undone = 0 }: { onImported: () => void; undone?: number }) {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy' | undefined>(undefined);
  const [preview, setPreview] = useState<AttendancePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** The report names another chapter and the secretary ticked that it is theirs. */
  const [anotherChapter, setAnotherChapter] = useState(false);
  // Which column is First Name and Last Name when the headers are not recognised (the Slips Audit's question).
  const [columns, setColumns] = useState<Partial<Record<AttendanceColumn, number>>>({});
  const input = (next: ChosenFile, order: 'dmy' | 'mdy' | undefined, chosen = columns) => ({ ...next, ...(order ? { dateOrder: order } : {}), ...(Object.keys(chosen).length ? { columns: chosen } : {}) });
  const run = async (next: ChosenFile, order: 'dmy' | 'mdy' | undefined, chosen = columns) => {
    setError(null);
    try {
      setPreview(await ledger.previewAttendanceImport(input(next, order, chosen)));
    } catch (e) {
      setPreview(null);
      setError((e as Error).message);
    }
  };
  useDidUpdate(() => {
    if (file) void run(file, dateOrder);
  }, [undone]);
  const choose = async (chosen: File | null) => {
    setDone(null);
    setDateOrder(undefined);
    setColumns({});
    setAnotherChapter(false);
    if (!chosen) return setFile(null), setPreview(null);
    const next = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
    setFile(next);
    await run(next, undefined, {});
  };
  const readAs = (encoding: LegacyEncoding) => {
    if (!file) return;
    const next = { ...file, readAs: encoding };
    setFile(next);
    void run(next, dateOrder);
  };
  const pointColumn = (field: AttendanceColumn, index: number) => {
    const next = { ...columns, [field]: index };
    setColumns(next);
    if (file) void run(file, dateOrder, next);
  };
  const confirm = async () => {
    if (!file) return;
    try {
      const result = await ledger.importAttendanceReport({ ...input(file, dateOrder), anotherChapter });
      setDone(`Imported ${result.marksToAdd} attendance marks from ${result.fileName}${result.meetingsToCreate ? `, with ${result.meetingsToCreate} ${result.meetingsToCreate === 1 ? 'meeting' : 'meetings'} recorded as closed` : ''}. Undo it from the list of imports below if it was the wrong file.`);
      setPreview(null);
      setFile(null);
      onImported();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const heldForChapter = !!preview?.chapterWarning && !anotherChapter && (preview?.marksToAdd ?? 0) > 0;
  return (
    <>
      <Text size="sm" c="dimmed">
        BNI Connect's Chapter PALMS Attendance Report: First Name, Last Name and one column per meeting with P, A, L, M or S. Meetings the ledger does not have arrive closed; marks it already has are left as they are.
      </Text>
      <ImportFileInput label="Attendance report" placeholder="Choose the export…" accept=".xls,.xlsx,.csv" leftSection={<IconFileImport size={16} />} onChange={choose} clearable w={420} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {done && <Alert color="teal">{done}</Alert>}
      {preview?.chapterWarning && <AnotherChapterAlert warning={preview.chapterWarning} confirmed={anotherChapter} onConfirm={setAnotherChapter} />}
      {preview?.columnQuestion && <ColumnQuestion question={preview.columnQuestion} onChoose={pointColumn} />}
      {preview && !preview.columnQuestion?.blocking && (
        <Card withBorder padding="lg" aria-label="Attendance preview">
          <Title order={4}>
            {preview.period.from} to {preview.period.to}: {preview.meetings} {preview.meetings === 1 ? 'meeting' : 'meetings'}, {preview.members} {preview.members === 1 ? 'member' : 'members'}
          </Title>
          <ReadAs readAs={preview.readAs} onReadAs={readAs} />
          <DateOrderQuestion
            mt="sm"
            dateOrder={preview.dateOrder}
            value={dateOrder}
            onChange={(order) => {
              setDateOrder(order);
              if (file) void run(file, order);
            }}
          />
          <Text size="sm" mt="xs">
            {attendanceWording(preview).line}
          </Text>
          {preview.differences.length > 0 && (
            <Table mt="sm" fz="sm" aria-label="Marks that differ" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Member</Table.Th>
                  <Table.Th>Meeting</Table.Th>
                  <Table.Th>BNI Connect</Table.Th>
                  <Table.Th>Ledger (kept)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.differences.slice(0, 200).map((d) => (
                  <Table.Tr key={`${d.name}-${d.meetingOn}`}>
                    <Table.Td>{d.name}</Table.Td>
                    <Table.Td>{d.meetingOn}</Table.Td>
                    <Table.Td>{d.file}</Table.Td>
                    <Table.Td>{d.ledger}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {preview.problems.length > 0 && (
            <Alert color="orange" mt="md" title="Left out of the import">
              <List size="sm">
                {preview.problems.slice(0, 200).map((p) => (
                  <List.Item key={p.message}>{p.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            {heldForChapter && (
              <Text size="sm" c="orange.8">
                {anotherChapterHeld}
              </Text>
            )}
            <Button onClick={confirm} disabled={preview.marksToAdd === 0 || (!!preview.dateOrder.question && !dateOrder) || heldForChapter}>
              {attendanceWording(preview).button}
            </Button>
          </Group>
        </Card>
      )}
    </>
  );
}
