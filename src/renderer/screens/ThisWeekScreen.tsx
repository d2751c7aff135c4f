import { Alert, Anchor, Badge, Button, Card, CopyButton, Group, List, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { prospectStageLabels } from '../../shared/domain';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useQuery } from '../use-query';
import { VisitorLinkingNotice, visitorCount } from '../components/VisitorLinkingNotice';
import { stageColors } from './VisitorsScreen';

const bucketLabels = { overdue: 'overdue', due_30: 'in 30 days', due_60: 'in 60 days', due_90: 'in 90 days' } as const;
const bucketColors = { overdue: 'red', due_30: 'orange', due_60: 'yellow', due_90: 'gray' } as const;

function ListCard({ title, count, countLabel, href, linkLabel, empty, children }: { title: string; count: number; countLabel?: string; href: string; linkLabel: string; empty: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={4}>{title}</Title>
          <Badge variant="light" color={count > 0 ? 'blue' : 'gray'}>{countLabel ?? count}</Badge>
        </Group>
        <Anchor href={href} size="sm">{linkLabel}</Anchor>
      </Group>
      {count === 0 ? <Text size="sm" c="dimmed">{empty}</Text> : children}
    </Card>
  );
}

/** The leadership team's week: who to call, what to decide, what to send, and the summary for the group chat. */
export function ThisWeekScreen() {
  const week = useQuery(() => ledger.thisWeek(), []);
  if (week.error) return <ErrorNotice error={week.error} onRetry={week.reload} />;
  const w = week.data;
  if (!w) return <Text c="dimmed">Gathering this week's lists…</Text>;
  const openSeatCount = w.openSeats.reduce((n, s) => n + s.classifications.length, 0);

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>This week</Title>
        <Text c="dimmed" size="sm">
          What the leadership team acts on before the next meeting, as of {w.today}. New visitor slips join the pipeline and due absence letters are drafted when this opens.
        </Text>
      </div>
      <VisitorLinkingNotice waiting={w.visitorSlipsWaiting} onLookAgain={() => void week.reload()} />
      {w.isEmptyChapter && (
        <Alert color="blue" title="No members yet">
          Add members on the Members screen (or import a roster), then record meetings: the lists below fill as visitors come, renewals approach and attendance is marked.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ListCard
          title="Visitors to follow up"
          count={w.visitorsToFollowUpTotal}
          countLabel={w.visitorSlipsWaiting > 0 ? `${w.visitorsToFollowUpTotal.toLocaleString()} so far` : undefined}
          href="#/visitors"
          linkLabel="Visitors"
          empty={w.visitorSlipsWaiting > 0 ? 'Not known yet: the visitors of the earlier slips still being matched (above) appear here as they are matched.' : 'Nobody waiting for a call: every visitor has been followed up.'}
        >
          <List size="sm" spacing={4}>
            {w.visitorsToFollowUp.slice(0, 12).map((p) => (
              <List.Item key={p.id}>
                <Text span fw={600} dir="auto">{p.name}</Text> <Text span c="dimmed">{p.classificationSought ? `· ${p.classificationSought}` : ''} · {p.visits.length} visit{p.visits.length === 1 ? '' : 's'}</Text>{' '}
                <Badge size="xs" variant="light" color={stageColors[p.stage]}>{prospectStageLabels[p.stage]}</Badge>{' '}
                {p.stale && <Badge size="xs" color="red" variant="light">stale · {p.daysSinceContact} days</Badge>}
              </List.Item>
            ))}
          </List>
          {w.visitorsToFollowUpTotal > 12 && (
            <Anchor href="#/visitors" size="sm" mt={4} display="block">
              and {visitorCount(w.visitorsToFollowUpTotal - 12, w.visitorSlipsWaiting, ['more', 'more'])} on the Visitors screen (To follow up)
            </Anchor>
          )}
        </ListCard>
        <ListCard title="Applicants waiting" count={w.applicantsWaiting.length} href="#/applications" linkLabel="Applications" empty="No application is waiting for the committee.">
          <List size="sm" spacing={4}>
            {w.applicantsWaiting.map((a) => (
              <List.Item key={a.id}>
                <Text span fw={600}>{a.memberName}</Text> <Text span c="dimmed">· {a.classificationName} · {a.daysWaiting} days</Text> — {a.nextStep}
              </List.Item>
            ))}
          </List>
        </ListCard>
        <ListCard title="Renewals due" count={w.renewalsDue.length} href="#/applications" linkLabel="Renewals" empty="No renewal in the next 90 days.">
          <List size="sm" spacing={4}>
            {w.renewalsDue.map((r) => (
              <List.Item key={r.memberId}>
                <Text span fw={600}>{r.name}</Text> <Text span c="dimmed">· due {r.renewalDue}</Text>{' '}
                <Badge size="xs" variant="light" color={bucketColors[r.bucket]}>{bucketLabels[r.bucket]}</Badge>
              </List.Item>
            ))}
          </List>
        </ListCard>
        <ListCard title="Letters to review" count={w.lettersToReview.length + w.committeeToDecide.filter((l) => l.status === 'sent').length} href="#/applications" linkLabel="Letters" empty="No attendance letter is waiting.">
          <List size="sm" spacing={4}>
            {w.lettersToReview.map((l) => (
              <List.Item key={l.id}>
                <Text span fw={600}>{l.memberName}</Text> <Text span c="dimmed">· {l.absences} absences · {l.level} letter</Text>{' '}
                <Badge size="xs" variant="light" color={l.status === 'draft' ? 'orange' : 'blue'}>{l.status === 'draft' ? 'to review' : 'reviewed, to send'}</Badge>
              </List.Item>
            ))}
            {w.committeeToDecide.filter((l) => l.status === 'sent').map((l) => (
              <List.Item key={`c-${l.id}`}>
                <Text span fw={600}>{l.memberName}</Text> <Text span c="dimmed">· final letter sent {l.sentOn}</Text> <Badge size="xs" color="red" variant="light">committee to decide</Badge>
              </List.Item>
            ))}
          </List>
        </ListCard>
        <ListCard title="Open seats by contact sphere" count={openSeatCount} href="#/seats" linkLabel="Seat map" empty="Every seat is taken.">
          <Stack gap={6}>
            {w.openSeats.map((s) => (
              <div key={s.sphereName}>
                <Text size="sm" fw={600}>{s.sphereName}</Text>
                <Group gap={4}>
                  {s.classifications.map((c) => (
                    <Badge key={c.id} variant="outline" color={c.visitorsInterested > 0 ? 'green' : 'gray'}>
                      {c.name}{c.visitorsInterested > 0 ? ` · ${c.visitorsInterested} visitor${c.visitorsInterested > 1 ? 's' : ''} interested` : ''}
                    </Badge>
                  ))}
                </Group>
              </div>
            ))}
          </Stack>
        </ListCard>
        <ListCard title={`No referral in ${w.noReferralWeeks} weeks`} count={w.noRecentReferral.length} href="#/reciprocity" linkLabel="Reciprocity" empty="Every member gave a referral recently.">
          <List size="sm" spacing={4}>
            {w.noRecentReferral.map((m) => (
              <List.Item key={m.memberId}>
                <Text span fw={600}>{m.name}</Text> <Text span c="dimmed">· last gave {m.lastGivenOn ?? 'never'}</Text>
              </List.Item>
            ))}
          </List>
        </ListCard>
      </SimpleGrid>
      <Card withBorder padding="md" component="section" aria-label="Weekly summary">
        <Group justify="space-between" mb="xs">
          <Title order={4}>Weekly summary for the chapter's group chat</Title>
          <CopyButton value={w.summaryText}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'green' : 'blue'} onClick={copy}>
                {copied ? 'Copied' : 'Copy text'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Textarea aria-label="Weekly summary text" value={w.summaryText} readOnly autosize minRows={6} styles={{ input: { fontFamily: 'inherit' } }} />
      </Card>
    </Stack>
  );
}
