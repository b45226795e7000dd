// The yearly values of an indicator (SPEC §10 item 3): a point per year with its 95 %
// interval as a whisker, the target as a green dotted line and the baseline as a grey
// dash-dot line where they apply to years (SPEC §13.3). Counts and DKK per capita start their
// axis at 0; a percent or per-1000 axis may zoom and then says so. A provisional year
// (SPEC §13.2) is drawn hollow and grey. A year without a value (suppressed or not computed)
// keeps its place on the axis and is named in the data table.

import type { TopLevelSpec } from 'vega-lite';
import { LABELS } from '../i18n.js';
import type { BaselineModel, Lang, TargetModel, Unit, YearlyValue } from '../model.js';
import { INTERVAL, PAPER, PROVISIONAL, SERIES, TARGET } from '../palette.js';
import { chartConfig } from './render.js';
import { baselineLayers } from './reference.js';
import { baselineShows, targetShows, valueAxisTitle, valueDomain, zooms } from './scale.js';

/** SPEC §13.3: yearly counts and DKK per capita start their value axis at 0. */
export function yearlyFromZero(unit: Unit): boolean {
  return unit === 'count' || unit === 'dkk_per_capita';
}

export interface YearlyChartInput {
  yearly: YearlyValue[];
  unit: Unit;
  /** The report year's target and baseline, drawn where they apply to years (SPEC §13.3). */
  target: TargetModel | null;
  baseline?: BaselineModel | null;
  /** The report year, drawn in bold on the axis. */
  year: string;
  lang: Lang;
}

/** The caller draws this chart only when at least one year has a value (an axis needs one). */
export function yearlyChartSpec(input: YearlyChartInput): TopLevelSpec {
  const labels = LABELS[input.lang];
  const rows = input.yearly.map((y) => ({
    period: y.period,
    value: y.value,
    lo: y.ci95 ? y.ci95[0] : null,
    hi: y.ci95 ? y.ci95[1] : null,
    provisional: y.provisional === true,
  }));
  const target = targetShows(input.target, input.unit, 'year') ? input.target!.value : null;
  const baseline = baselineShows(input.baseline ?? null, input.unit, 'year') ? input.baseline!.value : null;
  const fromZero = yearlyFromZero(input.unit);
  const domain = valueDomain([...rows.flatMap((r) => [r.value, r.lo, r.hi]), target, baseline], fromZero);
  const axisTitle = valueAxisTitle(input.unit, 'year', input.lang, zooms(domain));
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    sort: rows.map((r) => r.period),
    scale: { domain: rows.map((r) => r.period), paddingOuter: 0.4 },
    axis: { title: null, labelAngle: 0, labelFontWeight: { expr: `datum.value == '${input.year.replace(/'/g, '')}' ? 'bold' : 'normal'` } },
  };
  const y = (field: string) => ({
    field,
    type: 'quantitative' as const,
    scale: { domain, zero: false, nice: false },
    axis: { title: axisTitle, grid: true, tickCount: 5 },
  });
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [];
  if (rows.some((r) => r.lo !== null)) {
    layers.push({
      transform: [{ filter: 'datum.lo != null' }],
      mark: { type: 'rule', stroke: INTERVAL, strokeWidth: 1.5 },
      encoding: { x, y: y('lo'), y2: { field: 'hi' } },
    });
    for (const field of ['lo', 'hi']) {
      layers.push({
        transform: [{ filter: 'datum.lo != null' }],
        mark: { type: 'tick', orient: 'horizontal', color: INTERVAL, thickness: 1.5, size: 12 },
        encoding: { x, y: y(field) },
      });
    }
  }
  if (baseline !== null) {
    layers.push(...baselineLayers(baseline, labels.baseline));
  }
  if (target !== null) {
    const text = input.target!.period ? `${labels.target} ${input.target!.period}` : labels.target;
    layers.push(
      {
        data: { values: [{ target }] },
        mark: { type: 'rule', stroke: TARGET, strokeWidth: 2, strokeDash: [2, 3] },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values: [{ target, text }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fill: TARGET, fontWeight: 'bold', x: 'width' },
        encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'text' } },
      },
    );
  }
  if (rows.some((r) => r.value !== null && !r.provisional)) {
    layers.push({
      transform: [{ filter: 'datum.value != null && !datum.provisional' }],
      mark: { type: 'point', shape: 'circle', filled: true, fill: SERIES, size: 70, opacity: 1 },
      encoding: { x, y: y('value') },
    });
  }
  if (rows.some((r) => r.value !== null && r.provisional)) {
    layers.push({
      transform: [{ filter: 'datum.value != null && datum.provisional' }],
      mark: { type: 'point', shape: 'circle', filled: true, fill: PAPER, stroke: PROVISIONAL, strokeWidth: 1.5, size: 70, opacity: 1 },
      encoding: { x, y: y('value') },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: Math.max(180, 64 * rows.length),
    height: 180,
    config: chartConfig(),
    data: { values: rows },
    layer: layers,
  } as TopLevelSpec;
}
