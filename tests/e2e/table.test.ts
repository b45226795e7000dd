// The table and Markdown people read (SPEC §6.3), from the built binary on the shipped samples.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, show } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');
const ARROWS = /[↗↘→←↑↓▲▼△▽⬆⬇➚➘]/u;

describe('the table on the shipped samples (SPEC §6.3)', () => {
  it('the target verdict and the change against the baseline are separate words (SPEC §13.4), and no arrow or triangle appears anywhere, also in the legend and in Markdown', () => {
    const table = runCli(['compute', '--data', SAMPLES, '--period', '2015..2017', '--format', 'table']);
    expect(table.code, show(table)).toBe(0);
    expect(table.stdout).not.toMatch(ARROWS);
    // lup-cooperation-gp outpatient 2015: 60.4 % against the 2013 baseline 71 and the target ≥ 90.
    expect(table.stdout).toMatch(/│ lup-cooperation-gp +│ patient_type=outpatient │ % +│ 71\.0 \(2013\) │ +≥ 90\.0 │ +60\.4 ✗ target not met, worse than baseline │/);
    // SPEC §13.4's own case: 88.9 % under a target of ≥ 90, above its baseline 75 — "not met",
    // never "better" alone (the table used to print "88.9 better").
    expect(table.stdout).toMatch(/│ lup-cooperation-school +│ patient_type=inpatient +│ % +│ 75\.0 \(2013\) │ +≥ 90\.0 │ 88\.9 ✗ target not met, better than baseline │/);
    expect(table.stdout).not.toMatch(/\d (better|worse)(?! than)/);
    expect(table.stdout).toMatch(/✓ target met/);
    expect(table.stdout).toMatch(/^Target: ✓ target met \/ ✗ target not met/m);
    const md = runCli(['compute', '--data', SAMPLES, '--period', '2015..2017', '--format', 'markdown']);
    expect(md.stdout).not.toMatch(ARROWS);
  });

  it('twelve months switch to the long layout: one line per indicator, group and period', () => {
    const r = runCli(['compute', '--data', SAMPLES, '--period', '2016-01..2016-12', '--indicators', 'readmission-30d', '--format', 'table']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/│ Indicator +│ Group │ Unit │ Period +│ Value │ Verdict │ Baseline │ Target │/);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('│ readmission-30d'));
    expect(lines.map((l) => l.split('│')[4].trim())).toEqual(Array.from({ length: 12 }, (_, i) => `2016-${String(i + 1).padStart(2, '0')}`));
  });

  it('--details adds interval and numerator/denominator, matching the JSON', () => {
    const args = ['compute', '--data', SAMPLES, '--period', '2016', '--indicators', 'readmission-30d'];
    const json = JSON.parse(runCli([...args, '--format', 'json']).stdout).results[0];
    const r = runCli([...args, '--format', 'table', '--details']);
    expect(r.code, show(r)).toBe(0);
    const lo = json.ci95[0].toFixed(1);
    const hi = json.ci95[1].toFixed(1);
    expect(r.stdout).toContain(`(${lo}–${hi})`);
    expect(r.stdout).toContain(`${json.numerator}/${json.denominator}`);
  });

  it('small monthly rates keep two significant digits instead of printing 0.0/0.1', () => {
    // acute-short-admissions by cluster and month: tens of events a year over a few thousand
    // inhabitants — monthly rates well below 1 per 1000.
    const args = ['compute', '--data', SAMPLES, '--period', '2016-01..2016-03', '--indicators', 'acute-short-admissions', '--by', 'cluster', '--min-cell', '0'];
    const results = JSON.parse(runCli([...args, '--format', 'json']).stdout).results as { value: number | null }[];
    const smallest = Math.min(...results.map((x) => x.value ?? Infinity).filter((v) => v > 0));
    expect(smallest).toBeLessThan(1);
    const table = runCli([...args, '--format', 'table']).stdout;
    // ⌊log10 v⌋ = −1 for 0.1 ≤ v < 1 → 2 decimals: the smallest rate printed with its two digits.
    const decimals = Math.max(1, 1 - Math.floor(Math.log10(smallest)));
    expect(decimals).toBeGreaterThanOrEqual(2);
    expect(table).toContain(smallest.toFixed(decimals));
    expect(table).not.toMatch(/│ +0\.[01] │/);
  });

  it('Markdown shows intervals, numerator/denominator and municipality names', () => {
    const r = runCli(['compute', '--data', SAMPLES, '--period', '2016', '--indicators', 'readmission-30d', '--by', 'municipality', '--format', 'markdown']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/\| municipality=751 \(Aarhus\) \| % \|  \|  \| \d+\.\d \(\d+\.\d–\d+\.\d\) · \d+\/\d+ \|/);
    expect(r.stdout).toMatch(/\| municipality=760 \(Ringkøbing-Skjern\) \|/);
  });
});
