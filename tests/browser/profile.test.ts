// SPEC §13.9 in a real browser (issue 21): the report's overview of the region's 19
// municipalities and the profile of Aarhus (`report --municipality 751`), written by the built
// binary on data-samples/, opened in Debian's chromium at 1,400 and 390 px. Nothing is fetched
// and no console error occurs; at 390 px the page does not scroll sideways — the wide tables
// scroll inside their own box — and no text of these pages is under 10 px; axe-core's WCAG 2.1
// A and AA rules find nothing in the overview or the profile. Screenshots go to tests/artifacts/.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, show } from '../e2e/helpers.js';
import { browserState, launch, MISSING_MESSAGE, openGuarded, type Browser } from './chromium.js';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const SAMPLES = join(ROOT, 'data-samples');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

if (browserState !== 'present') {
  describe('the overview and a municipality profile in a real browser', () => {
    it.skipIf(browserState === 'skip')('needs chromium', () => {
      throw new Error(MISSING_MESSAGE);
    });
  });
} else {
  describe('the overview and a municipality profile in a real browser', () => {
    let dir: string;
    const files = { report: '', profile: '' };

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'triple-aim-profile-html-'));
      files.report = join(dir, 'report-2016.html');
      files.profile = join(dir, 'aarhus-2016.html');
      const report = runCli(['report', '--data', SAMPLES, '--year', '2016', '--out', files.report]);
      expect(report.code, show(report)).toBe(0);
      const profile = runCli(['report', '--data', SAMPLES, '--year', '2016', '--municipality', '751', '--out', files.profile]);
      expect(profile.code, show(profile)).toBe(0);
    }, 180_000);

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    for (const width of [1400, 390]) {
      describe(`at ${width} px`, () => {
        let browser: Browser;
        beforeAll(async () => {
          browser = await launch({ width, height: 900 });
        }, 60_000);
        afterAll(async () => {
          await browser?.close();
        });

        it('the overview: fetches nothing, scrolls inside its own box, no text under 10 px; screenshot', async () => {
          const url = pathToFileURL(files.report).href;
          const g = await openGuarded(browser.context, url);
          expect(g.consoleErrors).toEqual([]);
          expect(g.pageErrors).toEqual([]);
          expect(g.requests).toEqual([url]);
          const box = g.page.locator('#municipal-overview .table-scroll');
          expect(await box.getAttribute('tabindex')).toBe('0');
          // 19 municipalities + region + indicator columns need more than 390 px: the box scrolls, the page does not.
          const sizes = await box.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
          if (width === 390) {
            expect(sizes.scroll).toBeGreaterThan(sizes.client);
            expect(await g.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
            expect(await smallestText(g.page, '#municipal-overview')).toBeGreaterThanOrEqual(10);
          }
          expect(await g.page.locator('#municipal-overview thead th.muni').count()).toBe(19);
          await g.page.locator('#municipal-overview').screenshot({ path: join(ARTIFACTS, `report-municipal-overview-${width}.png`) });
          await g.page.close();
        });

        it('the profile of Aarhus: fetches nothing, one row per indicator, scrolls only inside its boxes; screenshot', async () => {
          const url = pathToFileURL(files.profile).href;
          const g = await openGuarded(browser.context, url);
          expect(await g.page.title()).toBe('Aarhus (751) – kommuneprofil 2016');
          expect(g.consoleErrors).toEqual([]);
          expect(g.pageErrors).toEqual([]);
          expect(g.requests).toEqual([url]);
          expect(await g.page.locator('#profile tbody th[scope="row"]').count()).toBe(22);
          if (width === 390) {
            expect(await g.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
            expect(await smallestText(g.page, '#profile')).toBeGreaterThanOrEqual(10);
          }
          await g.page.screenshot({ path: join(ARTIFACTS, `profile-751-${width}.png`) });
          await g.page.locator('#profile').screenshot({ path: join(ARTIFACTS, `profile-751-indicators-${width}.png`) });
          await g.page.close();
        });

        it('axe-core (WCAG 2.1 A and AA) finds no violation in the overview or the profile', async () => {
          // The overview inside the annual report (checked whole in paper-phone.test.ts), and the
          // profile whole.
          for (const [file, context] of [
            [files.report, { include: [['#municipal-overview']] }],
            [files.profile, { include: [['html']] }],
          ] as const) {
            const g = await openGuarded(browser.context, pathToFileURL(file).href);
            await g.page.evaluate(AXE);
            const violations = (await g.page.evaluate(
              (ctx) =>
                (window as unknown as { axe: { run: (c: object, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe
                  .run(ctx, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }))),
              context,
            )) as AxeViolation[];
            expect(violations, `${file} ${JSON.stringify(context)}`).toEqual([]);
            await g.page.close();
          }
        });
      });
    }
  });
}

/** The smallest computed font size (px) of any element with its own text inside `selector`;
 *  text hidden for screen readers only (a 1 px box) is left out. */
async function smallestText(page: import('playwright-core').Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    let min = Infinity;
    for (const e of Array.from(document.querySelectorAll(`${sel} *`))) {
      if (e.closest('.sr-only')) continue;
      const own = Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!own) continue;
      const r = (e as HTMLElement).getBoundingClientRect?.();
      if (r && r.width === 0 && r.height === 0) continue;
      min = Math.min(min, parseFloat(getComputedStyle(e).fontSize));
    }
    return min;
  }, selector);
}
