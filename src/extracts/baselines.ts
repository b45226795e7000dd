// baselines.csv — baseline and target overrides per indicator and group (SPEC §2.7).

import { formatGroupKey } from '../calc/groups.js';
import { Invalid, parseIndicatorId, parseNumber, parsePeriod, quote } from './fields.js';
import { parseGroupKey } from './group-key.js';
import type { BaselineRow } from './records.js';
import { defineColumns, type ExtractSchema } from './schema.js';
import { knownIndicatorParser } from './indicator-ids.js';

const COLUMNS = defineColumns([
  { name: 'indicator', required: true },
  { name: 'group' },
  { name: 'baseline_period', required: true },
  { name: 'baseline_value', required: true },
  { name: 'target_value' },
  { name: 'note' },
]);
const C = COLUMNS.at;

export const baselinesSchema: ExtractSchema<BaselineRow> = {
  extract: 'baselines',
  fileName: 'baselines.csv',
  columns: COLUMNS.list,
  rowParser({ knownIndicators, unique: keys }) {
    const known = knownIndicatorParser(knownIndicators);
    return (r) => {
      const indicator = r.required(C.indicator, parseIndicatorId);
      if (indicator !== null) {
        const checked = known(indicator);
        if (checked instanceof Invalid) r.problem('unknown-indicator', C.indicator, r.text(C.indicator), checked.message);
      }
      // An empty group is the total row {} (SPEC §2.7, §3.4).
      const group = r.has(C.group) && r.text(C.group) !== null ? r.optional(C.group, parseGroupKey) : {};
      const baselinePeriod = r.required(C.baseline_period, parsePeriod);
      const baselineValue = r.required(C.baseline_value, parseNumber);
      const targetValue = r.optional(C.target_value, parseNumber);
      const note = r.text(C.note);

      if (indicator !== null && group !== null) {
        // Unique on (indicator, group) with the group in canonical form, so that
        // "sex=F;cluster=Vest" and "cluster=Vest;sex=K" are the same key.
        const key = formatGroupKey(group);
        const first = keys.seenBefore(`${indicator}|${key}`, r.line);
        if (first !== undefined) {
          r.problem(
            'unique-error',
            C.group,
            r.text(C.group),
            `duplicate baseline: ${quote(indicator)} for group ${key === '' ? '(total)' : quote(key)} already on line ${first}; (indicator, group) must be unique`,
          );
        }
      }
      if (r.rejected) return null;
      return {
        line: r.line,
        indicator: indicator!,
        group: group!,
        baselinePeriod,
        baselineValue,
        targetValue,
        note,
      };
    };
  },
};
