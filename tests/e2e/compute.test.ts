// compute end to end: formats, determinism, exit codes 0/1/2/3, --out atomicity, a closed
// stdout, invalid rows with and without --skip-invalid.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { BIN, ROOT, hasStackTrace, runCli, scratchDir, scratchFiles, show } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');
const EX1 = join(ROOT, 'tests', 'fixtures', 'examples', 'episodes-and-readmissions');
const EX3 = join(ROOT, 'tests', 'fixtures', 'examples', 'lup-baselines-status');

describe('compute on data-samples', () => {
  it('JSON is byte-identical across two runs and carries schema_version, inputs with sha256 and row counts', () => {
    const a = runCli(['compute', '--data', SAMPLES, '--format', 'json']);
    const b = runCli(['compute', '--data', SAMPLES, '--format', 'json']);
    expect(a.code, show(a)).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout);
    expect(report.schema_version).toBe(1);
    expect(report.tool.definition_version).toMatch(/^rm-2015-2018/);
    expect(report.generated_at).toBeUndefined();
    // The admissions run to 2018-01-31 (the follow-up month of 2017), so the default years are 2015–2018.
    expect(report.periods.map((p: { id: string }) => p.id)).toEqual(['2015', '2016', '2017', '2018']);
    const adm = report.inputs.find((i: { extract: string }) => i.extract === 'admissions');
    expect(adm.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(adm.rows).toBe(readFileSync(join(SAMPLES, 'admissions.csv'), 'utf8').trim().split('\n').length - 1);
    expect(new Set(report.results.map((r: { indicator: string }) => r.indicator)).size).toBe(CATALOGUE.length);
  });

  it('warnings go to stderr and into the report; stdout holds only the report', () => {
    // The data-samples admissions end on 2018-01-31: readmission follow-up for the default
    // period 2018 is incomplete (2017's is complete).
    const r = runCli(['compute', '--data', SAMPLES, '--format', 'json', '--indicators', 'readmission-30d']);
    expect(r.stderr).toMatch(/^warning: readmission-30d: follow-up is incomplete for period 2018/m);
    expect(r.stderr).not.toMatch(/period 2017/);
    expect(JSON.parse(r.stdout).warnings.join()).toMatch(/follow-up is incomplete for period 2018/);
  });

  it('SOURCE_DATE_EPOCH gives generated_at, nothing else does', () => {
    const r = runCli(['compute', '--data', SAMPLES, '--format', 'json', '--indicators', 'prevention-referrals'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(JSON.parse(r.stdout).generated_at).toBe('2023-11-14T22:13:20.000Z');
  });

  it('JSON is the default when stdout is not a terminal', () => {
    const r = runCli(['compute', '--data', SAMPLES, '--indicators', 'readmission-30d']);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('table, markdown and csv render the same results', () => {
    const table = runCli(['compute', '--data', SAMPLES, '--format', 'table', '--by', 'cluster']);
    expect(table.code, show(table)).toBe(0);
    expect(table.stdout).toMatch(/Population health/);
    expect(table.stdout).toMatch(/cluster=Vest/);
    expect(table.stdout).not.toMatch(/\x1b\[/); // no colour off a TTY
    const md = runCli(['compute', '--data', SAMPLES, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^# Triple Aim indicators/);
    expect(md.stdout).toMatch(/## Definitions/);
    expect(md.stdout).toMatch(/sha256/);
    const csv = runCli(['compute', '--data', SAMPLES, '--format', 'csv']);
    const json = JSON.parse(runCli(['compute', '--data', SAMPLES, '--format', 'json']).stdout);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^indicator,aim,unit,direction,period,group,municipality_name,numerator,denominator,value,ci95_lower/);
    expect(lines.length - 1).toBe(json.results.length);
  });

  it('--out writes the file atomically and nothing to stdout', () => {
    const dir = scratchDir();
    const out = join(dir, 'report.json');
    const r = runCli(['compute', '--data', SAMPLES, '--out', out, '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).schema_version).toBe(1);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('a failing run leaves no --out file (exit 1 on bad input)', () => {
    const dir = scratchFiles({ 'admissions.csv': 'admission_id,patient_id\n1,2\n' });
    const out = join(dir, 'report.json');
    const r = runCli(['compute', '--data', dir, '--out', out]);
    expect(r.code, show(r)).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['admissions.csv']);
  });

  it('a closed stdout (| head) ends quietly with exit 0', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${BIN} compute --data ${SAMPLES} --format csv --by municipality,sex | head -n 2`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n').length).toBe(3);
    expect(r.stderr).toBe('');
  });
});

describe('compute exit codes (SPEC §1.5)', () => {
  it.each([
    [['compute', '--data', SAMPLES, '--period', '2016-13'], /bad period "2016-13".*YYYY-Qn/],
    [['compute', '--data', SAMPLES, '--period', '2016..2017-Q1'], /same kind/],
    [['compute', '--data', SAMPLES, '--indicators', 'no-such'], /unknown indicator id "no-such"/],
    [['compute', '--data', SAMPLES, '--by', 'colour'], /unknown dimension "colour"/],
    [['compute', '--data', SAMPLES, '--format', 'xml'], /Allowed choices are table, json, markdown, csv/],
    [['compute', '--data', SAMPLES, '--min-cell', 'five'], /^triple-aim: option '--min-cell <n>' argument 'five' is invalid\. expected a whole number ≥ 0\n\(run with --help for usage\)\n$/],
    [['compute', '--data', SAMPLES, '--nonsense'], /unknown option '--nonsense'/],
    [['compute'], /no input/],
    [['frobnicate'], /unknown command/],
  ])('usage error %j → exit 2 with a clear message', (args, message) => {
    const r = runCli(args as string[]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stdout).toBe('');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('an invalid row fails the run with exit 1, naming file, line, column, value and expectation; nothing on stdout', () => {
    const csv = readFileSync(join(EX1, 'admissions.csv'), 'utf8').replace('2017-04-05 14:00', '2017-13-05 14:00');
    const dir = scratchFiles({ 'admissions.csv': csv });
    const r = runCli(['compute', '--data', dir]);
    expect(r.code, show(r)).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/admissions\.csv:2: discharged_at: "2017-13-05 14:00" is not a date/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('--skip-invalid leaves the row out, counts it in inputs[].rows_rejected and warns on stderr', () => {
    const csv = readFileSync(join(EX1, 'admissions.csv'), 'utf8').replace('2017-04-05 14:00', '2017-13-05 14:00');
    const dir = scratchFiles({ 'admissions.csv': csv });
    const r = runCli(['compute', '--data', dir, '--skip-invalid', '--format', 'json', '--period', '2017-04']);
    expect(r.code, show(r)).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs[0]).toMatchObject({ extract: 'admissions', rows: 19, rows_rejected: 1 });
    expect(r.stderr).toMatch(/1 invalid row left out/);
  });

  it('--max-errors limits the problems printed but all are counted', () => {
    const csv = 'admission_id,patient_id,admitted_at,admission_type,primary_diagnosis,municipality_code,age\n' +
      Array.from({ length: 30 }, (_, i) => `a${i},p,2016-02-30,acute,J189,751,70`).join('\n') + '\n';
    const dir = scratchFiles({ 'admissions.csv': csv });
    const r = runCli(['compute', '--data', dir, '--max-errors', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith(join(dir, 'admissions.csv') + ':')).length).toBe(3);
    expect(r.stderr).toMatch(/and 27 more/);
    expect(r.stderr).toMatch(/30 problems/);
  });

  it('--fail-on worsening exits 3 after writing the report; without a worsening result it exits 0', () => {
    // Example 3: smoke-free-6m 2019 is worsening (40 < 43) and lup-cooperation-gp outpatient too.
    const r = runCli(['compute', '--data', EX3, '--period', '2019', '--min-cell', '0', '--format', 'json', '--fail-on', 'worsening']);
    expect(r.code, show(r)).toBe(3);
    expect(JSON.parse(r.stdout).results.length).toBeGreaterThan(0);
    const ok = runCli(['compute', '--data', EX3, '--period', '2019', '--min-cell', '0', '--indicators', 'smoke-free-6m-itt', '--fail-on', 'worsening']);
    expect(ok.code, show(ok)).toBe(0);
  });

  it('--fail-on not_met exits 3 when a result misses its target whatever its status says about the baseline', () => {
    // unsafe-sex-16-24 2019: 21 > target 20 → not met, although improving on the baseline 23.
    const r = runCli(['compute', '--data', EX3, '--period', '2019', '--indicators', 'unsafe-sex-16-24', '--fail-on', 'not_met', '--format', 'json']);
    expect(r.code, show(r)).toBe(3);
    expect(JSON.parse(r.stdout).results[0].status).toBe('improving');
  });

});

describe('time zones cannot change a result', () => {
  it.each(['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham'])('TZ=%s gives the same JSON as Europe/Copenhagen', (tz) => {
    const args = ['compute', '--data', EX1, '--period', '2017-04', '--by', 'sex', '--format', 'json', '--min-cell', '0'];
    const cph = runCli(args, { env: { TZ: 'Europe/Copenhagen' } });
    const other = runCli(args, { env: { TZ: tz } });
    expect(other.stdout).toBe(cph.stdout);
    expect(cph.code).toBe(0);
  });

  it('a stay across the 2017 spring-forward night lasts its wall-clock hours (DST ignored)', () => {
    // 2017-03-26 02:00 → 03:00 in Copenhagen. Admitted 25 March 20:00, discharged 26 March 19:59:
    // 23 h 59 min on the wall clock → short (under 24 h), although only 22 h 59 min really elapsed.
    // Admitted 25 March 20:00, discharged 26 March 20:00: exactly 24 h on the wall clock → not short.
    const header = 'admission_id,patient_id,admitted_at,discharged_at,admission_type,primary_diagnosis,municipality_code,age\n';
    const dir = scratchFiles({
      'admissions.csv': header + 'a1,p1,2017-03-25 20:00,2017-03-26 19:59,acute,R069,751,50\na2,p2,2017-03-25 20:00,2017-03-26 20:00,acute,R069,751,50\n',
      'population.csv': 'year,municipality_code,age,sex,population\n2017,751,50,F,1000\n',
    });
    for (const tz of ['Europe/Copenhagen', 'UTC']) {
      const r = runCli(['compute', '--data', dir, '--period', '2017-03', '--indicators', 'acute-short-admissions', '--min-cell', '0', '--format', 'json'], { env: { TZ: tz } });
      expect(JSON.parse(r.stdout).results[0].numerator, show(r)).toBe(1);
    }
  });
});

describe('compute --by municipality --equity --compare on data-samples (issue 19, SPEC §8.2, §8.3)', () => {
  const r = runCli(['compute', '--data', SAMPLES, '--by', 'municipality', '--equity', '--compare', '--format', 'json']);
  const report = JSON.parse(r.stdout);
  type Row = { indicator: string; unit: string; group: object; ci95: unknown; ci998?: unknown; equity?: Record<string, { ci95: unknown }> };

  it('no interval is [null, null]: every interval is null or two numbers', () => {
    expect(r.code, show(r)).toBe(0);
    const intervals: unknown[] = [];
    for (const row of report.results as Row[]) {
      intervals.push(row.ci95, row.ci998);
      for (const m of Object.values(row.equity ?? {})) if (m && 'ci95' in m) intervals.push(m.ci95);
    }
    const bad = intervals.filter((i) => i !== null && i !== undefined && !(Array.isArray(i) && i.length === 2 && i.every((x) => typeof x === 'number')));
    expect(bad).toEqual([]);
    expect(r.stdout.replace(/\s/g, '')).not.toContain('[null,null]');
  });

  it('every percent and per_1000 result with a ci95 has a ci998, measured ones included', () => {
    const rows = (report.results as Row[]).filter((x) => (x.unit === 'percent' || x.unit === 'per_1000') && x.ci95 !== null);
    expect(rows.filter((x) => !Array.isArray(x.ci998)).map((x) => `${x.indicator} ${JSON.stringify(x.group)}`)).toEqual([]);
    const measured = rows.filter((x) => ['unsafe-sex-16-24', 'audits-with-citizens', 'stratified-courses'].includes(x.indicator));
    expect(measured.length).toBeGreaterThan(0);
  });

  it('municipalities outside the region are not compared, with a note; the region\'s are, against the total row (SPEC §13.5)', () => {
    type Compared = Row & { period: string; value: number | null; comparison?: { reference: number | null } | null; notes: string[] };
    const rows = report.results as Compared[];
    const outside = rows.filter((x) => 'municipality' in x.group && !['615', '657', '661', '665', '671', '706', '707', '710', '727', '730', '740', '741', '746', '751', '756', '760', '766', '779', '791', 'unknown'].includes((x.group as { municipality: string }).municipality) && x.comparison !== undefined);
    // The samples hold a few patients from Odense 461 and Kolding 621, treated in the region.
    expect(outside.length).toBeGreaterThan(0);
    for (const x of outside) {
      expect(x.comparison).toBeNull();
      expect(x.notes).toContain('outside the region: the extract holds only its residents treated here');
    }
    const aarhus = rows.find((x) => x.indicator === 'readmission-30d' && (x.group as { municipality?: string }).municipality === '751')!;
    const total = rows.find((x) => x.indicator === 'readmission-30d' && x.period === aarhus.period && Object.keys(x.group).length === 0)!;
    expect(aarhus.comparison!.reference).toBe(total.value);
  });
});
