import { Alert, Button, Checkbox, Code, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { AuditEntry, AuditVerification } from '../../shared/contract';
import { auditEntities } from '../../shared/domain';
import { auditEntityLabel } from '../../shared/audit-labels';
import { ledger } from '../client';
import { chapterLocale, chapterZone } from '../chapter-today';
import { formatInstant, storedInstant } from '../../shared/time-zone';
import { AuditLogRow } from '../components/AuditLogRow';
import { ErrorNotice } from '../components/ErrorNotice';
import { useQuery } from '../use-query';

const PAGE = 100;

/** Every change, newest first: who changed what, from what to what, and why. The log cannot be edited. */
export function AuditLogScreen() {
  const [entity, setEntity] = useState<(typeof auditEntities)[number]>('all');
  const [withReasonOnly, setWithReasonOnly] = useState(false);
  // Pages continue from the last entry shown; the stack remembers where each earlier page began.
  const [pageStarts, setPageStarts] = useState<Array<{ at: string; seq: number } | undefined>>([undefined]);
  const after = pageStarts[pageStarts.length - 1];
  const log = useQuery(() => ledger.listAuditLog({ entity, withReasonOnly, action: 'all', limit: PAGE, ...(after ? { after } : {}) }), [entity, withReasonOnly, after]);
  const filter = (change: () => void) => {
    change();
    setPageStarts([undefined]);
  };
  const last = log.data?.[log.data.length - 1];
  const [openDetails, setOpenDetails] = useState<string | null>(null);
  const toggle = useCallback((id: string) => setOpenDetails((o) => (o === id ? null : id)), []);
  const pager = (
    <Group gap="xs">
      <Button variant="default" size="xs" disabled={pageStarts.length === 1} onClick={() => setPageStarts((s) => s.slice(0, -1))}>
        Newer
      </Button>
      <Text size="sm" c="dimmed">
        Page {pageStarts.length}
      </Text>
      <Button variant="default" size="xs" disabled={!last || (log.data?.length ?? 0) < PAGE} onClick={() => last && setPageStarts((s) => [...s, { at: last.at, seq: last.seq }])}>
        Older
      </Button>
    </Group>
  );
  if (log.error) return <ErrorNotice error={log.error} onRetry={log.reload} />;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Audit log</Title>
        <Text size="sm" c="dimmed">
          Append-only: the chapter file itself refuses to change or remove an entry, and every entry is chained to the one before it. Newest first, {PAGE} to a page.
        </Text>
      </div>
      <VerifyButton />
      <Group align="flex-end">
        <Select label="Show" w={220} data={auditEntities.map((e) => ({ value: e, label: auditEntityLabel(e) }))} value={entity} onChange={(v) => v && filter(() => setEntity(v as typeof entity))} allowDeselect={false} />
        <Checkbox label="Amendments only (changes with a reason)" checked={withReasonOnly} onChange={(e) => {
          const checked = e.currentTarget.checked;
          filter(() => setWithReasonOnly(checked));
        }} />
        {pager}
      </Group>
      {log.data && log.data.length === 0 ? (
        <Text c="dimmed">Nothing recorded for this filter yet.</Text>
      ) : (
        <Table aria-label="Audit log" striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>When</Table.Th>
              <Table.Th>What happened</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th w={70} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(log.data ?? []).map((e) => (
              <AuditRow key={e.id} entry={e} open={openDetails === e.id} onToggle={toggle} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Walks the chain (and compares it with the backups) and says the outcome in one sentence. */
function VerifyButton() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(await ledger.verifyAuditLog({}));
    } catch (error) {
      setResult(null);
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Button variant="default" onClick={verify} loading={busy} style={{ flexShrink: 0 }}>
        Verify audit log
      </Button>
      {result && (
        <Alert role="status" color={result.ok ? 'teal' : 'red'} title={result.ok ? 'The audit log checks out' : 'The audit log has been tampered with'} py={6} maw={720}>
          <Text size="sm">{result.sentence}</Text>
        </Alert>
      )}
      {failure && (
        <Alert role="alert" color="red" py={6} maw={720}>
          <Text size="sm">{failure}</Text>
        </Alert>
      )}
    </Group>
  );
}

/** When, in the chapter's time zone with its abbreviation and in its locale, as reports print it: "Nov 25, 2026, 9:14 PM PST", "25.11.2026, 21:14 MEZ". */
const localTime = (at: string) => {
  const instant = storedInstant(at);
  return Number.isNaN(instant.getTime()) ? at : formatInstant(instant, chapterLocale(), chapterZone());
};

const wrapped = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: 0 } as const;

const pretty = (raw: string | null) => {
  if (!raw) return '—';
  try {
    return JSON.stringify(JSON.parse(raw), null, 1);
  } catch {
    return raw;
  }
};

function AuditRow({ entry: e, open, onToggle }: { entry: AuditEntry; open: boolean; onToggle: (id: string) => void }) {
  return (
    <>
      <AuditLogRow entry={e} open={open} onToggle={onToggle} when={localTime(e.at)} />
      {open && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <Text size="xs" c="dimmed" mb={4}>
              {e.action} · {e.entity} {e.entityId} · {e.at} (UTC){e.change ? ` · ${e.change}` : ''}
            </Text>
            <Group align="flex-start" grow>
              {/* Wrapped within the page: a long letter or note kept on one line pushed Reason and "hide" thousands of pixels right. */}
              <Code block aria-label="Before" style={wrapped}>{pretty(e.before)}</Code>
              <Code block aria-label="After" style={wrapped}>{pretty(e.after)}</Code>
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
