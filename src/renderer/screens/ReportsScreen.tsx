import { Alert, Button, Card, Group, Loader, Progress, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { chapterToday } from '../chapter-today';
import { IconDownload, IconEye, IconFolder, IconPlayerStop, IconPrinter } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Chapter, Meeting, ProduceReportInput, StatementsJob } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import { quarterLabel, quarterOf, type PeriodPreset } from '../../shared/periods';
import { followStatementsEveryMs } from '../../shared/statements-follow';
import { ledger } from '../client';
import { downloadBytes, pdfBlobUrl } from '../download';
import { PeriodPicker, periodProblem, usePeriod } from '../components/PeriodPicker';
import { useRecentMeetings } from '../recent-meetings';
import { MeetingPicker } from '../components/MeetingPicker';
import { useQuery } from '../use-query';
import { foldedFilter } from '../components/SearchSelect';

type Kind = ProduceReportInput['report'];
const kinds: Array<{ value: Kind; label: string; about: string }> = [
  { value: 'weekly_meeting', label: 'Weekly meeting', about: 'Attendance by letter, visitors, every slip by type, the week beside the year to date.' },
  { value: 'slips_audit', label: 'Slips audit', about: "Every slip of a period in BNI Connect's layout, with totals." },
  { value: 'palms_summary', label: 'PALMS summary', about: 'The per-member table of a period with chapter totals.' },
  { value: 'member_statement', label: 'Member statement', about: 'Given vs received, with whom, open referrals, attendance and score: for a member to take home.' },
  { value: 'all_statements', label: 'All statements', about: "Every member's statement for the period: one PDF to print (each member on new pages), or each member's own PDF written to a folder." },
  { value: 'quarterly_audit', label: 'Quarterly audit', about: 'The report leadership signs: summary beside the previous quarter, per-member table, matrix, flags, amendments.' },
];

/** The last `count` calendar quarters, newest first; the quarter still running says so. */
function recentQuarters(today: string, count: number) {
  const list: Array<{ value: string; label: string }> = [];
  let day = today;
  for (let i = 0; i < count; i++) {
    const q = quarterOf(day);
    list.push({ value: q.from, label: `${quarterLabel(q)} (${q.from} to ${q.to})${i === 0 ? ' · still running' : ''}` });
    day = addDays(q.from, -1);
  }
  return list;
}
const olderQuartersValue = '__older_quarters__';


/** Where an all-statements job is, in words ("Laying out statement 12 of 60…"). */
export function statementsJobWords(job: StatementsJob): string {
  const of = `${Math.min(job.done, job.total)} of ${job.total}`;
  if (job.stage === 'single') return `Writing each member's PDF: ${of} written…`;
  if (job.stage === 'combined') return `${job.output === 'folder' ? 'Making the combined PDF' : 'Making the PDF'}: ${of} statements laid out…`;
  return `Writing the pages of the ${job.output === 'folder' ? 'combined ' : ''}PDF…`;
}

/** What a stopped job leaves, in words. */
function stoppedWords(job: StatementsJob): string {
  if (job.output === 'pdf') return 'Stopped: no PDF was made.';
  // The members' own files come first; the combined PDF is the last file written.
  const singles = Math.min(job.written.length, job.total);
  if (singles === 0) return `Stopped: no statement was written (the folder ${job.folder} was made and is empty).`;
  if (job.written.length > job.total) return `Stopped as it finished: all ${job.total} members' statements and the combined PDF are in ${job.folder}.`;
  return `Stopped after ${singles} of ${job.total} members' statements: ${singles === 1 ? 'that file is' : 'those files are'} in ${job.folder}; the others and the combined PDF were not written.`;
}

type Made = { fileName: string; bytes: Uint8Array; request: string };
/**
 * What the screen showed when it was left — the report chosen, its period, member, meeting or quarter, the
 * last PDF made (or files written, or how a job stopped) — shown again on coming back, as a secretary who
 * looked at the Meeting screen for a moment expects. A PDF that finished just as the screen was left is kept
 * too, and an all-statements job still running (a year's PDF takes seconds) is followed again: its progress,
 * then its PDF, files or how it stopped. Its report and period are the ones kept (they are locked while it runs).
 */
const kept: {
  kind?: Kind;
  period?: { preset: PeriodPreset; period: { from: string; to: string } };
  memberId?: string | null;
  meetingId?: string | null;
  quarter?: string;
  made?: Made | null;
  written?: { folder: string; files: Array<{ name: string }> } | null;
  stopped?: string | null;
  running?: { job: StatementsJob; period: { from: string; to: string } } | null;
} = {};

const reportMeetingLabel = (m: Meeting) => `${m.meetingOn} · ${m.status === 'completed' ? 'closed' : m.status} · ${m.slipCount} slip${m.slipCount === 1 ? '' : 's'}`;

export function ReportsScreen({ chapter, initial }: { chapter: Chapter; initial?: { meetingId: string } }) {
  // Opened from the Meeting screen's Print: that meeting's report; else the screen as it was left.
  const back = initial ? null : kept;
  const [kind, setKind] = useState<Kind>(initial ? 'weekly_meeting' : (back?.kind ?? 'quarterly_audit'));
  // The last year of meetings and every draft (and the one Print was pressed on); older ones on demand.
  const meetings = useRecentMeetings(initial?.meetingId ?? null);
  const members = useQuery(() => ledger.listMembers({ scope: 'all' }), []);
  const showOlderMeetings = useCallback(async () => void (await meetings.showOlder()), [meetings.showOlder]);
  const showMeetingsBackTo = useCallback(async (day: string) => void (await meetings.showBackTo(day)), [meetings.showBackTo]);
  const period = usePeriod('this_quarter', back?.period);
  // Eight quarters, then eight more each time "Older quarters…" is picked: a ten-year chapter can audit any of them.
  const [quarterCount, setQuarterCount] = useState(8);
  const quarters = useMemo(() => recentQuarters(chapterToday(), quarterCount), [quarterCount]);
  const quarterOptions = useMemo(() => [...quarters, { value: olderQuartersValue, label: `Older quarters… (before ${quarters[quarters.length - 1]!.value})` }], [quarters]);
  const [meetingId, setMeetingId] = useState<string | null>(initial?.meetingId ?? back?.meetingId ?? null);
  const [memberId, setMemberId] = useState<string | null>(back?.memberId ?? null);
  // The audit leadership signs is of the last full quarter, not the one still running.
  const [quarter, setQuarter] = useState<string>(back?.quarter ?? quarters[1]!.value);
  // The PDF last made, with the request it was made from: Save and Print use it only while the form still
  // asks for exactly that (a president who changed the period after Preview got last quarter's statements).
  const [preview, setPreview] = useState<(Made & { url: string }) | null>(() => (back?.made ? { ...back.made, url: pdfBlobUrl(back.made.bytes) } : null));
  const [making, setMaking] = useState<'preview' | 'save' | 'print' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<{ folder: string; files: Array<{ name: string }> } | null>(back?.written ?? null);
  const frame = useRef<HTMLIFrameElement>(null);
  // An all-statements job being followed (statement 12 of 60…), and whether the screen is still shown.
  const [job, setJob] = useState<StatementsJob | null>(null);
  const [stopped, setStopped] = useState<string | null>(back?.stopped ?? null);
  // Kept while shown, for the next visit (not a visit opened by Print on the Meeting screen: the screen as it was left before it stays).
  useEffect(() => {
    if (initial) return;
    Object.assign(kept, {
      kind,
      period: { preset: period.preset, period: period.period },
      memberId,
      meetingId,
      quarter,
      made: preview ? { fileName: preview.fileName, bytes: preview.bytes, request: preview.request } : null,
      written,
      stopped,
    });
    // `initial` is fixed for the visit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, period.preset, period.period, memberId, meetingId, quarter, preview, written, stopped]);
  const shown = useRef(true);
  const following = useRef<StatementsJob | null>(null);
  const followingPeriod = useRef<{ from: string; to: string } | null>(null);
  useEffect(() => {
    shown.current = true;
    const left = back?.running;
    if (left) {
      kept.running = null;
      void resume(left.job, left.period);
    }
    return () => {
      shown.current = false;
      // Leaving the screen leaves the job running (a folder is written to the end, a PDF is made): shown again on coming back.
      const left = following.current;
      if (left?.state === 'running') kept.running = { job: left, period: followingPeriod.current! };
    };
    // Once per visit of the screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // "All statements" chosen: the workers that make it start now and warm up while the period is picked,
  // so the PDF comes about a second sooner (they end by themselves if it is not made within minutes).
  useEffect(() => {
    if (kind === 'all_statements') void ledger.prepareAllStatements({}).catch(() => undefined);
  }, [kind]);

  useEffect(() => {
    if (!meetingId && meetings.data?.length) setMeetingId(meetings.data[0]!.id);
  }, [meetings.data, meetingId]);
  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview.url);
    },
    [preview],
  );

  const input = (): ProduceReportInput | string => {
    const usesPeriod = kind === 'slips_audit' || kind === 'palms_summary' || kind === 'member_statement' || kind === 'all_statements';
    const wrongDates = usesPeriod ? periodProblem(period) : null;
    if (wrongDates) return wrongDates;
    switch (kind) {
      case 'weekly_meeting':
        return meetingId ? { report: kind, meetingId } : 'Choose a meeting.';
      case 'quarterly_audit':
        return { report: kind, from: quarter };
      case 'member_statement':
        return memberId ? { report: kind, memberId, ...period.period } : 'Choose a member.';
      default:
        return { report: kind, ...period.period };
    }
  };

  const requestKey = (request: ProduceReportInput | string) => (typeof request === 'string' ? null : JSON.stringify(request));
  // A preview of other dates, another member or meeting is no longer what the form shows: it goes.
  const formNow = input();
  const asked = requestKey(formNow);
  useEffect(() => {
    if (preview && preview.request !== asked) setPreview(null);
  }, [asked, preview]);
  // A red line about the form as it was (dates wrong, then fixed or wrong another way) goes once the form changes.
  const formSays = typeof formNow === 'string' ? formNow : asked;
  const saidFor = useRef(formSays);
  useEffect(() => {
    if (saidFor.current !== formSays) setError(null);
    saidFor.current = formSays;
  }, [formSays]);

  const produce = async (by: 'preview' | 'save' | 'print' = 'preview') => {
    const request = input();
    if (typeof request === 'string') {
      setError(request);
      return null;
    }
    setBusy(true);
    setMaking(by);
    setError(null);
    setStopped(null);
    setWritten(null);
    try {
      const made = request.report === 'all_statements' ? (await followStatements('pdf'))?.pdf : await ledger.produceReport(request);
      return made ? show(made, request) : null;
    } catch (e) {
      setError((e as Error).message);
      return null;
    } finally {
      setBusy(false);
      setMaking(null);
    }
  };
  /** The PDF made, shown in the preview (Save and Print use it while the form asks for the same). */
  const show = (made: { fileName: string; pdfBase64: string }, request: ProduceReportInput) => {
    const bytes = Uint8Array.from(atob(made.pdfBase64), (c) => c.charCodeAt(0));
    const produced = { url: pdfBlobUrl(bytes), fileName: made.fileName, bytes, request: JSON.stringify(request) };
    // Finished as the screen was left: shown on coming back.
    if (!shown.current && !initial) Object.assign(kept, { kind: request.report, made: { fileName: made.fileName, bytes, request: produced.request } });
    setPreview(produced);
    return produced;
  };
  /** The preview when it is of what the form asks now, else a new PDF made for it. */
  const current = async (by: 'save' | 'print') => (preview && preview.request === requestKey(input()) ? preview : await produce(by));

  /** Starts an all-statements job and follows it to its end: the finished job, or null when it was stopped. */
  const followStatements = async (output: 'pdf' | 'folder'): Promise<StatementsJob | null> => {
    const started = await ledger.startAllStatements({ ...period.period, output });
    return follow(started, period.period);
  };
  const follow = async (started: StatementsJob, of: { from: string; to: string }): Promise<StatementsJob | null> => {
    let current = started;
    following.current = current;
    followingPeriod.current = of;
    setJob(current);
    try {
      while (current.state === 'running') {
        // Answered when the job ends, or after a few hundred ms with how far it is.
        current = await ledger.allStatementsJob({ jobId: current.id, waitMs: followStatementsEveryMs });
        if (!shown.current) return null;
        following.current = current;
        setJob(current);
      }
    } finally {
      following.current = null;
      if (shown.current) setJob(null);
    }
    if (current.state === 'failed') throw new Error(current.message ?? 'The statements could not be made.');
    if (current.state === 'cancelled') {
      if (shown.current) setStopped(stoppedWords(current));
      return null;
    }
    return current;
  };

  /** The job left running when the screen was left, followed again (the kept form is the one it was started from). */
  const resume = async (left: StatementsJob, of: { from: string; to: string }) => {
    setBusy(true);
    try {
      const done = await follow(left, of);
      if (!done || !shown.current) return;
      if (done.output === 'pdf' && done.pdf) show(done.pdf, { report: 'all_statements', ...of });
      if (done.output === 'folder') setWritten({ folder: done.folder!, files: done.written });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const stop = async () => {
    const running = following.current;
    if (running) await ledger.cancelAllStatements({ jobId: running.id });
  };

  const writeEach = async () => {
    setBusy(true);
    setError(null);
    setWritten(null);
    setStopped(null);
    try {
      const wrongDates = periodProblem(period);
      if (wrongDates) throw new Error(wrongDates);
      const done = await followStatements('folder');
      if (done && !shown.current && !initial) Object.assign(kept, { kind: 'all_statements', written: { folder: done.folder!, files: done.written } });
      if (done) setWritten({ folder: done.folder!, files: done.written });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const produced = await current('save');
    if (produced) downloadBytes(produced.fileName, produced.bytes as BlobPart, 'application/pdf');
  };
  const print = async () => {
    const produced = await current('print');
    if (!produced) return;
    // Printing is the PDF viewer's: wait for the frame to hold this report, then ask it to print.
    setTimeout(() => frame.current?.contentWindow?.print(), 400);
  };

  return (
    <Stack gap="md">
      <Title order={2}>Reports</Title>
      <SegmentedControl
        aria-label="Report"
        // A report being made is of the choices it was started with: they stay until it is done or stopped.
        disabled={busy}
        value={kind}
        onChange={(v) => {
          setKind(v as Kind);
          setPreview(null);
          setError(null);
          setStopped(null);
        }}
        data={kinds.map((k) => ({ value: k.value, label: k.label }))}
      />
      <Text size="sm" c="dimmed">
        {kinds.find((k) => k.value === kind)!.about} Money in {chapter.currency}; only closed meetings count, drafts print as DRAFT.
      </Text>
      <Card withBorder padding="md">
        <Group align="flex-end">
          {kind === 'weekly_meeting' && (
            // The Meeting screen's picker: searched by date ("2019-05"), weekday or status, older years on demand.
            <MeetingPicker
              fieldLabel="Meeting"
              meetings={meetings.data ?? []}
              hasOlder={meetings.hasOlder}
              value={meetingId}
              onChange={(v) => {
                setMeetingId(v);
                setPreview(null);
              }}
              onShowOlder={showOlderMeetings}
              onShowBackTo={showMeetingsBackTo}
              label={reportMeetingLabel}
              placeholder={meetings.data?.length ? 'Choose a meeting' : 'No meetings yet'}
            />
          )}
          {kind === 'quarterly_audit' && (
            <Select
              label="Quarter"
              w={320}
              data={quarterOptions}
              value={quarter}
              onChange={(v) => {
                if (v === olderQuartersValue) return void setQuarterCount((n) => n + 8);
                if (v) setQuarter(v);
                setPreview(null);
              }}
              allowDeselect={false}
            />
          )}
          {kind === 'member_statement' && (
            <Select
              label="Member"
              w={260}
              searchable filter={foldedFilter}
              // Typing a name highlights the first match (the only one, when one is left), so Enter takes it.
              selectFirstOptionOnChange
              data={(members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }))}
              value={memberId}
              onChange={(v) => {
                setMemberId(v);
                setPreview(null);
              }}
              // Clicking the member already chosen (to check it) keeps them; another name replaces them.
              allowDeselect={false}
            />
          )}
          {(kind === 'slips_audit' || kind === 'palms_summary' || kind === 'member_statement' || kind === 'all_statements') && <PeriodPicker state={period} disabled={busy} />}
        </Group>
        <Group mt="md">
          <Button leftSection={<IconEye size={16} />} onClick={() => void produce('preview')} loading={making === 'preview'} disabled={busy}>
            Preview
          </Button>
          <Button variant="light" leftSection={<IconDownload size={16} />} onClick={save} loading={making === 'save'} disabled={busy}>
            Save as PDF
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={print} loading={making === 'print'} disabled={busy}>
            Print
          </Button>
          {kind === 'all_statements' && (
            <Button variant="light" leftSection={<IconFolder size={16} />} onClick={writeEach} disabled={busy}>
              Save each member's PDF to a folder…
            </Button>
          )}
        </Group>
        {/* The folder written belongs to All statements: not said beside another report's choices. */}
        {written && kind === 'all_statements' && (
          <Alert color="teal" mt="md" role="status">
            Wrote {written.files.length - 1} statements and the combined PDF to {written.folder}.
          </Alert>
        )}
        {error && (
          <Alert color="red" mt="md" role="alert">
            {error}
          </Alert>
        )}
      </Card>
      {job ? (
        <Card withBorder padding="md" aria-label="Statements being made">
          <Group justify="space-between" align="center">
            <Text size="sm" role="status">
              {statementsJobWords(job)}
            </Text>
            <Button variant="default" size="xs" leftSection={<IconPlayerStop size={14} />} onClick={stop}>
              Stop
            </Button>
          </Group>
          <Progress mt="xs" value={job.total ? (100 * Math.min(job.done, job.total)) / job.total : 0} aria-label="Statements done" animated={job.stage === 'writing'} />
        </Card>
      ) : (
        busy && <Loader aria-label="Producing the report" />
      )}
      {stopped && (
        <Alert color="gray" role="status">
          {stopped}
        </Alert>
      )}
      {preview && (
        <Card withBorder padding={0} aria-label="Report preview">
          <Text size="sm" p="xs" c="dimmed">
            {preview.fileName} · {(preview.bytes.length / 1024).toFixed(0)} KB
          </Text>
          <iframe ref={frame} title="Report preview" src={preview.url} style={{ width: '100%', height: '78vh', border: 0 }} />
        </Card>
      )}
    </Stack>
  );
}
