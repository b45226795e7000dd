// Copied unchanged from ../shared/bench/duckdb_readmission.mjs (below this line), so that
// `npm run bench` runs the SPEC §12 yardstick with this repository's @duckdb/node-api (a devDependency).
// Yardstick for SPEC §12: readmission-30d (SPEC §3.2 no. 1, all index episodes discharged in a
// year) computed by DuckDB SQL on the same admissions.csv that triple-aim reads (canonical
// column names, comma-separated, as `triple-aim sample` writes them). Prints "<year> <numerator> <denominator>"
// per year. Usage: node duckdb_readmission.mjs admissions.csv   (needs @duckdb/node-api)
import { DuckDBInstance } from '@duckdb/node-api';
import { openSync, readSync } from 'node:fs';
const file = process.argv[2].replace(/'/g, "''");
const buf = Buffer.alloc(4096); readSync(openSync(process.argv[2]), buf, 0, 4096, 0);
const header = buf.toString('utf8').split(/\r?\n/)[0].split(',').map((c) => c.trim().toLowerCase());
const col = (name) => (header.includes(name) ? name : 'NULL');
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
// Diagnoses normalised as SPEC §2.2 (drop a leading SKS 'D' before a letter, dots, spaces).
const sql = `
WITH raw AS (
  SELECT patient_id, admitted_at::TIMESTAMP AS a_at, discharged_at::TIMESTAMP AS d_at,
         admission_type AS typ, coalesce(${col('sector')},'somatic') AS sector,
         coalesce(nullif(${col('discharge_status')},''),'alive') AS status,
         regexp_replace(regexp_replace(upper(primary_diagnosis), '[. ]', '', 'g'), '^D([A-Z])', '\\1') AS dx
  FROM read_csv('${file}', header=true, all_varchar=true)
), som AS (
  SELECT *, max(coalesce(d_at, TIMESTAMP '9999-01-01')) OVER w_prev AS prev_max_d
  FROM raw WHERE sector = 'somatic'
  WINDOW w_prev AS (PARTITION BY patient_id ORDER BY a_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), flagged AS (
  SELECT *, CASE WHEN prev_max_d IS NULL OR a_at > prev_max_d + INTERVAL 4 HOUR THEN 1 ELSE 0 END AS new_ep
  FROM som
), numbered AS (
  SELECT *, sum(new_ep) OVER (PARTITION BY patient_id ORDER BY a_at ROWS UNBOUNDED PRECEDING) AS ep
  FROM flagged
), episodes AS (
  SELECT patient_id, ep,
         arg_min(typ, a_at) AS typ, arg_min(dx, a_at) AS dx, min(a_at) AS a_at,
         CASE WHEN bool_or(d_at IS NULL) THEN NULL ELSE max(d_at) END AS d_at,
         arg_max(status, d_at) AS status
  FROM numbered GROUP BY patient_id, ep
), nexts AS (
  SELECT *, min(CASE WHEN typ = 'acute' AND NOT (regexp_matches(dx, '^(O8[0-4]|[STVWXY])')) THEN a_at END)
              OVER (PARTITION BY patient_id ORDER BY a_at ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_q
  FROM episodes
)
SELECT year(d_at) AS y,
       count(*) FILTER (WHERE next_q IS NOT NULL AND next_q <= d_at + INTERVAL 720 HOUR) AS num,
       count(*) AS den
FROM nexts
WHERE d_at IS NOT NULL AND status = 'alive' AND NOT regexp_matches(dx, '^(C|D0[0-9]|Z763)')
GROUP BY 1 ORDER BY 1`;
const r = await con.runAndReadAll(sql);
for (const row of r.getRows()) console.log(row.map(String).join(' '));
