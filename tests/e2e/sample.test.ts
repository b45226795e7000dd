// `triple-aim sample` run as the built binary (npm test builds first): files, exit codes and
// messages for bad options (SPEC §1.1, §1.5: usage errors exit 2 without a stack trace).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/triple-aim.js', import.meta.url));
const FILES = ['admissions', 'referrals', 'smoking', 'lup', 'population', 'measurements', 'baselines'];

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const shown = `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, shown };
}

const scratchDirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'triple-aim-e2e-sample-'));
  scratchDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').length;

describe('triple-aim sample', () => {
  it('writes all seven extracts into --out (created if missing), rows per --scale, a summary on stderr only', () => {
    const out = join(scratch(), 'nested', 'set');
    const r = run('sample', '--out', out, '--scale', '0.2');
    expect(r.code, r.shown).toBe(0);
    expect(r.stdout, r.shown).toBe('');
    for (const f of FILES) expect(existsSync(join(out, `${f}.csv`)), f).toBe(true);
    // Header + 5000 × 0.2 = 1000 admissions; header + 2500 × 0.2 = 500 answers.
    expect(lines(join(out, 'admissions.csv'))).toBe(1001);
    expect(lines(join(out, 'lup.csv'))).toBe(501);
    expect(r.stderr).toMatch(/admissions\.csv \(1000 rows\)/);
    // No temporary file is left behind.
    expect(existsSync(join(out, 'admissions.csv.partial'))).toBe(false);
  });

  it('is reproducible: the same --seed gives identical files, another seed different ones', () => {
    const a = scratch();
    const b = scratch();
    const c = scratch();
    expect(run('sample', '--out', a, '--seed', '5', '--scale', '0.1').code).toBe(0);
    expect(run('sample', '--out', b, '--seed', '5', '--scale', '0.1').code).toBe(0);
    expect(run('sample', '--out', c, '--seed', '6', '--scale', '0.1').code).toBe(0);
    for (const f of FILES) {
      expect(readFileSync(join(a, `${f}.csv`), 'utf8'), f).toBe(readFileSync(join(b, `${f}.csv`), 'utf8'));
    }
    expect(readFileSync(join(a, 'admissions.csv'), 'utf8')).not.toBe(readFileSync(join(c, 'admissions.csv'), 'utf8'));
  });

  it('the default seed and scale write what data-samples/ holds', () => {
    const out = scratch();
    expect(run('sample', '--out', out).code).toBe(0);
    const committed = fileURLToPath(new URL('../../data-samples', import.meta.url));
    for (const f of FILES) {
      expect(readFileSync(join(out, `${f}.csv`), 'utf8') === readFileSync(join(committed, `${f}.csv`), 'utf8'), f).toBe(true);
    }
  });

  it.each([
    [['sample'], /--out/],
    [['sample', '--out', 'x', '--scale', '0'], /option '--scale <k>' argument '0' is invalid\. expected a positive number/],
    [['sample', '--out', 'x', '--scale', '-2'], /option '--scale <k>' argument '-2' is invalid\. expected a positive number/],
    [['sample', '--out', 'x', '--scale', 'big'], /option '--scale <k>' argument 'big' is invalid\. expected a positive number/],
    [['sample', '--out', 'x', '--seed', '1.5'], /option '--seed <n>' argument '1\.5' is invalid\. expected a whole number/],
    [['sample', '--out', 'x', '--seed', 'abc'], /option '--seed <n>' argument 'abc' is invalid\. expected a whole number/],
    [['sample', '--out', 'x', '--bogus'], /unknown option/],
  ])('usage error %j exits 2 with a message and no stack trace', (args, message) => {
    const r = run(...args);
    expect(r.code, r.shown).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an --out that is a file exits 2 naming the folder, no stack trace', () => {
    const file = join(scratch(), 'not-a-folder');
    writeFileSync(file, 'x');
    const r = run('sample', '--out', file);
    expect(r.code, r.shown).toBe(2);
    expect(r.stderr).toContain(`--out: cannot write to "${file}"`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help shows the options and examples', () => {
    const r = run('sample', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--out <dir>/);
    expect(r.stdout).toMatch(/--seed <n>/);
    expect(r.stdout).toMatch(/--scale <k>/);
    expect(r.stdout).toMatch(/triple-aim sample --out/);
  });
});
