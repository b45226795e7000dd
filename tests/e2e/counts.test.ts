// SPEC §15: `compute --counts FILE.csv` gives the results of the run on the extracts. The
// counts are made the way an analyst makes them: the DuckDB script of `triple-aim sql` run on
// the sample admissions, referrals and smoking courses (tests/helpers/sql.ts), its result set written as CSV. The JSON of
// both runs is compared whole, `inputs[]` aside (the counts run does not read admissions.csv):
// values, intervals, baselines, status, suppression, notes, provisional flags, warnings,
// standardisation, equity and comparison.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dimension } from '../../src/calc/groups.js';
import { parsePeriodArgument } from '../../src/calc/periods.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import { findProfile } from '../../src/indicators/profiles.js';
import { compile, isSqlIndicator, resultColumns, resultDimensions, SQL_INDICATORS } from '../../src/sql/compile.js';
import { DIALECT } from '../../src/sql/dialects/index.js';
import { printPlan } from '../../src/sql/print.js';
import { canonicalTables, loadFiles, runDuckdb } from '../helpers/sql.js';
import { hasStackTrace, runCli, scratchDir, show } from './helpers.js';

const INDICATORS = CATALOGUE.filter((i): i is CountingIndicator => (SQL_INDICATORS as readonly string[]).includes(i.id));
const dir = scratchDir('triple-aim-counts-');

/** The counts CSV of the DuckDB script on the sample extracts (NULL → empty field). */
async function countsFile(name: string, periods: string[], by: Dimension[]): Promise<string> {
  const data = await loadFiles({
    admissions: 'data-samples/admissions.csv',
    referrals: 'data-samples/referrals.csv',
    smoking: 'data-samples/smoking.csv',
    lup: 'data-samples/lup.csv',
  });
  const script = printPlan(compile({ indicators: INDICATORS, periods: periods.flatMap((p) => parsePeriodArgument(p)), by }), DIALECT.duckdb);
  const rows = await runDuckdb(script, canonicalTables(data));
  // With the LUP indicators the script adds their patient_type column (SPEC §3.2).
  const columns = resultColumns(resultDimensions(by, INDICATORS));
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => (r[c] === null ? '' : String(r[c]))).join(','))];
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

function withoutInputs(stdout: string): unknown {
  const report = JSON.parse(stdout);
  delete report.inputs;
  return report;
}

describe('compute --counts gives the results of the run on the extracts (sample data)', () => {
  const ids = INDICATORS.map((i) => i.id).join(',');
  let total: string;
  let byMunicipality: string;
  let byClusterSex: string;
  beforeAll(async () => {
    total = await countsFile('total.csv', ['2016', '2017'], []);
    byMunicipality = await countsFile('municipality.csv', ['2016', '2016-Q1..2016-Q4'], ['municipality']);
    byClusterSex = await countsFile('cluster-sex.csv', ['2017'], ['cluster', 'sex']);
  }, 60_000);

  it.each([
    ['no breakdown, 2016 and 2017', () => total, ['--period', '2016', '--period', '2017'], []],
    ['by municipality, 2016 and its quarters, standardised, equity, compared', () => byMunicipality, ['--period', '2016', '--period', '2016-Q1..2016-Q4', '--standardize', 'esp2013', '--equity', '--compare'], ['--by', 'municipality']],
    ['by cluster and sex, 2017, baseline 2017, --min-cell 3', () => byClusterSex, ['--period', '2017', '--baseline-period', '2017', '--min-cell', '3', '--equity'], ['--by', 'cluster,sex']],
  ] as const)('%s', (_name, file, selection, by) => {
    const extracts = runCli(['compute', '--data', join(process.cwd(), 'data-samples'), '--indicators', ids, ...selection, ...by, '--format', 'json'], { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(extracts.code, show(extracts)).toBe(0);
    const counted = runCli(['compute', '--counts', file(), '--data', join(process.cwd(), 'data-samples'), ...selection, '--format', 'json'], { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(counted.code, show(counted)).toBe(0);
    const a = withoutInputs(extracts.stdout) as { results: unknown[] };
    expect(a.results.length).toBeGreaterThan(7);
    expect(withoutInputs(counted.stdout)).toEqual(a);
    expect(counted.stderr).toBe(extracts.stderr);
  });

  it('--by other than the file’s breakdown, or a period it does not hold, is a usage error (exit 2)', () => {
    const by = runCli(['compute', '--counts', byMunicipality, '--by', 'cluster', '--format', 'json']);
    expect(by.code, show(by)).toBe(2);
    expect(by.stderr).toMatch(/--by cluster differs from the breakdown of .*municipality\.csv \(municipality\)/);
    const period = runCli(['compute', '--counts', total, '--period', '2018', '--format', 'json']);
    expect(period.code, show(period)).toBe(2);
    expect(period.stderr).toMatch(/has no counts for 2018 \(it has 2016, 2017\)/);
  });

  it('a file of the rm-2015-2018 profile is not computed as national: --profile national is a usage error (exit 2) naming both, for compute and monitor', () => {
    for (const command of ['compute', 'monitor']) {
      const r = runCli([command, '--counts', total, '--profile', 'national', '--format', 'json']);
      expect(r.code, show(r)).toBe(2);
      expect(r.stderr).toMatch(/--counts: .*total\.csv holds counts of the rm-2015-2018 profile, not national: give --profile rm-2015-2018, or count with `triple-aim sql --profile national`/);
      expect(r.stdout).toBe('');
    }
  });

  it('a file without a profile cell was counted under rm-2015-2018 (the scripts before the national profile): --profile national refuses it (exit 2)', () => {
    const path = join(dir, 'no-profile.csv');
    writeFileSync(path, readFileSync(total, 'utf8').split('\n').filter((l) => !l.includes('profile=')).join('\n'));
    expect(readFileSync(path, 'utf8')).not.toMatch(/profile=/);
    expect(runCli(['compute', '--counts', path, '--period', '2016', '--format', 'json']).code).toBe(0);
    const r = runCli(['compute', '--counts', path, '--profile', 'national', '--format', 'json']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/holds counts of the rm-2015-2018 profile, not national/);
  });
});

describe('compute --counts under --profile national from contacts.csv gives the results of the run on the extracts (SPEC §14.3, §15)', () => {
  const national = findProfile('national')!;
  const hospital = national.catalogue.filter((i): i is CountingIndicator => i.kind === 'counting' && isSqlIndicator(i.id) && i.sources.includes('admissions'));
  const lpr3 = scratchDir('triple-aim-counts-lpr3-');
  let counts: string;
  let months: string;
  beforeAll(async () => {
    const sample = runCli(['sample', '--contacts', '--scale', '0.4', '--seed', '3', '--out', lpr3]);
    expect(sample.code, show(sample)).toBe(0);
    // cofinancing_dkk is not in the sample's contacts: that indicator is not_computed either way.
    const data = await loadFiles({ contacts: join(lpr3, 'contacts.csv') });
    const script = printPlan(
      compile({ indicators: hospital, periods: ['2016', '2017'].flatMap((p) => parsePeriodArgument(p)), by: ['municipality'], profile: 'national', readmission: national.readmission, hospital: 'contacts' }),
      DIALECT.duckdb,
    );
    const rows = await runDuckdb(script, canonicalTables(data));
    const columns = resultColumns(['municipality']);
    counts = join(lpr3, 'national-counts.csv');
    writeFileSync(counts, [columns.join(','), ...rows.map((r) => columns.map((c) => (r[c] === null ? '' : String(r[c]))).join(','))].join('\n') + '\n');
    // The months of monitor, no breakdown.
    const monthly = printPlan(
      compile({ indicators: hospital, periods: parsePeriodArgument('2016-01..2017-12'), by: [], profile: 'national', readmission: national.readmission, hospital: 'contacts' }),
      DIALECT.duckdb,
    );
    const monthRows = await runDuckdb(monthly, canonicalTables(data));
    const monthColumns = resultColumns([]);
    months = join(lpr3, 'national-months.csv');
    writeFileSync(months, [monthColumns.join(','), ...monthRows.map((r) => monthColumns.map((c) => (r[c] === null ? '' : String(r[c]))).join(','))].join('\n') + '\n');
  }, 120_000);

  it('monitor --profile national over 24 months from the counts equals the run on the contacts', () => {
    const ids = hospital.map((i) => i.id).join(',');
    const selection = ['--period', '2016-01..2017-12', '--profile', 'national', '--indicators', ids, '--chart', 'auto', '--format', 'json'];
    const extracts = runCli(['monitor', '--data', lpr3, ...selection], { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(extracts.code, show(extracts)).toBe(0);
    const counted = runCli(['monitor', '--counts', months, '--data', lpr3, ...selection], { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(counted.code, show(counted)).toBe(0);
    const a = withoutInputs(extracts.stdout) as { series: unknown[] };
    expect(a.series.length).toBeGreaterThan(5);
    expect(withoutInputs(counted.stdout)).toEqual(a);
  });

  it('every hospital indicator of the national profile (the split bed days, the national readmission and the contact notes included), by municipality', () => {
    const ids = hospital.map((i) => i.id);
    expect(ids).toContain('ready-for-discharge-days-somatic');
    const selection = ['--period', '2016', '--period', '2017', '--by', 'municipality', '--profile', 'national', '--equity', '--format', 'json'];
    const extracts = runCli(['compute', '--data', lpr3, '--indicators', ids.join(','), ...selection], { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(extracts.code, show(extracts)).toBe(0);
    const counted = runCli(['compute', '--counts', counts, '--data', lpr3, '--indicators', ids.join(','), ...selection], { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(counted.code, show(counted)).toBe(0);
    const a = withoutInputs(extracts.stdout) as { results: { notes: string[] }[]; tool: { definition_version: string } };
    expect(a.tool.definition_version).toMatch(/^national-/);
    expect(a.results.some((r) => r.notes.some((n) => /home and virtual contacts/.test(n)))).toBe(true);
    expect(withoutInputs(counted.stdout)).toEqual(a);
    expect(counted.stderr).toBe(extracts.stderr);
  });

  it('the national file under --profile rm-2015-2018 (the default) is a usage error (exit 2)', () => {
    const r = runCli(['compute', '--counts', counts, '--format', 'json']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/holds counts of the national profile, not rm-2015-2018: give --profile national/);
  });
});

describe('compute --counts: a broken counts file is a validation problem naming line and column (exit 1)', () => {
  const header = 'indicator,period,municipality,cell,numerator,denominator,units';
  it.each([
    ['missing columns', 'indicator,period,cell,numerator\n', /counts\.csv:1: missing columns denominator, units/],
    ['an unknown column', `${header},kommune\n`, /counts\.csv:1: kommune: unknown column "kommune"/],
    ['an unknown indicator', `${header}\nreadmission-31d,2016,,,3,10,10\n`, /counts\.csv:2: indicator: unknown indicator "readmission-31d"/],
    ['a negative count', `${header}\nreadmission-30d,2016,,,-3,10,10\n`, /counts\.csv:2: numerator: -3 is negative \(expected a count ≥ 0\)/],
    ['a count that is not a number', `${header}\nreadmission-30d,2016,751,,3,ti,10\n`, /counts\.csv:2: denominator: "ti" is not a number/],
    ['an unknown note', `${header}\nreadmission-30d,2016,,note=died,3,0,3\n`, /counts\.csv:2: cell: unknown note "died"/],
    ['an unknown profile', `${header}\n,,,profile=danish,,,\n`, /counts\.csv:2: cell: unknown profile "danish" \(expected rm-2015-2018 or national\)/],
    ['two profiles in one file', `${header}\n,,,profile=national,,,\n,,,profile=rm-2015-2018,,,\n`, /counts\.csv:3: cell: a second profile \(rm-2015-2018\) after national/],
    ['the same cell twice', `${header}\nreadmission-30d,2016,,,3,10,10\nreadmission-30d,2016,,,4,10,10\n`, /counts\.csv:3: the same cell as line 2/],
    ['an invalid= row of an unknown extract', `${header}\n,,,invalid=patients.sex,3,0,3\n`, /counts\.csv:2: cell: unknown extract "patients" in invalid=patients\.sex/],
    ['an invalid= row without a number of rows', `${header}\n,,,invalid=admissions.sex,,0,0\n`, /counts\.csv:2: numerator: "" is not a number of rows/],
  ])('%s', (_name, content, message) => {
    const path = join(dir, 'counts.csv');
    writeFileSync(path, content);
    const r = runCli(['compute', '--counts', path, '--format', 'json'], { cwd: dir });
    expect(r.code, show(r)).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/nothing was computed/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
  });
});

describe('monitor --counts gives the series of the run on the extracts (sample data)', () => {
  let months: string;
  beforeAll(async () => {
    months = await countsFile('months.csv', ['2016-01..2017-12'], []);
  }, 60_000);

  it('24 months, control charts and signals included', () => {
    const selection = ['--period', '2016-01..2017-12', '--chart', 'auto', '--format', 'json'];
    const extracts = runCli(['monitor', '--data', join(process.cwd(), 'data-samples'), '--indicators', INDICATORS.map((i) => i.id).join(','), ...selection], { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(extracts.code, show(extracts)).toBe(0);
    const counted = runCli(['monitor', '--counts', months, '--data', join(process.cwd(), 'data-samples'), ...selection], { env: { SOURCE_DATE_EPOCH: '0' } });
    expect(counted.code, show(counted)).toBe(0);
    const a = withoutInputs(extracts.stdout) as { series: unknown[] };
    // One series per indicator and group: a LUP indicator's total and its two patient types.
    const lup = INDICATORS.filter((i) => i.id.startsWith('lup-')).length;
    expect(lup).toBe(4);
    expect(a.series.length).toBe(INDICATORS.length + 2 * lup);
    expect(withoutInputs(counted.stdout)).toEqual(a);
  });
});

describe('compute --counts on a hand-written counts file', () => {
  it('7 of 20 index episodes readmitted is 35 %, the note is shown, and an empty table’s data end (NULL) is no data end', () => {
    const path = join(dir, 'hand.csv');
    writeFileSync(
      path,
      'indicator,period,cell,numerator,denominator,units\n' +
        'readmission-30d,2016,,7,20,20\n' +
        'readmission-30d,2016,note=indexExcludedDied,6,0,6\n' +
        ',,data_end=admissions,NULL,NULL,NULL\n',
    );
    const r = runCli(['compute', '--counts', path, '--format', 'json', '--min-cell', '0'], { cwd: dir });
    expect(r.code, show(r)).toBe(0);
    const [result] = JSON.parse(r.stdout).results;
    expect(result).toMatchObject({ indicator: 'readmission-30d', period: '2016', numerator: 7, denominator: 20, value: 35 });
    expect(result.notes).toContain('index episodes excluded: died: 6');
    // No data end known: nothing is known to be missing, so the period is not provisional (SPEC §13.2).
    expect(result.provisional).toBe(false);
  });
});

describe('compute --counts when the script left rows out (invalid=EXTRACT.COLUMN, src/sql/vocabulary.ts)', () => {
  const file = () => {
    const path = join(dir, 'invalid.csv');
    writeFileSync(
      path,
      'indicator,period,cell,numerator,denominator,units\n' +
        'readmission-30d,2016,,7,20,20\n' +
        ',,invalid=admissions.admission_type,4,0,4\n' +
        ',,invalid=admissions.sex,1,0,1\n',
    );
    return path;
  };

  it('refuses (exit 1), as a run on the extracts fails on invalid rows: each column with its count, and where to look', () => {
    const r = runCli(['compute', '--counts', file(), '--format', 'json'], { cwd: dir });
    expect(r.code, show(r)).toBe(1);
    expect(r.stderr).toMatch(/invalid\.csv:3: admissions\.admission_type: 4 rows with a value the reader does not accept, left out by the script/);
    expect(r.stderr).toMatch(/invalid\.csv:4: admissions\.sex: 1 row with a value/);
    expect(r.stderr).toMatch(/5 invalid rows in the counted tables; nothing was computed\. Export the table and run `triple-aim validate --admissions FILE\.csv`/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
  });

  it('with --skip-invalid computes without them (7 of 20 = 35 %) and warns once per column', () => {
    const r = runCli(['compute', '--counts', file(), '--skip-invalid', '--min-cell', '0', '--format', 'json'], { cwd: dir });
    expect(r.code, show(r)).toBe(0);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ numerator: 7, denominator: 20, value: 35 });
    expect(r.stderr.match(/^warning: .*left out by the script \(--skip-invalid\)$/gm)).toHaveLength(2);
  });
});

describe('compute --counts with LUP: patient_type is LUP’s own column, not an asked breakdown', () => {
  it('without --by, a readmission result has no "breakdown ignored" note and LUP has its patient-type rows', () => {
    const path = join(dir, 'lup.csv');
    writeFileSync(
      path,
      'indicator,period,patient_type,cell,numerator,denominator,units\n' +
        'readmission-30d,2016,,,7,20,20\n' +
        'lup-cooperation-school,2016,,,30,40,40\n' +
        'lup-cooperation-school,2016,inpatient,,10,20,20\n' +
        'lup-cooperation-school,2016,outpatient,,20,20,20\n',
    );
    const r = runCli(['compute', '--counts', path, '--min-cell', '0', '--format', 'json'], { cwd: dir });
    expect(r.code, show(r)).toBe(0);
    const results = JSON.parse(r.stdout).results as { indicator: string; group: Record<string, string>; value: number; notes: string[] }[];
    const readmission = results.filter((x) => x.indicator === 'readmission-30d');
    expect(readmission).toHaveLength(1);
    expect(readmission[0].notes.join(' ')).not.toMatch(/patient_type/);
    // 30 / 40 = 75 %; inpatients 10 / 20 = 50 %; outpatients 20 / 20 = 100 %.
    expect(results.filter((x) => x.indicator === 'lup-cooperation-school').map((x) => [x.group, x.value])).toEqual([
      [{}, 75],
      [{ patient_type: 'inpatient' }, 50],
      [{ patient_type: 'outpatient' }, 100],
    ]);
  });
});
