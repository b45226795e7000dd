// PostgreSQL (SPEC §15): executed by the test suite on a throwaway cluster. TIMESTAMP WITHOUT
// TIME ZONE is the wall clock; interval arithmetic; DATE − DATE is a whole number of days.

import type { Dialect } from '../print.js';

const TYPES = { text: 'TEXT', integer: 'INTEGER', decimal: 'NUMERIC(20,6)', timestamp: 'TIMESTAMP', date: 'DATE' } as const;

export const postgres: Dialect = {
  name: 'postgres',
  quote: (id) => `"${id.replace(/"/g, '""')}"`,
  type: (t) => TYPES[t],
  date: (iso) => `DATE '${iso}'`,
  addHours: (ts, hours) => `(${ts} + INTERVAL '${hours} hours')`,
  addDays: (date, days) => `(${date} + ${days})`,
  daysBetween: (from, to) => `(${to} - ${from})`,
  dayStart: (ts) => `CAST(CAST(${ts} AS DATE) AS TIMESTAMP)`,
  rest: (text, start) => `SUBSTRING(${text} FROM ${start})`,
  values: (rows, alias, columns) => `(VALUES ${rows.join(', ')}) AS "${alias}"(${columns.map((c) => `"${c}"`).join(', ')})`,
  materialize: true,
  preamble: ["Run: psql -v ON_ERROR_STOP=1 -f script.sql --csv -o counts.csv (the result set is the script's last statement)."],
};
