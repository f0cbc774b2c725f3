import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built binary; give a slow CI machine room.
    testTimeout: 30_000,
    // Set-up hooks spawn it too (and Chromium): the default 10 s ran out on a loaded machine.
    hookTimeout: 60_000,
    // summary.schema.json compiled once, not in each test file that checks a summary.
    globalSetup: ['./test/helpers/summary-schema-setup.ts'],
    // The second reporter prints one line when the ../shared corpora tests were skipped.
    reporters: ['default', './test/helpers/corpora-reporter.ts'],
  },
});
