// Driving Debian's chromium (SPEC §10 "tested in a real browser") with playwright-core, which
// downloads no browser: /usr/bin/chromium (or TRIPLE_AIM_CHROMIUM) with a fresh user-data
// folder per context and the flags that keep it from calling home. `openGuarded` records every
// console error, page error and request, and aborts any request that is not the file itself.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.TRIPLE_AIM_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run (issue 19: the README's two commands on a fresh machine).
 * Without chromium they are skipped — and tests/browser/skip-reporter.ts says so, and why, in
 * the run's summary — except under CI (`CI=true`, as .ci/run runs), where chromium is
 * installed first and its absence fails the run.
 */
export const browserState: 'present' | 'skip' | 'missing' = browserStateOf(existsSync(CHROMIUM), process.env.CI);

export function browserStateOf(present: boolean, ci: string | undefined): 'present' | 'skip' | 'missing' {
  if (present) return 'present';
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false' ? 'missing' : 'skip';
}

export const MISSING_MESSAGE =
  `chromium was not found at ${CHROMIUM}: install it (apt-get install -y chromium) or point ` +
  'TRIPLE_AIM_CHROMIUM at it; outside CI the browser tests are then skipped, under CI=true they fail';

/** The line the summary ends with when the browser tests were skipped. */
export const SKIPPED_SUMMARY = `browser tests skipped: chromium not found at ${CHROMIUM} (apt-get install -y chromium runs them; CI=true requires them)`;

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A browser context in a fresh user-data folder, removed on close. */
export async function launch(options: { javaScriptEnabled?: boolean; width?: number; height?: number } = {}): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'triple-aim-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
    deviceScaleFactor: 1,
    offline: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface Guarded {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  /** Every request the page made, in order (the file's own URL first). */
  requests: string[];
}

/** Opens `url` in a new page that records errors and requests and blocks every other URL. */
export async function openGuarded(context: BrowserContext, url: string): Promise<Guarded> {
  const page = await context.newPage();
  const guarded: Guarded = { page, consoleErrors: [], pageErrors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') guarded.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => guarded.pageErrors.push(e.message));
  page.on('request', (r) => guarded.requests.push(r.url()));
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort('blockedbyclient')));
  await page.goto(url, { waitUntil: 'load' });
  return guarded;
}
