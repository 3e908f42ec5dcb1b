import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // Process-level tests run Tandem as `npm start` does: the bundle, built once per run.
    globalSetup: ['test/global-setup.ts'],
    // On PostgreSQL (TANDEM_TEST_PG): a fresh database per test, copied from a migrated template.
    setupFiles: ['test/pg/setup.ts'],
  },
});
