#!/usr/bin/env node
// npm run bench — SPEC §5: times `triple-aim compute` for all indicators by year on generated
// data (1,000,000 admissions, 200,000 referrals, 100,000 smoking courses, 500,000 LUP answers),
// per extract and together, and on 100,000 admissions so growth can be seen. Prints rows/s,
// MB/s, wall time and peak RSS of each run. Data are generated once with `triple-aim sample`
// and cached in .bench/ (delete it to regenerate). Not part of `npm test`: it is not a timed test.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'triple-aim.js');
const CACHE = join(ROOT, '.bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function sampleSet(scale) {
  const dir = join(CACHE, `scale-${scale}`);
  const stamp = join(dir, '.complete');
  if (!existsSync(stamp)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`generating scale ${scale} into ${dir} …\n`);
    execFileSync(process.execPath, [BIN, 'sample', '--out', dir, '--scale', String(scale), '--seed', '1'], { stdio: 'inherit' });
    writeFileSync(stamp, new Date(0).toISOString());
  }
  return dir;
}

function rows(path) {
  // Count newlines without holding the file: good enough for generated files (no quoted newlines).
  const out = execFileSync('wc', ['-l', path], { encoding: 'utf8' });
  return Number(out.trim().split(/\s+/)[0]) - 1;
}

/** One run of compute in a child process; wall time and the child's peak RSS (from the launcher). */
function timeCompute(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'measure.mjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`compute failed (${r.status}): ${r.stderr}`);
  const m = /BENCH (\{.*\})/.exec(r.stderr);
  return { seconds, maxRssMb: m ? JSON.parse(m[1]).maxRssKb / 1024 : NaN };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bench(label, files, extraArgs = []) {
  const args = ['compute', ...files.flatMap(([flag, path]) => [flag, path]), '--format', 'json', '--out', join(CACHE, 'out.json'), ...extraArgs];
  const runs = Array.from({ length: RUNS }, () => timeCompute(args));
  const seconds = median(runs.map((r) => r.seconds));
  const rss = Math.max(...runs.map((r) => r.maxRssMb));
  const dataFiles = files.filter(([flag]) => flag !== '--population');
  const n = dataFiles.reduce((s, [, p]) => s + rows(p), 0);
  const mb = dataFiles.reduce((s, [, p]) => s + statSync(p).size / 1e6, 0);
  const line = {
    run: label,
    rows: n,
    MB: +mb.toFixed(1),
    'wall s (median)': +seconds.toFixed(2),
    'rows/s': Math.round(n / seconds),
    'MB/s': +(mb / seconds).toFixed(1),
    'peak RSS MB': Math.round(rss),
  };
  console.log(JSON.stringify(line));
  return line;
}

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
const big = sampleSet(200);
const small = sampleSet(20);
const f = (dir, name) => [`--${name}`, join(dir, `${name}.csv`)];
const pop = (dir) => f(dir, 'population');

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; median of ${RUNS} runs`);
const table = [
  bench('admissions 100,000', [f(small, 'admissions'), pop(small)]),
  bench('admissions 1,000,000', [f(big, 'admissions'), pop(big)]),
  bench('referrals 200,000', [f(big, 'referrals')]),
  bench('smoking 100,000', [f(big, 'smoking')]),
  bench('lup 500,000', [f(big, 'lup')]),
  bench('all 1,800,000', [f(big, 'admissions'), f(big, 'referrals'), f(big, 'smoking'), f(big, 'lup'), pop(big), f(big, 'measurements')]),
];
console.table(table);
const a = table[0];
const b = table[1];
console.log(`growth 100k → 1M admissions: ${(b['wall s (median)'] / a['wall s (median)']).toFixed(1)}× time for 10× rows (linear = 10×, start-up included)`);
const all = table[5];
const ok = all['wall s (median)'] < 30 && b['wall s (median)'] < 15 && Math.max(...table.map((t) => t['peak RSS MB'])) < 1024;
console.log(`SPEC §5: all < 30 s, admissions < 15 s, peak < 1 GB: ${ok ? 'met' : 'NOT met'}`);

