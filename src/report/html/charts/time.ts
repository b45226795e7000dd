// Period ids on a time axis: the first day of a month or quarter as UTC milliseconds, so
// that vega's `utc` scales place it whatever the process's TZ is (no local-time Date).

import { parsePeriodId } from '../../../calc/periods.js';

const MS_PER_DAY = 86_400_000;

/** The first day of the period at 00:00 UTC in milliseconds, or null for an unknown id. */
export function periodStartMs(periodId: string): number | null {
  const period = parsePeriodId(periodId);
  return period ? period.from * MS_PER_DAY : null;
}
