// Spark SQL (SPEC §15): generated from the same plan, not executed on these machines (no
// registry they reach ships Spark); golden-file tested. TIMESTAMP_NTZ (Spark ≥ 3.4) is the
// wall clock, so adding 720 hours never shifts by a daylight-saving hour; datediff is applied
// to DATE values only.

import type { Dialect } from '../print.js';

const TYPES = { text: 'STRING', integer: 'INT', decimal: 'DECIMAL(20,6)', timestamp: 'TIMESTAMP_NTZ', date: 'DATE' } as const;

export const spark: Dialect = {
  name: 'spark',
  quote: (id) => `\`${id.replace(/`/g, '``')}\``,
  type: (t) => TYPES[t],
  date: (iso) => `DATE '${iso}'`,
  addHours: (ts, hours) => `(${ts} + INTERVAL ${hours} HOURS)`,
  addDays: (date, days) => `date_add(${date}, ${days})`,
  daysBetween: (from, to) => `datediff(${to}, ${from})`,
  dayStart: (ts) => `CAST(CAST(${ts} AS DATE) AS TIMESTAMP_NTZ)`,
  rest: (text, start) => `substring(${text}, ${start})`,
  values: (rows, alias, columns) => `VALUES ${rows.join(', ')} AS \`${alias}\`(${columns.map((c) => `\`${c}\``).join(', ')})`,
  materialize: false,
  preamble: [
    'Run in a Databricks/Spark notebook cell: counts = spark.sql(open("script.sql").read().rstrip().rstrip(";"))',
    'then counts.toPandas().to_csv("counts.csv", index=False) (or counts.coalesce(1).write.csv(…, header=True)).',
  ],
};
