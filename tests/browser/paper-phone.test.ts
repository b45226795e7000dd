// SPEC §13.10 "Pages that fit the paper and the phone", on the real thing: `triple-aim report`
// (2016, Danish; the page count and fill also in English) and `monitor --format html` run by the built binary on the shipped
// data-samples/, opened in Debian's headless chromium.
//
// - Paper: chromium prints the report to A4 with the page's own @page margins; the PDF is
//   read back (tests/browser/pdf-pages.ts: the lowest inked point of each page, and the
//   named destinations that say on which page a section or an indicator starts). At most 30
//   pages; no page but a section's last under a third full; no indicator starts in the last
//   tenth of a page (its heading would stand alone at the foot); every block that holds a
//   chart with its tables is kept whole and is short enough to be kept whole.
// - Phone (390 px): no text under 10 px — HTML text by its computed size, SVG text by its
//   drawn size (the font size times the SVG's scale on screen); the document does not scroll
//   sideways, and what scrolls sideways inside it is a table in a focusable, named box; the
//   inputs table's checksum is not one character per line.
// - axe-core's WCAG 2.1 A and AA rules find no violation in either document, at 1,400 and at
//   390 px.
// Screenshots at 1,400 and 390 px go to tests/artifacts/. Each measure is first shown to catch
// the fault it looks for on a small page made to have it.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { PRINT_MARGINS_MM } from '../../src/report/html/style.js';
import { ROOT, runCli, show } from '../e2e/helpers.js';
import { browserState, launch, MISSING_MESSAGE, openGuarded, type Browser } from './chromium.js';
import { pageFill, readPdfLayout } from './pdf-pages.js';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const SAMPLES = join(ROOT, 'data-samples');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PT_PER_MM = 72 / 25.4;
const MARGIN_TOP_PT = PRINT_MARGINS_MM.top * PT_PER_MM;
const MARGIN_BOTTOM_PT = PRINT_MARGINS_MM.bottom * PT_PER_MM;
/** A4's printable area at 96 px per inch. */
const PRINT_WIDTH_PX = Math.floor(((210 - 2 * PRINT_MARGINS_MM.side) / 25.4) * 96);
const PRINT_HEIGHT_PX = Math.floor(((297 - PRINT_MARGINS_MM.top - PRINT_MARGINS_MM.bottom) / 25.4) * 96);
const PHONE = 390;

/** Chromium's A4 print with the page's own @page size and margins. */
async function printA4(page: Page): Promise<Buffer> {
  return page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
}

/** axe-core's WCAG 2.1 A and AA rules on the open page: the violations, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, count: v.nodes.length, first: v.nodes[0]?.html.slice(0, 160) ?? '' }));
  });
  return violations.map((v) => `${v.id} (${v.count}): ${v.first}`);
}

interface PhoneMeasure {
  scrollWidth: number;
  /** Text drawn under 10 px: "size tag: text". */
  smallText: string[];
  /** Boxes that scroll sideways: what they are and whether they are a named, focusable table box. */
  sideways: { what: string; tableBox: boolean }[];
  /** Lines of each checksum cell of the inputs table. */
  shaLines: number[];
}

/**
 * At the page's current width: every visible text node's size as drawn — its computed font
 * size, and inside an SVG that size times the SVG's on-screen scale (getScreenCTM) — and every
 * element whose content is wider than its box and which scrolls.
 */
async function measurePhone(page: Page): Promise<PhoneMeasure> {
  return page.evaluate(() => {
    const smallText: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (!text) continue;
      const el = node.parentElement!;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (!range.getClientRects().length) continue; // not rendered (display:none, closed details)
      let size: number;
      const svgText = el.closest('text');
      if (svgText instanceof SVGTextElement) {
        const m = svgText.getScreenCTM()!;
        size = parseFloat(getComputedStyle(svgText).fontSize) * Math.hypot(m.a, m.b);
      } else size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 10 - 1e-6) smallText.push(`${size.toFixed(2)} ${el.tagName.toLowerCase()}: ${text.slice(0, 40)}`);
    }
    const sideways: { what: string; tableBox: boolean }[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const overflow = getComputedStyle(el).overflowX;
      if (el.scrollWidth <= el.clientWidth + 1 || (overflow !== 'auto' && overflow !== 'scroll')) continue;
      const tableBox =
        el.classList.contains('table-wrap') &&
        el.querySelector(':scope > table') !== null &&
        el.getAttribute('tabindex') === '0' &&
        (el.getAttribute('aria-label') ?? '').trim() !== '';
      sideways.push({ what: `${el.tagName.toLowerCase()}.${el.className} ${el.getAttribute('aria-label') ?? ''}`, tableBox });
    }
    const shaLines = [...document.querySelectorAll('.inputs td.sha')].map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    return { scrollWidth: document.documentElement.scrollWidth, smallText, sideways, shaLines };
  });
}

if (browserState !== 'present') {
  describe('SPEC §13.10: paper, phone and accessibility in a real browser', () => {
    it.skipIf(browserState === 'skip')('needs chromium', () => {
      throw new Error(MISSING_MESSAGE);
    });
  });
} else {
  describe('SPEC §13.10: paper, phone and accessibility in a real browser', () => {
    let dir: string;
    let browser: Browser;
    const files = { report: '', reportEn: '', monitor: '' };
    const url = (f: string) => pathToFileURL(f).href;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'triple-aim-paper-phone-'));
      files.report = join(dir, 'report-2016.html');
      files.monitor = join(dir, 'monitor.html');
      const report = runCli(['report', '--data', SAMPLES, '--year', '2016', '--out', files.report]);
      expect(report.code, show(report)).toBe(0);
      files.reportEn = join(dir, 'report-2016-en.html');
      const reportEn = runCli(['report', '--data', SAMPLES, '--year', '2016', '--lang', 'en', '--out', files.reportEn]);
      expect(reportEn.code, show(reportEn)).toBe(0);
      const monitor = runCli(['monitor', '--data', SAMPLES, '--period', '2015-01..2016-12', '--format', 'html', '--out', files.monitor]);
      expect(monitor.code, show(monitor)).toBe(0);
      browser = await launch();
      mkdirSync(ARTIFACTS, { recursive: true });
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** A small page of our own, for the controls. */
    async function control(name: string, html: string, width = 1200): Promise<Page> {
      const file = join(dir, name);
      writeFileSync(file, html);
      const g = await openGuarded(browser.context, url(file));
      await g.page.setViewportSize({ width, height: 800 });
      return g.page;
    }

    describe('paper: the 2016 report on data-samples printed to A4', () => {
      it('control: the page-fill reader gives a half-full page as 0.5 and a tenth-full page as 0.1, and finds where ids start', async () => {
        // Two pages: a block of half the printable height, then (forced break) one of a tenth.
        const page = await control(
          'fill.html',
          `<!DOCTYPE html><html lang="en"><title>fill</title><style>@page{size:A4;margin:${PRINT_MARGINS_MM.top}mm ${PRINT_MARGINS_MM.side}mm ${PRINT_MARGINS_MM.bottom}mm}` +
            `body{margin:0}div{background:#000}a{color:#000}</style>` +
            `<div id="a" style="height:${(297 - PRINT_MARGINS_MM.top - PRINT_MARGINS_MM.bottom) / 2}mm"><a href="#b">b</a></div>` +
            `<div id="b" style="break-before:page;height:${(297 - PRINT_MARGINS_MM.top - PRINT_MARGINS_MM.bottom) / 10}mm"></div>`,
        );
        const layout = readPdfLayout(await printA4(page));
        expect(layout.pages).toHaveLength(2);
        expect(pageFill(layout.pages[0], MARGIN_TOP_PT, MARGIN_BOTTOM_PT)).toBeCloseTo(0.5, 2);
        expect(pageFill(layout.pages[1], MARGIN_TOP_PT, MARGIN_BOTTOM_PT)).toBeCloseTo(0.1, 2);
        expect(layout.destinations.get('b')?.page).toBe(2);
        await page.close();
      });

      it.each([
        ['Danish', 'report'],
        ['English', 'reportEn'],
      ] as const)('%s: takes at most 30 pages, and no page but a section’s last is less than a third full', async (lang, which) => {
        const g = await openGuarded(browser.context, url(files[which]));
        const pdf = await printA4(g.page);
        if (process.env.TRIPLE_AIM_KEEP_PDF && which === 'report') writeFileSync(process.env.TRIPLE_AIM_KEEP_PDF, pdf);
        const layout = readPdfLayout(pdf);
        const fills = layout.pages.map((p) => pageFill(p, MARGIN_TOP_PT, MARGIN_BOTTOM_PT));
        console.log(`report 2016 on data-samples, ${lang}: ${layout.pages.length} A4 pages, fill ${fills.map((f) => Math.round(f * 100)).join(' ')} %`);
        expect(layout.pages.length).toBeLessThanOrEqual(30);
        // Where the sections start: the overview, the first indicator, the definitions, the notes.
        const first = CATALOGUE.map((d) => layout.destinations.get(`indicator-${d.id}`)!.page);
        const starts = ['overview', 'definitions', 'notes'].map((id) => {
          const d = layout.destinations.get(id);
          expect(d, `the PDF names where #${id} starts`).toBeDefined();
          return d!;
        });
        const top = (d: { y: number }, height: number) => d.y >= height - MARGIN_TOP_PT - 30;
        const pageHeight = layout.pages[0].height;
        const sectionLast = new Set<number>([layout.pages.length]);
        for (const d of [...starts, { page: Math.min(...first), y: layout.destinations.get(`indicator-${CATALOGUE[0].id}`)!.y }]) {
          // A section that starts at the top of a page ends the previous section on the page before.
          if (top(d, pageHeight) && d.page > 1) sectionLast.add(d.page - 1);
        }
        const thin = fills.map((f, i) => ({ page: i + 1, fill: f })).filter((p) => p.fill < 1 / 3 && !sectionLast.has(p.page));
        expect(thin).toEqual([]);
        await g.page.close();
      });

      it('starts no indicator in the last tenth of a page: its heading never stands alone at a page’s foot', async () => {
        const g = await openGuarded(browser.context, url(files.report));
        const layout = readPdfLayout(await printA4(g.page));
        const area = layout.pages[0].height - MARGIN_TOP_PT - MARGIN_BOTTOM_PT;
        for (const def of CATALOGUE) {
          const d = layout.destinations.get(`indicator-${def.id}`);
          expect(d, def.id).toBeDefined();
          expect(d!.y - MARGIN_BOTTOM_PT, def.id).toBeGreaterThan(area / 10);
        }
        await g.page.close();
      });

      it('keeps each chart with its tables, the key figures and the education tables whole, each short enough to be kept whole', async () => {
        const g = await openGuarded(browser.context, url(files.report));
        await g.page.setViewportSize({ width: PRINT_WIDTH_PX, height: PRINT_HEIGHT_PX });
        await g.page.emulateMedia({ media: 'print' });
        const blocks = await g.page.evaluate(() =>
          [...document.querySelectorAll('article.indicator figure, article.indicator .pair, article.indicator .equity, article.indicator .keyfigs')].map((el) => ({
            what: `${el.tagName.toLowerCase()}.${el.className.replace(/ /g, '.')} in ${el.closest('article')!.id}`,
            breakInside: getComputedStyle(el).breakInside,
            height: el.getBoundingClientRect().height,
            tables: el.querySelectorAll('table').length,
          })),
        );
        expect(blocks.length).toBeGreaterThan(22 * 4);
        // A monthly chart's phases table is inside its figure: kept with it.
        expect(blocks.filter((b) => b.what.startsWith('figure.chart.chart-monthly') && b.tables > 0).length).toBeGreaterThan(15);
        for (const b of blocks) {
          expect(b.breakInside, b.what).toBe('avoid');
          // Two thirds of a page at most: a page that ends before such a block is a third full.
          expect(b.height, b.what).toBeLessThanOrEqual((PRINT_HEIGHT_PX * 2) / 3);
        }
        await g.page.close();
      });
    });

    describe('phone: 390 px wide', () => {
      it('control: the measure finds a 5 px SVG label (an 11 px label scaled to half), a page that scrolls sideways and a table box without a name', async () => {
        const page = await control(
          'phone.html',
          '<!DOCTYPE html><html lang="en"><title>p</title><meta name="viewport" content="width=device-width"><style>body{margin:0}</style>' +
            '<svg viewBox="0 0 780 100" style="width:100%" role="img" aria-label="x"><text x="10" y="50" font-size="11px">jan. 2016</text></svg>' +
            '<div class="table-wrap" style="overflow-x:auto"><table><tr><td style="white-space:nowrap">' + 'w'.repeat(200) + '</td></tr></table></div>' +
            '<p style="width:600px">wide</p>',
          PHONE,
        );
        const m = await measurePhone(page);
        expect(m.smallText).toHaveLength(1);
        expect(m.smallText[0]).toMatch(/^5\.\d+ text: jan\. 2016$/);
        expect(m.scrollWidth).toBeGreaterThan(PHONE);
        expect(m.sideways).toEqual([{ what: 'div.table-wrap ', tableBox: false }]);
        await page.close();
      });

      for (const which of ['report', 'monitor'] as const) {
        it(`${which}: no text under 10 px as drawn, nothing scrolls sideways but a table in its own named box, the checksum not one character a line`, async () => {
          const g = await openGuarded(browser.context, url(files[which]));
          await g.page.setViewportSize({ width: PHONE, height: 844 });
          const m = await measurePhone(g.page);
          expect(m.smallText).toEqual([]);
          expect(m.scrollWidth).toBeLessThanOrEqual(PHONE);
          expect(m.sideways.filter((s) => !s.tableBox)).toEqual([]);
          // 64 hexadecimal digits at 16 or more a line: 4 lines (one character a line would be 64).
          expect(m.shaLines.length).toBeGreaterThan(0);
          for (const lines of m.shaLines) expect(lines).toBeLessThanOrEqual(4);
          await g.page.close();
        });
      }
    });

    describe('accessible: axe-core, WCAG 2.1 A and AA', () => {
      it('control: axe finds the nameless svg role="img" the charts used to be', async () => {
        const page = await control('axe.html', '<!DOCTYPE html><html lang="en"><title>a</title><main><svg role="img" width="10" height="10"><rect width="10" height="10"/></svg></main>');
        const v = await axeViolations(page);
        expect(v.some((line) => line.startsWith('svg-img-alt'))).toBe(true);
        await page.close();
      });

      for (const which of ['report', 'monitor'] as const) {
        for (const width of [1400, PHONE]) {
          it(`${which} at ${width} px: no violation`, async () => {
            const g = await openGuarded(browser.context, url(files[which]));
            await g.page.setViewportSize({ width, height: 900 });
            expect(await axeViolations(g.page)).toEqual([]);
            await g.page.close();
          }, 120_000);
        }
      }
    });

    it('keeps screenshots of both documents at 1,400 and 390 px as test artefacts', async () => {
      for (const which of ['report', 'monitor'] as const) {
        for (const width of [1400, PHONE]) {
          const g = await openGuarded(browser.context, url(files[which]));
          await g.page.setViewportSize({ width, height: 900 });
          await g.page.screenshot({ path: join(ARTIFACTS, `${which}-${width}px.png`) });
          const section = g.page.locator(which === 'report' ? '#indicator-readmission-30d' : 'article.series').first();
          await section.screenshot({ path: join(ARTIFACTS, `${which}-${width}px-${which === 'report' ? 'readmission-30d' : 'first-series'}.png`) });
          await g.page.close();
        }
      }
    }, 120_000);
  });
}
