// SPEC §13.10 in the documents themselves (the browser measures them in
// tests/browser/paper-phone.test.ts): each chart is one named image, the phone's drawing of a
// wide chart is narrow enough for its 11 px labels to stay at 10 px or more on a 390 px
// screen, and every table box can be scrolled with the keyboard and says what it holds.

import { describe, expect, it } from 'vitest';
import { monthlyChartSpec } from '../../../src/report/html/charts/monthly.js';
import { municipalityChartSpec } from '../../../src/report/html/charts/municipalities.js';
import { PHONE_CHART_WIDTH, renderChart, renderResponsiveChart } from '../../../src/report/html/charts/render.js';
import { renderMonitorHtml, renderReportHtml } from '../../../src/report/html/index.js';
import { realisticMonitorModel, realisticReportModel } from './fixture.js';

const width = (svg: string) => Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);

describe('SPEC §13.10: one named image per chart', () => {
  it('keeps role="img" with aria-labelledby on the SVG and no role, roledescription or label inside it (vega marks its groups role="graphics-symbol")', async () => {
    const i = realisticReportModel('da').indicators[0];
    const svg = await renderChart(monthlyChartSpec({ series: i.monthly!, target: i.year.target, lang: 'da' }), 'da', 'c1', { title: 'T', description: 'D' });
    expect(svg.match(/ role="/g)).toEqual([' role="']);
    expect(svg).toMatch(/^<svg[^>]* role="img" aria-labelledby="c1-title c1-desc">/);
    expect(svg).not.toContain('aria-roledescription');
    expect(svg).not.toContain('graphics-symbol');
  });
});

describe('SPEC §13.10: the phone’s drawing of a wide chart', () => {
  it(`is at most ${PHONE_CHART_WIDTH} px wide for every monthly and municipalities chart of the fixture (11 px labels at ≥ 10 px on 358 px of page: ≤ 393 px), the wide one as before`, async () => {
    // 358 px of page at 390 px (16 px padding each side); 11 × 358 / 393 = 10.02 px.
    expect(PHONE_CHART_WIDTH).toBeLessThanOrEqual(393);
    let checked = 0;
    for (const [k, i] of realisticReportModel('da').indicators.entries()) {
      if (!i.monthly) continue;
      const wide = monthlyChartSpec({ series: i.monthly!, target: i.year.target, lang: 'da' });
      const html = await renderResponsiveChart(wide, (w) => monthlyChartSpec({ series: i.monthly!, target: i.year.target, lang: 'da', width: w }), 300, 'da', `m${k}`, { title: 't', description: 'd' });
      const [, w, n] = /^<div class="chart-wide">(<svg[\s\S]*<\/svg>)<\/div><div class="chart-narrow">(<svg[\s\S]*<\/svg>)<\/div>$/.exec(html)!;
      expect(w).toBe(await renderChart(wide, 'da', `m${k}`, { title: 't', description: 'd' }));
      expect(width(n), i.id).toBeLessThanOrEqual(PHONE_CHART_WIDTH);
      expect(n).toContain(`id="m${k}-phone-title"`); // its own ids: none shared with the wide one
      const c = i.municipalities;
      if (!c) continue;
      checked++;
      const mun = await renderResponsiveChart(
        municipalityChartSpec({ comparison: c, unit: i.unit, minCell: 5, lang: 'da' }),
        (pw) => municipalityChartSpec({ comparison: c, unit: i.unit, minCell: 5, lang: 'da', width: pw, phone: true }),
        130,
        'da',
        `k${k}`,
        { title: 't', description: 'd' },
      );
      expect(width(/<div class="chart-narrow">(<svg[^>]*>)/.exec(mun)![1]), i.id).toBeLessThanOrEqual(PHONE_CHART_WIDTH);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('the style sheet shows the narrow drawing only on a narrow screen, and never on paper', async () => {
    const html = await renderReportHtml(realisticReportModel('da'));
    expect(html).toContain('.chart-narrow{display:none}');
    expect(html).toContain('@media screen and (max-width:600px){.chart-wide{display:none}.chart-narrow{display:block}}');
  });
});

describe('SPEC §13.10: a wide table scrolls inside its own box', () => {
  it('every table box of the report and the monitor page is focusable (tabindex 0), a region and named in the page’s language', async () => {
    for (const html of [await renderReportHtml(realisticReportModel('da')), await renderMonitorHtml(realisticMonitorModel('en'))]) {
      const boxes = [...html.matchAll(/<div class="table-wrap(?: table-scroll)?"([^>]*)>/g)].map((m) => m[1]);
      expect(boxes.length).toBeGreaterThan(20);
      for (const attrs of boxes) expect(attrs).toMatch(/^ tabindex="0" role="region" aria-label="[^"]+"$/);
      // Every table is in such a box but a card's small groups table, which is never wider than
      // its card (a wider one would widen the page, which the browser test measures).
      expect(html.match(/<table(?! class="card-groups")/g)!.length).toBe(boxes.length);
    }
    const da = await renderReportHtml(realisticReportModel('da'));
    expect(da).toContain('aria-label="Udtræk"');
    expect(da).toContain('aria-label="Datatabel: Kommunerne sammenlignet med regionen"');
  });
});
