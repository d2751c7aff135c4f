import { Alert, Card, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { ImportFileInput } from './ImportFileInput';
import type { PalmsReconciliation } from '../../shared/contract';
import { ledger } from '../client';
import { fileToBase64, type ChosenFile } from '../files';
import { ReadAs } from './ReadAs';

/** BNI Connect's PALMS report beside the ledger's own figures for the same period. Reads only. */
export function PalmsReconcile() {
  const [result, setResult] = useState<PalmsReconciliation | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [file, setFile] = useState<ChosenFile | null>(null);
  // The date order given when the report's period could be read both ways: kept when the file is read another way.
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy' | undefined>(undefined);
  const check = async (next: ChosenFile, order?: 'dmy' | 'mdy') => {
    setDateOrder(order);
    setResult(null);
    setError(null);
    try {
      setResult(await ledger.reconcilePalms({ ...next, ...(order ? { dateOrder: order } : {}) }));
    } catch (e) {
      setError({ message: (e as Error).message, field: (e as { field?: string }).field });
    }
  };
  const choose = async (chosen: File | null) => {
    setResult(null);
    setError(null);
    if (!chosen) return setFile(null);
    const next = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
    setFile(next);
    await check(next);
  };
  return (
    <>
      <Text size="sm" c="dimmed">
        Choose BNI Connect's Chapter Summary PALMS Report. Nothing is written: this shows where BNI Connect and the ledger disagree.
      </Text>
      <ImportFileInput label="PALMS report" placeholder="Choose the export…" accept=".xls,.xlsx,.csv" leftSection={<IconFileImport size={16} />} onChange={choose} clearable w={420} />
      {error && (
        <Alert color={error.field === 'dateOrder' ? 'yellow' : 'red'} role="alert">
          {error.message}
          {error.field === 'dateOrder' && file && (
            <SegmentedControl
              mt="xs"
              display="flex"
              w="fit-content"
              aria-label="Date order"
              data={[
                { value: 'dmy', label: 'Day first (DD/MM/YYYY)' },
                { value: 'mdy', label: 'Month first (MM/DD/YYYY)' },
              ]}
              value=""
              onChange={(v) => void check(file, v as 'dmy' | 'mdy')}
            />
          )}
        </Alert>
      )}
      {result && (
        <Card withBorder padding="lg" aria-label="Reconciliation">
          <Title order={4} c={result.compared === 0 ? 'orange.8' : undefined}>
            {result.headline}
          </Title>
          <ReadAs
            readAs={result.readAs}
            onReadAs={(encoding) => {
              if (!file) return;
              const next = { ...file, readAs: encoding };
              setFile(next);
              void check(next, dateOrder);
            }}
          />
          {result.differences.length > 0 && (
            <Table mt="sm" aria-label="Differences" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Member</Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th ta="right">BNI Connect</Table.Th>
                  <Table.Th ta="right">Chapter Ledger</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.differences.map((d) => (
                  <Table.Tr key={`${d.name}-${d.column}`}>
                    <Table.Td>{d.name}</Table.Td>
                    <Table.Td>{d.column}</Table.Td>
                    <Table.Td ta="right">{d.bniConnect}</Table.Td>
                    <Table.Td ta="right">{d.ledger}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {result.onlyInFile.length > 0 && <Text size="sm" mt="sm">Only in BNI Connect: {result.onlyInFile.join(', ')} (map the names with a slips audit import to teach the ledger the spelling).</Text>}
          {result.onlyInLedger.length > 0 && <Text size="sm">Only in the ledger: {result.onlyInLedger.join(', ')}.</Text>}
          {result.outsideRows.length > 0 && (
            <Text size="sm" c="dimmed">
              BNI Connect's rows for people outside the chapter, set aside and not compared with any member: {result.outsideRows.join(', ')}.
            </Text>
          )}
          {result.problems.map((p) => (
            <Text size="sm" c="red" key={p}>
              {p}
            </Text>
          ))}
        </Card>
      )}
    </>
  );
}
