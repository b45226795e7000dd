// DuckDB (SPEC §15): executed by the test suite. Naive TIMESTAMP (wall clock), INTERVAL
// arithmetic, DATE − DATE in days.

import type { Dialect } from '../print.js';

// Amounts as DECIMAL(18,6) (up to 10^12 kroner an admission): a width over 18 is a 128-bit
// decimal in DuckDB, whose cast and sum made the §5 set's script 25 s instead of 7 s; the sum
// itself widens to DECIMAL(38,6).
const TYPES = { text: 'VARCHAR', integer: 'INTEGER', decimal: 'DECIMAL(18,6)', timestamp: 'TIMESTAMP', date: 'DATE' } as const;

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
