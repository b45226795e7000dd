// The SPEC's worked examples (../shared/examples, copied to tests/fixtures/examples): run each
// example's command(s) on the built binary and compare, as the examples' README says.
// First round ({ command, results }): numerator, denominator, status, target_verdict and
// provisional (round 3, SPEC §13.4, §13.2) equal, value within
// 1e-9, each ci95 bound within 1e-6; matched on indicator, period and group, in the same order.
// Second round ({ runs: [{ command, output }] }): every field `output` names must be in the
// report with that value — series matched on indicator and group, results on indicator, period
// and group, effects on indicator, lists inside them in order; counts, runs figures, periods,
// strings, booleans and nulls equal, every other number within 1e-9 relative (1e-9 absolute
// where the expected number is 0).

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  /** SPEC §13.4, §13.2: pinned since round 3 (the examples' README: must be equal). */
  target_verdict: string;
  provisional: boolean;
}

const key = (r: { indicator: string; period: string; group: Record<string, string> }) =>
  `${r.indicator}|${r.period}|${JSON.stringify(Object.entries(r.group).sort())}`;

const argsOf = (command: string) => command.replace(/^triple-aim /, '').split(/\s+/);

const folders = readdirSync(EXAMPLES).map((name) => ({ name, expected: JSON.parse(readFileSync(join(EXAMPLES, name, 'expected.json'), 'utf8')) }));

describe.each(folders.filter((f) => !('runs' in f.expected)))('worked example $name', ({ name, expected: ex }) => {
  const dir = join(EXAMPLES, name);
  const expected = ex as { command: string; results: Expected[] };
  const run = runCli(argsOf(expected.command), { cwd: dir });
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
    expect(r.target_verdict).toBe(e.target_verdict);
    expect(r.provisional).toBe(e.provisional);
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

/** Fields compared exactly even when they are numbers (counts, runs figures). */
const EXACT = new Set([
  'numerator', 'denominator', 'n_useful', 'longest_run', 'longest_run_max', 'crossings', 'crossings_min', 'phase', 'rows', 'rows_rejected',
]);

/** How list items are matched: by these fields, else by position. */
const MATCH_ON: Record<string, (item: Record<string, unknown>) => string> = {
  series: (s) => `${s.indicator}|${JSON.stringify(Object.entries(s.group as object).sort())}`,
  results: (r) => key(r as never),
  effects: (e) => String(e.indicator),
};

/** Every difference between what `expected` names and `actual`, as paths with both values. */
export function differences(expected: unknown, actual: unknown, path = '$', field = ''): string[] {
  if (expected === null || typeof expected !== 'object') {
    if (typeof expected === 'number' && typeof actual === 'number' && !EXACT.has(field)) {
      const tolerance = expected === 0 ? 1e-9 : 1e-9 * Math.abs(expected);
      return Math.abs(actual - expected) <= tolerance ? [] : [`${path}: expected ${expected}, got ${actual}`];
    }
    return Object.is(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected a list, got ${JSON.stringify(actual)}`];
    const by = MATCH_ON[field];
    if (by) {
      const index = new Map(actual.map((a: Record<string, unknown>, i) => [by(a), i]));
      let previous = -1;
      return expected.flatMap((e: Record<string, unknown>) => {
        const i = index.get(by(e));
        if (i === undefined) return [`${path}: no item ${by(e)}`];
        const order = i > previous ? [] : [`${path}: ${by(e)} out of order`];
        previous = i;
        return [...order, ...differences(e, actual[i], `${path}[${by(e)}]`, field)];
      });
    }
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((e, i) => differences(e, actual[i], `${path}[${i}]`, field));
  }
  if (actual === null || typeof actual !== 'object') return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
  return Object.entries(expected).flatMap(([k, v]) =>
    k in (actual as object) ? differences(v, (actual as Record<string, unknown>)[k], `${path}.${k}`, k) : [`${path}.${k}: missing`],
  );
}

/** The exclusion audit a run writes (SPEC §14.4), pinned as a multiset of rows of the named
 *  indicators (rows of other indicators are not pinned). */
interface ExpectedAudit {
  file: string;
  indicators: string[];
  rows: { indicator: string; period: string; unit_id: string; role: string; rule: string }[];
}

/** The audit CSV's rows of the named indicators, each as one sorted line (a multiset). */
function auditRows(csv: string, indicators: readonly string[]): string[] {
  const [header, ...lines] = csv.split(/\r?\n/).filter((l) => l !== '');
  expect(header).toBe('indicator,period,unit_id,role,rule');
  return lines.filter((l) => indicators.includes(l.split(',')[0])).sort();
}

describe.each(folders.filter((f) => 'runs' in f.expected))('worked example $name', ({ name, expected }) => {
  const dir = join(EXAMPLES, name);
  const runs = (expected as { runs: { command: string; output: unknown; audit?: ExpectedAudit }[] }).runs;
  it.each(runs.map((r) => [r.command, r] as const))('%s', (_c, { command, output, audit }) => {
    // A run that writes its audit into the current folder runs in a copy of the example.
    const cwd = audit ? mkdtempSync(join(tmpdir(), 'triple-aim-example-')) : dir;
    try {
      if (audit) cpSync(dir, cwd, { recursive: true });
      const run = runCli(argsOf(command), { cwd });
      expect(run.code, show(run)).toBe(0);
      expect(differences(output, JSON.parse(run.stdout))).toEqual([]);
      if (audit) {
        const rows = auditRows(readFileSync(join(cwd, audit.file), 'utf8'), audit.indicators);
        const wanted = audit.rows.map((r) => [r.indicator, r.period, r.unit_id, r.role, r.rule].join(',')).sort();
        expect(rows).toEqual(wanted);
      }
    } finally {
      if (audit) rmSync(cwd, { recursive: true, force: true });
    }
  });
});
