import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { hasStackTrace, runCli, show } from './helpers.js';

describe('triple-aim indicators', () => {
  it('lists every catalogue indicator as JSON with the definition version', () => {
    const r = runCli(['indicators', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    const cat = JSON.parse(r.stdout);
    expect(cat.definition_version).toMatch(/^rm-2015-2018/);
    expect(cat.indicators).toHaveLength(CATALOGUE.length);
    expect(cat.indicators[0]).toMatchObject({ id: 'readmission-30d', aim: 'quality', unit: 'percent', direction: 'lower_is_better' });
  });

  it('preventable-admissions-65 prints its full definition and the §3.3 diagnosis list', () => {
    const r = runCli(['indicators', 'preventable-admissions-65', '--format', 'table']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/J12–J18, J20–J22/);
    expect(r.stdout).toMatch(/K59\.0 \(K590\)/);
    expect(r.stdout).toMatch(/S32, S42, S52, S72/);
    expect(r.stdout).toMatch(/definitions: rm-2015-2018/);
  });

  it('lup-cooperation-gp shows its per-patient-type 2013 baselines and target', () => {
    const r = runCli(['indicators', 'lup-cooperation-gp', '--format', 'json']);
    const [ind] = JSON.parse(r.stdout).indicators;
    expect(ind.baselines.map((b: { group: object; value: number }) => [b.group, b.value])).toEqual([
      [{ patient_type: 'outpatient' }, 71],
      [{ patient_type: 'inpatient' }, 25],
    ]);
    expect(ind.target).toEqual({ kind: 'value', value: 90 });
    expect(ind.always_by).toEqual(['patient_type']);
  });

  it('an unknown id is a usage error (exit 2) without a stack trace', () => {
    const r = runCli(['indicators', 'readmissions']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/unknown indicator id "readmissions"/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('Markdown lists every indicator with its definition', () => {
    const r = runCli(['indicators', '--format', 'markdown']);
    expect(r.stdout.match(/^## /gm)).toHaveLength(CATALOGUE.length);
  });
});
