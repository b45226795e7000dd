// Safe output end to end (SPEC §6.3, §1.5): a full disk is one line and exit 1 for every
// command that writes, a closed pipe a quiet exit 0; --out never writes over an input, writes
// through a symbolic link, refuses a missing, non-folder or unwritable folder before anything
// is read, and says where the file went unless --quiet.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, hasStackTrace, NOBODY, publicToolCopy, removePublicToolCopy, ROOT, runCli, scratchDir, scratchFiles, show, type RunResult } from './helpers.js';

const SAMPLES = join(ROOT, 'data-samples');
const EX1 = join(ROOT, 'tests', 'fixtures', 'examples', 'episodes-and-readmissions');
const QUICK = ['--indicators', 'readmission-30d', '--period', '2017-04', '--min-cell', '0'];

beforeAll(() => ensureBuilt(), 180_000);

/** Runs the binary with stdout sent to /dev/full (every write fails with ENOSPC). */
function intoFullDisk(args: readonly string[]): RunResult {
  const r = spawnSync('bash', ['-c', 'exec node "$0" "$@" > /dev/full', BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TRIPLE_AIM_DEBUG: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('a full disk on stdout: exactly one line on stderr and exit 1, never a stack trace (SPEC §6.3)', () => {
  it.each([
    [['indicators', '--format', 'json']],
    [['indicators', 'readmission-30d', '--format', 'table']],
    [['schema']],
    [['validate', '--data', EX1, '--format', 'json']],
    [['compute', '--data', EX1, ...QUICK, '--format', 'json']],
    [['compute', '--data', EX1, ...QUICK, '--format', 'csv']],
    [['compute', '--help']],
  ])('%j > /dev/full', (args) => {
    const r = intoFullDisk(args);
    expect(r.code, show(r)).toBe(1);
    expect(hasStackTrace(r.stderr), show(r)).toBe(false);
    expect(r.stderr).toBe('triple-aim: cannot write to standard output: no space left on device (ENOSPC)\n');
  });

  it('--out onto a full device is the same: one line naming the file, exit 1', () => {
    const r = runCli(['compute', '--data', EX1, ...QUICK, '--format', 'json', '--out', '/dev/full']);
    expect(r.code, show(r)).toBe(1);
    expect(r.stderr).toBe('triple-aim: cannot write "/dev/full": no space left on device (ENOSPC)\n');
  });

  it('the line comes after the warnings printed before the write', () => {
    // --skip-invalid warns about the left-out row before the report is written.
    const csv = readFileSync(join(EX1, 'admissions.csv'), 'utf8').replace('2017-04-05 14:00', '2017-13-05 14:00');
    const dir = scratchFiles({ 'admissions.csv': csv });
    const r = intoFullDisk(['compute', '--data', dir, ...QUICK, '--skip-invalid', '--format', 'json']);
    expect(r.code, show(r)).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^warning: .*1 invalid row left out/);
    expect(lines[1]).toBe('triple-aim: cannot write to standard output: no space left on device (ENOSPC)');
  });
});

describe('a closed pipe stays a quiet exit 0 (SPEC §1.5)', () => {
  it.each([[['indicators', '--format', 'json']], [['schema']], [['compute', '--data', SAMPLES, '--format', 'json', '--by', 'municipality,sex']]])(
    '%j | head -n 1',
    (args) => {
      const r = spawnSync('bash', ['-c', 'set -o pipefail; node "$0" "$@" | head -n 1', BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^[{\[]/);
      expect(r.stderr).not.toMatch(/cannot write|Error/);
    },
  );
});

describe('--out never writes over an input of the run (SPEC §6.3)', () => {
  it('--out naming an extract of --data is a usage error (exit 2) and the extract is untouched', () => {
    const dir = scratchFiles({ 'admissions.csv': readFileSync(join(EX1, 'admissions.csv')) });
    const before = readFileSync(join(dir, 'admissions.csv'));
    const r = runCli(['compute', '--data', dir, '--out', join(dir, 'admissions.csv'), '--format', 'json']);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/^triple-aim: --out: ".*admissions\.csv" is an input of this run/);
    expect(readFileSync(join(dir, 'admissions.csv')).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['admissions.csv']);
  });

  it('is checked before reading: an invalid extract as --out gives exit 2, not the exit 1 of its bad rows', () => {
    const dir = scratchFiles({ 'admissions.csv': 'admission_id,patient_id\n1,2\n' });
    const r = runCli(['compute', '--admissions', join(dir, 'admissions.csv'), '--out', join(dir, 'admissions.csv')]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).not.toMatch(/missing/);
  });

  it('paths are compared after resolving symbolic links (and folders reached through links)', () => {
    const dir = scratchFiles({ 'admissions.csv': readFileSync(join(EX1, 'admissions.csv')) });
    symlinkSync(join(dir, 'admissions.csv'), join(dir, 'report.json'));
    symlinkSync(dir, join(dir, 'again'));
    for (const out of [join(dir, 'report.json'), join(dir, 'again', 'admissions.csv'), join(dir, '.', 'again', '..', 'admissions.csv')]) {
      const r = runCli(['compute', '--data', dir, '--out', out]);
      expect(r.code, show(r)).toBe(2);
      expect(r.stderr).toContain('is an input of this run');
    }
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'admissions.csv'), 'utf8')).toBe(readFileSync(join(EX1, 'admissions.csv'), 'utf8'));
  });

  it('validate refuses it too, as every command that writes does', () => {
    const dir = scratchFiles({ 'admissions.csv': readFileSync(join(EX1, 'admissions.csv')) });
    const r = runCli(['validate', '--data', dir, '--out', join(dir, 'admissions.csv')]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toContain('is an input of this run');
  });
});

describe('--out through a symbolic link (SPEC §6.3)', () => {
  it('writes the target and leaves the link a link', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync('target.json', join(dir, 'latest.json'));
    const r = runCli(['compute', '--data', EX1, ...QUICK, '--format', 'json', '--out', join(dir, 'latest.json')]);
    expect(r.code, show(r)).toBe(0);
    expect(lstatSync(join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'latest.json'))).toBe('target.json');
    expect(JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8')).schema_version).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['latest.json', 'target.json']); // no temporary file left
  });

  it('a relative link is followed from the folder that really holds it, also when that folder is reached through a link', () => {
    // dir/alias → dir/real/sub; dir/real/sub/latest.json → ../target.json = dir/real/target.json
    // (a lexical reading of alias/../target.json would wrongly give dir/target.json).
    const dir = scratchDir();
    mkdirSync(join(dir, 'real', 'sub'), { recursive: true });
    symlinkSync(join(dir, 'real', 'sub'), join(dir, 'alias'));
    symlinkSync('../target.json', join(dir, 'real', 'sub', 'latest.json'));
    const r = runCli(['schema', 'report', '--out', join(dir, 'alias', 'latest.json')]);
    expect(r.code, show(r)).toBe(0);
    expect(existsSync(join(dir, 'real', 'target.json'))).toBe(true);
    expect(existsSync(join(dir, 'target.json'))).toBe(false);
    expect(r.stderr).toBe(`wrote ${join(dir, 'alias', 'latest.json')} (through the link to ${join(dir, 'real', 'target.json')})\n`);
  });

  it('a link to a file not written yet creates that file', () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'reports'));
    symlinkSync(join(dir, 'reports', 'new.json'), join(dir, 'latest.json'));
    const r = runCli(['schema', 'report', '--out', join(dir, 'latest.json')]);
    expect(r.code, show(r)).toBe(0);
    expect(lstatSync(join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'new.json'), 'utf8')).$schema).toMatch(/2020-12/);
  });
});

describe('a bad --out folder is a usage error before any input is read (SPEC §6.3)', () => {
  // The input is invalid: reading it would end with exit 1, so exit 2 shows the check came first.
  const badInput = () => scratchFiles({ 'admissions.csv': 'admission_id,patient_id\n1,2\n' });

  it('a missing folder', () => {
    const dir = badInput();
    const r = runCli(['compute', '--data', dir, '--out', join(dir, 'no-such-folder', 'r.json')]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toBe(
      `triple-aim: --out: the folder "${join(dir, 'no-such-folder')}" does not exist (in "${join(dir, 'no-such-folder', 'r.json')}")\n(run with --help for usage)\n`,
    );
  });

  it('a "folder" that is a file', () => {
    const dir = badInput();
    const r = runCli(['compute', '--data', dir, '--out', join(dir, 'admissions.csv', 'r.json')]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toMatch(/^triple-aim: --out: ".*admissions\.csv" is not a folder/);
    expect(r.stderr).not.toMatch(/ENOTDIR|ENOENT/);
  });

  it('a folder as the file', () => {
    const dir = badInput();
    const r = runCli(['compute', '--data', dir, '--out', dir]);
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toContain('is a folder; give a file name');
  });

  afterAll(removePublicToolCopy, 120_000);

  it('an unwritable folder (checked as an unprivileged user, wherever the checkout lies)', () => {
    // root writes anywhere, so as root the binary runs as "nobody" and the permission is real;
    // it runs from a copy "nobody" can reach, since the checkout may be under a mode-700 folder.
    const asRoot = process.getuid?.() === 0;
    const tool = asRoot ? publicToolCopy() : ROOT;
    const dir = asRoot ? mkdtempSync(join(tool, 'scratch-')) : scratchDir();
    chmodSync(dir, 0o777);
    const locked = join(dir, 'locked');
    mkdirSync(locked, 0o555);
    chmodSync(locked, 0o555);
    const args = [join(tool, 'bin', 'triple-aim.js'), 'compute', '--data', join(tool, 'data-samples'), '--out', join(locked, 'r.json')];
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', ...(asRoot ? NOBODY : {}) });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toBe(
      `triple-aim: --out: the folder "${locked}" is not writable (EACCES; in "${join(locked, 'r.json')}")\n(run with --help for usage)\n`,
    );
    expect(existsSync(join(locked, 'r.json'))).toBe(false);
    // A writable folder beside it takes the same run: the refusal above came from the permission alone.
    if (asRoot) {
      const again = spawnSync(process.execPath, [...args.slice(0, -1), join(dir, 'r.json'), '--indicators', 'readmission-30d'], { cwd: dir, encoding: 'utf8', ...NOBODY });
      expect(again.status, again.stderr).toBe(0);
    }
  });
});

describe('--out says where the file went; --quiet keeps quiet (SPEC §6.3)', () => {
  it.each([
    [['compute', '--data', EX1, ...QUICK, '--format', 'json']],
    [['validate', '--data', EX1, '--format', 'json']],
    [['indicators', '--format', 'json']],
    [['schema']],
  ])('%j --out FILE: one stderr line naming the file, nothing on stdout', (args) => {
    const out = join(scratchDir(), 'out.txt');
    const r = runCli([...args, '--out', out]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('wrote '))).toEqual([`wrote ${out}`]);
    expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
    const quiet = runCli([...args, '--out', out, '--quiet']);
    expect(quiet.code, show(quiet)).toBe(0);
    expect(quiet.stderr).not.toMatch(/wrote/);
  });
});
