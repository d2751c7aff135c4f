import { AppShell, Badge, Button, Center, Group, Loader, Modal, NavLink, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import { setChapterLocale, setChapterTimeZone } from './chapter-today';
import { IconArmchair2, IconArrowsExchange, IconCalendarEvent, IconFileImport, IconFileText, IconGauge, IconHistory, IconScale, IconSettings, IconTrophy, IconUsers } from '@tabler/icons-react';
import { lazy, memo, Suspense, useEffect, useRef, useState } from 'react';
import { weekdayNames } from '../shared/domain';
import { memberCountLabel } from '../shared/member-count';
import { leadershipScreenKeys, screenForKey, screenKeys, screenShortcutLabel } from '../shared/screens';
import { ledger } from './client';
import { ErrorNotice } from './components/ErrorNotice';
import { clearLeaveGuards, leaveGuardMessage, showSaveButton } from './leave-guard';
import { FileMenu } from './components/ChapterFiles';
import { useQuery } from './use-query';
import { earlyKeys, takeEarly } from './early';
import { sayFirstScreenShown } from './first-screen';
import { IconChecklist, IconGavel, IconUserPlus } from '@tabler/icons-react';

// Every screen is its own chunk, loaded when first shown: the window opens on the Meeting screen
// without parsing the code of the others. A new screen follows the same pattern. Memoized: the shell
// drawn again (the header's status is read again on each screen change) does not redraw the screen.
const AuditLogScreen = memo(lazy(() => import('./screens/AuditLogScreen').then((m) => ({ default: m.AuditLogScreen }))));
const ImportScreen = memo(lazy(() => import('./screens/ImportScreen').then((m) => ({ default: m.ImportScreen }))));
const MeetingScreen = memo(lazy(() => import('./screens/MeetingScreen').then((m) => ({ default: m.MeetingScreen }))));
const MembersScreen = memo(lazy(() => import('./screens/MembersScreen').then((m) => ({ default: m.MembersScreen }))));
const OpenReferralsScreen = memo(lazy(() => import('./screens/OpenReferralsScreen').then((m) => ({ default: m.OpenReferralsScreen }))));
const OutcomesScreen = memo(lazy(() => import('./screens/OutcomesScreen').then((m) => ({ default: m.OutcomesScreen }))));
const ReciprocityScreen = memo(lazy(() => import('./screens/ReciprocityScreen').then((m) => ({ default: m.ReciprocityScreen }))));
const ReportsScreen = memo(lazy(() => import('./screens/ReportsScreen').then((m) => ({ default: m.ReportsScreen }))));
const ScorecardScreen = memo(lazy(() => import('./screens/ScorecardScreen').then((m) => ({ default: m.ScorecardScreen }))));
const SeatMapScreen = memo(lazy(() => import('./screens/SeatMapScreen').then((m) => ({ default: m.SeatMapScreen }))));
const SettingsScreen = memo(lazy(() => import('./screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen }))));
const WelcomeScreen = memo(lazy(() => import('./screens/WelcomeScreen').then((m) => ({ default: m.WelcomeScreen }))));
// ---- leadership workflows between meetings (issue 17) ----
const ThisWeekScreen = memo(lazy(() => import('./screens/ThisWeekScreen').then((m) => ({ default: m.ThisWeekScreen }))));
const VisitorsScreen = memo(lazy(() => import('./screens/VisitorsScreen').then((m) => ({ default: m.VisitorsScreen }))));
const ApplicationsScreen = memo(lazy(() => import('./screens/ApplicationsScreen').then((m) => ({ default: m.ApplicationsScreen }))));

const icons = {
  meeting: IconCalendarEvent,
  referrals: IconArrowsExchange,
  outcomes: IconTrophy,
  reciprocity: IconScale,
  scorecard: IconGauge,
  reports: IconFileText,
  members: IconUsers,
  seats: IconArmchair2,
  settings: IconSettings,
  audit: IconHistory,
  import: IconFileImport,
} as const;
const screens = screenKeys.map((s) => ({ ...s, icon: icons[s.id] }));
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
// ---- leadership workflows between meetings (issue 17): the digits are all taken, so these have none ----
const leadershipIcons = { 'this-week': IconChecklist, visitors: IconUserPlus, applications: IconGavel } as const;
const leadershipScreens = leadershipScreenKeys.map((s) => ({ ...s, icon: leadershipIcons[s.id] }));
type ScreenId = (typeof screens)[number]['id'] | (typeof leadershipScreens)[number]['id'];

export function App() {
  const status = useQuery(() => takeEarly(earlyKeys.appStatus, () => ledger.appStatus()), []);
  const chapter = useQuery(() => takeEarly(earlyKeys.chapter, () => ledger.getChapter()), []);
  setChapterTimeZone(chapter.data?.timeZone);
  setChapterLocale(chapter.data?.locale);
  const { screen, leaving, stay, leaveAnyway } = useHashScreen();
  // Screens by the physical digit key (event.code): Ctrl/Cmd+digit as in the application menu, and
  // Alt/Option+digit, which on macOS would otherwise type "¡", "™"… and change nothing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const id = screenForKey(event);
      if (!id) return;
      event.preventDefault();
      window.location.hash = `#/${id}`;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The window's title names the open chapter (Electron shows the page title in the title bar and the taskbar).
  const chapterName = chapter.data?.name;
  useEffect(() => {
    const demo = status.data?.isDemo ? ' (demo chapter — not your data)' : '';
    document.title = chapterName ? `${chapterName}${demo} — Chapter Ledger` : 'Chapter Ledger';
  }, [chapterName, status.data?.isDemo]);
  // The header's member count follows every change (a roster import, a new member) on the next screen
  // (not on the first: the status was just read).
  const shownScreen = useRef(screen);
  useEffect(() => {
    if (shownScreen.current === screen) return;
    shownScreen.current = screen;
    void status.reload();
  }, [screen]);

  // The app starts on the Meeting screen, which says itself when its sheet is drawn (first-screen.ts).
  // Else — a page on another screen (a reload keeps its screen), the welcome screen of an empty file,
  // an error, the secretary moving on — the start-up checks may begin once the shell is drawn.
  const settledElsewhere = !!status.error || !!chapter.error || (!!status.data && chapter.data === null) || (!!status.data && !!chapter.data && screen !== 'meeting');
  useEffect(() => {
    if (settledElsewhere) sayFirstScreenShown(() => ledger.firstScreenShown());
  }, [settledElsewhere]);

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
  if (!chapter.data) {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <WelcomeScreen onReady={reloadAll} />
      </Suspense>
    );
  }

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, overflow: 'hidden' }}>
            <Title order={3} fw={700} style={{ whiteSpace: 'nowrap' }}>
              Chapter Ledger
            </Title>
            <Text c="dimmed" size="sm" truncate="end">
              {chapter.data.name}
              {chapter.data.region ? ` · ${chapter.data.region}` : ''}
            </Text>
            <Text c="dimmed" size="sm" truncate="end">
              · meets {weekdayNames[chapter.data.meetingWeekday]}s at {chapter.data.meetingTime}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Tooltip label="Members = active and on leave; applicants are counted apart">
              <Badge variant="light" size="lg" aria-label="Member count">
                {memberCountLabel(status.data.memberCount, status.data.applicantCount)}
              </Badge>
            </Tooltip>
            <FileMenu isDemo={status.data.isDemo} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {/* The list scrolls when the window is shorter than it (a 1280×860 laptop), so every screen stays reachable with the mouse. */}
        <AppShell.Section grow component={ScrollArea} type="auto" offsetScrollbars>
          <Stack gap={4} component="nav" aria-label="Screens">
            {screens.map((s) => (
              <NavLink
                key={s.id}
                label={s.label}
                description={s.digit ? screenShortcutLabel(s.digit, isMac) : undefined}
                leftSection={<s.icon size={18} stroke={1.6} />}
                href={`#/${s.id}`}
                active={screen === s.id}
                aria-current={screen === s.id ? 'page' : undefined}
              />
            ))}
            {/* ---- leadership workflows between meetings (issue 17) ---- */}
            <Text size="xs" c="dimmed" fw={600} mt="sm" px="sm">
              Leadership, between meetings
            </Text>
            {leadershipScreens.map((s) => (
              <NavLink
                key={s.id}
                label={s.label}
                leftSection={<s.icon size={18} stroke={1.6} />}
                href={`#/${s.id}`}
                active={screen === s.id}
                aria-current={screen === s.id ? 'page' : undefined}
              />
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        {/* Staying, the form's Save button is brought into view and focused once the question is gone. */}
        <Modal opened={leaving !== null} onClose={stay} title="Leave without saving?" onExitTransitionEnd={() => requestAnimationFrame(showSaveButton)}>
          <Text size="sm">{leaving?.message}</Text>
          <Text size="sm" mt="xs">
            Stay to save them, or leave and lose them.
          </Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" color="red" onClick={leaveAnyway}>
              Leave without saving
            </Button>
            <Button data-autofocus onClick={stay}>
              Stay and save
            </Button>
          </Group>
        </Modal>
        <Suspense fallback={<ScreenLoading />}>
          {screen === 'meeting' && <MeetingScreen chapter={chapter.data} />}
          {screen === 'outcomes' && <OutcomesScreen chapter={chapter.data} />}
          {screen === 'referrals' && <OpenReferralsScreen chapter={chapter.data} />}
          {screen === 'reciprocity' && <ReciprocityScreen chapter={chapter.data} />}
          {screen === 'scorecard' && <ScorecardScreen />}
          {screen === 'reports' && <ReportsScreen chapter={chapter.data} />}
          {screen === 'members' && <MembersScreen chapter={chapter.data} onChanged={status.reload} />}
          {screen === 'seats' && <SeatMapScreen />}
          {screen === 'audit' && <AuditLogScreen />}
          {screen === 'import' && <ImportScreen onChanged={() => void status.reload()} />}
          {/* ---- leadership workflows between meetings (issue 17) ---- */}
          {screen === 'this-week' && <ThisWeekScreen />}
          {screen === 'visitors' && <VisitorsScreen />}
          {screen === 'applications' && <ApplicationsScreen />}
          {screen === 'settings' && <SettingsScreen chapter={chapter.data} databaseFile={status.data.databaseFile} onChanged={reloadAll} />}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function ScreenLoading() {
  return (
    <Center h={200}>
      <Loader aria-label="Loading the screen" />
    </Center>
  );
}

/**
 * The screen lives in the URL hash, so Back and Forward work and a reload stays put. A screen holding
 * unsaved changes (leave-guard) keeps the window on it and asks first: "Stay and save" or "Leave without saving".
 */
function useHashScreen(): { screen: ScreenId; leaving: { to: ScreenId; message: string } | null; stay: () => void; leaveAnyway: () => void } {
  const read = (): ScreenId => {
    // "#/settings/seats": the screen is the first part; the rest is the screen's own (Settings' tab).
    const id = window.location.hash.replace(/^#\//, '').split('/')[0]!;
    // Meeting night is the default screen: it is what the secretary opens the app for.
    return screens.some((s) => s.id === id) || leadershipScreens.some((s) => s.id === id) ? (id as ScreenId) : 'meeting';
  };
  const [screen, setScreen] = useState<ScreenId>(read);
  // The whole hash the screen was last at (its tab too), to go back to it when a leave is questioned.
  const at = useRef(window.location.hash);
  const [leaving, setLeaving] = useState<{ to: ScreenId; message: string } | null>(null);
  useEffect(() => {
    const onChange = () => {
      const next = read();
      if (next === screen) {
        at.current = window.location.hash;
        return;
      }
      const message = leaveGuardMessage();
      if (message) {
        // Back on the screen with the unsaved form (no new history entry), and ask.
        window.history.replaceState(null, '', at.current.startsWith(`#/${screen}`) ? at.current : `#/${screen}`);
        setLeaving({ to: next, message });
        return;
      }
      at.current = window.location.hash;
      setScreen(next);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [screen]);
  return {
    screen,
    leaving,
    stay: () => setLeaving(null),
    leaveAnyway: () => {
      if (!leaving) return;
      // Every form's changes are given up together: the question named them all.
      clearLeaveGuards();
      setLeaving(null);
      window.location.hash = `#/${leaving.to}`;
    },
  };
}
