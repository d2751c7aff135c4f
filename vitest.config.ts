import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/require-node22.ts'],
    pool: 'forks',
    // Generous: a test's speed is measured in `npm run bench`, never asserted; a loaded 2-core CI box must not fail on time.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
