import { describe, expect, it } from 'vitest';
import { monthlyChartRows, monthlyChartSpec } from '../../../src/report/html/charts/monthly.js';
import { municipalityChartSpec } from '../../../src/report/html/charts/municipalities.js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartNumberLocale, chartTimeLocale } from '../../../src/report/html/i18n.js';
import { clearChartCache, renderChart } from '../../../src/report/html/charts/render.js';
import { sparklineSvg } from '../../../src/report/html/charts/sparkline.js';
import { periodStartMs } from '../../../src/report/html/charts/time.js';
import { yearlyChartSpec } from '../../../src/report/html/charts/yearly.js';
import type { PointModel, SeriesModel } from '../../../src/report/html/model.js';
import { realisticReportModel } from './fixture.js';

const point = (period: string, value: number | null, over: Partial<PointModel> = {}): PointModel => ({
  period, numerator: null, denominator: null, value, suppressed: false, phase: 1, baseline: value !== null,
  center: 10, lcl: null, ucl: null, sigma_signal: false, provisional: false, annotation: null, ...over,
});

const runSeries = (points: PointModel[], over: Partial<SeriesModel> = {}): SeriesModel => ({
  indicator: 'readmission-30d', aim: 'quality', unit: 'percent', direction: 'lower_is_better', group: {}, chart: 'run',
  variation: 'common_cause', last_side: 'below', signal: false, signal_side: null, assurance: null,
  phases: [{ from: points[0].period, to: points[points.length - 1].period, frozen_to: null, center: 10,
    runs: { n_useful: points.length, longest_run: 2, longest_run_max: 5, crossings: 1, crossings_min: 0, signal: false }, sigma_signals: [] }],
  points, notes: [], ...over,
});

/** Every mark type the layers of a layered spec draw, with their colour or stroke. */
function marks(spec: unknown): { type: string; stroke?: string; fill?: string; strokeDash?: number[]; shape?: string }[] {
  return (spec as { layer: { mark: { type: string } }[] }).layer.map((l) => l.mark);
}

describe('time axis without time zones', () => {
  it('places a month at 00:00 UTC of its first day, a quarter at its first month', () => {
    // 2016-01-01 is day 16801 since 1970-01-01: 16801 × 86 400 000 ms.
    expect(periodStartMs('2016-01')).toBe(16801 * 86_400_000);
    expect(periodStartMs('2016-Q2')).toBe(periodStartMs('2016-04'));
    expect(periodStartMs('nonsense')).toBeNull();
  });
});

describe('the monthly chart specification (SPEC §7, §10 item 3)', () => {
  it('a run chart has the series, its centre line and no limit lines', () => {
    const spec = monthlyChartSpec({ series: runSeries([point('2016-01', 9), point('2016-02', 11)]), target: null, lang: 'da' });
    const types = marks(spec).map((m) => m.type);
    expect(types.filter((t) => t === 'line')).toHaveLength(2); // centre + values
    expect(marks(spec).some((m) => m.strokeDash?.join() === '5,3')).toBe(false);
  });

  it('a control chart draws its lower and upper limits as dashed step lines', () => {
    const points = [point('2016-01', 9, { lcl: 5, ucl: 15 }), point('2016-02', 11, { lcl: 6, ucl: 14 })];
    const spec = monthlyChartSpec({ series: runSeries(points, { chart: 'p' }), target: null, lang: 'da' });
    expect(marks(spec).filter((m) => m.strokeDash?.join() === '5,3')).toHaveLength(2);
  });

  it('marks a sigma signal by a shape of its own, not the circle of the other points (an upper signal of a lower-is-better series: an orange square)', () => {
    const points = [point('2016-01', 9, { lcl: 5, ucl: 15 }), point('2016-02', 16, { lcl: 5, ucl: 15, sigma_signal: true })];
    const spec = monthlyChartSpec({ series: runSeries(points, { chart: 'p' }), target: null, lang: 'da' });
    const shapes = marks(spec).filter((m) => m.type === 'point').map((m) => `${m.shape} ${m.fill}`);
    expect(shapes).toEqual(['circle #1d4f91', 'square #b35000']);
  });

  it('draws the centre line of a phase with a runs signal dashed in the signal colour', () => {
    const s = runSeries([point('2016-01', 9), point('2016-02', 11)]);
    s.phases[0].runs.signal = true;
    const centre = marks(monthlyChartSpec({ series: s, target: null, lang: 'da' })).filter((m) => m.type === 'line' && m.stroke === '#b3261e');
    expect(centre).toHaveLength(1);
    expect(centre[0].strokeDash).toEqual([8, 4]);
  });

  it('draws the target as a rule with a label, and annotations as numbered rules', () => {
    const points = [point('2016-01', 9, { annotation: 'first' }), point('2016-02', 11), point('2016-03', 10, { annotation: 'second' })];
    const spec = monthlyChartSpec({ series: runSeries(points), target: { value: 12, period: null, rule: 'at_most' }, lang: 'en' });
    expect(marks(spec).filter((m) => m.type === 'rule')).toHaveLength(2); // target + annotations (one layer)
    expect(monthlyChartRows(runSeries(points)).map((r) => r.note)).toEqual([1, null, 2]);
  });

  it('is plain JSON: the specification survives a JSON round trip unchanged', () => {
    const ind = realisticReportModel('da').indicators[0];
    const spec = monthlyChartSpec({ series: ind.monthly!, target: { value: 10, period: null, rule: 'at_most' }, lang: 'da' });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});

describe('rendering a chart to inline SVG', () => {
  const ind = realisticReportModel('da').indicators[1];
  const spec = () => monthlyChartSpec({ series: ind.monthly!, target: { value: 20, period: null, rule: 'at_least' }, lang: 'da' });

  it('gives role="img", a <title> and a <desc> as the first children, named by aria-labelledby', async () => {
    const svg = await renderChart(spec(), 'da', 'c1', { title: 'Titel', description: 'Hvad diagrammet viser' });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"><title id="c1-title">Titel<\/title><desc id="c1-desc">Hvad diagrammet viser<\/desc>/);
  });

  it('references nothing outside the document: no link, image, external url() or namespace URL', async () => {
    const svg = await renderChart(spec(), 'da', 'c1', { title: 't', description: 'd' });
    expect(svg).not.toMatch(/<image|<use|<a |<foreignObject|<script|<style/i);
    expect(svg).not.toMatch(/href=/i);
    expect(svg).not.toMatch(/https?:/i);
    for (const m of svg.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#c1-/);
  });

  // A clipped mark makes vega write a <clipPath> with an id from a process-wide counter
  // ("clip1", "clip2", …): without renaming, the second drawing would differ from the first.
  const clipped = () =>
    ({
      data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] },
      mark: { type: 'point', clip: true },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    }) as never;

  it('gives the same bytes for the same chart, however many charts vega drew before (its id counters are global)', async () => {
    const a = await renderChart(clipped(), 'da', 'c7', { title: 't', description: 'd' });
    await renderChart(clipped(), 'da', 'c8', { title: 't', description: 'd' });
    const b = await renderChart(clipped(), 'da', 'c7', { title: 't', description: 'd' });
    expect(a).toContain('<clipPath id="c7-d1">');
    expect(a).toContain('clip-path="url(#c7-d1)"');
    expect(b).toBe(a);
  });

  it('prefixes every id with the chart prefix, so two charts in one document share none', async () => {
    const a = await renderChart(clipped(), 'da', 'cA', { title: 't', description: 'd' });
    const b = await renderChart(clipped(), 'da', 'cB', { title: 't', description: 'd' });
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a)).toEqual(['cA-title', 'cA-desc', 'cA-d1']);
    expect(ids(b)).toEqual(['cB-title', 'cB-desc', 'cB-d1']);
  });

  it('writes Danish month names on the time axis and a decimal comma on the value axis', async () => {
    const s = runSeries([point('2016-01', 9.5), point('2016-02', 10.5), point('2016-03', 10.25), point('2016-04', 9.75), point('2016-05', 10)]);
    const svg = await renderChart(monthlyChartSpec({ series: s, target: null, lang: 'da' }), 'da', 'c', { title: 't', description: 'd' });
    expect(svg).toContain('>jan. 2016<');
    expect(svg).toContain('>maj<');
    expect(svg).toMatch(/>\d+,\d<\/text>/);
    expect(svg).not.toMatch(/>\d+\.\d<\/text>/);
  });

  it('escapes annotation text from data, and shows its control characters as pictures', async () => {
    const s = runSeries([point('2016-01', 9, { annotation: '<b>&"x"\u0007' }), point('2016-02', 11)]);
    const svg = await renderChart(monthlyChartSpec({ series: s, target: null, lang: 'en' }), 'en', 'c', { title: '<t>', description: '&' });
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(svg).toContain('\u2407');
    expect(svg).not.toContain('\u0007');
    expect(svg).toContain('<title id="c-title">&lt;t&gt;</title>');
  });

  it('refuses a specification that vega warns about rather than drawing something else', async () => {
    const bad = { ...spec(), layer: [{ mark: 'point', encoding: { x: { field: 'nowhere', type: 'quantitative' } } }] } as never;
    await expect(renderChart(bad, 'da', 'c', { title: 'broken', description: 'd' })).rejects.toThrow(/chart c \(broken\)/);
  });

  it('draws the yearly values and the municipalities without warnings for every indicator of the fixture', async () => {
    for (const i of realisticReportModel('en').indicators) {
      await renderChart(yearlyChartSpec({ yearly: i.yearly, unit: i.unit, target: i.year.target, year: '2016', lang: 'en' }), 'en', 'y', { title: 't', description: 'd' });
      if (i.municipalities) {
        await renderChart(municipalityChartSpec({ comparison: i.municipalities, unit: i.unit, minCell: 5, lang: 'en' }), 'en', 'm', { title: 't', description: 'd' });
      }
    }
  });
});

describe('compiling each chart structure once', () => {
  /** vega's SVG of the spec as written, with its inline data: no cache, no named datasets. */
  async function direct(spec: TopLevelSpec, lang: 'da' | 'en'): Promise<string> {
    const view = new vega.View(vega.parse(compile(spec).spec), {
      renderer: 'none',
      locale: { number: chartNumberLocale(lang), time: chartTimeLocale(lang) },
    } as never);
    const svg = await view.toSVG();
    view.finalize();
    // renderChart also drops vega's inner ARIA roles (one named image, SPEC §13.10): not part of the drawing.
    return svg
      .replace(/ xmlns(:xlink)?="[^"]*"/g, '')
      .replace(/ version="1\.1"/, '')
      .replace(/ (?:role|aria-roledescription|aria-label)="[^"]*"/g, '');
  }
  const undecorated = (svg: string) =>
    svg.replace(/ role="img" aria-labelledby="[^"]*"><title id="[^"]*">[^<]*<\/title><desc id="[^"]*">[^<]*<\/desc>/, '>');

  it('draws every chart of the fixture exactly as vega draws its inline specification, cold and from the cache', async () => {
    const model = realisticReportModel('da');
    const specs: TopLevelSpec[] = [];
    for (const i of model.indicators) {
      if (i.monthly) specs.push(monthlyChartSpec({ series: i.monthly, target: i.year.target, lang: 'da' }));
      specs.push(yearlyChartSpec({ yearly: i.yearly, unit: i.unit, target: i.year.target, year: '2016', lang: 'da' }));
      if (i.municipalities) specs.push(municipalityChartSpec({ comparison: i.municipalities, unit: i.unit, minCell: 5, lang: 'da' }));
    }
    clearChartCache();
    for (const [k, spec] of specs.entries()) {
      const expected = await direct(spec, 'da');
      const cold = await renderChart(spec, 'da', 'x', { title: 't', description: 'd' });
      const warm = await renderChart(spec, 'da', 'x', { title: 't', description: 'd' });
      expect(undecorated(cold), `chart ${k}`).toBe(expected);
      expect(warm, `chart ${k}`).toBe(cold);
    }
  });
});

describe('the sparkline', () => {
  it('scales the values between 3 px from the top and bottom, breaks the line at a gap, and dots the last value', () => {
    // width 120, height 28, pad 3: x_i = 3 + i × 114 / 3 (4 values) = 3, 41, 79, 117;
    // y = 3 + (max − v) × 22 / (max − min) with min 1, max 3: v=1 → 25, v=3 → 3, v=2 → 14.
    const svg = sparklineSvg({ values: [1, 3, null, 2], id: 's', title: 't', description: 'd' });
    const lines = [...svg.matchAll(/points="([^"]+)"/g)].map((m) => m[1]);
    expect(lines).toEqual(['3.0,25.0 41.0,3.0']);
    // The isolated last value: a small dot for its segment, and the last-value dot.
    expect(svg).toContain('<circle cx="117.0" cy="14.0" r="1.5"');
    expect(svg).toContain('<circle cx="117.0" cy="14.0" r="2.5"');
  });

  it('draws a provisional value hollow and grey off the line, and dots the last useful value (SPEC §13.2)', () => {
    // 3 values: x = 3, 60, 117; min 1, max 3: v=1 → 25, v=3 → 3, v=2 → 14.
    const svg = sparklineSvg({ values: [1, 3, 2], provisional: [false, false, true], id: 's', title: 't', description: 'd' });
    expect([...svg.matchAll(/points="([^"]+)"/g)].map((m) => m[1])).toEqual(['3.0,25.0 60.0,3.0']);
    expect(svg).toContain('<circle cx="117.0" cy="14.0" r="2" fill="#ffffff" stroke="#767f8c" stroke-width="1"/>');
    expect(svg).toContain('<circle cx="60.0" cy="3.0" r="2.5" fill="#1d4f91"/>');
    expect(svg).not.toContain('cx="117.0" cy="14.0" r="2.5"');
  });

  it('draws a flat series through the middle', () => {
    const svg = sparklineSvg({ values: [5, 5], id: 's', title: 't', description: 'd' });
    expect(svg).toContain('points="3.0,14.0 117.0,14.0"');
  });

  it('is an image with a title and a description, and empty when no value exists', () => {
    const svg = sparklineSvg({ values: [null, null], id: 's', title: 'a<b', description: 'd' });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="s-title">a&lt;b</title>');
    expect(svg).not.toContain('polyline');
  });
});
