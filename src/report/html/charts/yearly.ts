// The yearly values of an indicator (SPEC §10 item 3): a point per year with its 95 %
// interval as a whisker, and the target as a green dotted line. A year without a value
// (suppressed or not computed) keeps its place on the axis and is named in the data table.

import type { TopLevelSpec } from 'vega-lite';
import { LABELS } from '../i18n.js';
import type { Lang, Unit, YearlyValue } from '../model.js';
import { INTERVAL, SERIES, TARGET } from '../palette.js';
import { chartConfig } from './render.js';

export interface YearlyChartInput {
  yearly: YearlyValue[];
  unit: Unit;
  target: number | null;
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
  }));
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
    scale: { zero: false, nice: true },
    axis: { title: labels.unitAxis[input.unit], grid: true, tickCount: 5 },
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
  if (input.target !== null) {
    layers.push(
      {
        data: { values: [{ target: input.target }] },
        mark: { type: 'rule', stroke: TARGET, strokeWidth: 2, strokeDash: [2, 3] },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values: [{ target: input.target, text: labels.target }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fill: TARGET, fontWeight: 'bold', x: 'width' },
        encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'text' } },
      },
    );
  }
  layers.push({
    transform: [{ filter: 'datum.value != null' }],
    mark: { type: 'point', shape: 'circle', filled: true, fill: SERIES, size: 70, opacity: 1 },
    encoding: { x, y: y('value') },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: Math.max(180, 64 * rows.length),
    height: 180,
    config: chartConfig(),
    data: { values: rows },
    layer: layers,
  } as TopLevelSpec;
}
