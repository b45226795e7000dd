// The baseline line of a chart with its label (SPEC §10, §13.3), the same on the monthly and the
// yearly chart; whether a chart shows it at all is decided in scale.ts (baselineShows).

import type { TopLevelSpec } from 'vega-lite';
import { BASELINE } from '../palette.js';

type Layer = NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']>[number];

/** A dash-dot rule at the baseline's value, and its label at the plot's left edge. */
export function baselineLayers(baseline: number, label: string): Layer[] {
  return [
    {
      data: { values: [{ baseline }] },
      mark: { type: 'rule', stroke: BASELINE, strokeWidth: 1.5, strokeDash: [6, 2, 1, 2] },
      encoding: { y: { field: 'baseline', type: 'quantitative' } },
    },
    {
      data: { values: [{ baseline, text: label }] },
      mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 2, dy: -3, fill: BASELINE, x: 0 },
      encoding: { y: { field: 'baseline', type: 'quantitative' }, text: { field: 'text' } },
    },
  ];
}
