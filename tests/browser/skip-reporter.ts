// A reporter that adds one line to the run's summary when the browser tests were skipped
// because chromium is missing (issue 19): a reader of the summary sees that a part of the suite
// did not run, and why, without scrolling back. Under CI the browser tests fail instead
// (tests/browser/chromium.ts), so this line never hides a missing browser there.

import type { Reporter } from 'vitest/reporters';
import { browserState, SKIPPED_SUMMARY } from './chromium.js';

export default class BrowserSkipReporter implements Reporter {
  onTestRunEnd(): void {
    if (browserState === 'skip') process.stdout.write(`\n   ${SKIPPED_SUMMARY}\n\n`);
  }
}
