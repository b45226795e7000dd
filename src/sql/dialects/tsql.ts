// SQL Server T-SQL (SPEC §15): generated from the same plan, not executed on these machines (no
// registry they reach ships SQL Server); golden-file tested. DATETIME2 is the wall clock; time
// is moved with DATEADD(minute, …) and compared as DATETIME2 — never DATEDIFF on timestamps,
// which counts boundaries crossed (day-truncating). DATEDIFF(day, …) is applied to DATE values.

import type { Dialect } from '../print.js';

const TYPES = { text: 'NVARCHAR(400)', integer: 'INT', decimal: 'DECIMAL(20,6)', timestamp: 'DATETIME2(0)', date: 'DATE' } as const;

export const tsql: Dialect = {
  name: 'tsql',
  quote: (id) => `[${id.replace(/]/g, ']]')}]`,
  type: (t) => TYPES[t],
  date: (iso) => `CAST('${iso}' AS DATE)`,
  addHours: (ts, hours) => `DATEADD(minute, ${hours * 60}, ${ts})`,
  addDays: (date, days) => `DATEADD(day, ${days}, ${date})`,
  daysBetween: (from, to) => `DATEDIFF(day, ${from}, ${to})`,
  dayStart: (ts) => `CAST(CAST(${ts} AS DATE) AS DATETIME2(0))`,
  rest: (text, start) => `SUBSTRING(${text}, ${start}, 4000)`,
  values: (rows, alias, columns) => `(VALUES ${rows.join(', ')}) AS [${alias}](${columns.map((c) => `[${c}]`).join(', ')})`,
  materialize: false,
  preamble: [
    'Run in SQL Server Management Studio (Results to File, CSV) or:',
    'sqlcmd -S SERVER -d DATABASE -E -i script.sql -o counts.csv -s "," -W -h -1  (then add the header line below)',
  ],
};
