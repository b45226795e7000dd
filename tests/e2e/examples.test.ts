// The SPEC's three worked examples (../shared/examples, copied to tests/fixtures/examples):
// run each example's command on the built binary and compare every expected result, as the
// examples' README says: numerator, denominator and status equal, value within 1e-9, each
// ci95 bound within 1e-6; matched on indicator, period and group, in the same order.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, show } from './helpers.js';

const EXAMPLES = join(ROOT, 'tests', 'fixtures', 'examples');

interface Expected {
  indicator: string;
  period: string;
  group: Record<string, string>;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ci95: [number, number] | null;
  status: string;
}

const key = (r: { indicator: string; period: string; group: Record<string, string> }) =>
  `${r.indicator}|${r.period}|${JSON.stringify(Object.entries(r.group).sort())}`;

describe.each(readdirSync(EXAMPLES))('worked example %s', (name) => {
  const dir = join(EXAMPLES, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { command: string; results: Expected[] };
  const args = expected.command.replace(/^triple-aim /, '').split(/\s+/);
  const run = runCli(args, { cwd: dir });
  const report = JSON.parse(run.stdout || '{}') as { results: Expected[] };
  const byKey = new Map((report.results ?? []).map((r, i) => [key(r), { r, i }]));

  it('runs cleanly', () => {
    expect(run.code, show(run)).toBe(0);
  });

  it.each(expected.results.map((e) => [key(e), e] as const))('%s', (_k, e) => {
    const found = byKey.get(key(e));
    expect(found, `missing result ${key(e)}`).toBeDefined();
    const r = found!.r;
    expect(r.numerator).toBe(e.numerator);
    expect(r.denominator).toBe(e.denominator);
    expect(r.status).toBe(e.status);
    if (e.value === null) expect(r.value).toBeNull();
    else expect(Math.abs(r.value! - e.value)).toBeLessThanOrEqual(1e-9);
    if (e.ci95 === null) expect(r.ci95).toBeNull();
    else {
      expect(Math.abs(r.ci95![0] - e.ci95[0])).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(r.ci95![1] - e.ci95[1])).toBeLessThanOrEqual(1e-6);
    }
  });

  it('lists the expected results in the expected order', () => {
    const positions = expected.results.map((e) => byKey.get(key(e))?.i ?? -1);
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]))).toBe(true);
  });
});
