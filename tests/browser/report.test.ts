// End-to-end in a real browser (SPEC §10): the rendered report and monitor documents, built
// from the realistic fixture model (every indicator of the catalogue), opened from a file:// URL in Debian's
// headless chromium. Screenshots of the overview and of one indicator section are written to
// tests/artifacts/ (kept in the repository as the artefacts a reader can look at).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { renderMonitorHtml, renderReportHtml } from '../../src/report/html/index.js';
import { PRINT_MARGINS_MM } from '../../src/report/html/style.js';
import { ROOT } from '../e2e/helpers.js';
import { realisticMonitorModel, realisticReportModel } from '../report/html/fixture.js';
import { browserState, launch, MISSING_MESSAGE, openGuarded, type Browser } from './chromium.js';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
/** A4 is 210 mm wide; the style sheet's @page leaves PRINT_MARGINS_MM.side each side (12 mm: 186 mm, 703 px at 96 px/in). */
const A4_PRINT_WIDTH_PX = Math.floor(((210 - 2 * PRINT_MARGINS_MM.side) / 25.4) * 96);
/** 297 mm less the top and bottom margins (12 + 13 mm: 272 mm, 1028 px). */
const A4_PRINT_HEIGHT_PX = Math.floor(((297 - PRINT_MARGINS_MM.top - PRINT_MARGINS_MM.bottom) / 25.4) * 96);

if (browserState === 'missing') {
  describe('the report in a real browser', () => {
    it('needs chromium', () => {
      throw new Error(MISSING_MESSAGE);
    });
  });
} else if (browserState === 'skip') {
  describe.skip(`the report in a real browser — SKIPPED: ${MISSING_MESSAGE}`, () => {
    it('needs chromium', () => {});
  });
} else {
  describe('the report in a real browser', () => {
    let dir: string;
    let reportUrl: string;
    let monitorUrl: string;
    let browser: Browser;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'triple-aim-browser-'));
      writeFileSync(join(dir, 'report.html'), await renderReportHtml(realisticReportModel('da')));
      writeFileSync(join(dir, 'monitor.html'), await renderMonitorHtml(realisticMonitorModel('en')));
      reportUrl = pathToFileURL(join(dir, 'report.html')).href;
      monitorUrl = pathToFileURL(join(dir, 'monitor.html')).href;
      browser = await launch();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('the guard sees a request that leaves the file and a console error (control: the checks below can fail)', async () => {
      const page = join(dir, 'control.html');
      writeFileSync(page, '<!DOCTYPE html><title>c</title><img src="http://127.0.0.1:9/x.png" alt=""><script>console.error("boom")</script>');
      const url = pathToFileURL(page).href;
      const g = await openGuarded(browser.context, url);
      expect(g.requests).toContain('http://127.0.0.1:9/x.png');
      expect(g.consoleErrors.some((e) => e.includes('boom'))).toBe(true);
      await g.page.close();
    });

    it('opens with no console error, no page error and no request but the file itself', async () => {
      const g = await openGuarded(browser.context, reportUrl);
      expect(await g.page.title()).toBe('Triple Aim – årlig opfølgning 2016');
      expect(g.consoleErrors).toEqual([]);
      expect(g.pageErrors).toEqual([]);
      expect(g.requests).toEqual([reportUrl]);
      await g.page.close();
    });

    it('shows every indicator of the catalogue in the overview, in its aim’s column, and its section', async () => {
      const g = await openGuarded(browser.context, reportUrl);
      for (const def of CATALOGUE) {
        const card = g.page.locator(`#overview .aim-${def.aim} [data-indicator="${def.id}"]`);
        expect(await card.count(), def.id).toBe(1);
        expect(await card.isVisible(), def.id).toBe(true);
        expect(await g.page.locator(`article.indicator[data-indicator="${def.id}"]`).count(), def.id).toBe(1);
      }
      expect(await g.page.locator('#overview .card').count()).toBe(CATALOGUE.length);
      await g.page.close();
    });

    it('is readable with scripting off: the same text, cards, sections and charts', async () => {
      const off = await launch({ javaScriptEnabled: false });
      try {
        const g = await openGuarded(off.context, reportUrl);
        expect(await g.page.locator('h1').innerText()).toBe('Triple Aim – årlig opfølgning 2016');
        expect(await g.page.locator('#overview .card').count()).toBe(CATALOGUE.length);
        expect(await g.page.locator('article.indicator').count()).toBe(CATALOGUE.length);
        expect(await g.page.locator('figure.chart-monthly svg[role="img"]').count()).toBeGreaterThan(15);
        const text = await g.page.locator('#overview').innerText();
        expect(text).toContain('Akutte genindlæggelser inden for 30 dage');
        expect(text).toContain('✓ mål nået');
        expect(g.requests).toEqual([reportUrl]);
        await g.page.close();
      } finally {
        await off.close();
      }
    });

    it('prints on A4 with no chart wider than the page and no chart taller than a page (so none is cut)', async () => {
      const g = await openGuarded(browser.context, reportUrl);
      await g.page.setViewportSize({ width: A4_PRINT_WIDTH_PX, height: A4_PRINT_HEIGHT_PX });
      await g.page.emulateMedia({ media: 'print' });
      const boxes = await g.page.evaluate(() => {
        const out: { what: string; left: number; right: number; height: number }[] = [];
        for (const el of document.querySelectorAll('figure, svg[role="img"], table, .card, .keyfigs')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue; // hidden in print (data tables)
          out.push({ what: `${el.tagName.toLowerCase()}#${el.id || el.closest('[id]')?.id}`, left: r.left, right: r.right, height: r.height });
        }
        return { boxes: out, scrollWidth: document.documentElement.scrollWidth };
      });
      expect(boxes.scrollWidth).toBeLessThanOrEqual(A4_PRINT_WIDTH_PX);
      expect(boxes.boxes.length).toBeGreaterThan(60);
      for (const b of boxes.boxes) {
        expect(b.left, b.what).toBeGreaterThanOrEqual(0);
        expect(b.right, b.what).toBeLessThanOrEqual(A4_PRINT_WIDTH_PX + 0.5);
        if (b.what.startsWith('figure') || b.what.startsWith('svg')) expect(b.height, b.what).toBeLessThan(A4_PRINT_HEIGHT_PX);
      }
      // Chromium's own print to A4: a real PDF of several pages.
      const pdf = await g.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(20);
      if (process.env.TRIPLE_AIM_KEEP_PDF) writeFileSync(process.env.TRIPLE_AIM_KEEP_PDF, pdf);
      await g.page.close();
    });

    it('keeps screenshots of the overview and of one indicator section as test artefacts', async () => {
      const g = await openGuarded(browser.context, reportUrl);
      mkdirSync(ARTIFACTS, { recursive: true });
      await g.page.locator('#overview').screenshot({ path: join(ARTIFACTS, 'report-overview.png') });
      await g.page.locator('#indicator-readmission-30d').screenshot({ path: join(ARTIFACTS, 'report-indicator-readmission-30d.png') });
      await g.page.locator('#indicator-preventable-admissions-65').screenshot({ path: join(ARTIFACTS, 'report-indicator-preventable-admissions-65.png') });
      await g.page.locator('header.doc-head').screenshot({ path: join(ARTIFACTS, 'report-title.png') });
      await g.page.close();
    });

    it('opens the monitor document cleanly, with every series drawn', async () => {
      const g = await openGuarded(browser.context, monitorUrl);
      expect(g.consoleErrors).toEqual([]);
      expect(g.pageErrors).toEqual([]);
      expect(g.requests).toEqual([monitorUrl]);
      const model = realisticMonitorModel('en');
      // One drawing a screen shows per series; the phone's drawing of each is hidden at this width (SPEC §13.10).
      expect(await g.page.locator('article.series figure svg[role="img"]').filter({ visible: true }).count()).toBe(model.charts.length);
      expect(await g.page.locator('article.series figure .chart-narrow svg[role="img"]').count()).toBe(model.charts.length);
      await g.page.locator('article.series').first().screenshot({ path: join(ARTIFACTS, 'monitor-series.png') });
      await g.page.close();
    });
  });
}
