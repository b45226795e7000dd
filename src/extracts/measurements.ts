// measurements.csv — values measured elsewhere (audits, surveys, call logs), one row per
// indicator and period (SPEC §2.7).

import { parsePeriodId } from '../calc/periods.js';
import {
  Invalid,
  parseIndicatorId,
  parseNonNegativeNumber,
  parseNumber,
  parsePeriod,
  quote,
} from './fields.js';
import type { Measurement } from './records.js';
import { defineColumns, type ExtractSchema } from './schema.js';
import { knownIndicatorParser } from './indicator-ids.js';

const COLUMNS = defineColumns([
  { name: 'indicator', required: true },
  { name: 'period', required: true },
  { name: 'numerator' },
  { name: 'denominator' },
  { name: 'value' },
  { name: 'source' },
]);
const C = COLUMNS.at;

export const measurementsSchema: ExtractSchema<Measurement> = {
  extract: 'measurements',
  fileName: 'measurements.csv',
  columns: COLUMNS.list,
  // Measurement periods, first and last day (SPEC §1.3).
  eventDays(m, see) {
    const p = parsePeriodId(m.period);
    if (p) {
      see(p.from);
      see(p.to);
    }
  },
  rowParser({ knownIndicators, unique: keys }) {
    const known = knownIndicatorParser(knownIndicators);
    return (r) => {
      const indicator = r.required(C.indicator, parseIndicatorId);
      if (indicator !== null) {
        const checked = known(indicator);
        if (checked instanceof Invalid) r.problem('unknown-indicator', C.indicator, r.text(C.indicator), checked.message);
      }
      const period = r.required(C.period, parsePeriod);
      const numerator = r.optional(C.numerator, parseNonNegativeNumber);
      const denominator = r.optional(C.denominator, parseNonNegativeNumber);
      const value = r.optional(C.value, parseNumber);
      const source = r.text(C.source);

      if (indicator !== null && period !== null) {
        // Unique on (indicator, period) with the period normalised: 2016-q1 = 2016-Q1.
        const first = keys.seenBefore(`${indicator}|${period}`, r.line);
        if (first !== undefined) {
          r.problem(
            'unique-error',
            C.period,
            r.text(C.period),
            `duplicate measurement: ${quote(indicator)} for period ${period} already on line ${first}; (indicator, period) must be unique`,
          );
        }
      }
      if (r.rejected) return null;
      return { line: r.line, indicator: indicator!, period: period!, numerator, denominator, value, source };
    };
  },
};
