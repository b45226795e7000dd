// SPEC §11: every JSON output is declared once as a zod schema; these tests parse the binary's
// real stdout strictly with it, so a renderer that drops, renames or adds a field fails here,
// and `triple-aim schema NAME` prints the JSON Schema derived from the same declaration.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { CatalogueSchema } from '../../src/contracts/catalogue.js';
import { DefinitionsDiffSchema } from '../../src/contracts/definitions.js';
import { ReportSchema } from '../../src/contracts/report.js';
import { ValidationReportSchema } from '../../src/contracts/validate.js';
import { parseOutput, ROOT, runCli, scratchFiles, show } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');

describe('the real JSON outputs parse strictly with their zod contracts (SPEC §11)', () => {
  const compute = runCli(['compute', '--data', SAMPLES, '--format', 'json', '--by', 'municipality']);

  it('compute --format json is a Report', () => {
    expect(compute.code, show(compute)).toBe(0);
    const report = parseOutput(ReportSchema, compute.stdout);
    expect(report.results.length).toBeGreaterThan(CATALOGUE.length);
    // not_computed results carry their reason as data; computed ones none.
    for (const r of report.results) expect(r.reason === null, JSON.stringify(r)).toBe(r.value !== null);
  });

  it('a renderer that drops, renames or adds a field of a result fails the parse', () => {
    const report = JSON.parse(compute.stdout);
    const variants = [
      (r: Record<string, unknown>) => delete r.ci95, // dropped
      (r: Record<string, unknown>) => ((r.ci_95 = r.ci95), delete r.ci95), // renamed
      (r: Record<string, unknown>) => (r.rounded = 1), // added
      (r: Record<string, unknown>) => (r.status = 'better'), // a value outside the contract
    ];
    for (const change of variants) {
      const copy = structuredClone(report);
      change(copy.results[0]);
      expect(ReportSchema.safeParse(copy).success).toBe(false);
    }
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('the keys of the report and of a result come in the order of SPEC §4.1', () => {
    const report = JSON.parse(compute.stdout);
    expect(Object.keys(report)).toEqual(['schema_version', 'tool', 'inputs', 'periods', 'breakdown', 'suppression', 'results', 'warnings']);
    expect(Object.keys(report.results[0])).toEqual([
      'indicator', 'aim', 'unit', 'direction', 'period', 'group', 'numerator', 'denominator', 'value', 'ci95',
      'suppressed', 'baseline', 'target', 'change', 'change_pct', 'status', 'target_verdict', 'provisional', 'reason', 'notes',
    ]);
  });

  it('validate --format json is a ValidationReport, each problem with a kebab-case type', () => {
    const dir = scratchFiles({
      'admissions.csv': 'admission_id,patient_id,admitted_at,admission_type,primary_diagnosis,municipality_code,age\na-1,p,2016-13-01,akut,J18,751,70\na-1,p,2016-01-01,akut,J18,751,70\n',
      'referrals.csv': 'referral_id,patient_id\n',
    });
    const r = runCli(['validate', '--data', dir, '--format', 'json']);
    expect(r.code, show(r)).toBe(1);
    const report = parseOutput(ValidationReportSchema, r.stdout);
    expect(report.files.flatMap((f) => f.errors.map((e) => e.type))).toEqual(['type-error', 'unique-error', 'missing-column']);
  });

  it('indicators --format json is the Catalogue', () => {
    const r = runCli(['indicators', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    expect(parseOutput(CatalogueSchema, r.stdout).indicators).toHaveLength(CATALOGUE.length);
  });

  it('definitions diff --format json is a DefinitionsDiff (SPEC §14.3)', () => {
    const r = runCli(['definitions', 'diff', 'rm-2015-2018', 'national', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    const diff = parseOutput(DefinitionsDiffSchema, r.stdout);
    expect(diff.a.version).toBe('rm-2015-2018.1');
    expect(diff.differences.length).toBeGreaterThan(0);
  });
});

describe('triple-aim schema [NAME] (SPEC §11)', () => {
  it.each(['report', 'validate', 'indicators', 'monitor', 'evaluate', 'definitions'])('schema %s prints a draft 2020-12 JSON Schema of a strict object', (name) => {
    const r = runCli(['schema', name]);
    expect(r.code, show(r)).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('the report schema names every result field the SPEC lists', () => {
    const schema = JSON.parse(runCli(['schema', 'report']).stdout);
    const result = schema.properties.results.items;
    expect(Object.keys(result.properties)).toEqual(expect.arrayContaining(['indicator', 'group', 'ci95', 'baseline', 'target', 'status', 'notes']));
  });

  it('without NAME it prints every schema by name; an unknown name is a usage error', () => {
    const all = runCli(['schema']);
    expect(Object.keys(JSON.parse(all.stdout))).toEqual(['report', 'validate', 'indicators', 'monitor', 'evaluate', 'definitions']);
    const bad = runCli(['schema', 'nope']);
    expect(bad.code, show(bad)).toBe(2);
    expect(bad.stderr).toMatch(/^triple-aim: command-argument value 'nope' is invalid for argument 'name'\. Allowed choices are report, validate, indicators, monitor, evaluate, definitions/);
  });
});

describe('usage (SPEC §1.1)', () => {
  it('triple-aim with no command prints the usage on stderr and exits 2', () => {
    const r = runCli([]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: triple-aim/);
  });

  it('triple-aim help exits 0', () => {
    expect(runCli(['help']).code).toBe(0);
  });
});

describe('control characters in JSON (SPEC §6.1)', () => {
  it('DEL and C1 characters from an input are written as \\u00HH, like C0', () => {
    const dir = scratchFiles({
      'admissions.csv': 'admission_id,patient_id,admitted_at,admission_type,primary_diagnosis,municipality_code,age\na-1,p,2016-01-01,akut\u007f,J18,751,70\na-2,p,2016-01-01,\u001bakut,J18,751,70\n',
    });
    const r = runCli(['validate', '--data', dir, '--format', 'json']);
    expect(r.code, show(r)).toBe(1);
    expect(r.stdout).not.toMatch(/[\u007f-\u009f]/);
    expect(r.stdout).toContain('\\u007f');
    const values = parseOutput(ValidationReportSchema, r.stdout).files[0].errors.map((e) => e.value);
    expect(values).toEqual(['akut\u007f', '\u001bakut']);
  });
});
