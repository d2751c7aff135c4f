import { Alert, Button, Card, FileInput, Group, List, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { RosterPreview } from '../../shared/contract';
import { ledger } from '../client';
import { fileToBase64 } from '../files';

/** A roster from CSV or a spreadsheet: preview, then import everyone at once or no one. */
export function RosterImport() {
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const choose = async (chosen: File | null) => {
    setDone(null);
    setError(null);
    setPreview(null);
    if (!chosen) return setFile(null);
    const next = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
    setFile(next);
    try {
      setPreview(await ledger.previewRosterImport(next));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const confirm = async () => {
    if (!file) return;
    try {
      const result = await ledger.importRoster(file);
      setDone(`Added ${result.imported} members${result.classificationsToCreate.length ? ` and ${result.classificationsToCreate.length} classifications` : ''}.`);
      setPreview(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <Text size="sm" c="dimmed">
        Columns: First Name, Last Name, Company, Classification, Email, Phone, Joined On, Renewal Due, Status. Members already in the ledger are left as they are.
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
          <Text size="sm">
            {preview.alreadyMembers} already in the ledger (left as they are).{' '}
            {preview.classificationsToCreate.length > 0 ? `New classifications: ${preview.classificationsToCreate.join(', ')}.` : 'Every classification already exists.'}
          </Text>
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
            <Button onClick={confirm} disabled={preview.problems.length > 0 || preview.members === 0}>
              Add {preview.members} members
            </Button>
          </Group>
        </Card>
      )}
    </>
  );
}
