import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ledger } from './client';
import { askEarly } from './early';
import { notificationSettings } from './notification-rules';
import { theme } from './theme';

// The first screen's code and data are asked before React draws anything (see early.ts).
askEarly(ledger, window.location.hash, () => import('./screens/MeetingScreen'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications {...notificationSettings} />
      <App />
    </MantineProvider>
  </StrictMode>,
);
