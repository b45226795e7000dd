// SPEC §13 "Publishing you can trust", as the HTML pages draw it: each rule of §13.1–§13.5 and
// §13.8 that the renderers carry, tested on specs, models and documents built here by hand.

import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/indicators/catalogue.js';
import type { Result } from '../../../src/contracts/report.js';
import { annualReportModel, baselineVerdictOf } from '../../../src/report/annual.js';
import { monthlyChartRows, monthlyChartSpec } from '../../../src/report/html/charts/monthly.js';
import { municipalityChartSpec } from '../../../src/report/html/charts/municipalities.js';
import { renderChart } from '../../../src/report/html/charts/render.js';
import { baselineShows, targetShows, valueDomain } from '../../../src/report/html/charts/scale.js';
import { yearlyChartSpec } from '../../../src/report/html/charts/yearly.js';
import { renderMonitorHtml, renderReportHtml } from '../../../src/report/html/index.js';
import type { Lang, MonitorHtmlModel, PointModel, ReportHtmlModel, SeriesModel, TargetModel } from '../../../src/report/html/model.js';
import { STYLE } from '../../../src/report/html/style.js';
import { catalogueResult as result, realisticMonitorModel, realisticReportModel } from './fixture.js';

const point = (period: string, value: number | null, over: Partial<PointModel> = {}): PointModel => ({
  period, numerator: null, denominator: null, value, suppressed: false, phase: 1, baseline: value !== null,
  center: 10, lcl: null, ucl: null, sigma_signal: false, provisional: false, annotation: null, ...over,
});

const months = (n: number, from = 2016) =>
  Array.from({ length: n }, (_, i) => `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

const series = (points: PointModel[], over: Partial<SeriesModel> = {}): SeriesModel => ({
  indicator: 'readmission-30d', aim: 'quality', unit: 'percent', direction: 'lower_is_better', group: {}, chart: 'run',
  variation: 'common_cause', last_side: 'below', signal: false, signal_side: null, assurance: null,
  phases: [{ from: points[0].period, to: points[points.length - 1].period, frozen_to: null, center: 10,
    runs: { n_useful: points.length, longest_run: 2, longest_run_max: 5, crossings: 1, crossings_min: 0, signal: false }, sigma_signals: [] }],
  points, notes: [], ...over,
});

type Layer = { mark: Record<string, unknown>; encoding?: Record<string, { field?: string; axis?: { title?: unknown }; scale?: { domain?: number[] } }>; transform?: { filter: string }[]; data?: { values: Record<string, unknown>[] } };
const layers = (spec: unknown) => (spec as { layer: Layer[] }).layer;
/** The value axis title of a layered spec (the first layer with a y axis), as lines. */
const yTitle = (spec: unknown) => layers(spec).find((l) => l.encoding?.y?.axis)!.encoding!.y!.axis!.title as string[];
const yDomain = (spec: unknown) => layers(spec).find((l) => l.encoding?.y?.scale?.domain)!.encoding!.y!.scale!.domain;
const TARGET_GREEN = '#1e6b32';
const hasTargetLine = (spec: unknown) => layers(spec).some((l) => l.mark.type === 'rule' && l.mark.stroke === TARGET_GREEN);

/** A report of one indicator built by annual.ts from results, as `triple-aim report` builds it. */
function oneIndicatorReport(indicator: string, lang: Lang, results: { yearly: Result[]; municipal?: Result[]; clusters?: Result[] }): ReportHtmlModel {
  const base = realisticReportModel(lang);
  return annualReportModel({
    meta: base.meta,
    year: 2016,
    indicators: CATALOGUE.filter((d) => d.id === indicator),
    yearly: results.yearly,
    municipal: results.municipal ?? [],
    clusters: results.clusters,
    monthly: [],
    warnings: [],
  });
}

describe('SPEC §13.1: a sigma signal is coloured by its own direction', () => {
  // Upper limit 15, lower limit 5: 16 lies above, 4 below.
  const limits = { lcl: 5, ucl: 15 };
  const signalMarks = (direction: SeriesModel['direction']) => {
    const s = series([point('2016-01', 9, limits), point('2016-02', 16, { ...limits, sigma_signal: true }), point('2016-03', 4, { ...limits, sigma_signal: true })], { chart: 'p', direction });
    return layers(monthlyChartSpec({ series: s, target: null, lang: 'da' }))
      .filter((l) => l.mark.type === 'point')
      .map((l) => `${l.mark.shape} ${l.mark.fill} ${l.transform![0].filter}`);
  };

  it('higher is better: above the upper limit is improvement (blue diamond), below the lower is concern (orange square)', () => {
    expect(signalMarks('higher_is_better')).toEqual([
      "circle #1d4f91 datum.line != null && !datum.sigma",
      "diamond #0b6bbf datum.value != null && datum.signalDirection == 'improvement'",
      "square #b35000 datum.value != null && datum.signalDirection == 'concern'",
    ]);
    const rows = monthlyChartRows(series([point('2016-01', 16, { ...limits, sigma_signal: true }), point('2016-02', 4, { ...limits, sigma_signal: true })], { direction: 'higher_is_better' }));
    expect(rows.map((r) => r.signalDirection)).toEqual(['improvement', 'concern']);
  });

  it('lower is better: the same two points are concern above and improvement below — never red for both', () => {
    const rows = monthlyChartRows(series([point('2016-01', 16, { ...limits, sigma_signal: true }), point('2016-02', 4, { ...limits, sigma_signal: true })], { direction: 'lower_is_better' }));
    expect(rows.map((r) => r.signalDirection)).toEqual(['concern', 'improvement']);
    for (const d of ['higher_is_better', 'lower_is_better', 'none'] as const) expect(signalMarks(d).join()).not.toContain('#b3261e');
  });

  it('no direction: a grey cross, whichever side', () => {
    expect(signalMarks('none')).toEqual(["circle #1d4f91 datum.line != null && !datum.sigma", "cross #4b5360 datum.value != null && datum.signalDirection == 'neutral'"]);
  });

  it('names each direction in the legend and the data table, in words', async () => {
    const s = series([point('2016-01', 9, limits), point('2016-02', 16, { ...limits, sigma_signal: true }), point('2016-03', 4, { ...limits, sigma_signal: true })], { chart: 'p', direction: 'higher_is_better' });
    const model = realisticMonitorModel('da');
    model.charts = [{ ...model.charts[0], indicator: { ...model.charts[0].indicator, direction: 'higher_is_better', unit: 'percent' }, series: s, target: null }];
    const html = await renderMonitorHtml(model);
    expect(html).toContain('<span>Punkt uden for kontrolgrænserne: forbedring</span>');
    expect(html).toContain('<span>Punkt uden for kontrolgrænserne: forværring</span>');
    expect(html).toContain('<span class="signal-word signal-improvement">Punkt uden for kontrolgrænserne: forbedring</span>');
    // The phase's runs table counts them by direction, each in its colour.
    expect(html).toContain(
      '<span class="signal-word signal-improvement">Punkt uden for kontrolgrænserne: forbedring (1)</span>; ' +
        '<span class="signal-word signal-concern">Punkt uden for kontrolgrænserne: forværring (1)</span>',
    );
  });

  it('with too few useful points says "for få målinger" / "too few points" and draws no badge of variation', async () => {
    const da = realisticMonitorModel('da');
    da.charts = [{ ...da.charts[0], series: { ...da.charts[0].series, variation: 'insufficient_data' } }];
    const html = await renderMonitorHtml(da);
    expect(html).toContain('for få målinger');
    expect(html).not.toContain('badge variation-insufficient_data');
    const en = realisticMonitorModel('en');
    en.charts = [{ ...en.charts[0], series: { ...en.charts[0].series, variation: 'insufficient_data' } }];
    expect(await renderMonitorHtml(en)).toContain('too few points');
  });
});

describe('SPEC §13.2: provisional periods', () => {
  const s = series([point('2016-10', 9), point('2016-11', 11), point('2016-12', 30, { provisional: true, baseline: false })]);

  it('draws a provisional point hollow and grey, and leaves it off the line of useful points', () => {
    const spec = monthlyChartSpec({ series: s, target: null, lang: 'da' });
    const hollow = layers(spec).filter((l) => l.mark.type === 'point' && l.transform![0].filter.includes('datum.provisional'));
    expect(hollow).toHaveLength(1);
    expect(hollow[0].mark).toMatchObject({ shape: 'circle', fill: '#ffffff', stroke: '#767f8c' });
    const line = layers(spec).find((l) => l.mark.type === 'line' && l.mark.stroke === '#1d4f91')!;
    expect(line.encoding!.y!.field).toBe('line');
    expect(monthlyChartRows(s).map((r) => r.line)).toEqual([9, 11, null]);
  });

  it('draws it so in the SVG: a white circle with a grey stroke', async () => {
    const svg = await renderChart(monthlyChartSpec({ series: s, target: null, lang: 'da' }), 'da', 'p', { title: 't', description: 'd' });
    expect(svg).toMatch(/<path transform="[^"]*" d="M[^"]*" fill="#ffffff" stroke="#767f8c" stroke-width="1.5"/);
  });

  it('says "foreløbig" in the legend and the data table', async () => {
    const model = realisticMonitorModel('da');
    model.charts = [{ ...model.charts[0], series: s }];
    const html = await renderMonitorHtml(model);
    expect(html).toContain('<span>foreløbig: opfølgningen rækker ud over data</span>');
    expect(html).toContain('<td class="num">30,0 <span class="provisional">(foreløbig)</span></td>');
  });

  it('marks a provisional year on the card and in the yearly values', async () => {
    const model = realisticReportModel('en');
    model.indicators = model.indicators.filter((i) => i.id === 'readmission-30d');
    const i = model.indicators[0];
    i.year.provisional = true;
    i.yearly[3].provisional = true;
    const html = await renderReportHtml(model);
    expect(html).toContain('<span class="unit">%</span> <span class="provisional">(provisional)</span>');
    const yearly = yearlyChartSpec({ yearly: i.yearly, unit: i.unit, target: null, year: '2016', lang: 'en' });
    expect(layers(yearly).filter((l) => l.mark.stroke === '#767f8c' && l.mark.fill === '#ffffff')).toHaveLength(1);
  });

  it('names the data end of the page in Danish and English, and of each extract in the inputs table', async () => {
    const model = realisticReportModel('da');
    model.indicators = model.indicators.slice(0, 1);
    model.meta.inputs[0].data_end = '2017-12-31';
    model.meta.inputs[1].data_end = '2018-01-31';
    const da = await renderReportHtml(model);
    // The latest data end of the extracts the page uses.
    expect(da).toContain('<p class="data-end">data til og med 31. januar 2018</p>');
    expect(da).toContain('<td class="num">31. december 2017</td>');
    const en = await renderReportHtml({ ...model, meta: { ...model.meta, lang: 'en' } });
    expect(en).toContain('<p class="data-end">data up to and including 31 January 2018</p>');
    const monitor: MonitorHtmlModel = { ...realisticMonitorModel('da'), meta: model.meta };
    monitor.charts = monitor.charts.slice(0, 1);
    expect(await renderMonitorHtml(monitor)).toContain('data til og med 31. januar 2018');
  });

  it('writes no data-end line when no extract has one (it claims no date it does not know)', async () => {
    const model = realisticReportModel('da');
    model.indicators = [];
    for (const i of model.meta.inputs) i.data_end = null;
    expect(await renderReportHtml(model)).not.toContain('data til og med');
  });
});

describe('SPEC §13.3: charts say what they show', () => {
  // prevention-referrals: a count with the target "increase over the baseline", here the yearly 2,362 of 2015.
  const yearlyTarget: TargetModel = { value: 2362, period: '2015', rule: 'above_baseline' };
  const countSeries = series(months(12).map((m) => point(m, 190 + (m.endsWith('1') ? 20 : 0), { center: 197 })), {
    indicator: 'prevention-referrals', aim: 'population_health', unit: 'count', direction: 'higher_is_better',
  });

  it('leaves a yearly count target off a monthly chart, and draws it on the yearly chart', () => {
    const monthly = monthlyChartSpec({ series: countSeries, target: yearlyTarget, lang: 'da' });
    expect(hasTargetLine(monthly)).toBe(false);
    // Nor does the target stretch the monthly axis: 190–210 gives [190, 210] (step 5).
    expect(yDomain(monthly)).toEqual([190, 210]);
    const yearly = yearlyChartSpec({ yearly: [{ period: '2015', value: 2362, ci95: null, suppressed: false }, { period: '2016', value: 2410, ci95: null, suppressed: false }], unit: 'count', target: yearlyTarget, year: '2016', lang: 'da' });
    expect(hasTargetLine(yearly)).toBe(true);
  });

  it('takes a count target without a period as yearly; percent targets and baselines go on every chart', () => {
    expect(targetShows({ value: 2362, period: null, rule: 'at_least' }, 'count', 'month')).toBe(false);
    expect(targetShows({ value: 2362, period: null, rule: 'at_least' }, 'count', 'year')).toBe(true);
    expect(targetShows({ value: 12, period: '2016-03', rule: 'at_most' }, 'per_1000', 'month')).toBe(true);
    expect(targetShows({ value: 50, period: null, rule: 'at_least' }, 'percent', 'month')).toBe(true);
    // §6.2: a count baseline applies to its period's kind; one with period null everywhere.
    expect(baselineShows({ value: 2362, period: '2015', source: 'data' }, 'count', 'month')).toBe(false);
    expect(baselineShows({ value: 2362, period: '2015', source: 'data' }, 'count', 'year')).toBe(true);
    expect(baselineShows({ value: 2362, period: null, source: 'x' }, 'dkk_per_capita', 'quarter')).toBe(true);
    expect(baselineShows({ value: 43, period: null, source: 'x' }, 'percent', 'month')).toBe(true);
    const monthly = monthlyChartSpec({ series: series([point('2016-01', 40), point('2016-02', 44)]), target: { value: 50, period: null, rule: 'at_least' }, lang: 'da' });
    expect(hasTargetLine(monthly)).toBe(true);
  });

  it('leaves the yearly target out of the monthly chart legend too', async () => {
    const model = realisticMonitorModel('da');
    model.charts = [{ indicator: { id: 'prevention-referrals', aim: 'population_health', name_da: 'Henvisninger', name_en: 'Referrals', unit: 'count', direction: 'higher_is_better' }, series: countSeries, target: yearlyTarget }];
    const html = await renderMonitorHtml(model);
    expect(html).not.toContain('2.362');
  });

  it('titles a monthly per-1000 axis "pr. 1.000 indbyggere pr. måned", a quarterly one "pr. kvartal"', () => {
    const rate = (ids: string[]) => series(ids.map((p) => point(p, 12)), { indicator: 'preventable-admissions-65', aim: 'quality', unit: 'per_1000' });
    const values = [11.2, 12.8];
    const monthly = series(['2016-01', '2016-02'].map((p, i) => point(p, values[i])), { unit: 'per_1000' });
    expect(yTitle(monthlyChartSpec({ series: monthly, target: null, lang: 'da' }))[0]).toBe('Pr. 1.000 indbyggere pr. måned');
    expect(yTitle(monthlyChartSpec({ series: monthly, target: null, lang: 'en' }))[0]).toBe('Per 1,000 inhabitants per month');
    expect(yTitle(monthlyChartSpec({ series: rate(['2016-Q1', '2016-Q2']), target: null, lang: 'da' }))[0]).toBe('Pr. 1.000 indbyggere pr. kvartal');
    // A percent is no figure per period.
    expect(yTitle(monthlyChartSpec({ series: series([point('2016-01', 40), point('2016-02', 44)]), target: null, lang: 'da' }))[0]).toBe('Procent');
  });

  it('starts a yearly count axis at 0 and says nothing of a zoom; shows no interval in its legend', async () => {
    // 2,300 and 2,500 from 0: step 500 (2,500 / 5), so [0, 2500].
    const spec = yearlyChartSpec({ yearly: [{ period: '2015', value: 2300, ci95: null, suppressed: false }, { period: '2016', value: 2500, ci95: null, suppressed: false }], unit: 'count', target: null, year: '2016', lang: 'da' });
    expect(yDomain(spec)).toEqual([0, 2500]);
    expect(yTitle(spec)).toEqual(['Antal']);
    const dkk = yearlyChartSpec({ yearly: [{ period: '2016', value: 3100, ci95: null, suppressed: false }], unit: 'dkk_per_capita', target: null, year: '2016', lang: 'da' });
    expect(yDomain(dkk)![0]).toBe(0);
    const model = realisticReportModel('da');
    model.indicators = model.indicators.filter((i) => i.unit === 'count' && i.yearly.length > 0).slice(0, 1);
    expect(model.indicators).toHaveLength(1);
    const html = await renderReportHtml(model);
    const yearly = html.slice(html.indexOf('<figure class="chart chart-yearly"'), html.indexOf('</figure>', html.indexOf('<figure class="chart chart-yearly"')));
    expect(yearly).not.toContain('<span>Værdi 95 %-KI</span>');
    expect(yearly).toContain('<span>Værdi</span>');
  });

  it('lets a percent axis zoom and then says so on the axis', () => {
    // 40 and 50: step 2 (10 / 5), domain [40, 50], which does not start at 0.
    const spec = yearlyChartSpec({ yearly: [{ period: '2015', value: 40, ci95: null, suppressed: false }, { period: '2016', value: 50, ci95: null, suppressed: false }], unit: 'percent', target: null, year: '2016', lang: 'da' });
    expect(yDomain(spec)).toEqual([40, 50]);
    expect(yTitle(spec)).toEqual(['Procent', 'aksen starter ikke ved 0']);
    // 3 and 50: step 10, the floor of 3 is 0: no zoom, and no word of one.
    const low = yearlyChartSpec({ yearly: [{ period: '2015', value: 3, ci95: null, suppressed: false }, { period: '2016', value: 50, ci95: null, suppressed: false }], unit: 'percent', target: null, year: '2016', lang: 'en' });
    expect(yDomain(low)).toEqual([0, 50]);
    expect(yTitle(low)).toEqual(['Percent']);
  });

  it('computes the value domain as d3 rounds it: 1, 2 or 5 × 10^k steps', () => {
    // [11.2, 12.8]: raw step 0.32 → 0.5 (3.2 ≥ √10); [11, 13].
    expect(valueDomain([11.2, 12.8], false)).toEqual([11, 13]);
    // A single value gets 10 % each side: 20 → [18, 22], step 1 (0.8 → 1).
    expect(valueDomain([20], false)).toEqual([18, 22]);
    expect(valueDomain([null, 7], true)).toEqual([0, 7]);
  });

  it('breaks no word inside itself and no number: hyphens none, overflow-wrap normal, numbers nowrap', () => {
    expect(STYLE).toContain('hyphens:none');
    expect(STYLE).toContain('overflow-wrap:normal');
    expect(STYLE).toContain('.num,.nw{white-space:nowrap}');
    // Only the checksum, which is neither a word nor a number, may break anywhere.
    const anywhere = STYLE.split('\n').filter((l) => /overflow-wrap:(anywhere|break-word)|word-break:break-all/.test(l));
    expect(anywhere).toHaveLength(1);
    expect(anywhere[0]).toMatch(/^\.inputs td\.sha\{/);
  });
});

describe('SPEC §13.4: one meaning per word on the report card', () => {
  // smoke-free-6m: percent, higher is better; 455 of 1,000 = 45.5 %, target at least 50 %.
  const card = async (baseline: number, lang: Lang) => {
    const status = 45.5 > baseline ? 'improving' : 'worsening';
    const model = oneIndicatorReport('smoke-free-6m', lang, {
      yearly: [result('smoke-free-6m', {}, {
        numerator: 455, denominator: 1000, value: 45.5, ci95: [42.4, 48.6],
        baseline: { value: baseline, period: '2015', source: 'data' }, target: { value: 50, period: null, rule: 'at_least' },
        change: 45.5 - baseline, change_pct: null, status, target_verdict: 'not_met',
      })],
    });
    const html = await renderReportHtml(model);
    return { model, card: html.slice(html.indexOf('<li class="card" id="overview-smoke-free-6m"'), html.indexOf('</li>', html.indexOf('<li class="card" id="overview-smoke-free-6m"'))) };
  };

  it('45.5 % against a target of 50 % and a baseline of 48 %: "mål ikke nået" and "dårligere end udgangspunktet"', async () => {
    const { model, card: da } = await card(48, 'da');
    expect(model.indicators[0].year.baseline_verdict).toBe('worse');
    expect(da).toContain('<span class="badge target-not_met">✗ mål ikke nået</span> <span class="badge change-worse">dårligere end udgangspunktet</span>');
    const { card: en } = await card(48, 'en');
    expect(en).toContain('<span class="badge target-not_met">✗ target not met</span> <span class="badge change-worse">worse than the baseline</span>');
  });

  it('45.5 % against a target of 50 % and a baseline of 40 %: the card says "bedre" only with "mål ikke nået" beside it', async () => {
    const { card: da } = await card(40, 'da');
    expect(da).toContain('<span class="badge target-not_met">✗ mål ikke nået</span> <span class="badge change-better">bedre end udgangspunktet</span>');
    expect(da).not.toMatch(/>bedre</);
  });

  it('decides the change against the baseline by direction, equal within 1e-9 (relative), and says when there is none', () => {
    expect(baselineVerdictOf(45.5, { value: 48 }, 'higher_is_better')).toBe('worse');
    expect(baselineVerdictOf(45.5, { value: 48 }, 'lower_is_better')).toBe('better');
    expect(baselineVerdictOf(45.5, { value: 48 }, 'none')).toBe('lower');
    // 7/10 × 100 is 70.00000000000001 in floating point: unchanged against 70.
    expect(baselineVerdictOf((7 / 10) * 100, { value: 70 }, 'higher_is_better')).toBe('unchanged');
    expect(baselineVerdictOf(45.5, null, 'higher_is_better')).toBe('no_baseline');
    expect(baselineVerdictOf(null, { value: 48 }, 'higher_is_better')).toBeNull();
  });

  it('compares with the region in words of its own', async () => {
    const few = (lang: Lang) => {
      const m = realisticReportModel(lang);
      m.indicators = m.indicators.filter((i) => i.municipalities !== null).slice(0, 1);
      return m;
    };
    const html = await renderReportHtml(few('da'));
    expect(html).toContain('<span>bedre end regionen</span>');
    expect(html).toContain('<span>som regionen</span>');
    expect(html).toContain('<span>dårligere end regionen</span>');
    const en = await renderReportHtml(few('en'));
    expect(en).toContain('<span>better than the region</span>');
    expect(en).toContain('<span>worse than the region</span>');
  });
});

describe('SPEC §13.5: the region’s municipalities', () => {
  // preventable-admissions-65 (per 1000): Aarhus 751 and Herning 657 of the region, codes 101
  // (København) and 147 (Frederiksberg) outside it, pooled as the cluster `Outside region`.
  const municipal = (over101: Partial<Result> = {}) => [
    result('preventable-admissions-65', {}, { value: 20, ci95: [19, 21], ci998: [18.5, 21.5] }),
    result('preventable-admissions-65', { municipality: '101' }, { value: 60, ci95: [40, 80], ci998: [35, 90], comparison: null, ...over101 }),
    result('preventable-admissions-65', { municipality: '147' }, { value: 55, ci95: [30, 80], ci998: [25, 90], comparison: null }),
    result('preventable-admissions-65', { municipality: '657' }, { value: 22, ci95: [20, 24], ci998: [19, 25], comparison: { reference: 20, level95: 'worse', level998: 'similar' } }),
    result('preventable-admissions-65', { municipality: '751' }, { value: 18, ci95: [17, 19], ci998: [16.5, 19.5], comparison: { reference: 20, level95: 'better', level998: 'better' } }),
  ];
  const clusters = [result('preventable-admissions-65', { cluster: 'Outside region' }, { value: 57.5, ci95: [45, 70] })];
  const yearly = [result('preventable-admissions-65', {}, { value: 20, ci95: [19, 21] })];

  it('compares the 19 only; the codes outside the region become one row with the pooled value', () => {
    const m = oneIndicatorReport('preventable-admissions-65', 'da', { yearly, municipal: municipal(), clusters }).indicators[0].municipalities!;
    expect(m.municipalities.map((x) => x.code)).toEqual(['657', '751']);
    expect(m.municipalities.map((x) => x.name)).toEqual(['Herning', 'Aarhus']);
    expect(m.outside).toEqual({ codes: ['101', '147'], value: 57.5, ci95: [45, 70], suppressed: false });
  });

  it('hides the pooled row when one of its codes is hidden (it could be a hidden municipality’s partner, SPEC §4.4)', () => {
    const m = oneIndicatorReport('preventable-admissions-65', 'da', {
      yearly, municipal: municipal({ value: null, ci95: null, ci998: null, suppressed: true }), clusters,
    }).indicators[0].municipalities!;
    expect(m.outside).toEqual({ codes: ['101', '147'], value: null, ci95: null, suppressed: true });
  });

  it('draws the outside row uncoloured and without a dot, and keeps it off the comparison axis', () => {
    const m = oneIndicatorReport('preventable-admissions-65', 'en', { yearly, municipal: municipal(), clusters }).indicators[0].municipalities!;
    const spec = municipalityChartSpec({ comparison: m, unit: 'per_1000', minCell: 5, lang: 'en' });
    const rows = (spec as unknown as { data: { values: { label: string; value: number | null; level: string; missing: string | null }[] } }).data.values;
    expect(rows.map((r) => r.label)).toEqual(['Herning (657)', 'Aarhus (751)', 'Outside the region']);
    expect(rows[2]).toMatchObject({ value: null, level: 'none', missing: '57.5 · not compared' });
    // The axis spans 17–24 and the region's 20 (about 6 ticks: step 7 / 6 ≈ 1.17 → 1, so
    // [17, 24]), not the outside 57.5.
    const x = layers(spec).find((l) => l.encoding?.x?.scale?.domain)!.encoding!.x!.scale!.domain;
    expect(x).toEqual([17, 24]);
  });

  it('lists the outside row in the table as "Uden for regionen", with no comparison word or colour', async () => {
    const html = await renderReportHtml(oneIndicatorReport('preventable-admissions-65', 'da', { yearly, municipal: municipal(), clusters }));
    expect(html).toContain(
      '<tr class="outside-region"><td>101, 147</td><td>Uden for regionen</td><td class="num">57,5</td><td class="num">45,0–70,0</td><td>sammenlignes ikke</td><td></td><td>sammenlignes ikke</td></tr>',
    );
    expect(html).toContain('<td>751</td><td>Aarhus</td>');
  });
});

describe('SPEC §13.8: the standardised comparison', () => {
  const std = (value: number, standard: string, comparison?: Result['comparison']) =>
    ({ value, ci95: [value - 1, value + 1] as [number, number], standard, method: 'dobson' as const, ...(comparison ? { comparison } : {}) });
  const report = (standard: string, lang: Lang) =>
    oneIndicatorReport('preventable-admissions-65', lang, {
      yearly: [result('preventable-admissions-65', {}, { value: 20, ci95: [19, 21] })],
      municipal: [
        result('preventable-admissions-65', {}, { value: 20, ci95: [19, 21], ci998: [18.5, 21.5], standardized: std(21, standard) }),
        result('preventable-admissions-65', { municipality: '751' }, {
          value: 18, ci95: [17, 19], ci998: [16.5, 19.5], comparison: { reference: 20, level95: 'better', level998: 'better' },
          standardized: std(24, standard, { reference: 21, level95: 'worse', level998: 'similar' }),
        }),
      ],
    });

  it('uses the DSR and its comparison against the region’s DSR, the crude value beside it', () => {
    const m = report('esp2013', 'da').indicators[0].municipalities!;
    expect(m.standard).toBe('esp2013');
    expect(m.reference).toBe(21);
    expect(m.municipalities[0]).toMatchObject({ value: 24, ci95: [23, 25], level95: 'worse', level998: 'similar', crude: { value: 18, ci95: [17, 19] } });
  });

  it('labels it "aldersstandardiseret (ESP2013)" or "(befolkningen 2015)"', async () => {
    expect(await renderReportHtml(report('esp2013', 'da'))).toContain('Sammenligning (95 %) · aldersstandardiseret (ESP2013)');
    expect(await renderReportHtml(report('population:2015', 'da'))).toContain('aldersstandardiseret (befolkningen 2015)');
    expect(await renderReportHtml(report('population:2015', 'en'))).toContain('age-standardised (population 2015)');
  });
});
