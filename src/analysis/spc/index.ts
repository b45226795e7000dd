// The statistical process control analysis of one series (SPEC §7), for `triple-aim monitor`.

export type {
  ChartType,
  Direction,
  PhaseAnalysis,
  PointAnalysis,
  RunsAnalysis,
  SeriesAnalysis,
  SeriesPointInput,
  SeriesSpec,
  Side,
  Unit,
  Variation,
} from './types.js';
export { analyseSeries, countsOf, isCountChart, MIN_USEFUL_POINTS, phaseChart, variationOf } from './series.js';
export { AUTO_CHART, CHART_UNITS, chartFits, chartForUnit, type ChartChoice, type RequestedChart } from './chart.js';
export { crossingsMin, isOnCentre, longestRunMax, runsAnalysis } from './runs.js';
export {
  D2,
  MOVING_RANGE_SCREEN,
  NO_CHART,
  isOutsideLimits,
  limitsAt,
  screenedAverageMovingRange,
  type Counts,
  type Limits,
  type PhaseChart,
} from './limits.js';
export { median, runChart } from './run.js';
export { PERCENT, pChart, pooledProportion } from './p.js';
export { PER_1000, pooledRate, uChart } from './u.js';
export { laneySigmaZ, pPrimeChart, uPrimeChart } from './laney.js';
export { iChart } from './i.js';
