// The annotations of `monitor --annotations FILE` (SPEC §7): CSV `period,text[,indicator][,group]`,
// one note per row attached to the points of its period — e.g. "new booking system" at 2019-01.
// Read by the same reader and rules as the extracts (not a --data standard name); an unknown
// indicator id is a row error with a "did you mean", as in baselines.csv (SPEC §6.1).

import { Invalid, parseIndicatorId, parsePeriod } from './fields.js';
import { parseGroupKey } from './group-key.js';
import { knownIndicatorParser } from './indicator-ids.js';
import type { AnnotationRow } from './records.js';
import { defineColumns, type ExtractSchema } from './schema.js';

const COLUMNS = defineColumns([
  { name: 'period', required: true },
  { name: 'text', aliases: ['annotation', 'note', 'tekst'], required: true },
  { name: 'indicator' },
  { name: 'group' },
]);
const C = COLUMNS.at;

export const annotationsSchema: ExtractSchema<AnnotationRow> = {
  extract: 'annotations',
  fileName: 'annotations.csv',
  columns: COLUMNS.list,
  rowParser({ knownIndicators }) {
    const known = knownIndicatorParser(knownIndicators);
    return (r) => {
      const period = r.required(C.period, parsePeriod);
      const text = r.requiredText(C.text);
      const indicator = r.optional(C.indicator, parseIndicatorId);
      if (indicator !== null) {
        const checked = known(indicator);
        if (checked instanceof Invalid) r.problem('unknown-indicator', C.indicator, r.text(C.indicator), checked.message);
      }
      // An empty group: every group of the indicator(s).
      const group = r.optional(C.group, parseGroupKey);
      if (r.rejected) return null;
      return { line: r.line, period: period!, text: text!, indicator, group };
    };
  },
};
