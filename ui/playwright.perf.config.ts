import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The load tool (perf/, `make bench-ui`): how long /overview and /decisions take from navigation
// to their first chart or rows, against the server with the default 200,000 demo decisions. A
// benchmark that prints its figures, not a test: `make test` does not run it.
export default defineConfig({
  ...base,
  testDir: 'perf',
  globalSetup: './perf/setup.ts',
  timeout: 900_000,
  expect: { timeout: 60_000 },
  outputDir: 'test-results-perf',
});
