// contacts.csv and the files real exports come as, end to end on the built binary (SPEC §14.1):
// admissions beside contacts is a usage error; UTF-16 text (Excel's "Unicode text") is read
// for every extract, from a file, a .gz and standard input, with one notice and its encoding
// in inputs[]; workbooks, PDFs and SAS data sets are refused with one line; `sample
// --contacts` writes a folder that compute reads.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/contracts/report.js';
import { ValidationReportSchema } from '../../src/contracts/validate.js';
import { hasStackTrace, parseOutput, ROOT, runCli, scratchDir, scratchFiles, show } from './helpers.js';

const EXAMPLE = join(ROOT, '..', 'shared', 'examples', 'lpr3-contacts-and-profiles');
const CONTACTS_H = 'contact_id,patient_id,start_at,end_at,contact_type,priority,action_diagnosis,secondary_diagnoses,municipality_code,age';
const contact = (id: string, extra = '') => `${id},p-${id},2017-03-06 08:00,2017-03-07 10:00,physical,acute,DI501,${extra},751,78`;
const ADMISSIONS_H = 'admission_id,patient_id,admitted_at,discharged_at,admission_type,primary_diagnosis,municipality_code,age';
const admission = (id: string) => `${id},p-${id},2017-04-03 09:15,2017-04-05 14:00,acute,J440,751,70`;

/** `text` as UTF-16 with its byte-order mark. */
function utf16(text: string, form: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from(form === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), form === 'le' ? le : Buffer.from(le).swap16()]);
}

describe('admissions.csv and contacts.csv together (SPEC §14.1: a usage error naming both)', () => {
  const files = { 'admissions.csv': [ADMISSIONS_H, admission('a1')].join('\n') + '\n', 'contacts.csv': [CONTACTS_H, contact('c1')].join('\n') + '\n' };

  it.each([
    ['both in one --data folder', (dir: string) => ['--data', dir], (dir: string) => [join(dir, 'admissions.csv'), join(dir, 'contacts.csv')]],
    ['--admissions with --contacts', (dir: string) => ['--admissions', join(dir, 'admissions.csv'), '--contacts', join(dir, 'contacts.csv')], (dir: string) => [join(dir, 'admissions.csv'), join(dir, 'contacts.csv')]],
  ])('%s: exit 2, both files named, nothing on stdout, no stack trace', (_name, args, named) => {
    const dir = scratchFiles(files);
    for (const command of ['compute', 'validate']) {
      const r = runCli([command, ...args(dir)]);
      expect(r.code, show(r)).toBe(2);
      expect(r.stdout).toBe('');
      for (const path of named(dir)) expect(r.stderr, show(r)).toContain(path);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it('one from --data and the other by its option: exit 2 too', () => {
    const withAdmissions = scratchFiles({ 'admissions.csv': files['admissions.csv'] });
    const withContacts = scratchFiles({ 'contacts.csv': files['contacts.csv'] });
    const r = runCli(['compute', '--data', withAdmissions, '--contacts', join(withContacts, 'contacts.csv')]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toContain(join(withAdmissions, 'admissions.csv'));
    expect(r.stderr).toContain(join(withContacts, 'contacts.csv'));
    // Standard input is named as such.
    const s = runCli(['validate', '--data', withAdmissions, '--contacts', '-'], { input: files['contacts.csv'] });
    expect(s.code, show(s)).toBe(2);
    expect(s.stderr).toContain('standard input');
  });

  it('either one alone is read', () => {
    const dir = scratchFiles({ 'contacts.csv': files['contacts.csv'] });
    const r = runCli(['validate', '--data', dir, '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    expect(parseOutput(ValidationReportSchema, r.stdout).files.map((f) => [f.extract, f.rows])).toEqual([['contacts', 1]]);
  });
});

describe('bad contacts name file, line, column, value and expectation (SPEC §1.6, §14.1)', () => {
  const BAD = join(ROOT, 'tests', 'fixtures', 'bad');

  it('codes: contact type, priority (only acute/akut/ATA1, planned/planlagt/ATA3), a secondary-diagnosis list, unit type, end status', () => {
    const f = join(BAD, 'contacts-bad-codes.csv');
    const r = runCli(['validate', '--contacts', f, '--format', 'table']);
    expect(r.code, show(r)).toBe(1);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      `  ${f}:3: contact_type: "ALCA99" is not a contact type (expected physical, ALCA00, fysisk, home, ALCA10, ude, udekontakt, hjemme, virtual, ALCA20 or virtuel)`,
      `  ${f}:4: priority: "1" is not a priority (expected acute, akut, ATA1, planned, planlagt or ATA3)`,
      `  ${f}:5: priority: "ATA2" is not a priority (expected acute, akut, ATA1, planned, planlagt or ATA3)`,
      `  ${f}:6: secondary_diagnoses: "DI10 | X?" is not a list of ICD-10 codes separated by "|" or spaces: "X?" is not an ICD-10 diagnosis code (expected a letter and two digits, then digits or letters, e.g. J440 or DJ440)`,
      `  ${f}:7: unit_type: "ambulance" is not a unit type (expected hospital, sygehus or hospice)`,
      `  ${f}:7: end_status: "x" is not an end status (expected alive, died, død or doed)`,
    ]);
    expect(r.stdout).toContain(`INVALID  ${f} (contacts): 6 rows, 5 invalid rows, 6 problems`);
  });

  it('times: end_at before start_at, a ready time outside its own contact (also an ongoing one), an impossible date, a duplicate id', () => {
    const f = join(BAD, 'contacts-bad-times.csv');
    const r = runCli(['validate', '--contacts', f, '--format', 'json']);
    expect(r.code, show(r)).toBe(1);
    const errors = parseOutput(ValidationReportSchema, r.stdout).files[0].errors;
    expect(errors.map((e) => [e.line, e.column, e.value, e.type])).toEqual([
      [3, 'end_at', '2017-04-05 14:59', 'constraint-error'],
      [4, 'ready_for_discharge_at', '2017-05-03 09:01', 'constraint-error'],
      [5, 'ready_for_discharge_at', '2017-05-04 07:59', 'constraint-error'],
      [6, 'start_at', '2017-02-29 08:00', 'type-error'],
      [7, 'contact_id', 'k-1', 'unique-error'],
    ]);
    expect(errors[0].message).toBe('"2017-04-05 14:59" is before start_at 2017-04-05 15:00 (expected end_at ≥ start_at)');
    expect(errors[1].message).toBe('"2017-05-03 09:01" is after end_at 2017-05-03 09:00 (expected start_at ≤ ready_for_discharge_at ≤ end_at)');
  });
});

describe('UTF-16 text (SPEC §14.1, amending §6.1)', () => {
  const example = readFileSync(join(EXAMPLE, 'contacts.csv'), 'utf8');
  // Excel's "Unicode text": TAB-separated, CR LF.
  const tabbed = example.trim().split('\n').map((l) => l.replaceAll(',', '\t')).join('\r\n') + '\r\n';

  it.each([
    ['UTF-16LE', 'le', 'utf16le'],
    ['UTF-16BE', 'be', 'utf16be'],
  ] as const)('%s contacts: the same results as the UTF-8 file, one notice on stderr, its encoding in inputs[]', (label, form, encoding) => {
    const dir = scratchFiles({ 'contacts.csv': utf16(tabbed, form), 'population.csv': readFileSync(join(EXAMPLE, 'population.csv')) });
    const plain = scratchFiles({ 'contacts.csv': example, 'population.csv': readFileSync(join(EXAMPLE, 'population.csv')) });
    const args = ['--format', 'json', '--period', '2017'];
    const r = runCli(['compute', '--data', dir, ...args]);
    const u = runCli(['compute', '--data', plain, ...args]);
    expect(u.code, show(u)).toBe(0);
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('UTF-16'))).toEqual([`${join(dir, 'contacts.csv')}: ${label} text (byte-order mark); read as UTF-16`]);
    const report = parseOutput(ReportSchema, r.stdout);
    const reference = parseOutput(ReportSchema, u.stdout);
    expect(report.inputs.find((i) => i.extract === 'contacts')).toMatchObject({ encoding, rows: 29, rows_rejected: 0 });
    expect(reference.inputs.find((i) => i.extract === 'contacts')!.encoding).toBe('utf8');
    expect(report.results).toEqual(reference.results);
  });

  it('every extract, from a .gz and from standard input too; problems keep their line numbers', () => {
    const text = [ADMISSIONS_H.replaceAll(',', '\t'), admission('a1').replaceAll(',', '\t'), admission('a2').replaceAll(',', '\t').replace('J440', 'J4?0'), admission('a3').replaceAll(',', '\t')].join('\r\n') + '\r\n';
    const dir = scratchDir();
    writeFileSync(join(dir, 'admissions.csv.gz'), gzipSync(utf16(text, 'le')));
    const referrals = 'referral_id\tpatient_id\treferred_at\tsender\toffer\tmunicipality_code\r\nr1\tp1\t2017-01-02\tgp\tovervægt\t751\r\n';
    const fromGz = runCli(['validate', '--admissions', join(dir, 'admissions.csv.gz'), '--format', 'json']);
    expect(fromGz.code, show(fromGz)).toBe(1);
    const errors = parseOutput(ValidationReportSchema, fromGz.stdout).files[0].errors;
    expect(errors.map((e) => [e.line, e.column, e.value])).toEqual([[3, 'primary_diagnosis', 'J4?0']]);
    expect(fromGz.stderr).toContain('UTF-16LE text (byte-order mark); read as UTF-16');
    const fromStdin = runCli(['validate', '--referrals', '-', '--format', 'json'], { input: utf16(referrals, 'be') });
    expect(fromStdin.code, show(fromStdin)).toBe(0);
    expect(fromStdin.stderr).toBe('-: UTF-16BE text (byte-order mark); read as UTF-16\n');
  });

  it('the JSON Schemas of report, monitor and evaluate name utf16le and utf16be among the encodings of inputs[]', () => {
    for (const name of ['report', 'monitor', 'evaluate']) {
      const r = runCli(['schema', name]);
      expect(r.code, show(r)).toBe(0);
      const text = JSON.stringify(JSON.parse(r.stdout));
      expect(text, name).toContain('"enum":["utf8","cp1252","utf16le","utf16be"]');
    }
  });

  it('a forced --encoding refuses it, saying what it is (exit 1)', () => {
    const dir = scratchFiles({ 'admissions.csv': utf16([ADMISSIONS_H, admission('a1')].join('\n') + '\n', 'le') });
    const r = runCli(['validate', '--data', dir, '--encoding', 'latin1', '--format', 'table']);
    expect(r.code, show(r)).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'admissions.csv')}: the file is UTF-16LE text (it starts with a UTF-16 byte-order mark), not latin1; read it with --encoding auto`);
  });
});

describe('files that are not CSV text are refused with one line (SPEC §14.1)', () => {
  const SAS = Buffer.concat([Buffer.alloc(12), Buffer.from('c2ea8160b31411cfbd92080009c7318c181f1011', 'hex'), Buffer.alloc(2000, 0x20)]);
  it.each([
    ['an .xlsx workbook', Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml', 'latin1'), 'the file is an Excel workbook (.xlsx) or another zip archive, not CSV text; in Excel, File → Save As → "CSV UTF-8 (comma delimited) (*.csv)"'],
    ['a PDF', Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'), 'the file is a PDF document, not a data file; ask for the extract itself as CSV'],
    ['a SAS data set', SAS, 'the file is a SAS data set (.sas7bdat), not CSV text; export it from SAS with PROC EXPORT DATA=… OUTFILE="….csv" DBMS=CSV'],
  ])('%s given as contacts.csv: exit 1, one line naming the file, what it is and how to get CSV', (_name, bytes, message) => {
    const dir = scratchFiles({ 'contacts.csv': bytes });
    const path = join(dir, 'contacts.csv');
    const r = runCli(['compute', '--contacts', path, '--format', 'json']);
    expect(r.code, show(r)).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith(path))).toEqual([`${path}: ${message}`]);
    expect(hasStackTrace(r.stderr)).toBe(false);
    // validate says the same, as a problem of type binary-file.
    const v = runCli(['validate', '--contacts', path, '--format', 'json']);
    expect(v.code, show(v)).toBe(1);
    expect(parseOutput(ValidationReportSchema, v.stdout).files[0].errors).toEqual([{ type: 'binary-file', line: null, column: null, value: null, message }]);
  });
});

describe('sample --contacts (SPEC §14.1)', () => {
  it('writes contacts.csv in place of admissions.csv, which validate and compute read (exit 0)', () => {
    const out = join(scratchDir(), 'lpr3');
    const s = runCli(['sample', '--out', out, '--contacts', '--scale', '0.4']);
    expect(s.code, show(s)).toBe(0);
    expect(s.stderr).toContain('contacts.csv (2000 rows)');
    expect(s.stderr).not.toContain('admissions.csv');
    const v = runCli(['validate', '--data', out, '--format', 'json']);
    expect(v.code, show(v)).toBe(0);
    const c = runCli(['compute', '--data', out, '--format', 'json']);
    expect(c.code, show(c)).toBe(0);
    expect(parseOutput(ReportSchema, c.stdout).inputs.map((i) => i.extract)).toContain('contacts');
  });

  it('its help says what --contacts writes', () => {
    const help = runCli(['sample', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--contacts write the hospital data as LPR3 contacts.csv (SPEC §14.1) in place of admissions.csv');
  });
});
