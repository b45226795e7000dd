import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests pin a zone with a DST night; tests/e2e/timezone.test.ts also runs the binary
    // under other zones to show that TZ cannot change a result.
    env: { TZ: 'Europe/Copenhagen', NO_COLOR: '1' },
    testTimeout: 60_000,
    // The default summary, then one line when the browser tests were skipped (no chromium,
    // outside CI): tests/browser/skip-reporter.ts.
    reporters: ['default', './tests/browser/skip-reporter.ts'],
  },
});
