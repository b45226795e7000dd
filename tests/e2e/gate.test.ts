// `compute --fail-on` says which results triggered it (SPEC §6.2), on the built binary.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, show } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');
const EX3 = join(ROOT, 'tests', 'fixtures', 'examples', 'lup-baselines-status');

interface Json {
  results: { indicator: string; period: string; value: number | null; target: { value: number; rule: string } | null }[];
}

describe('--fail-on prints one stderr line per triggering result (SPEC §6.2)', () => {
  it('worsening on example 3: the two worsening results, with value and baseline, after the report was written', () => {
    // smoke-free-6m 2019: 40 % < the Rygestopbasen benchmark 43 %; lup-cooperation-gp outpatient 50 % < 71 % (2013).
    const r = runCli(['compute', '--data', EX3, '--period', '2019', '--min-cell', '0', '--format', 'json', '--fail-on', 'worsening']);
    expect(r.code, show(r)).toBe(3);
    expect(JSON.parse(r.stdout).results.length).toBeGreaterThan(0);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      '--fail-on worsening: smoke-free-6m, period 2019, group total: status worsening, value 40.0 %, baseline 43.0 %',
      '--fail-on worsening: lup-cooperation-gp, period 2019, group patient_type=outpatient: status worsening, value 50.0 %, baseline 71.0 % (2013)',
    ]);
  });

  it('at most 20 lines, then "and N more" — N counted from the report itself', () => {
    // The three LUP cooperation indicators have target ≥ 90 % for every group: most municipal
    // results miss it. The test counts the misses in the JSON (value < 90) on its own.
    const args = ['compute', '--data', SAMPLES, '--period', '2015..2017', '--indicators', 'lup-cooperation-school,lup-cooperation-social,lup-cooperation-gp', '--by', 'municipality', '--min-cell', '0', '--format', 'json', '--fail-on', 'not_met'];
    const r = runCli(args);
    expect(r.code, show(r)).toBe(3);
    const missed = (JSON.parse(r.stdout) as Json).results.filter((x) => x.value !== null && x.target !== null && x.value < x.target.value);
    expect(missed.length).toBeGreaterThan(20);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines.slice(0, 20).every((l) => l.startsWith('--fail-on not_met: lup-cooperation-') && /target ≥ 90\.0 %$/.test(l))).toBe(true);
    expect(lines[20]).toBe(`and ${missed.length - 20} more`);
  });

  it('nothing on stderr and exit 0 when nothing triggers', () => {
    const r = runCli(['compute', '--data', EX3, '--period', '2019', '--min-cell', '0', '--indicators', 'smoke-free-6m-itt', '--format', 'json', '--fail-on', 'worsening']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stderr).toBe('');
  });
});
