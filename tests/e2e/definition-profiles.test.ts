// The definition profiles on the command line (SPEC §14.3) and the audit file (§14.4), on the
// built binary: --profile and its usage error, `indicators --profile`, `definitions diff`
// generated from the declarations, the profile named in the Markdown, the audit's file.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NATIONAL_READMISSION, RM_READMISSION } from '../../src/indicators/readmission-rules.js';
import { ROOT, runCli, show } from './helpers.js';

const LPR3 = join(ROOT, 'tests', 'fixtures', 'examples', 'lpr3-contacts-and-profiles');

describe('--profile (SPEC §14.3)', () => {
  it('an unknown profile is a usage error (exit 2) naming the profiles', () => {
    for (const command of [['compute', '--data', LPR3], ['indicators'], ['monitor', '--data', LPR3], ['report', '--data', LPR3, '--year', '2017']]) {
      const run = runCli([...command, '--profile', 'esundhed']);
      expect(run.code, show(run)).toBe(2);
      expect(run.stderr).toContain('rm-2015-2018 or national');
    }
  });

  it('an indicator of the national profile only is a usage error under rm-2015-2018', () => {
    const run = runCli(['compute', '--data', LPR3, '--period', '2017', '--indicators', 'ready-for-discharge-days-somatic']);
    expect(run.code, show(run)).toBe(2);
    expect(run.stderr).toContain('not in the profile rm-2015-2018');
  });

  it('tool.definition_version names the profile, and the Markdown names it in words', () => {
    const json = runCli(['compute', '--data', LPR3, '--period', '2017', '--profile', 'national', '--format', 'json']);
    expect(json.code, show(json)).toBe(0);
    expect(JSON.parse(json.stdout).tool.definition_version).toBe('national-2023.1');
    const md = runCli(['compute', '--data', LPR3, '--period', '2017', '--profile', 'national', '--format', 'markdown']);
    expect(md.stdout).toContain('Definitions: the national definitions (Sundhedsdatastyrelsen, eSundhed 2020–2023) (profile national).');
    const rm = runCli(['compute', '--data', LPR3, '--period', '2017', '--format', 'json']);
    expect(JSON.parse(rm.stdout).tool.definition_version).toBe('rm-2015-2018.1');
  });

  it('indicators --profile national readmission-30d prints the national definition in English and Danish with its declared rules', () => {
    const run = runCli(['indicators', '--profile', 'national', 'readmission-30d', '--format', 'table']);
    expect(run.code, show(run)).toBe(0);
    expect(run.stdout).toContain('definitions: national-2023.1');
    expect(run.stdout).toContain('T80–T89, are readmissions');
    expect(run.stdout).toContain('Nævner (indeks): somatiske indlæggelser');
    expect(run.stdout).toContain('8. injury: first diagnosis in S, T00–T35, T51–T79, T90–T98, X, Y');
    const list = JSON.parse(runCli(['indicators', '--profile', 'national', '--format', 'json']).stdout) as { indicators: { id: string }[] };
    const ids = list.indicators.map((i) => i.id);
    const at = ids.indexOf('ready-for-discharge-days');
    expect(ids.slice(at, at + 3)).toEqual(['ready-for-discharge-days', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric']);
  });
});

describe('the Danish report under the national profile (SPEC §13.6, §14.3)', () => {
  it('names the profile in Danish and shows the national notes and definition in Danish, none of their English', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triple-aim-national-report-'));
    try {
      const out = join(dir, 'report.html');
      const run = runCli(['report', '--data', LPR3, '--year', '2017', '--profile', 'national', '--min-cell', '0', '--out', out]);
      expect(run.code, show(run)).toBe(0);
      const html = readFileSync(out, 'utf8');
      expect(html).toContain('national-2023.1: de nationale definitioner (Sundhedsdatastyrelsen, eSundhed 2020–2023)');
      expect(html).toContain('indeksophold udeladt: patienten døde: 1');
      expect(html).toContain('ude- og virtuelle kontakter (intet ophold; tælles ikke med): 3');
      expect(html).toContain('Færdigbehandlede sengedage, psykiatri');
      expect(html).toContain('National definition (Sundhedsdatastyrelsen, eSundhed 2020–2023) på sygehusophold');
      for (const english of ['index stays excluded', 'home and virtual contacts', 'on stays: a patient', 'Bed days of patients ready for discharge, psychiatric']) {
        // English appears only as the other language's name, marked lang="en".
        for (const at of [...html.matchAll(new RegExp(english, 'g'))].map((m) => m.index!)) {
          expect(html.slice(Math.max(0, at - 200), at), english).toMatch(/lang="en"[^<]*$/);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('definitions diff (SPEC §14.3)', () => {
  it('lists each differing rule of readmission-30d and the indicators of one profile only, from the declarations', () => {
    const run = runCli(['definitions', 'diff', 'rm-2015-2018', 'national', '--format', 'json']);
    expect(run.code, show(run)).toBe(0);
    const rows = JSON.parse(run.stdout).differences as { indicator: string; part: string; rule: string; a: string | null; b: string | null }[];
    // Every rule name of either declaration that is not word for word the same in the same place.
    const names = (list: readonly { name: string }[]) => list.map((r) => r.name);
    const indexRules = [...new Set([...names(RM_READMISSION.index), ...names(NATIONAL_READMISSION.index)])];
    expect(rows.filter((r) => r.part === 'index rule').map((r) => r.rule).sort()).toEqual(indexRules.sort());
    expect(rows.find((r) => r.rule === 'cancer' && r.part === 'index rule')).toMatchObject({
      a: '2. first diagnosis in C00–C99, D00–D09',
      b: '4. any diagnosis in C00–C99, D00–D09',
    });
    // planned is the first readmission rule of both: no difference.
    expect(rows.some((r) => r.part === 'readmission rule' && r.rule === 'planned')).toBe(false);
    expect(rows.filter((r) => r.part === 'catalogue').map((r) => r.indicator)).toEqual(['ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric']);
    expect(new Set(rows.map((r) => r.indicator))).toEqual(new Set(['readmission-30d', 'ready-for-discharge-days-somatic', 'ready-for-discharge-days-psychiatric']));
    // A profile against itself: nothing.
    const same = runCli(['definitions', 'diff', 'national', 'national', '--format', 'json']);
    expect(JSON.parse(same.stdout).differences).toEqual([]);
  });

  it('an unknown profile is a usage error', () => {
    const run = runCli(['definitions', 'diff', 'rm-2015-2018', 'esundhed']);
    expect(run.code, show(run)).toBe(2);
  });
});

describe('compute --audit (SPEC §14.4)', () => {
  it('writes the audit file beside the report; it carries no patient id, age or municipality', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triple-aim-audit-'));
    try {
      const file = join(dir, 'audit.csv');
      const run = runCli(['compute', '--data', LPR3, '--period', '2017', '--profile', 'national', '--format', 'json', '--audit', file]);
      expect(run.code, show(run)).toBe(0);
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\r\n').filter(Boolean);
      expect(lines[0]).toBe('indicator,period,unit_id,role,rule');
      // SPEC example step 12: 5 + 11 + 1 discharge rows, 9 preventable, 3 acute-short, 27 readmission.
      const count = (id: string) => lines.filter((l) => l.startsWith(`${id},`)).length;
      expect(count('readmission-30d')).toBe(27);
      expect(count('discharges-outside-daytime')).toBe(17);
      expect(count('preventable-admissions-65')).toBe(9);
      expect(count('acute-short-admissions')).toBe(3);
      expect(text).not.toMatch(/pt-|751|657|615/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the audit to standard output or into the report’s own file is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triple-aim-audit-'));
    try {
      const stdout = runCli(['compute', '--data', LPR3, '--period', '2017', '--audit', '-']);
      expect(stdout.code, show(stdout)).toBe(2);
      const file = join(dir, 'both.csv');
      const same = runCli(['compute', '--data', LPR3, '--period', '2017', '--format', 'csv', '--out', file, '--audit', file]);
      expect(same.code, show(same)).toBe(2);
      expect(same.stderr).toContain('also the --out file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
