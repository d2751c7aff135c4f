// Each spec file gets its own harness on a fresh chapter file, and a page already signed in with the token.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { startHarness, type Harness } from '../../src/harness/server';

export const test = base.extend<{ harness: Harness }>({
  harness: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ledger-e2e-'));
    const harness = await startHarness({ dbFile: path.join(dir, 'chapter.sqlite') });
    await use(harness);
    await harness.close();
  },
});

export { expect } from '@playwright/test';
