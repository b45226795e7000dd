// `triple-aim sql` (SPEC §15) through the binary: one script on stdout, usage errors (exit 2)
// for an unknown dialect, a bad --table mapping or a missing period, no stack trace.

import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, show } from './helpers.js';

describe('triple-aim sql', () => {
  it('prints one PostgreSQL script whose result set has the --by columns between period and cell', () => {
    const r = runCli(['sql', '--dialect', 'postgres', '--period', '2016', '--by', 'municipality,sex', '--table', 'admissions=dw.adm']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/^-- triple-aim: counts of SPEC §3/);
    expect(r.stdout).toContain('FROM dw.adm');
    expect(r.stdout).toContain('FROM smoking');
    // The LUP indicators (in by default) always break down by patient_type (SPEC §3.2): its column follows --by's.
    expect(r.stdout).toMatch(/SELECT "indicator", "period", "municipality", "sex", "patient_type", "cell", "numerator", "denominator", "units"\nFROM "counts"/);
    expect(r.stdout).toContain('FROM lup');
    expect(r.stdout.trimEnd().endsWith(';')).toBe(true);
  });

  it('--profile national --table contacts=NAME prints a script that reads contacts only, counts the national split of the bed days and returns its profile', () => {
    const r = runCli(['sql', '--dialect', 'duckdb', '--period', '2022', '--profile', 'national', '--table', 'contacts=lpr.contacts', '--table', 'referrals=dw.ref']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/^-- triple-aim: counts of SPEC §3 \(profile national\)/);
    expect(r.stdout).toContain('FROM lpr.contacts');
    expect(r.stdout).not.toMatch(/FROM admissions\b/);
    expect(r.stdout).toContain("'ready-for-discharge-days-psychiatric'");
    expect(r.stdout).toContain("'profile='");
    expect(r.stdout).toContain("(VALUES ('national'))");
  });

  it('the default profile counts no split bed days and reads admissions', () => {
    const r = runCli(['sql', '--dialect', 'duckdb', '--period', '2016']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('FROM admissions');
    expect(r.stdout).not.toContain('ready-for-discharge-days-somatic');
    expect(r.stdout).toContain("(VALUES ('rm-2015-2018'))");
  });

  it.each([
    [['sql', '--dialect', 'duckdb', '--period', '2016', '--table', 'admissions=a', '--table', 'contacts=c'], /--table names both admissions and contacts/],
    [['sql', '--dialect', 'duckdb', '--period', '2016', '--indicators', 'ready-for-discharge-days-somatic'], /ready-for-discharge-days-somatic is not in the rm-2015-2018 profile/],
    [['sql', '--dialect', 'duckdb', '--period', '2016', '--profile', 'danish'], /--profile.*danish/is],
    [['sql', '--dialect', 'oracle', '--period', '2016'], /--dialect.*oracle.*(duckdb|choices)/is],
    [['sql', '--dialect', 'tsql', '--period', '2016', '--table', 'admissions'], /expected EXTRACT=NAME/],
    [['sql', '--dialect', 'tsql', '--period', '2016', '--table', 'patients=dw.x'], /unknown extract "patients"/],
    [['sql', '--dialect', 'tsql', '--period', '2016', '--table', 'admissions=x; DROP TABLE y'], /is not a table name/],
    [['sql', '--dialect', 'spark'], /needs --period/],
    [['sql', '--period', '2016'], /--dialect/],
    [['sql', '--dialect', 'duckdb', '--period', '2016', '--indicators', 'audits-with-citizens'], /audits-with-citizens: not counted from an extract \(the values come from measurements\.csv\)/],
  ])('%j is a usage error (exit 2) with one line that says what is wrong', (args, message) => {
    const r = runCli(args);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
