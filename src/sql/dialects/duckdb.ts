// DuckDB (SPEC §15): executed by the test suite. Naive TIMESTAMP (wall clock), INTERVAL
// arithmetic, DATE − DATE in days.

import type { Dialect } from '../print.js';

const TYPES = { text: 'VARCHAR', integer: 'INTEGER', decimal: 'DECIMAL(20,6)', timestamp: 'TIMESTAMP', date: 'DATE' } as const;

export const duckdb: Dialect = {
  name: 'duckdb',
  quote: (id) => `"${id.replace(/"/g, '""')}"`,
  type: (t) => TYPES[t],
  date: (iso) => `DATE '${iso}'`,
  addHours: (ts, hours) => `(${ts} + INTERVAL ${hours} HOUR)`,
  addDays: (date, days) => `(${date} + ${days})`,
  daysBetween: (from, to) => `(${to} - ${from})`,
  dayStart: (ts) => `CAST(CAST(${ts} AS DATE) AS TIMESTAMP)`,
  rest: (text, start) => `SUBSTRING(${text}, ${start})`,
  values: (rows, alias, columns) => `(VALUES ${rows.join(', ')}) AS "${alias}"(${columns.map((c) => `"${c}"`).join(', ')})`,
  materialize: true,
  preamble: ['Run: duckdb my.db < script.sql, or in the DuckDB CLI; export the result with COPY (…) TO \'counts.csv\' (HEADER).'],
};
