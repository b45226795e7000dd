// The real thing in a real browser (SPEC §10): `triple-aim report` and `monitor --format html`
// run by the built binary on the shipped data-samples/, opened from a file:// URL in Debian's
// headless chromium. No request may leave the file and no console error may occur; every
// indicator of the catalogue is in the overview; screenshots of the overview and of one
// indicator section go to tests/artifacts/ (committed as the artefacts a reader looks at).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { ROOT, runCli, show } from '../e2e/helpers.js';
import { browserState, launch, MISSING_MESSAGE, openGuarded, type Browser } from './chromium.js';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const SAMPLES = join(ROOT, 'data-samples');

if (browserState !== 'present') {
  describe('the binary’s HTML in a real browser', () => {
    it.skipIf(browserState === 'skip')('needs chromium', () => {
      throw new Error(MISSING_MESSAGE);
    });
  });
} else {
  describe('the binary’s HTML in a real browser', () => {
    let dir: string;
    let browser: Browser;
    const files = { report: '', monitor: '' };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'triple-aim-binary-html-'));
      files.report = join(dir, 'report-2016.html');
      files.monitor = join(dir, 'monitor.html');
      const report = runCli(['report', '--data', SAMPLES, '--year', '2016', '--out', files.report]);
      expect(report.code, show(report)).toBe(0);
      const monitor = runCli(['monitor', '--data', SAMPLES, '--by', 'cluster', '--chart', 'auto', '--format', 'html', '--lang', 'en', '--out', files.monitor]);
      expect(monitor.code, show(monitor)).toBe(0);
      browser = await launch();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('report: no console error, no page error, no request but the file itself', async () => {
      const url = pathToFileURL(files.report).href;
      const g = await openGuarded(browser.context, url);
      expect(await g.page.title()).toBe('Triple Aim – årlig opfølgning 2016');
      expect(g.consoleErrors).toEqual([]);
      expect(g.pageErrors).toEqual([]);
      expect(g.requests).toEqual([url]);
      await g.page.close();
    });

    it('report: every indicator of the catalogue is in the overview, in its aim’s column, with a section', async () => {
      const g = await openGuarded(browser.context, pathToFileURL(files.report).href);
      for (const def of CATALOGUE) {
        expect(await g.page.locator(`#overview .aim-${def.aim} [data-indicator="${def.id}"]`).count(), def.id).toBe(1);
        expect(await g.page.locator(`#indicator-${def.id}`).count(), def.id).toBe(1);
      }
      await g.page.locator('#overview').screenshot({ path: join(ARTIFACTS, 'binary-report-overview.png') });
      await g.page.locator('#indicator-readmission-30d').screenshot({ path: join(ARTIFACTS, 'binary-report-readmission-30d.png') });
      await g.page.close();
    });

    it('report: every chart is inline SVG with a title, a description and a data table beside it', async () => {
      const html = readFileSync(files.report, 'utf8');
      const charts = html.match(/<svg[^>]*role="img"/g) ?? [];
      expect(charts.length).toBeGreaterThan(CATALOGUE.length);
      const g = await openGuarded(browser.context, pathToFileURL(files.report).href);
      const missing = await g.page.$$eval('svg[role="img"]', (svgs) =>
        svgs.filter((s) => !s.querySelector('title') || !s.querySelector('desc')).length,
      );
      expect(missing).toBe(0);
      await g.page.close();
    });

    it('monitor --format html: every series is drawn, with no request and no error', async () => {
      const url = pathToFileURL(files.monitor).href;
      const g = await openGuarded(browser.context, url);
      expect(g.consoleErrors).toEqual([]);
      expect(g.requests).toEqual([url]);
      expect(await g.page.locator('svg[role="img"]').count()).toBeGreaterThan(CATALOGUE.length);
      await g.page.close();
    });
  });
}
