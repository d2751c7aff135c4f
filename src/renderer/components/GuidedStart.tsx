import { Anchor, Button, Card, List, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ledger } from '../client';
import { useQuery } from '../use-query';

/** What a new chapter still needs before its first meeting, read from the ledger itself. */
export interface SetupProgress {
  classifications: number;
  inSphere: number;
  members: number;
  meetings: number;
}

/** The steps in the order a secretary takes them; each ticks itself once the ledger shows it done. */
export function setupSteps(p: SetupProgress) {
  return [
    { key: 'seats', done: p.classifications > 0 && p.inSphere === p.classifications, started: p.classifications > 0 },
    { key: 'members', done: p.members > 0, started: p.members > 0 },
    { key: 'meeting', done: p.meetings > 0, started: p.meetings > 0 },
  ] as const;
}

function Step({ done, children }: { done: boolean; children: ReactNode }) {
  return (
    <List.Item
      icon={
        <ThemeIcon color={done ? 'teal' : 'gray'} variant={done ? 'filled' : 'light'} size={22} radius="xl">
          {done ? <IconCheck size={14} aria-label="done" /> : <IconCircleDashed size={14} aria-label="to do" />}
        </ThemeIcon>
      }
    >
      {children}
    </List.Item>
  );
}

/**
 * The guided start on an empty Meeting screen: seats first, then members, then the first meeting.
 * It disappears once the chapter has a meeting.
 */
export function GuidedStart({ meetings, onNewMeeting }: { meetings: number; onNewMeeting: () => void }) {
  const classifications = useQuery(() => ledger.listClassifications(), []);
  const members = useQuery(() => ledger.listMembers({ scope: 'current' }), []);
  if (!classifications.data || !members.data) return null;
  const progress: SetupProgress = {
    classifications: classifications.data.length,
    inSphere: classifications.data.filter((c) => c.sphereId !== null).length,
    members: members.data.length,
    meetings,
  };
  const [seats, people, meeting] = setupSteps(progress);
  return (
    <Card withBorder padding="lg" aria-label="Getting started" component="section">
      <Title order={4} mb={4}>
        Getting started
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Three steps before tonight's slips. Each one ticks itself when it is done.
      </Text>
      <List spacing="md" center>
        <Step done={seats.done}>
          <Anchor href="#/settings/seats">Set up classifications and contact spheres</Anchor>
          <Text size="xs" c="dimmed">
            {progress.classifications === 0
              ? 'One seat per industry: add the classifications your chapter has, and group them into contact spheres (power teams).'
              : `${progress.classifications} classification${progress.classifications === 1 ? '' : 's'}, ${progress.inSphere} in a contact sphere${seats.done ? '.' : ': select several in Settings → Classifications & spheres and put them in a sphere at once.'}`}
          </Text>
        </Step>
        <Step done={people.done}>
          <Anchor href="#/members">Add members</Anchor>
          <Text size="xs" c="dimmed">
            {progress.members === 0 ? 'Add each member in their seat, or import the roster from a CSV or Excel file (Import).' : `${progress.members} member${progress.members === 1 ? '' : 's'} seated.`}
          </Text>
        </Step>
        <Step done={meeting.done}>
          <Button variant="subtle" size="compact-sm" px={0} onClick={onNewMeeting}>
            First meeting
          </Button>
          <Text size="xs" c="dimmed">
            New meeting (Alt+N) opens tonight's meeting on the chapter's meeting day; then attendance and slips.
          </Text>
        </Step>
      </List>
    </Card>
  );
}
