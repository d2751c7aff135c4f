import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';
import { resolveBrowser } from './src/cli/find-browser';

// CHROMIUM_PATH, else the system's Chrome/Chromium/Edge, else Playwright's own download; none: one sentence.
function browser(): string {
  try {
    return resolveBrowser({ env: process.env, platform: process.platform, exists: existsSync, playwrightChromium: () => chromium.executablePath() }).executablePath;
  } catch (error) {
    // The sentence alone: a stack trace would bury what the contributor has to do.
    console.error((error as Error).message);
    process.exit(1);
  }
}
const executablePath = browser();

export default defineConfig({
  testDir: 'tests/e2e',
  // One temporary folder for the whole run (chapter files, harness folders, the browser's profiles), removed at its end.
  globalSetup: './tests/support/temp-folder.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: speed is measured in `npm run bench`; a loaded 2-core box must not fail a test on time.
  timeout: 120_000,
  // A first page load on a 2-core box shared with other work can take over 10 s (seen in runs at load 25):
  // an expectation waits up to 25 s before it fails; a passing one returns as soon as it holds.
  expect: { timeout: 25_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    // A trace records DOM snapshots and screenshots of every step of every test, most of it thrown away when the
    // test passes: locally it is kept for a failing test; in CI (read as a log only) it would cost minutes.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
  },
});
