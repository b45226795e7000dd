// The data end and provisional results end to end (SPEC §13.2) on compute, evaluate and report:
// every input's data_end, --data-end on every command that computes, and a bad date as a usage
// error (exit 2) before anything is read.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli, show } from './helpers.js';

const EXAMPLES = join(ROOT, 'tests', 'fixtures', 'examples');
const SAMPLES = join(ROOT, 'data-samples');

interface Input {
  extract: string;
  data_end: string | null;
}

describe('data end per extract (SPEC §13.2)', () => {
  it('each dated extract\'s own latest date; null for the extracts that are not dated events', () => {
    // lup-baselines-status: smoking (course start), lup (answer date), measurements and baselines.
    const r = runCli(['compute', '--data', join(EXAMPLES, 'lup-baselines-status'), '--period', '2016', '--period', '2019', '--format', 'json', '--min-cell', '0']);
    expect(r.code, show(r)).toBe(0);
    const inputs = JSON.parse(r.stdout).inputs as Input[];
    expect(inputs.find((i) => i.extract === 'measurements')!.data_end).toBeNull();
    expect(inputs.find((i) => i.extract === 'baselines')!.data_end).toBeNull();
    expect(inputs.find((i) => i.extract === 'smoking')!.data_end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('working-days-and-rehabilitation: 2024 is provisional at the latest referral date, and complete with a later --data-end', () => {
    const dir = join(EXAMPLES, 'working-days-and-rehabilitation');
    const args = ['compute', '--data', dir, '--period', '2019', '--period', '2023', '--period', '2024', '--format', 'json', '--min-cell', '0'];
    const own = JSON.parse(runCli(args).stdout);
    const provisional = (report: { results: { indicator: string; period: string; provisional: boolean }[] }) =>
      report.results.filter((r) => r.provisional).map((r) => `${r.indicator} ${r.period}`);
    expect(provisional(own)).toEqual(['rehab-contact-3-workdays 2024', 'rehab-timely-start 2024']);
    const later = runCli([...args, '--data-end', '2025-01-31']);
    expect(later.code, show(later)).toBe(0);
    expect(provisional(JSON.parse(later.stdout))).toEqual([]);
    expect((JSON.parse(later.stdout).inputs as Input[]).map((i) => i.data_end)).toEqual(['2025-01-31']);
  });

  it('the readmission warning follows --data-end: data-samples end 2018-01-31, so 2018 warns unless the extraction date is later', () => {
    const base = ['compute', '--data', SAMPLES, '--format', 'json', '--indicators', 'readmission-30d'];
    const own = runCli(base);
    expect(own.stderr).toMatch(/follow-up is incomplete for period 2018/);
    expect(JSON.parse(own.stdout).results.filter((r: { period: string; provisional: boolean }) => r.provisional).map((r: { period: string }) => r.period)).toEqual(['2018']);
    // 2018-12-31 + 30 days = 2019-01-30: on the data end, complete.
    const complete = runCli([...base, '--data-end', '2019-01-30']);
    expect(complete.stderr).not.toMatch(/follow-up is incomplete/);
    expect(JSON.parse(complete.stdout).results.some((r: { provisional: boolean }) => r.provisional)).toBe(false);
  });

  it.each([
    [['compute', '--data', SAMPLES]],
    [['monitor', '--data', SAMPLES]],
    [['report', '--data', SAMPLES, '--year', '2016']],
    [['evaluate', '--data', SAMPLES, '--intervention', 'cluster=Vest', '--start', '2016-03', '--months', '6']],
  ])('%j with --data-end 2017-02-29 is a usage error (exit 2) without a stack trace', (args) => {
    const r = runCli([...args, '--data-end', '2017-02-29']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/--data-end.*"2017-02-29" is not a date/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
