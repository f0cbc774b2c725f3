import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built binary; give a slow CI machine room. Hooks too: the faults
    // suite's beforeAll times a full 20,000-row run, 13 s on a loaded 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The second reporter prints one line when the ../shared corpora tests were skipped.
    reporters: ['default', './test/helpers/corpora-reporter.ts'],
  },
});
