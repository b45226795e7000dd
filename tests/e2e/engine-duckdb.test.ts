// SPEC §15 `--engine duckdb`: compute, monitor, report and evaluate counted by the generated
// DuckDB script, in process, on the sample extracts as CSV and as Parquet, give the output of
// --engine ts (inputs[] aside where the files differ); a cell DuckDB cannot read, a value that
// is not canonical, a missing column, both forms of an extract and an unknown engine each end
// the run with one line per problem and the right exit code.

import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli, scratchDir, scratchFiles, show, type RunResult } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');
const COUNTED = ['admissions', 'referrals', 'smoking'] as const;
const OTHERS = ['population', 'lup', 'baselines', 'measurements'] as const;
const ENV = { SOURCE_DATE_EPOCH: '0' };

/** The samples with the counted extracts as Parquet (typed columns, as DuckDB's CSV reader
 *  detects them: timestamps, dates, integers, booleans) and the others as CSV. */
const PARQUET = scratchDir('triple-aim-parquet-');

beforeAll(async () => {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  for (const name of COUNTED) {
    await con.run(`COPY (SELECT * FROM read_csv('${join(SAMPLES, `${name}.csv`)}', header = true)) TO '${join(PARQUET, `${name}.parquet`)}' (FORMAT parquet)`);
  }
  con.closeSync();
  db.closeSync();
  for (const name of OTHERS) copyFileSync(join(SAMPLES, `${name}.csv`), join(PARQUET, `${name}.csv`));
}, 60_000);

function run(args: string[], env: Record<string, string> = {}): RunResult {
  return runCli(args, { env: { ...ENV, ...env } });
}

function json(r: RunResult): Record<string, unknown> {
  expect(r.code, show(r)).toBe(0);
  return JSON.parse(r.stdout);
}

function withoutInputs(report: Record<string, unknown>): Record<string, unknown> {
  const { inputs: _inputs, ...rest } = report;
  return rest;
}

/** readmission-30d in 2016, the whole region: [numerator, denominator]. */
function readmissions2016(dir: string, engine: string): [number, number] {
  const r = run(['compute', '--data', dir, '--engine', engine, '--indicators', 'readmission-30d', '--period', '2016', '--min-cell', '0', '--format', 'json']);
  const result = (json(r).results as { period: string; group: object; numerator: number; denominator: number }[]).find((x) => x.period === '2016' && Object.keys(x.group).length === 0)!;
  return [result.numerator, result.denominator];
}

type Input = { extract: string; path: string; sha256: string; rows: number; rows_rejected: number; encoding: string; data_end: string | null };

describe('--engine duckdb gives the results of --engine ts on the samples', () => {
  const cases: [string, string[]][] = [
    ['compute, every year the data touch', ['compute', '--format', 'json']],
    [
      'compute by municipality, standardised, with equity, comparison and a baseline period',
      ['compute', '--format', 'json', '--period', '2016', '--period', '2017-Q1..2017-Q4', '--by', 'municipality', '--standardize', 'esp2013', '--equity', '--compare', '--baseline-period', '2015'],
    ],
    ['compute by cluster and sex, --min-cell 0', ['compute', '--format', 'json', '--period', '2017', '--by', 'cluster,sex', '--min-cell', '0']],
    ['monitor, every month the data touch', ['monitor', '--format', 'json']],
    ['monitor by cluster, quarters', ['monitor', '--format', 'json', '--period', '2016-Q1..2017-Q4', '--by', 'cluster']],
    ['evaluate, a cluster against the rest', ['evaluate', '--format', 'json', '--intervention', 'cluster=Horsens', '--start', '2016-06', '--months', '6']],
    ['evaluate, one municipality against another, --min-cell 0', ['evaluate', '--format', 'json', '--intervention', 'municipality=751', '--comparison', 'municipality=741', '--start', '2016-03', '--months', '12', '--min-cell', '0']],
    ['evaluate, women with a short education against the rest', ['evaluate', '--format', 'json', '--intervention', 'sex=F;education=short', '--start', '2017-01', '--months', '6']],
  ];

  it.each(cases)('%s: CSV (inputs[] too) and Parquet (inputs[] aside)', (_name, args) => {
    const ts = json(run([...args, '--data', SAMPLES]));
    const csv = json(run([...args, '--data', SAMPLES, '--engine', 'duckdb']));
    // The same files: inputs[] is the same too (path, SHA-256, rows, encoding, data end).
    expect(csv).toEqual(ts);
    const parquet = json(run([...args, '--data', PARQUET, '--engine', 'duckdb']));
    expect(withoutInputs(parquet)).toEqual(withoutInputs(ts));
    // What inputs[] says of a Parquet extract: its file, rows counted by DuckDB, its data end.
    const tsInputs = ts.inputs as Input[];
    for (const input of parquet.inputs as Input[]) {
      const same = tsInputs.find((i) => i.extract === input.extract)!;
      expect(input.path).toBe(join(PARQUET, (COUNTED as readonly string[]).includes(input.extract) ? `${input.extract}.parquet` : `${input.extract}.csv`));
      expect({ ...input, path: '', sha256: '' }).toEqual({ ...same, path: '', sha256: '' });
    }
  }, 120_000);

  it('report (HTML), the year and a municipality profile: byte for byte on CSV; on Parquet but for the extracts named', () => {
    const shaOf = (dir: string) => (json(run(['compute', '--format', 'json', '--data', dir, '--engine', 'duckdb', '--indicators', 'readmission-30d'])).inputs as Input[]);
    const csvInputs = shaOf(SAMPLES);
    const parquetInputs = shaOf(PARQUET);
    for (const extra of [[], ['--municipality', '751']]) {
      const args = ['report', '--year', '2017', ...extra];
      const ts = run([...args, '--data', SAMPLES]);
      expect(ts.code, show(ts)).toBe(0);
      const csv = run([...args, '--data', SAMPLES, '--engine', 'duckdb']);
      expect(csv.code, show(csv)).toBe(0);
      expect(csv.stdout === ts.stdout, 'the HTML of --engine duckdb differs from --engine ts').toBe(true);
      const parquet = run([...args, '--data', PARQUET, '--engine', 'duckdb']);
      expect(parquet.code, show(parquet)).toBe(0);
      let html = parquet.stdout;
      for (const p of parquetInputs) {
        const c = csvInputs.find((i) => i.extract === p.extract)!;
        html = html.split(p.path).join(c.path).split(p.sha256).join(c.sha256);
      }
      expect(html === ts.stdout, 'the HTML on Parquet differs from --engine ts beyond the extracts named').toBe(true);
    }
  }, 300_000);

  it("DuckDB's temp directory is in the OS temp dir and removed after the run", () => {
    const tmp = scratchDir('triple-aim-tmp-');
    const r = run(['compute', '--format', 'json', '--data', SAMPLES, '--engine', 'duckdb', '--period', '2017'], { TMPDIR: tmp });
    expect(r.code, show(r)).toBe(0);
    expect(readdirSync(tmp).filter((f) => f.startsWith('triple-aim-duckdb-'))).toEqual([]);
  });
});

describe('--engine duckdb breaks ties of admitted_at by file order, as the TypeScript engine does (SPEC §3.1)', () => {
  // P1's index episode ends 2016-01-10; on 2016-01-20 08:00 two admissions start at once: the
  // planned one first in the file (id Z2), the acute one second (id A1). The episode takes its
  // first admission's type: by file order planned, so no readmission (0 of 2 index episodes);
  // by id order it would be acute, a readmission (1 of 2).
  const header = 'admission_id,patient_id,admitted_at,discharged_at,admission_type,primary_diagnosis,sector,municipality_code,age,sex';
  const dir = scratchFiles({
    'admissions.csv':
      [
        header,
        'M1,P1,2016-01-05 09:00,2016-01-10 10:00,acute,J189,somatic,751,70,F',
        'Z2,P1,2016-01-20 08:00,2016-01-21 12:00,planned,K590,somatic,751,70,F',
        'A1,P1,2016-01-20 08:00,2016-01-22 12:00,acute,J189,somatic,751,70,F',
      ].join('\n') + '\n',
  });
  it.each(['ts', 'duckdb'])('--engine %s: 0 readmissions of 2 index episodes in 2016', (engine) => {
    expect(readmissions2016(dir, engine)).toEqual([0, 2]);
  });
});

describe('--engine duckdb counts LPR3 contacts and the national profile as --engine ts does (SPEC §14)', () => {
  /** `sample --contacts`: contacts.csv in place of admissions.csv, and the other extracts. */
  const CONTACTS = scratchDir('triple-aim-engine-contacts-');
  /** The same with contacts.csv as Parquet (typed as DuckDB's CSV reader detects it). */
  const CONTACTS_PARQUET = scratchDir('triple-aim-engine-contacts-parquet-');
  beforeAll(async () => {
    const made = run(['sample', '--out', CONTACTS, '--contacts', '--seed', '3']);
    expect(made.code, show(made)).toBe(0);
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(`COPY (SELECT * FROM read_csv('${join(CONTACTS, 'contacts.csv')}', header = true)) TO '${join(CONTACTS_PARQUET, 'contacts.parquet')}' (FORMAT parquet)`);
    con.closeSync();
    db.closeSync();
    for (const name of readdirSync(CONTACTS)) if (name.endsWith('.csv') && name !== 'contacts.csv') copyFileSync(join(CONTACTS, name), join(CONTACTS_PARQUET, name));
  }, 120_000);

  const cases: [string, string[]][] = [
    ['compute, every year the data touch', ['compute', '--format', 'json']],
    [
      'compute by municipality, standardised, with equity, comparison and a baseline period',
      ['compute', '--format', 'json', '--period', '2016', '--by', 'municipality', '--standardize', 'esp2013', '--equity', '--compare', '--baseline-period', '2015'],
    ],
    ['monitor by cluster', ['monitor', '--format', 'json', '--by', 'cluster']],
    ['evaluate, a cluster against the rest', ['evaluate', '--format', 'json', '--intervention', 'cluster=Horsens', '--start', '2016-06', '--months', '6']],
  ];
  const profiles = ['rm-2015-2018', 'national'];
  const each = profiles.flatMap((profile) => cases.map(([name, args]) => [profile, name, args] as const));

  it.each(each)('--profile %s, contacts.csv, %s: CSV (inputs[] too) and Parquet (inputs[] aside)', (profile, _name, args) => {
    const withProfile = [...args, '--profile', profile];
    const ts = json(run([...withProfile, '--data', CONTACTS]));
    const csv = run([...withProfile, '--data', CONTACTS, '--engine', 'duckdb']);
    expect(json(csv)).toEqual(ts);
    const parquet = json(run([...withProfile, '--data', CONTACTS_PARQUET, '--engine', 'duckdb']));
    expect(withoutInputs(parquet)).toEqual(withoutInputs(ts));
    // The hospital indicators were computed (not "not loaded") from the stays.
    const results = (ts.results ?? ts.effects ?? ts.series) as { indicator: string; status?: string }[];
    expect(results.some((r) => r.indicator === 'readmission-30d' && r.status !== 'not_computed')).toBe(true);
  }, 120_000);

  it.each(profiles)('--profile %s on the worked example lpr3-contacts-and-profiles: the results of --engine ts, the missing cofinancing_dkk column said as it says it', (profile) => {
    const example = join(process.cwd(), 'tests', 'fixtures', 'examples', 'lpr3-contacts-and-profiles');
    const args = ['compute', '--format', 'json', '--data', example, '--period', '2017', '--min-cell', '0', '--profile', profile];
    const ts = json(run(args));
    const duck = json(run([...args, '--engine', 'duckdb']));
    expect(duck).toEqual(ts);
    const cofinancing = (duck.results as { indicator: string; reason: { message: string } | null }[]).find((r) => r.indicator === 'cofinancing-per-capita')!;
    expect(cofinancing.reason?.message).toMatch(/contacts extract has no cofinancing_dkk column/);
  });

  it.each([
    ['compute', ['compute', '--format', 'json']],
    ['monitor by cluster', ['monitor', '--format', 'json', '--by', 'cluster']],
  ])('--profile national on admissions.csv (the samples), %s: the results of --engine ts, the split bed days included', (_name, args) => {
    const ts = json(run([...args, '--data', SAMPLES, '--profile', 'national']));
    expect(json(run([...args, '--data', SAMPLES, '--profile', 'national', '--engine', 'duckdb']))).toEqual(ts);
    expect(((ts.results ?? ts.series) as { indicator: string }[]).some((r) => r.indicator === 'ready-for-discharge-days-somatic')).toBe(true);
  }, 120_000);

  describe('ties of start_at are broken by file order, as the TypeScript engine does (SPEC §14.2)', () => {
    // P1's first stay ends 2016-01-10; on 2016-01-20 08:00 two physical contacts start at once
    // and make one stay: the planned one first in the file (id Z2), the acute one second (id A1).
    // The stay takes its first contact's priority: by file order planned, so no readmission under
    // rm-2015-2018 (0 of 2 index stays); by contact_id order, as `triple-aim sql` orders a table
    // (checked by hand in DuckDB), it would be acute, a readmission (1 of 2).
    const dir = scratchFiles({
      'contacts.csv':
        [
          'contact_id,patient_id,start_at,end_at,contact_type,priority,action_diagnosis,sector,municipality_code,age,sex',
          'M1,P1,2016-01-05 09:00,2016-01-10 10:00,physical,acute,J189,somatic,751,70,F',
          'Z2,P1,2016-01-20 08:00,2016-01-21 12:00,physical,planned,K590,somatic,751,70,F',
          'A1,P1,2016-01-20 08:00,2016-01-22 12:00,physical,acute,J189,somatic,751,70,F',
        ].join('\n') + '\n',
    });
    it.each(['ts', 'duckdb'])('--engine %s: 0 readmissions of 2 index stays in 2016', (engine) => {
      expect(readmissions2016(dir, engine)).toEqual([0, 2]);
    });
  });
});

describe('--engine duckdb: errors for people', () => {
  const admissions = readFileSync(join(SAMPLES, 'admissions.csv'), 'utf8').split('\n');
  /** The samples with admissions.csv changed by `edit` (its lines, header first). */
  function withAdmissions(edit: (lines: string[]) => string[]): string {
    const dir = scratchDir('triple-aim-engine-bad-');
    writeFileSync(join(dir, 'admissions.csv'), edit([...admissions]).join('\n'));
    for (const name of ['population', 'referrals']) copyFileSync(join(SAMPLES, `${name}.csv`), join(dir, `${name}.csv`));
    return dir;
  }
  const ageAt = admissions[0].split(',').indexOf('age');
  const typeAt = admissions[0].split(',').indexOf('admission_type');
  const cell = (line: string, at: number, value: string) => line.split(',').map((v, i) => (i === at ? value : v)).join(',');

  function failsWith(r: RunResult, code: number, pattern: RegExp): void {
    expect(r.code, show(r)).toBe(code);
    expect(hasStackTrace(r.stderr), show(r)).toBe(false);
    expect(r.stdout).toBe('');
    expect(r.stderr, show(r)).toMatch(pattern);
  }

  it('a cell DuckDB cannot cast: exit 1, the file, data row, column and value, and `triple-aim validate`', () => {
    const dir = withAdmissions((l) => l.map((line, i) => (i === 3 ? cell(line, ageAt, 'abc') : line)));
    const r = run(['compute', '--data', dir, '--engine', 'duckdb', '--format', 'json']);
    failsWith(r, 1, /admissions\.csv: data row 3: age: "abc" is not a whole number/);
    expect(r.stderr).toMatch(/triple-aim validate/);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('a Danish spelling (akut) is read as the reader reads it; a value no reader accepts (akkut): exit 1 naming file, column and count, never counted as planned', () => {
    const danish = withAdmissions((l) => l.map((line, i) => (i === 2 ? cell(line, typeAt, 'akut') : line)));
    const args = ['compute', '--data', danish, '--format', 'json', '--period', '2016'];
    const ts = run(args);
    expect(ts.code, show(ts)).toBe(0);
    const duck = run([...args, '--engine', 'duckdb']);
    expect(duck.code, show(duck)).toBe(0);
    expect(JSON.parse(duck.stdout).results).toEqual(JSON.parse(ts.stdout).results);
    const bad = withAdmissions((l) => l.map((line, i) => (i === 2 ? cell(line, typeAt, 'akkut') : line)));
    const r = run(['compute', '--data', bad, '--engine', 'duckdb', '--format', 'json']);
    failsWith(r, 1, /admissions\.csv: admission_type: 1 row with a value the reader does not accept/);
    expect(r.stderr).toMatch(/triple-aim validate --admissions/);
  });

  it("the declared row rules and value ranges the script would not check: a discharge before its admission, a repeated id, age 130, municipality 75 — exit 1, one line each", () => {
    const at = (name: string) => admissions[0].split(',').indexOf(name);
    const dir = withAdmissions((l) => [
      ...l.slice(0, 4),
      l[2], // data row 4 repeats the admission_id of data row 1
      cell(cell(l[4], at('discharged_at'), '2000-01-01 00:00'), at('municipality_code'), '75'),
      cell(l[5], ageAt, '130'),
    ]);
    const r = run(['compute', '--data', dir, '--engine', 'duckdb', '--format', 'json']);
    failsWith(r, 1, /admissions\.csv: data row 5: discharged_at: "2000-01-01 00:00" is not on or after admitted_at/);
    expect(r.stderr).toMatch(/admissions\.csv: data row 5: municipality_code: "75" is not a municipality code/);
    expect(r.stderr).toMatch(/admissions\.csv: data row 6: age: "130" is not an age of 0–125 years/);
    expect(r.stderr).toMatch(/admissions\.csv: admission_id: 1 row repeats the admission_id of an earlier row/);
    // --engine ts refuses the same file (exit 1): neither engine counts it.
    expect(run(['compute', '--data', dir, '--format', 'json']).code).toBe(1);
  });

  it('a missing required column: exit 1 naming it', () => {
    const at = admissions[0].split(',').indexOf('admitted_at');
    const dir = withAdmissions((l) => l.map((line) => line.split(',').filter((_, i) => i !== at).join(',')));
    failsWith(run(['compute', '--data', dir, '--engine', 'duckdb', '--format', 'json']), 1, /admissions\.csv: missing required column: admitted_at/);
  });

  it('a missing optional column: the indicator that needs it is not computed, as with --engine ts', () => {
    const at = admissions[0].split(',').indexOf('cost_dkk');
    const dir = withAdmissions((l) => l.map((line) => line.split(',').filter((_, i) => i !== at).join(',')));
    const args = ['compute', '--data', dir, '--format', 'json', '--period', '2017', '--indicators', 'cost-per-capita,readmission-30d'];
    const ts = json(run(args));
    const duck = json(run([...args, '--engine', 'duckdb']));
    expect(duck).toEqual(ts);
    expect((duck.results as { indicator: string; value: number | null }[]).find((x) => x.indicator === 'cost-per-capita')!.value).toBeNull();
  });

  it('admissions.csv and admissions.parquet in one folder: exit 2 naming both', () => {
    const dir = withAdmissions((l) => l);
    copyFileSync(join(PARQUET, 'admissions.parquet'), join(dir, 'admissions.parquet'));
    failsWith(run(['compute', '--data', dir, '--engine', 'duckdb']), 2, /both .*admissions\.csv and .*admissions\.parquet are present/);
  });

  it('a Parquet extract without --engine duckdb, or of an extract no SQL reads: exit 2', () => {
    failsWith(run(['compute', '--admissions', join(PARQUET, 'admissions.parquet')]), 2, /admissions\.parquet: a Parquet extract is read with --engine duckdb/);
    failsWith(run(['compute', '--population', join(PARQUET, 'admissions.parquet'), '--engine', 'duckdb']), 2, /--engine duckdb reads admissions, contacts, referrals, smoking, lup from Parquet, not the population extract/);
  });

  it('a folder with admissions.parquet and no admissions.csv under --engine ts: exit 2, not a silent "not loaded"', () => {
    failsWith(run(['compute', '--data', PARQUET]), 2, /admissions\.parquet is read only by --engine duckdb/);
  });

  it('an unknown engine: exit 2 naming the choices', () => {
    failsWith(run(['compute', '--data', SAMPLES, '--engine', 'spark']), 2, /argument 'spark' is invalid.*Allowed choices are ts, duckdb/);
  });

  it('a memory limit DuckDB does not understand: exit 2 naming TRIPLE_AIM_DUCKDB_MEMORY', () => {
    failsWith(run(['compute', '--data', SAMPLES, '--engine', 'duckdb'], { TRIPLE_AIM_DUCKDB_MEMORY: 'plenty' }), 2, /TRIPLE_AIM_DUCKDB_MEMORY=plenty/);
  });

  it('--skip-invalid, --audit and --counts are refused with --engine duckdb (exit 2)', () => {
    failsWith(run(['compute', '--data', SAMPLES, '--engine', 'duckdb', '--skip-invalid']), 2, /--skip-invalid: --engine duckdb counts every row or stops/);
    failsWith(run(['compute', '--data', SAMPLES, '--engine', 'duckdb', '--audit', 'audit.csv']), 2, /--audit .* use --engine ts/);
    expect(existsSync(join(SAMPLES, 'admissions.parquet'))).toBe(false);
  });
});
