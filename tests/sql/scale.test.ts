// SPEC §16: `sql --dialect postgres` run in PostgreSQL on the §5 set gives counts equal to the
// TypeScript engine's — and DuckDB's too. Heavy (1,000,000 admissions, 200,000 referrals, 100,000 smoking courses),
// so it runs only when asked: SQL_SCALE=200 npx vitest run tests/sql/scale.test.ts (the scale
// of `triple-aim sample`; 200 is the §5 set). It prints the engines' times.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePeriodArgument } from '../../src/calc/periods.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { compile, resultDimensions, SQL_INDICATORS } from '../../src/sql/compile.js';
import { DIALECT } from '../../src/sql/dialects/index.js';
import { printPlan } from '../../src/sql/print.js';
import { canonicalTables, engineCounts, loadFiles, loadPostgresTables, postgresMissing, runDuckdb, runPostgres, scriptCounts, startPostgres } from '../helpers/sql.js';

const scale = Number(process.env.SQL_SCALE ?? 0);

describe.skipIf(!scale)(`SQL on \`sample --scale ${scale}\`: DuckDB and PostgreSQL count what the engine counts`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'triple-aim-sql-scale-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every compiled indicator by year, no breakdown and by municipality', async () => {
    execFileSync(process.execPath, ['bin/triple-aim.js', 'sample', '--out', dir, '--scale', String(scale)], { stdio: 'ignore' });
    const data = await loadFiles({
      admissions: join(dir, 'admissions.csv'),
      referrals: join(dir, 'referrals.csv'),
      smoking: join(dir, 'smoking.csv'),
      lup: join(dir, 'lup.csv'),
    });
    const indicators = CATALOGUE.filter((i): i is CountingIndicator => (SQL_INDICATORS as readonly string[]).includes(i.id));
    const periods = [...parsePeriodArgument('2015..2018')];
    const tables = canonicalTables(data);
    for (const asked of [[], ['municipality']] as const) {
      const plan = compile({ indicators, periods, by: [...asked] });
      // The result's breakdown: --by and LUP's patient_type.
      const by = resultDimensions([...asked], indicators);
      let t = performance.now();
      const engine = engineCounts(indicators, data, periods, [...by]);
      const engineMs = performance.now() - t;
      t = performance.now();
      const duck = scriptCounts(await runDuckdb(printPlan(plan, DIALECT.duckdb), tables), [...by]);
      const duckMs = performance.now() - t;
      // To the øre, as the engine gives DKK sums (src/engine/run.ts): the tally's float sum of
      // 300,000 amounts carries noise in the 4th decimal, the database's DECIMAL sum none.
      const round = (m: typeof engine) => new Map([...m].map(([k, v]) => [k, { ...v, numerator: Math.round(v.numerator * 100) / 100 }]));
      expect(round(duck)).toEqual(round(engine));
      let pgMs = NaN;
      if (!postgresMissing()) {
        const pg = startPostgres();
        try {
          t = performance.now();
          loadPostgresTables(pg, tables);
          const loadMs = performance.now() - t;
          t = performance.now();
          const counts = scriptCounts(runPostgres(pg, printPlan(plan, DIALECT.postgres)), [...by]);
          pgMs = performance.now() - t;
          expect(round(counts)).toEqual(round(engine));
          console.log(`postgres: COPY ${Math.round(loadMs)} ms`);
        } finally {
          pg.stop();
        }
      }
      console.log(
        `scale ${scale}, --by ${asked.join(',') || '(none)'}: ${engine.size} cells equal; engine count ${Math.round(engineMs)} ms, ` +
          `DuckDB (CSV load + script) ${Math.round(duckMs)} ms, PostgreSQL script ${Math.round(pgMs)} ms`,
      );
    }
  }, 1_800_000);
});
