// Run chart (SPEC §7 "Run chart"): the centre line is the median of the baseline values;
// no limits. As qicharts2 `qic.run`.

import { NO_CHART, type PhaseChart } from './limits.js';

/** The median of a non-empty list: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('the median of no values is undefined');
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** CL = the median of the baseline values; no limits. */
export function runChart(baselineValues: readonly number[]): PhaseChart {
  if (baselineValues.length === 0) return NO_CHART;
  return { ...NO_CHART, center: median(baselineValues) };
}
