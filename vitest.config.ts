import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/require-node22.ts'],
    // One temporary folder for the whole run, removed at its end (tests/support/temp-folder.ts).
    globalSetup: ['tests/support/temp-folder.ts'],
    pool: 'forks',
    // Both cores of the CI box: many files wait on SQLite files, child processes or PDF reading.
    maxWorkers: 2,
    // Generous: a test's speed is measured in `npm run bench`, never asserted; a loaded 2-core CI box must not fail on time.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
