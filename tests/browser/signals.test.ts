// SPEC §13.1 and §13.2 in a real browser: a monitor page built here by hand — a P chart of a
// higher-is-better percent with a sigma signal above its upper limit (improvement), one below
// its lower limit (concern) and a provisional last month, and a chart of an indicator without
// a direction with a signal (no direction) — opened in Debian's headless chromium. The marks
// the reader sees are checked by their computed colours, and a screenshot of each chart is
// kept in tests/artifacts/.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMonitorHtml } from '../../src/report/html/index.js';
import type { Direction, MonitorHtmlModel, PointModel, SeriesModel } from '../../src/report/html/model.js';
import { ROOT } from '../e2e/helpers.js';
import { realisticMonitorModel } from '../report/html/fixture.js';
import { browserState, launch, MISSING_MESSAGE, openGuarded, type Browser } from './chromium.js';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

/** 24 months of 2015–2016 around 50 % with limits 40–60; `at` puts values, the last month is provisional. */
function signalSeries(direction: Direction, at: Record<string, number>): SeriesModel {
  const points: PointModel[] = [];
  for (let i = 0; i < 24; i++) {
    const period = `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const provisional = i === 23;
    const value = at[period] ?? 50 + ((i * 7) % 9) - 4;
    const sigma = !provisional && (value > 60 || value < 40);
    points.push({
      period, numerator: value * 4, denominator: 400, value, suppressed: false, phase: 1, baseline: !provisional,
      center: 50, lcl: provisional ? null : 40, ucl: provisional ? null : 60, sigma_signal: sigma, provisional, annotation: null,
    });
  }
  const sigma = points.filter((p) => p.sigma_signal).map((p) => p.period);
  return {
    indicator: direction === 'none' ? 'lup-cooperation-gp' : 'smoke-free-6m', aim: 'quality', unit: 'percent', direction, group: {}, chart: 'p',
    // The signals are not at the end of the phase (SPEC §13.1): special cause, no side.
    variation: 'special_cause', last_side: 'below', signal: true, signal_side: null, assurance: null,
    phases: [{ from: '2015-01', to: '2016-12', frozen_to: null, center: 50,
      runs: { n_useful: 23, longest_run: 4, longest_run_max: 8, crossings: 11, crossings_min: 7, signal: false }, sigma_signals: sigma }],
    points, notes: [],
  };
}

function model(lang: 'da' | 'en'): MonitorHtmlModel {
  const base = realisticMonitorModel(lang);
  base.meta.inputs[0].data_end = '2016-12-31';
  return {
    ...base,
    charts: [
      {
        indicator: { id: 'smoke-free-6m', aim: 'quality', name_da: 'Røgfri efter 6 måneder', name_en: 'Smoke-free after 6 months', unit: 'percent', direction: 'higher_is_better' },
        series: signalSeries('higher_is_better', { '2015-06': 66, '2016-09': 33, '2016-12': 58 }),
        target: { value: 50, period: null, rule: 'at_least' },
      },
      {
        indicator: { id: 'lup-cooperation-gp', aim: 'quality', name_da: 'Uden retning (test)', name_en: 'No direction (test)', unit: 'percent', direction: 'none' },
        series: signalSeries('none', { '2016-03': 65 }),
        target: null,
      },
    ],
  };
}

if (browserState === 'missing') {
  describe('signals and provisional points in a real browser', () => {
    it('needs chromium', () => {
      throw new Error(MISSING_MESSAGE);
    });
  });
} else if (browserState === 'skip') {
  describe.skip(`signals and provisional points in a real browser — SKIPPED: ${MISSING_MESSAGE}`, () => {
    it('needs chromium', () => {});
  });
} else {
  describe('signals and provisional points in a real browser (SPEC §13.1, §13.2)', () => {
    let dir: string;
    let url: string;
    let browser: Browser;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'triple-aim-signals-'));
      writeFileSync(join(dir, 'monitor.html'), await renderMonitorHtml(model('da')));
      url = pathToFileURL(join(dir, 'monitor.html')).href;
      browser = await launch();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('shows an improvement in blue, a concern in orange, no direction in grey, the provisional month hollow and grey, and keeps screenshots', async () => {
      const g = await openGuarded(browser.context, url);
      expect(g.consoleErrors).toEqual([]);
      expect(g.requests).toEqual([url]);
      // The symbols vega drew, with the colours chromium computed for them.
      // The wide drawing: the phone's (SPEC §13.10) is hidden at this width.
      const marks = await g.page.$$eval('article.series .chart-wide svg[role="img"] .mark-symbol path', (paths) =>
        paths.map((p) => {
          const style = getComputedStyle(p);
          return `${p.closest('article')!.id} ${style.fill} ${style.stroke}`;
        }),
      );
      const count = (what: string) => marks.filter((m) => m.includes(what)).length;
      // rgb(11, 107, 191) = #0b6bbf improvement, rgb(179, 80, 0) = #b35000 concern,
      // rgb(75, 83, 96) = #4b5360 no direction, white with rgb(118, 127, 140) = #767f8c provisional.
      expect(marks.filter((m) => m.startsWith('series-1 rgb(11, 107, 191)'))).toHaveLength(1);
      expect(marks.filter((m) => m.startsWith('series-1 rgb(179, 80, 0)'))).toHaveLength(1);
      expect(marks.filter((m) => m.startsWith('series-2 rgb(75, 83, 96)'))).toHaveLength(1);
      expect(count('rgb(255, 255, 255) rgb(118, 127, 140)')).toBe(2);
      // Never red for a sigma point.
      expect(count('rgb(179, 38, 30)')).toBe(0);
      const text = await g.page.locator('#series-1').innerText();
      expect(text).toContain('Punkt uden for kontrolgrænserne: forbedring');
      expect(text).toContain('Punkt uden for kontrolgrænserne: forværring');
      expect(text).toContain('foreløbig');
      expect(await g.page.locator('header .data-end').innerText()).toBe('data til og med 31. december 2016');
      mkdirSync(ARTIFACTS, { recursive: true });
      await g.page.locator('#series-1 figure').screenshot({ path: join(ARTIFACTS, 'monitor-signals-provisional.png') });
      await g.page.locator('#series-2 figure').screenshot({ path: join(ARTIFACTS, 'monitor-signal-no-direction.png') });
      await g.page.close();
    });
  });
}
