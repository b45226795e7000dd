// Runs a counting indicator's `count` on hand-made data and sums the units per period and
// (optionally) per group, without the engine: unit tests of a definition state its counting
// rules; the engine has its own tests for aggregation, intervals and status.

import { parsePeriodArguments, type Period } from '../../src/calc/periods.js';
import type { CountingIndicator, UnitAttributes } from '../../src/indicators/types.js';
import type { LoadedData } from '../../src/extracts/records.js';
import { deriveFacts, prepare, type DerivedFacts } from '../../src/facts/index.js';

export interface Sums {
  numerator: number;
  denominator: number;
  /** label → count */
  notes: Record<string, number>;
}

/**
 * sums[periodId][groupKey] where groupKey = groupBy(unit attributes), or 'total'.
 */
export function tallyOf(
  indicator: CountingIndicator,
  data: LoadedData,
  periodArgs: string[],
  groupBy?: (who: UnitAttributes) => string,
): Record<string, Record<string, Sums>> {
  const periods: Period[] = parsePeriodArguments(periodArgs);
  const out: Record<string, Record<string, Sums>> = {};
  for (const p of periods) out[p.id] = {};
  const cell = (p: Period, key: string): Sums =>
    (out[p.id][key] ??= { numerator: 0, denominator: 0, notes: {} });
  const keys = (who: UnitAttributes) => (groupBy ? ['total', groupBy(who)] : ['total']);
  // The derived facts the indicator declares, built as the engine builds them.
  const prepared = prepare(data);
  deriveFacts(prepared, indicator.needs);
  indicator.count(
    // From contacts.csv the admissions among the stays take admissions.csv's place (SPEC §14.2).
    prepared.data,
    {
      add(day, who, numerator, denominator = 0) {
        for (const p of periods) {
          if (day < p.from || day > p.to) continue;
          for (const k of keys(who)) {
            const c = cell(p, k);
            c.numerator += numerator;
            c.denominator += denominator;
          }
        }
      },
      note(day, who, label) {
        for (const p of periods) {
          if (day < p.from || day > p.to) continue;
          for (const k of keys(who)) {
            const c = cell(p, k);
            c.notes[label] = (c.notes[label] ?? 0) + 1;
          }
        }
      },
    },
    {
      periods,
      firstDay: Math.min(...periods.map((p) => p.from)),
      lastDay: Math.max(...periods.map((p) => p.to)),
      facts: prepared.facts as DerivedFacts,
    },
  );
  return out;
}
