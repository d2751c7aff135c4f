import { Alert, Button, Card, Center, Container, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingCommunity, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { ledger } from '../client';
import { ChapterForm } from '../components/ChapterForm';
import { NewChapterDialog, RecentChaptersList, reloadOnMeetingScreen } from '../components/ChapterFiles';

/** First launch on an empty file: explore the demo, or set up the real chapter. */
export function WelcomeScreen({ onReady }: { onReady: () => Promise<void> }) {
  const [mode, setMode] = useState<'choose' | 'start'>('choose');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const loadDemo = async () => {
    setLoading(true);
    setError(null);
    try {
      // The demo opens in its own file: this (empty) chapter file stays as it is, under Open recent.
      await ledger.openDemoChapter();
      reloadOnMeetingScreen();
    } catch (e) {
      setError((e as Error).message);
      setLoading(false);
    }
  };

  if (mode === 'start') {
    return (
      <Container size="sm" py="xl">
        <Title order={2}>Start my chapter</Title>
        <Text c="dimmed" mb="lg">
          The basics first; classifications and members come next. Everything can be changed later in Settings.
        </Text>
        <Card withBorder padding="lg">
          <ChapterForm chapter={null} submitLabel="Create chapter" onSaved={() => void onReady()} />
        </Card>
        <Button variant="subtle" mt="md" onClick={() => setMode('choose')}>
          Back
        </Button>
      </Container>
    );
  }

  return (
    <Center mih="100vh" p="xl">
      <Stack maw={760} gap="lg">
        <div>
          <Title order={1}>Welcome to Chapter Ledger</Title>
          <Text c="dimmed" size="lg">
            Attendance, referral and TYFCB slips, given vs received — kept on this computer.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Card withBorder padding="lg">
            <ThemeIcon size="xl" variant="light" mb="sm">
              <IconSparkles />
            </ThemeIcon>
            <Title order={4}>Explore the demo chapter</Title>
            <Text size="sm" c="dimmed" mb="md">
              A whole chapter: members on their seats, an applicant, a quarter of weekly meetings and slips. Try everything without typing a thing. It opens in a file of its own, never in yours.
            </Text>
            <Button onClick={loadDemo} loading={loading} autoFocus>
              Explore the demo chapter
            </Button>
          </Card>
          <Card withBorder padding="lg">
            <ThemeIcon size="xl" variant="light" color="blue" mb="sm">
              <IconBuildingCommunity />
            </ThemeIcon>
            <Title order={4}>Start my chapter</Title>
            <Text size="sm" c="dimmed" mb="md">
              Name your chapter, set the meeting day and currency, then add classifications and members.
            </Text>
            <Group>
              <Button variant="light" color="blue" onClick={() => setMode('start')}>
                Start my chapter
              </Button>
            </Group>
          </Card>
        </SimpleGrid>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <RecentChaptersList />
        <Group>
          <Button variant="subtle" onClick={() => setCreating(true)}>
            New chapter file…
          </Button>
        </Group>
        <NewChapterDialog opened={creating} onClose={() => setCreating(false)} folder={null} />
      </Stack>
    </Center>
  );
}
