// Which chart a series gets (SPEC §7 `--chart`): `auto` picks by unit; a chart that does
// not fit the unit falls back to a run chart with a note.

import { MESSAGES, say, type Said } from '../../domain/messages.js';
import type { ChartType, Unit } from './types.js';

export type RequestedChart = ChartType | 'auto';

export interface ChartChoice {
  chart: ChartType;
  /** Why the requested chart was not used; null when it was (or `auto` chose). */
  note: Said | null;
}

/** The units each chart fits: p/pp need proportions, u/up rates; run and i fit any series. */
export const CHART_UNITS: Record<ChartType, readonly Unit[]> = {
  run: ['percent', 'per_1000', 'count', 'dkk_per_capita'],
  i: ['percent', 'per_1000', 'count', 'dkk_per_capita'],
  p: ['percent'],
  pp: ['percent'],
  u: ['per_1000'],
  up: ['per_1000'],
};

/**
 * `auto`: Laney P′ for percent and U′ for per_1000 (population denominators make plain p/u
 * limits too narrow for over-dispersed series), `i` for count and dkk_per_capita.
 */
export const AUTO_CHART: Record<Unit, ChartType> = {
  percent: 'pp',
  per_1000: 'up',
  count: 'i',
  dkk_per_capita: 'i',
};

export function chartFits(chart: ChartType, unit: Unit): boolean {
  return CHART_UNITS[chart].includes(unit);
}

/** The chart drawn for a series of `unit` when `requested` was asked for. */
export function chartForUnit(requested: RequestedChart, unit: Unit): ChartChoice {
  if (requested === 'auto') return { chart: AUTO_CHART[unit], note: null };
  if (chartFits(requested, unit)) return { chart: requested, note: null };
  const fits = CHART_UNITS[requested].join(' or ');
  return {
    chart: 'run',
    note: say(MESSAGES.chartFallback, { requested, fits, unit }),
  };
}
