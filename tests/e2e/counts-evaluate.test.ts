// SPEC §15: `evaluate --counts FILE.csv` gives the evaluation of the run on the extracts. Each
// arm's window cell is summed from the counts of the file's groups (by municipality and the
// selector's other dimensions) and months (src/engine/counts.ts): exact, because every unit
// the engine counts is one unit on one day, in one group and one month (the persons per age
// band, which would not add up, are not read by an evaluation). The counts are made as an
// analyst makes them (tests/helpers/counts.ts: the DuckDB script of `triple-aim sql` on the
// extracts). The JSON of both runs is compared whole, `inputs[]` aside: cells, effects,
// intervals, verdicts, notes, suppression, not_evaluated, warnings.

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countable, writeCounts } from '../helpers/counts.js';
import { hasStackTrace, runCli, scratchDir, show } from './helpers.js';

const dir = scratchDir('triple-aim-counts-evaluate-');
const data = join(dir, 'extracts');
const SAMPLES = join(process.cwd(), 'data-samples');
const EXTRACTS = { admissions: join(SAMPLES, 'admissions.csv'), referrals: join(SAMPLES, 'referrals.csv'), smoking: join(SAMPLES, 'smoking.csv') };

function withoutInputs(stdout: string): { effects: unknown[]; not_evaluated: unknown[] } & Record<string, unknown> {
  const report = JSON.parse(stdout);
  delete report.inputs;
  return report;
}

/** Runs evaluate on the extracts and on the counts with the same options; both must succeed. */
function both(folder: string, counts: string, args: string[]) {
  const env = { SOURCE_DATE_EPOCH: '0' };
  const extracts = runCli(['evaluate', '--data', folder, ...args, '--format', 'json'], { env });
  expect(extracts.code, show(extracts)).toBe(0);
  const counted = runCli(['evaluate', '--counts', counts, '--data', folder, ...args, '--format', 'json'], { env });
  expect(counted.code, show(counted)).toBe(0);
  return { extracts, counted, a: withoutInputs(extracts.stdout), b: withoutInputs(counted.stdout) };
}

describe('evaluate --counts gives the evaluation of the run on the extracts (sample data)', () => {
  let months: string;
  let years: string;
  beforeAll(async () => {
    mkdirSync(data);
    // No lup.csv: the script does not count LUP yet, and its dates would widen the extract run's data range.
    for (const f of ['admissions', 'referrals', 'smoking', 'population', 'measurements', 'baselines']) copyFileSync(join(SAMPLES, `${f}.csv`), join(data, `${f}.csv`));
    months = await writeCounts(join(dir, 'months.csv'), EXTRACTS, ['2015-07..2017-06'], ['municipality', 'sex']);
    years = await writeCounts(join(dir, 'years.csv'), EXTRACTS, ['2015..2016'], ['municipality']);
  }, 120_000);

  // The default profile's indicators the script counts (SQL_INDICATORS also holds national's split ones).
  const ids = ['--indicators', countable(['admissions', 'referrals', 'smoking']).map((i) => i.id).join(',')];
  it.each([
    ['cluster=Vest against the rest of the region', ['--intervention', 'cluster=Vest', '--start', '2016-07']],
    ['municipality 657 against 661', ['--intervention', 'municipality=657', '--comparison', 'municipality=661', '--start', '2016-07']],
    ['women against men (sex=F, rest), --min-cell 3', ['--intervention', 'sex=F', '--start', '2016-07', '--min-cell', '3']],
    ['women of cluster Vest against women of cluster Aarhus, 6-month windows', ['--intervention', 'cluster=Vest;sex=F', '--comparison', 'cluster=Aarhus;sex=F', '--start', '2017-01', '--months', '6']],
    ['cluster=Horsens, --min-cell 0', ['--intervention', 'cluster=Horsens', '--start', '2016-07', '--min-cell', '0']],
  ])('%s', (_name, args) => {
    const { a, b, extracts, counted } = both(data, months, [...ids, ...args]);
    expect(a.effects.length).toBe(countable(['admissions', 'referrals', 'smoking']).length);
    expect(b).toEqual(a);
    expect(counted.stderr).toBe(extracts.stderr);
  });

  it('12-month windows that are calendar years are read from the file’s years (2015, 2016)', () => {
    const { a, b } = both(data, years, [...ids, '--intervention', 'cluster=Vest', '--start', '2016-01']);
    expect(a.effects.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });

  it('without --indicators, the indicators the file does not count are not evaluated, with the reason', () => {
    const r = runCli(['evaluate', '--counts', months, '--data', data, '--intervention', 'cluster=Vest', '--start', '2016-07', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.effects.map((e: { indicator: string }) => e.indicator).sort()).toEqual([...countable(['admissions', 'referrals', 'smoking']).map((i) => i.id)].sort());
    expect(report.not_evaluated).toContainEqual({ indicator: 'lup-cooperation-school', reason: expect.stringMatching(/^no counts of this indicator in .*months\.csv$/) });
    expect(report.inputs.map((i: { extract: string; path: string }) => [i.extract, i.path.endsWith('months.csv')])).toEqual(
      expect.arrayContaining([['admissions', true], ['referrals', true], ['smoking', true]]),
    );
  });

  const usage = (counts: () => string, args: string[], message: RegExp) => {
    const r = runCli(['evaluate', '--counts', counts(), '--data', data, ...ids, ...args, '--format', 'json']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
  };

  it('a selector dimension the file is not broken down by is a usage error naming the sql that makes one', () => {
    usage(() => years, ['--intervention', 'sex=F', '--start', '2016-01'], /years\.csv cannot give the windows 2015-01\.\.2015-12 and 2016-01\.\.2016-12 by sex, cluster: it is not broken down by sex \(its breakdown: municipality\)/);
    usage(() => years, ['--intervention', 'sex=F', '--start', '2016-01'], /`triple-aim sql --dialect … --period 2015-01\.\.2016-12 --by municipality,sex` makes counts that can/);
  });

  it('windows the file’s periods do not make up are a usage error naming the sql that makes them', () => {
    usage(() => years, ['--intervention', 'cluster=Vest', '--start', '2016-07'], /it has no counts for 2015-07\.\.2016-06, 2016-07\.\.2017-06, nor the periods that make them up \(it has 2015\.\.2016\); `triple-aim sql --dialect … --period 2015-07\.\.2017-06 --by municipality` makes counts that can/);
  });
});

describe('evaluate --counts on the worked example project-evaluation (Horsens from March 2018)', () => {
  const example = join(process.cwd(), 'tests/fixtures/examples/project-evaluation');
  let counts: string;
  beforeAll(async () => {
    // The months of both 6-month windows, by municipality (the selector is a cluster).
    counts = await writeCounts(join(dir, 'example.csv'), { admissions: join(example, 'admissions.csv'), referrals: join(example, 'referrals.csv') }, ['2017-09..2018-08'], ['municipality']);
  }, 60_000);

  it('the README’s command gives the same evaluation from counts: no_clear_change, improvement, deterioration', () => {
    const { a, b } = both(example, counts, [
      '--indicators', 'prevention-referrals,rehab-timely-start,ready-for-discharge-days',
      '--intervention', 'cluster=Horsens', '--start', '2018-03', '--months', '6', '--min-cell', '0',
    ]);
    expect(b).toEqual(a);
    // The verdicts of the README's table (Odense 461, outside the region, in neither arm).
    expect((b.effects as { indicator: string; verdict: string }[]).map((e) => [e.indicator, e.verdict])).toEqual([
      ['prevention-referrals', 'no_clear_change'],
      ['rehab-timely-start', 'improvement'],
      ['ready-for-discharge-days', 'deterioration'],
    ]);
  });
});
