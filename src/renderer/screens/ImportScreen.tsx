import { closestMembers, memberChoiceLabel } from '../../shared/closest-names';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, SegmentedControl, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { AnotherChapterAlert, anotherChapterHeld } from '../components/AnotherChapterAlert';
import { ImportFileInput } from '../components/ImportFileInput';
import type { ImportBatch, ImportPreview, ImportRow, slipColumnFields } from '../../shared/contract';
import { LedgerError } from '../../shared/errors';
import { ledger } from '../client';
import { useDidUpdate } from '@mantine/hooks';
import { useQuery } from '../use-query';
import { fileToBase64, type ChosenFile } from '../files';
import { PalmsReconcile } from '../components/PalmsReconcile';
import { RosterImport } from '../components/RosterImport';
import { AttendanceImport } from '../components/AttendanceImport';
import { DateOrderQuestion } from '../components/DateOrderQuestion';
import { MeetingDateQuestion } from '../components/MeetingDateQuestion';
import { ColumnQuestion } from '../components/ColumnQuestion';
import { ReadAs } from '../components/ReadAs';
import type { LegacyEncoding } from '../../shared/text-encodings';
import { foldName } from '../../shared/names';
import { foldedFilter } from '../components/SearchSelect';

const kindBadges: Record<ImportRow['kind'], { label: string; color: string }> = {
  same: { label: 'Already in the ledger', color: 'gray' },
  new: { label: 'New', color: 'teal' },
  differs: { label: 'Differs', color: 'orange' },
  problem: { label: 'Problem', color: 'red' },
  skipped: { label: 'Skipped', color: 'dark' },
};

type Outsider = { kind: 'other_chapter' | 'visitor' | 'bni'; name: string; chapterName: string };

interface Choices {
  aliases: Record<string, string>;
  /** Names the secretary said are someone outside the chapter (remembered by the ledger for the next import). */
  outsiders: Record<string, Outsider>;
  skipRows: number[];
  /** Rows repeating an earlier row word for word that the secretary said are slips of their own. */
  repeats: number[];
  fixes: Record<string, { amount?: string; credits?: string }>;
  dateOrder?: 'dmy' | 'mdy';
  /** The meeting's date, given when the file does not say which meeting it is for. */
  meetingOn?: string;
  /** Which of the file's columns holds a field the ledger did not recognise by its header. */
  columns?: Partial<Record<ColumnField, number>>;
}
type ColumnField = (typeof slipColumnFields)[number];
const noChoices: Choices = { aliases: {}, outsiders: {}, skipRows: [], repeats: [], fixes: {} };

// Names wrap between words (never cut inside one); a single very long word may still break.
const nameCell = { minWidth: 120, whiteSpace: 'normal', wordBreak: 'normal', overflowWrap: 'break-word' } as const;

/** The name as the file writes it, and under it who the ledger takes it to be when that reads differently. */
function PartyName({ written, is }: { written: string; is: string }) {
  const same = is === '' || is === written;
  return (
    <>
      {written}
      {!same && (
        <Text size="xs" c="dimmed" aria-label={`${written} is ${is}`}>
          → {is}
        </Text>
      )}
    </>
  );
}

// The same choices as the Meeting slip bar's member pickers, below the members.
const outsideChoices = [
  { value: '@other_chapter', label: 'Other chapter…' },
  { value: '@visitor', label: 'Visitor…' },
  { value: '@bni', label: 'BNI' },
];
/** "Tom Baker (Bay Builders)" → name "Tom Baker", chapter "Bay Builders": what the file most likely means, to correct. */
const guessParty = (written: string) => {
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(written.trim());
  return m ? { name: m[1]!.trim(), chapterName: m[2]!.trim() } : { name: written.trim(), chapterName: '' };
};
const outsiderLabel = (o: Outsider) => (o.kind === 'bni' ? 'BNI' : o.kind === 'visitor' ? `${o.name} (visitor)` : `${o.name} (${/\bchapter$/i.test(o.chapterName) ? o.chapterName : `${o.chapterName} chapter`})`);

/** Who someone outside the chapter is: their name and, for another chapter's member, their chapter. */
function OutsiderForm({ written, kind, onUse, onCancel }: { written: string; kind: 'other_chapter' | 'visitor'; onUse: (o: Outsider) => void; onCancel: () => void }) {
  const guess = guessParty(written);
  const [name, setName] = useState(guess.name);
  const [chapterName, setChapterName] = useState(kind === 'other_chapter' ? guess.chapterName : '');
  const missing = !name.trim() ? (kind === 'visitor' ? "Enter the visitor's name." : "Enter the name of the other chapter's member.") : kind === 'other_chapter' && !chapterName.trim() ? `Enter the chapter ${name.trim()} belongs to (e.g. BNI Harbour).` : null;
  const use = () => !missing && onUse({ kind, name: name.trim(), chapterName: kind === 'other_chapter' ? chapterName.trim() : '' });
  const onKey = (e: React.KeyboardEvent) => e.key === 'Enter' && use();
  return (
    <Group align="flex-end" gap="xs" aria-label={`Who ${written} is`}>
      <TextInput size="xs" label={kind === 'visitor' ? "Visitor's name" : 'Name'} value={name} onChange={(e) => setName(e.currentTarget.value)} onKeyDown={onKey} w={180} error={!name.trim() ? missing : undefined} />
      {kind === 'other_chapter' && <TextInput size="xs" label="Their chapter" placeholder="e.g. BNI Harbour" value={chapterName} onChange={(e) => setChapterName(e.currentTarget.value)} onKeyDown={onKey} w={180} error={name.trim() && missing ? missing : undefined} />}
      <Button size="xs" onClick={use} disabled={!!missing}>
        Use
      </Button>
      <Button size="xs" variant="subtle" color="gray" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}

/** One problem row's fix in place: the amount or the credits as they should read. */
function FixRow({ line, onFix }: { line: ImportRow; onFix: (value: string) => void }) {
  const [value, setValue] = useState('');
  const what = line.fix === 'amount' ? 'amount' : 'credits';
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput size="xs" w={110} aria-label={`Correct ${what} of row ${line.row}`} placeholder={line.fix === 'amount' ? '1250.00' : '1'} value={value} onChange={(e) => setValue(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && value.trim() && onFix(value.trim())} />
      <Button size="xs" variant="light" disabled={!value.trim()} onClick={() => onFix(value.trim())}>
        Fix
      </Button>
    </Group>
  );
}

/** Choose a BNI Connect slips audit export → every row matched against the ledger → fix or skip problems → import as one undoable batch. */
function SlipsAuditImport({ onImported, undone }: { onImported: () => void; undone: number }) {
  const members = useQuery(() => ledger.listMembers({ scope: 'all' }), []);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [choices, setChoices] = useState<Choices>(noChoices);
  const [reason, setReason] = useState('');
  /** The file names another chapter and the secretary ticked that it is theirs. */
  const [anotherChapter, setAnotherChapter] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A meeting date the ledger refuses (after today) is said under the date field; the preview stays as it was.
  const [meetingProblem, setMeetingProblem] = useState<string | null>(null);
  const run = async (next: ChosenFile, chosen: Choices) => {
    setBusy(true);
    setError(null);
    setMeetingProblem(null);
    try {
      setPreview(await ledger.previewSlipsAuditImport({ ...next, ...chosen }));
      return true;
    } catch (e) {
      if (e instanceof LedgerError && e.field === 'meetingOn' && chosen.meetingOn) {
        setMeetingProblem(e.message);
        return false;
      }
      setPreview(null);
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  // An import undone below: the chosen file's preview is read again against the ledger as it now is.
  useDidUpdate(() => {
    if (file) void run(file, choices);
  }, [undone]);
  const choose = async (chosen: File | null) => {
    setDone(null);
    setChoices(noChoices);
    setAsking({});
    setReason('');
    setAnotherChapter(false);
    if (!chosen) return setFile(null), setPreview(null);
    const next = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
    setFile(next);
    await run(next, noChoices);
  };
  const change = async (next: Choices) => {
    const before = choices;
    setChoices(next);
    // A refused meeting date is not kept: the preview goes on with the date it had.
    if (file && !(await run(file, next)) && next.meetingOn !== before.meetingOn) setChoices(before);
  };
  // "Other chapter…" or "Visitor…" chosen for a name: its name (and chapter) are asked before the preview is read again.
  const [asking, setAsking] = useState<Record<string, 'other_chapter' | 'visitor'>>({});
  const map = (name: string, value: string | null) => {
    const aliases = { ...choices.aliases };
    const outsiders = { ...choices.outsiders };
    delete aliases[name];
    delete outsiders[name];
    setAsking(({ [name]: _, ...rest }) => rest);
    if (value === '@other_chapter' || value === '@visitor') {
      setAsking((a) => ({ ...a, [name]: value.slice(1) as 'other_chapter' | 'visitor' }));
      return Promise.resolve();
    }
    if (value === '@bni') outsiders[name] = { kind: 'bni', name: 'BNI', chapterName: '' };
    else if (value) aliases[name] = value;
    return change({ ...choices, aliases, outsiders });
  };
  const sayOutsider = (name: string, o: Outsider) => {
    setAsking(({ [name]: _, ...rest }) => rest);
    return change({ ...choices, outsiders: { ...choices.outsiders, [name]: o } });
  };
  /** The file read in another code page ("Read as"): the preview is read again, and the import reads it the same way. */
  const readAs = (encoding: LegacyEncoding) => {
    if (!file) return;
    const next = { ...file, readAs: encoding };
    setFile(next);
    void run(next, choices);
  };
  const pointColumn = (field: ColumnField, index: number) => change({ ...choices, columns: { ...choices.columns, [field]: index } });
  const skip = (row: number, skipped: boolean) => change({ ...choices, skipRows: skipped ? [...choices.skipRows, row] : choices.skipRows.filter((r) => r !== row) });
  const anotherSlip = (row: number) => change({ ...choices, repeats: [...choices.repeats, row] });
  const fix = (line: ImportRow, value: string) => change({ ...choices, fixes: { ...choices.fixes, [String(line.row)]: line.fix === 'amount' ? { amount: value } : { credits: value } } });

  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await ledger.importSlipsAudit({ ...file, ...choices, reason, anotherChapter });
      const left = result.counts.problem + result.counts.skipped;
      setDone(
        `Imported ${result.fileName} into the meeting of ${result.meetingOn}: ${result.created} new slip${result.created === 1 ? '' : 's'}, ${result.updated} updated, ${result.counts.same} already in the ledger${left ? `, ${left} row${left === 1 ? '' : 's'} left out` : ''}.${result.created && result.defaults.length ? ` ${result.defaults.join(' ')}` : ''}`,
      );
      setPreview(null);
      setFile(null);
      onImported();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const writes = preview ? preview.counts.new + preview.counts.differs : 0;
  const asked = new Map((preview?.askedNames ?? []).map((a) => [a.name, a.candidates]));
  const alsoWritten = new Map((preview?.otherSpellings ?? []).map((o) => [o.name, o.also]));
  // Members whose names read the same ("José Díaz", "Jose Diaz", two "John Smith") are told apart by their seat.
  const shared = new Map<string, number>();
  for (const m of members.data ?? []) shared.set(foldName(m.fullName), (shared.get(foldName(m.fullName)) ?? 0) + 1);
  const memberChoices = (members.data ?? []).map((m) => ({ value: m.id, label: memberChoiceLabel(m, shared.get(foldName(m.fullName)) ?? 0) }));
  // A misspelled name ("Nadia Hadad") offers the closest member(s) first, above the whole list.
  const closestTo = (name: string) => closestMembers(name, members.data ?? []);
  const pickerChoicesFor = (name: string) => {
    const near = new Set(closestTo(name).map((m) => m.id));
    const nearItems = memberChoices.filter((c) => near.has(c.value));
    return [
      ...(nearItems.length ? [{ group: 'Did you mean', items: closestTo(name).map((m) => nearItems.find((c) => c.value === m.id)!) }] : []),
      { group: 'Members', items: memberChoices.filter((c) => !near.has(c.value)) },
      { group: 'Outside the chapter', items: outsideChoices },
    ];
  };
  // Names still to answer, and the ones answered in this preview (so an answer can be changed).
  const namesToMap = [...new Set([...(preview?.unmatchedNames ?? []), ...Object.keys(choices.aliases), ...Object.keys(choices.outsiders), ...Object.keys(asking)])];
  const leftOut = preview ? preview.counts.problem : 0;
  const heldForChapter = !!preview?.chapterWarning && !anotherChapter && writes > 0;
  const blocked = !preview || writes === 0 || !!preview.dateOrder.question || !!preview.meetingQuestion?.blocking || (preview.reasonRequired && !reason.trim()) || heldForChapter;

  return (
    <>
      <Text c="dimmed" size="sm">
        BNI Connect's Slips Audit Report for one meeting: the .xls it downloads, or the same report saved as .xlsx or .csv. Every row is matched against the slips already in that meeting, typed or imported, so nothing is counted twice.
      </Text>
      <ImportFileInput label="Slips audit export" placeholder="Choose a file…" accept=".xls,.xlsx,.csv,.xml" leftSection={<IconFileImport size={16} />} onChange={choose} clearable w={420} />
      {error && (
        <Alert color="red" role="alert" title="This file cannot be imported yet">
          {error}
        </Alert>
      )}
      {done && (
        <Alert color="teal" title="Imported">
          {done} Open it on the Meeting screen, or undo it from the list of imports below.
        </Alert>
      )}
      {preview?.columnQuestion && <ColumnQuestion question={preview.columnQuestion} onChoose={(field, index) => void pointColumn(field, index)} />}
      {preview?.meetingQuestion && (
        <MeetingDateQuestion key={file?.fileName} question={preview.meetingQuestion} given={choices.meetingOn ?? ''} problem={meetingProblem} onGive={(meetingOn) => void change({ ...choices, meetingOn })} />
      )}
      {preview && !preview.columnQuestion?.blocking && !preview.meetingQuestion?.blocking && (
        <Card withBorder padding="lg" aria-label="Import preview">
          <Title order={4}>
            Meeting of {preview.meetingOn}{' '}
            <Text span c="dimmed" size="sm">
              ({preview.meetingStatus === 'new' ? 'a new meeting, recorded as closed' : `already in the ledger, ${preview.meetingStatus === 'completed' ? 'closed' : preview.meetingStatus}`})
            </Text>
          </Title>
          <ReadAs readAs={preview.readAs} onReadAs={readAs} disabled={busy} />
          {preview.chapterWarning && <AnotherChapterAlert mt="sm" warning={preview.chapterWarning} confirmed={anotherChapter} onConfirm={setAnotherChapter} />}
          {preview.defaults.length > 0 && (
            <Alert mt="sm" color="blue" title="Not in the file: recorded as the ledger would for a typed slip" aria-label="Values not in the file">
              <Stack gap={2}>
                {preview.defaults.map((d) => (
                  <Text key={d} size="sm">
                    {d}
                  </Text>
                ))}
              </Stack>
              <Text size="xs" c="dimmed" mt={4}>
                Each of these slips says so in its note.
              </Text>
            </Alert>
          )}
          <DateOrderQuestion mt="sm" dateOrder={preview.dateOrder} value={choices.dateOrder} onChange={(order) => void change({ ...choices, dateOrder: order })} />
          <Group mt="sm" gap="xs" aria-label="Rows by kind">
            {(['same', 'new', 'differs', 'problem', 'skipped'] as const).map((k) => (
              <Badge key={k} color={kindBadges[k].color} variant="light" size="lg">
                {kindBadges[k].label}: {preview.counts[k]}
              </Badge>
            ))}
          </Group>
          {namesToMap.length > 0 && (
            <>
              <Title order={5} mt="md">
                {preview.askedNames.length === 0 ? 'Names that match no member' : preview.askedNames.length === preview.unmatchedNames.length ? 'Names that could be more than one member' : 'Names to map to a member'}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                Map each to a member, or say who they are when they are outside the chapter (another chapter's member, a visitor, BNI): the ledger remembers it for the next import. Or skip their rows.
              </Text>
              <Stack gap="xs">
                {namesToMap.map((name) => (
                  <Group key={name} align="flex-start">
                    <Stack gap={0} w={260}>
                      <Text fw={500}>{name}</Text>
                      {alsoWritten.get(name) && (
                        <Text size="xs" c="dimmed">
                          also written {alsoWritten.get(name)!.map((n) => `“${n}”`).join(', ')} in this file: one answer for all
                        </Text>
                      )}
                      {asked.get(name) && (
                        <Text size="xs" c="orange.8">
                          could be {asked.get(name)!.join(' or ')}: which one?
                        </Text>
                      )}
                      {!asked.get(name) && !choices.aliases[name] && !choices.outsiders[name] && closestTo(name).length > 0 && (
                        <Text size="xs" aria-label={`Did you mean, for ${name}`}>
                          Did you mean{' '}
                          {closestTo(name).map((m, i) => (
                            <span key={m.id}>
                              {i > 0 ? ' or ' : ''}
                              <Anchor component="button" type="button" size="xs" onClick={() => void map(name, m.id)}>
                                {memberChoiceLabel(m, shared.get(foldName(m.fullName)) ?? 0)}
                              </Anchor>
                            </span>
                          ))}
                          ?
                        </Text>
                      )}
                    </Stack>
                    <Stack gap={4}>
                      <Select
                        aria-label={`Map ${name} to member`}
                        placeholder="Map to member…"
                        searchable filter={foldedFilter}
                        clearable
                        w={320}
                        data={pickerChoicesFor(name)}
                        value={choices.aliases[name] ?? (asking[name] ? `@${asking[name]}` : choices.outsiders[name] ? `@${choices.outsiders[name]!.kind}` : null)}
                        onChange={(v) => void map(name, v)}
                      />
                      {choices.outsiders[name] && !asking[name] && (
                        <Text size="xs" c="dimmed" aria-label={`${name} is ${outsiderLabel(choices.outsiders[name]!)}`}>
                          → {outsiderLabel(choices.outsiders[name]!)}, outside the chapter: never counted as a member
                        </Text>
                      )}
                      {asking[name] && <OutsiderForm key={asking[name]} written={name} kind={asking[name]!} onUse={(o) => void sayOutsider(name, o)} onCancel={() => setAsking(({ [name]: _, ...rest }) => rest)} />}
                    </Stack>
                  </Group>
                ))}
              </Stack>
            </>
          )}
          <Table mt="md" striped aria-label="File rows" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th ta="right">Amount / credits</Table.Th>
                <Table.Th>What it means</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.lines.map((line) => (
                <Table.Tr key={line.row} aria-label={`Row ${line.row}`}>
                  <Table.Td>{line.row}</Table.Td>
                  <Table.Td>
                    <Badge color={kindBadges[line.kind].color} variant="light" style={{ overflow: 'visible' }} miw="max-content">
                      {line.kind === 'same' ? 'In the ledger' : kindBadges[line.kind].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{line.slipType}</Table.Td>
                  <Table.Td style={nameCell}>
                    <PartyName written={line.from} is={line.fromIs} />
                  </Table.Td>
                  <Table.Td style={nameCell}>
                    <PartyName written={line.to} is={line.toIs} />
                  </Table.Td>
                  <Table.Td ta="right">{line.amount}</Table.Td>
                  <Table.Td maw={320}>
                    {line.kind === 'same' || line.kind === 'new' ? line.detail : line.message}
                    {line.kind === 'same' && line.message.startsWith('Already in the ledger: fixed at the import of') && (
                      <Text size="xs" c="dimmed">
                        {line.message.charAt(23).toUpperCase() + line.message.slice(24)}
                      </Text>
                    )}
                    {line.besideSlip && (
                      <Text size="xs" c="orange.8">
                        {line.besideSlip}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {line.kind === 'problem' && (line.fix === 'amount' || line.fix === 'credits') && <FixRow line={line} onFix={(v) => void fix(line, v)} />}
                      {line.kind === 'problem' && line.fix === 'repeat' && (
                        <Button size="xs" variant="light" onClick={() => void anotherSlip(line.row)} aria-label={`Import row ${line.row} as another slip`}>
                          Another slip
                        </Button>
                      )}
                      {(line.kind === 'problem' || line.kind === 'new' || line.kind === 'differs') && (
                        <Button size="xs" variant="subtle" color="gray" onClick={() => void skip(line.row, true)} aria-label={`Skip row ${line.row}`}>
                          Skip
                        </Button>
                      )}
                      {line.kind === 'skipped' && choices.skipRows.includes(line.row) && (
                        <Button size="xs" variant="subtle" onClick={() => void skip(line.row, false)} aria-label={`Include row ${line.row}`}>
                          Include
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {preview.lines.length < preview.rows && (
            <Text size="sm" c="dimmed" mt="xs">
              Showing {preview.lines.length} of {preview.rows} rows: every problem and difference first; the counts above are for the whole file.
            </Text>
          )}
          {preview.reasonRequired && (
            <Textarea
              mt="md"
              label="Reason for this amendment"
              description={`The meeting of ${preview.meetingOn} is closed: the new and changed slips are amendments, kept in the audit log and the quarterly audit with this reason.`}
              placeholder="e.g. Slips from BNI Connect that were not typed on the night"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              maw={600}
            />
          )}
          <Group justify="flex-end" mt="md">
            {heldForChapter && (
              <Text size="sm" c="orange.8">
                {anotherChapterHeld}
              </Text>
            )}
            {leftOut > 0 && writes > 0 && (
              <Text size="sm" c="dimmed">
                {leftOut} problem row{leftOut === 1 ? '' : 's'} will be left out.
              </Text>
            )}
            <Button onClick={confirm} loading={busy} disabled={blocked}>
              {writes === 0 ? 'Nothing new to import' : `Import ${preview.counts.new} new${preview.counts.differs ? `, update ${preview.counts.differs}` : ''}`}
            </Button>
          </Group>
        </Card>
      )}
    </>
  );
}

/** Every import, newest first, each one undoable as a unit. */
function ImportHistory({ version, onUndone }: { version: number; onUndone?: (() => void) | undefined }) {
  const batches = useQuery(() => ledger.listImports({}), [version]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A new import: the line about the last undo no longer applies.
  useDidUpdate(() => setMessage(null), [version]);
  // An import into a closed meeting is undone only with a reason, asked here first.
  const [asking, setAsking] = useState<ImportBatch | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const undo = async (id: string, why = '') => {
    try {
      setMessage({ ok: true, text: (await ledger.undoImport({ batchId: id, reason: why })).message });
      setAsking(null);
      onUndone?.();
    } catch (e) {
      if (e instanceof LedgerError && e.field === 'reason') {
        setReasonError(e.message);
        return;
      }
      setAsking(null);
      setMessage({ ok: false, text: (e as Error).message });
    }
    await batches.reload();
  };
  const startUndo = (b: ImportBatch) => {
    if (b.closedMeetings.length === 0) return void undo(b.id);
    setReason('');
    setReasonError(null);
    setAsking(b);
  };
  const list = batches.data ?? [];
  return (
    <Card withBorder padding="lg" aria-label="Imports">
      <Title order={4}>Imports</Title>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} mt="sm" role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      {list.length === 0 ? (
        <Text c="dimmed" size="sm" mt="xs">
          No file has been imported into this chapter yet. Each import you make is listed here and can be undone as a whole.
        </Text>
      ) : (
        <Table mt="sm" fz="sm" aria-label="Import history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Imported (UTC)</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Meeting</Table.Th>
              <Table.Th ta="right">New</Table.Th>
              <Table.Th ta="right">Updated</Table.Th>
              <Table.Th ta="right">Already there</Table.Th>
              <Table.Th ta="right">Left out</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((b) => (
              <Table.Tr key={b.id} aria-label={`Import of ${b.fileName}`}>
                <Table.Td style={{ wordBreak: 'break-word' }}>{b.fileName}</Table.Td>
                <Table.Td>{b.importedAt.replace('T', ' ').slice(0, 16)}</Table.Td>
                <Table.Td>{b.actor}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{b.meetingOn ?? ''}</Table.Td>
                <Table.Td ta="right">{b.created}</Table.Td>
                <Table.Td ta="right">{b.updated}</Table.Td>
                <Table.Td ta="right">{b.matched}</Table.Td>
                <Table.Td ta="right">{b.skipped}</Table.Td>
                <Table.Td>
                  {b.undoneAt ? (
                    <Text size="xs" c="dimmed">
                      Undone {b.undoneAt.replace('T', ' ').slice(0, 16)}
                    </Text>
                  ) : (
                    <Button size="xs" variant="light" color="red" onClick={() => startUndo(b)}>
                      Undo this import
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={`Undo the import of ${asking?.fileName ?? ''}?`} size="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (asking) void undo(asking.id, reason);
          }}
        >
          <Text size="sm">
            {asking && asking.closedMeetings.length === 1
              ? `It wrote into the meeting of ${asking.closedMeetings[0]}, which is closed: undoing it is an amendment, kept in the audit log and the quarterly audit with your reason.`
              : `It wrote into ${asking?.closedMeetings.length ?? 0} closed meetings (${asking?.closedMeetings[0] ?? ''} to ${asking?.closedMeetings.at(-1) ?? ''}): undoing it is an amendment, kept in the audit log and the quarterly audit with your reason.`}
          </Text>
          <TextInput mt="sm" label="Reason" placeholder="e.g. Imported the wrong week's file" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError ?? undefined} data-autofocus />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setAsking(null)}>
              Keep the import
            </Button>
            <Button type="submit" color="red">
              Undo this import
            </Button>
          </Group>
        </form>
      </Modal>
    </Card>
  );
}

type Mode = 'slips' | 'attendance' | 'roster' | 'palms';

/** `onChanged`: an import or its undo changed the ledger (the header's member count follows a roster import at once). */
export function ImportScreen({ onChanged }: { onChanged?: () => void } = {}) {
  const [mode, setMode] = useState<Mode>('slips');
  const [version, setVersion] = useState(0);
  /** Counts the imports undone: a preview on screen is read again (the rows it called "in the ledger" may be gone). */
  const [undone, setUndone] = useState(0);
  const imported = () => {
    setVersion((v) => v + 1);
    onChanged?.();
  };
  const undoneOne = () => {
    setUndone((u) => u + 1);
    onChanged?.();
  };
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>Import</Title>
      <SegmentedControl
        aria-label="What to import"
        value={mode}
        onChange={(v) => setMode(v as Mode)}
        data={[
          { value: 'slips', label: 'Slips audit (BNI Connect)' },
          { value: 'attendance', label: 'Attendance report' },
          { value: 'roster', label: 'Roster' },
          { value: 'palms', label: 'Check against BNI Connect PALMS' },
        ]}
        w={780}
      />
      {mode === 'slips' && <SlipsAuditImport onImported={imported} undone={undone} />}
      {mode === 'attendance' && <AttendanceImport onImported={imported} undone={undone} />}
      {mode === 'roster' && <RosterImport onImported={imported} undone={undone} />}
      {mode === 'palms' && <PalmsReconcile />}
      <ImportHistory version={version} onUndone={undoneOne} />
    </Stack>
  );
}
