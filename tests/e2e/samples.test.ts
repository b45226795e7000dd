// What a newcomer sees (SPEC §5 set-up): `npm start` on the shipped data-samples/ greets them
// with no warning about the samples themselves, and the numbers have magnitudes an analyst
// recognises (published Danish levels; the sources are in src/sample/population.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, show } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');

/** The arguments of package.json's `start` script after `node bin/triple-aim.js`. */
function startArgs(): string[] {
  const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start as string;
  const m = /^node bin\/triple-aim\.js (.*)$/.exec(script);
  if (!m) throw new Error(`unexpected start script: ${script}`);
  return m[1].split(/\s+/);
}

interface R {
  indicator: string;
  period: string;
  group: object;
  value: number | null;
}

describe('npm start on the shipped samples', () => {
  it('prints the table and nothing on stderr: no follow-up warning about the samples themselves', () => {
    const r = runCli(startArgs(), { cwd: ROOT });
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/Population health/);
    expect(r.stderr).toBe('');
  });

  it('shows the three full years 2015–2017 (the admissions run on to 2018-01-31 only to give 2017 its 30-day follow-up)', () => {
    const r = runCli([...startArgs().filter((a) => a !== 'table' && a !== '--format'), '--format', 'json'], { cwd: ROOT });
    expect(JSON.parse(r.stdout).periods.map((p: { id: string }) => p.id)).toEqual(['2015', '2016', '2017']);
    expect(JSON.parse(r.stdout).warnings).toEqual([]);
  });
});

describe('the shipped samples land near published Danish levels (per year, 2015–2017, region total)', () => {
  const results = (): R[] => {
    const r = runCli(['compute', '--data', SAMPLES, '--period', '2015..2017', '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    return (JSON.parse(r.stdout).results as R[]).filter((x) => Object.keys(x.group).length === 0);
  };
  const values = (all: R[], id: string) => all.filter((x) => x.indicator === id).map((x) => x.value as number);

  it('preventable admissions among 65+ tens per 1000 a year (national ≈ 60), 30-day readmissions 10–15 %, hospital cost per inhabitant in the thousands of DKK', () => {
    const all = results();
    for (const v of values(all, 'preventable-admissions-65')) {
      expect(v).toBeGreaterThan(40);
      expect(v).toBeLessThan(80);
    }
    // 30-day readmissions around 10–15 %.
    for (const v of values(all, 'readmission-30d')) {
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(15);
    }
    // Hospital cost per inhabitant in the thousands of DKK.
    for (const v of values(all, 'cost-per-capita')) {
      expect(v).toBeGreaterThan(1000);
      expect(v).toBeLessThan(10_000);
    }
  });
});
