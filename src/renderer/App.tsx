import { AppShell, Badge, Center, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArmchair2, IconArrowsExchange, IconCalendarEvent, IconFileImport, IconFileText, IconGauge, IconHistory, IconScale, IconSettings, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { weekdayNames } from '../shared/domain';
import { ledger } from './client';
import { ErrorNotice } from './components/ErrorNotice';
import { AuditLogScreen } from './screens/AuditLogScreen';
import { ImportScreen } from './screens/ImportScreen';
import { MeetingScreen } from './screens/MeetingScreen';
import { MembersScreen } from './screens/MembersScreen';
import { OpenReferralsScreen } from './screens/OpenReferralsScreen';
import { ReciprocityScreen } from './screens/ReciprocityScreen';
import { ReportsScreen } from './screens/ReportsScreen';
import { ScorecardScreen } from './screens/ScorecardScreen';
import { SeatMapScreen } from './screens/SeatMapScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { useQuery } from './use-query';

const screens = [
  { id: 'meeting', label: 'Meeting', icon: IconCalendarEvent, hotkey: 'alt+1' },
  { id: 'referrals', label: 'Open referrals', icon: IconArrowsExchange, hotkey: 'alt+2' },
  { id: 'reciprocity', label: 'Reciprocity', icon: IconScale, hotkey: 'alt+3' },
  { id: 'scorecard', label: 'Scorecard', icon: IconGauge, hotkey: 'alt+4' },
  { id: 'reports', label: 'Reports', icon: IconFileText, hotkey: 'alt+5' },
  { id: 'members', label: 'Members', icon: IconUsers, hotkey: 'alt+6' },
  { id: 'seats', label: 'Seat map', icon: IconArmchair2, hotkey: 'alt+7' },
  { id: 'settings', label: 'Settings', icon: IconSettings, hotkey: 'alt+8' },
  { id: 'audit', label: 'Audit log', icon: IconHistory, hotkey: 'alt+9' },
  { id: 'import', label: 'Import', icon: IconFileImport, hotkey: 'alt+0' },
] as const;
type ScreenId = (typeof screens)[number]['id'];

export function App() {
  const status = useQuery(() => ledger.appStatus(), []);
  const chapter = useQuery(() => ledger.getChapter(), []);
  const screen = useHashScreen();
  useHotkeys(screens.map((s) => [s.hotkey, () => (window.location.hash = `#/${s.id}`)]), []);

  const reloadAll = async () => {
    await Promise.all([status.reload(), chapter.reload()]);
  };

  if (status.error || chapter.error) return <ErrorNotice error={status.error ?? chapter.error} onRetry={reloadAll} />;
  if (!status.data || chapter.data === undefined) {
    return (
      <Center h="100vh">
        <Loader aria-label="Opening the chapter file" />
      </Center>
    );
  }
  if (!chapter.data) return <WelcomeScreen onReady={reloadAll} />;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between">
          <Group gap="sm">
            <Title order={3} fw={700}>
              Chapter Ledger
            </Title>
            <Text c="dimmed" size="sm">
              {chapter.data.name}
              {chapter.data.region ? ` · ${chapter.data.region}` : ''}
            </Text>
            <Text c="dimmed" size="sm">
              · meets {weekdayNames[chapter.data.meetingWeekday]}s at {chapter.data.meetingTime}
            </Text>
          </Group>
          <Badge variant="light" size="lg">
            {status.data.memberCount} members
          </Badge>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Stack gap={4} component="nav" aria-label="Screens">
          {screens.map((s) => (
            <NavLink
              key={s.id}
              label={s.label}
              description={s.hotkey.replace('alt', 'Alt')}
              leftSection={<s.icon size={18} stroke={1.6} />}
              href={`#/${s.id}`}
              active={screen === s.id}
              aria-current={screen === s.id ? 'page' : undefined}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {screen === 'meeting' && <MeetingScreen chapter={chapter.data} />}
        {screen === 'referrals' && <OpenReferralsScreen chapter={chapter.data} />}
        {screen === 'reciprocity' && <ReciprocityScreen chapter={chapter.data} />}
        {screen === 'scorecard' && <ScorecardScreen />}
        {screen === 'reports' && <ReportsScreen chapter={chapter.data} />}
        {screen === 'members' && <MembersScreen chapter={chapter.data} onChanged={status.reload} />}
        {screen === 'seats' && <SeatMapScreen />}
        {screen === 'audit' && <AuditLogScreen />}
        {screen === 'import' && <ImportScreen />}
        {screen === 'settings' && <SettingsScreen chapter={chapter.data} databaseFile={status.data.databaseFile} onChanged={reloadAll} />}
      </AppShell.Main>
    </AppShell>
  );
}

/** The screen lives in the URL hash, so Back and Forward work and a reload stays put. */
function useHashScreen(): ScreenId {
  const read = (): ScreenId => {
    const id = window.location.hash.replace(/^#\//, '');
    // Meeting night is the default screen: it is what the secretary opens the app for.
    return screens.some((s) => s.id === id) ? (id as ScreenId) : 'meeting';
  };
  const [screen, setScreen] = useState<ScreenId>(read);
  useEffect(() => {
    const onChange = () => setScreen(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return screen;
}
