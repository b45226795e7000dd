#!/usr/bin/env node
// npm run bench — SPEC §5 and §12. Generates the data once with `triple-aim sample` (cached in
// .bench/; delete it to regenerate) and measures, each in a child process, the median wall time
// of BENCH_RUNS runs (default 5), the median CPU time (all threads) and the peak RSS:
//
//   1. readmission-30d over 1,000,000 admissions against DuckDB computing the same definition
//      in SQL on the same file (scripts/duckdb-readmission.mjs, the yardstick of
//      ../shared/bench/), run alternately; their figures must agree; the ratio is printed.
//   2. all indicators over the whole SPEC §5 set (1,000,000 admissions, 200,000 referrals,
//      100,000 smoking courses, 500,000 LUP answers): < 6 s, peak RSS < 400 MB.
//   3. monitor, 48 months × 19 municipalities, all indicators, on the §5 set: < 15 s.
//   4. 10,000,000 admissions (`sample --scale 2000`): ≤ 11 × the time of 1,000,000, < 2.5 GB
//      (BENCH_10M=0 leaves it out: generating the set takes a few minutes and 1.6 GB of disk).
//   5. each extract alone, and 100,000 admissions, for throughput and growth.
//   7. SPEC §16: `--engine duckdb` on the §5 set in Parquet (the counted extracts converted
//      once with DuckDB's COPY into .bench/scale-200-parquet, typed as DuckDB's CSV reader
//      detects them): < 6 s for every indicator, its results equal to --engine ts's; beside it
//      --engine duckdb on the CSV files and --engine ts. BENCH_ONLY=duckdb runs this section
//      alone. BENCH_BIG=1 adds 10,000,000 and 50,000,000 admissions (`sample --scale 2000`
//      and `--scale 10000`: sample writes every extract, the runs read the admissions and
//      the population): readmission-30d and all admission indicators with --engine ts and
//      --engine duckdb on CSV and Parquet (BENCH_BIG=10 stops after the 10 M set; the 50 M
//      set needs ≈ 9 GB of disk for its CSV and takes long to generate).
//   6. SPEC §16: 1,000,000 LPR3 contacts (`sample --contacts --scale 200`, ≈ 400,000 stays),
//      every indicator under each profile (--profile rm-2015-2018, --profile national):
//      < 8 s and < 600 MB each, and beside each the same with --engine duckdb (no bar); and reading alone, `validate --contacts` against `validate
//      --admissions` on 1,000,000 rows each. BENCH_ONLY=contacts runs this section alone.
//
// The machine may be shared: runs of the two sides alternate, and CPU time is printed beside
// wall time (less sensitive to other load). Not part of `npm test`: it is not a timed test.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'triple-aim.js');
const MEASURE = join(ROOT, 'scripts', 'measure.mjs');
const DUCKDB = join(ROOT, 'scripts', 'duckdb-readmission.mjs');
const SHARED_DUCKDB = join(ROOT, '..', 'shared', 'bench', 'duckdb_readmission.mjs');
const CACHE = join(ROOT, '.bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TEN_MILLION = process.env.BENCH_10M !== '0';

const ONLY_CONTACTS = process.env.BENCH_ONLY === 'contacts';
const ONLY_DUCKDB = process.env.BENCH_ONLY === 'duckdb';
const BIG = process.env.BENCH_BIG;

/** The sample set of `scale` (with contacts.csv in place of admissions.csv when `contacts`). */
function sampleSet(scale, contacts = false) {
  const dir = join(CACHE, `scale-${scale}${contacts ? '-contacts' : ''}`);
  const stamp = join(dir, '.complete');
  if (!existsSync(stamp)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`generating scale ${scale}${contacts ? ' (contacts)' : ''} into ${dir} …\n`);
    const args = [BIN, 'sample', '--out', dir, '--scale', String(scale), '--seed', '1', ...(contacts ? ['--contacts'] : [])];
    execFileSync(process.execPath, args, { stdio: 'inherit' });
    writeFileSync(stamp, new Date(0).toISOString());
  }
  return dir;
}

/** One run in a child process: wall time, and the child's CPU time and peak RSS. */
function measure(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [MEASURE, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /BENCH (\{.*\})/.exec(r.stderr);
  const stats = m ? JSON.parse(m[1]) : { maxRssKb: NaN, cpuMs: NaN };
  return { seconds, cpu: stats.cpuMs / 1000, rssMb: stats.maxRssKb / 1024, stdout: r.stdout };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Medians of `runs` runs of each command, the commands taking turns. */
function alternate(commands, runs = RUNS) {
  const all = commands.map(() => []);
  for (let r = 0; r < runs; r++) commands.forEach((c, i) => all[i].push(measure(c)));
  return all.map((rs) => ({
    runs: rs,
    seconds: median(rs.map((x) => x.seconds)),
    cpu: median(rs.map((x) => x.cpu)),
    rssMb: Math.max(...rs.map((x) => x.rssMb)),
  }));
}

const compute = (files, extra = []) => ['compute', ...files.flatMap(([flag, path]) => [flag, path]), '--format', 'json', '--out', join(CACHE, 'out.json'), ...extra];
const f = (dir, name) => [`--${name}`, join(dir, `${name}.csv`)];
const s2 = (x) => x.toFixed(2);
const mb = (x) => Math.round(x);
const verdict = (ok) => (ok ? 'met' : 'NOT met');

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
const ONLY = ONLY_CONTACTS || ONLY_DUCKDB;
const big = sampleSet(200);
const small = ONLY ? null : sampleSet(20);
const huge = TEN_MILLION && !ONLY ? sampleSet(2000) : null;
const lpr3 = ONLY_DUCKDB ? null : sampleSet(200, true);

/** The set of `dir` with the extracts DuckDB counts as Parquet (typed as DuckDB's CSV reader
 *  detects them) and the others linked as CSV; made once, in .bench (never in git). */
function parquetSet(dir, names = ['admissions', 'referrals', 'smoking', 'lup']) {
  const out = `${dir}-parquet`;
  const stamp = join(out, '.complete');
  if (!existsSync(stamp)) {
    mkdirSync(out, { recursive: true });
    process.stderr.write(`converting ${names.join(', ')} of ${dir} to Parquet into ${out} …\n`);
    const script = names
      .map((n) => `COPY (SELECT * FROM read_csv('${join(dir, `${n}.csv`)}', header = true)) TO '${join(out, `${n}.parquet`)}' (FORMAT parquet);`)
      .join('\n');
    execFileSync(process.execPath, ['--input-type=module', '-e', `
      import { DuckDBInstance } from '@duckdb/node-api';
      const db = await DuckDBInstance.create(':memory:');
      const con = await db.connect();
      await con.run(${JSON.stringify(script)});
    `], { cwd: ROOT, stdio: 'inherit' });
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.csv') || names.includes(file.replace(/\.csv$/, ''))) continue;
      if (!existsSync(join(out, file))) symlinkSync(join(dir, file), join(out, file));
    }
    writeFileSync(stamp, new Date(0).toISOString());
  }
  return out;
}

/** Results of two compute outputs equal, inputs[] aside (SPEC §15: the engines agree). */
function sameResults(a, b) {
  const strip = (path) => {
    const r = JSON.parse(readFileSync(path, 'utf8'));
    delete r.inputs;
    return JSON.stringify(r);
  };
  return strip(a) === strip(b);
}

// 7. --engine duckdb (SPEC §15, §16) -----------------------------------------------------------
function duckdbBench() {
  const runs = Math.max(1, Math.min(RUNS, 3));
  const pq = parquetSet(big);
  const out = (name) => join(CACHE, `${name}.json`);
  const run = (data, engine, name, extra = []) => ['compute', '--data', data, '--engine', engine, '--format', 'json', '--out', out(name), ...extra];
  const [parquet, csv, ts] = alternate([run(pq, 'duckdb', 'duckdb-parquet'), run(big, 'duckdb', 'duckdb-csv'), run(big, 'ts', 'ts')], runs);
  const agree = sameResults(out('duckdb-parquet'), out('ts')) && sameResults(out('duckdb-csv'), out('ts'));
  const row = (label, m) => ({ run: label, 'wall s': s2(m.seconds), 'CPU s': s2(m.cpu), 'peak RSS MB': mb(m.rssMb), runs: m.runs.map((r) => s2(r.seconds)).join(' ') });
  console.log(`\n7. --engine duckdb, all indicators, the SPEC §5 set (median of ${runs}; every extract DuckDB reads in Parquet)`);
  console.table([row('--engine duckdb, Parquet', parquet), row('--engine duckdb, CSV', csv), row('--engine ts, CSV', ts)]);
  console.log(`results of both DuckDB runs equal --engine ts's (inputs[] aside): ${agree ? 'yes' : 'NO'}`);
  summary.push(`--engine duckdb, §5 set in Parquet: ${s2(parquet.seconds)} s (< 6 s), peak ${mb(parquet.rssMb)} MB, results equal to --engine ts: ${verdict(parquet.seconds < 6 && agree)}`);
  if (!BIG) return;
  const sets = [[2000, '10,000,000'], ...(BIG === '10' ? [] : [[10000, '50,000,000']])];
  for (const [scale, label] of sets) {
    const csvDir = sampleSet(scale);
    const pqDir = parquetSet(csvDir, ['admissions']);
    const files = (dir, ext) => ['--admissions', join(dir, `admissions.${ext}`), '--population', join(csvDir, 'population.csv')];
    const rows = [];
    for (const [what, extra] of [['readmission-30d', ['--indicators', 'readmission-30d']], ['admission indicators', []]]) {
      const variants = [
        ['--engine ts, CSV', ['compute', ...files(csvDir, 'csv'), '--engine', 'ts', ...extra]],
        ['--engine duckdb, CSV', ['compute', ...files(csvDir, 'csv'), '--engine', 'duckdb', ...extra]],
        ['--engine duckdb, Parquet', ['compute', ...files(pqDir, 'parquet'), '--engine', 'duckdb', ...extra]],
      ];
      const measured = alternate(variants.map(([, args]) => [...args, '--format', 'json', '--out', out('big')]), 1);
      variants.forEach(([engine], i) => rows.push(row(`${label}, ${what}, ${engine}`, measured[i])));
    }
    console.log(`\n7b. ${label} admissions (one run each)`);
    console.table(rows);
    for (const r of rows) summary.push(`${r.run}: ${r['wall s']} s, peak ${r['peak RSS MB']} MB`);
  }
}


console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ` +
    `median of ${RUNS} runs; load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
);
if (existsSync(SHARED_DUCKDB)) {
  const copy = readFileSync(DUCKDB, 'utf8').split('\n').slice(2).join('\n');
  if (copy !== readFileSync(SHARED_DUCKDB, 'utf8')) console.log(`WARNING: ${DUCKDB} differs from ${SHARED_DUCKDB}`);
}
const summary = [];

// 6. LPR3 contacts (SPEC §16) ----------------------------------------------------------------
function contactsBench() {
  const contacts1M = join(lpr3, 'contacts.csv');
  // --profile comes with the stays and profiles of issue 23 (another branch until merged):
  // without it in this build the profile runs are reported as not run, the reading still is.
  const help = execFileSync(process.execPath, [BIN, 'compute', '--help'], { encoding: 'utf8' });
  const hasProfile = /--profile\b/.test(help);
  const runs = Math.max(1, Math.min(RUNS, 3));
  const [readContacts, readAdmissions] = alternate(
    [
      ['validate', '--contacts', contacts1M, '--format', 'json'],
      ['validate', '--admissions', join(big, 'admissions.csv'), '--format', 'json'],
    ],
    runs,
  );
  const rows = [
    { run: 'validate --contacts, 1,000,000 contacts', 'wall s': s2(readContacts.seconds), 'CPU s': s2(readContacts.cpu), 'peak RSS MB': mb(readContacts.rssMb), runs: readContacts.runs.map((r) => s2(r.seconds)).join(' ') },
    { run: 'validate --admissions, 1,000,000 admissions', 'wall s': s2(readAdmissions.seconds), 'CPU s': s2(readAdmissions.cpu), 'peak RSS MB': mb(readAdmissions.rssMb), runs: readAdmissions.runs.map((r) => s2(r.seconds)).join(' ') },
  ];
  summary.push(
    `reading 1,000,000 contacts: ${s2(readContacts.seconds)} s, 1,000,000 admissions: ${s2(readAdmissions.seconds)} s ` +
      `(${(readContacts.seconds / readAdmissions.seconds).toFixed(2)}×; contacts.csv ${mb(statSync(contacts1M).size / 1e6)} MB, admissions.csv ${mb(statSync(join(big, 'admissions.csv')).size / 1e6)} MB)`,
  );
  const everything = ['contacts', 'referrals', 'smoking', 'lup', 'population', 'measurements', 'baselines'].map((n) => f(lpr3, n));
  for (const profile of ['rm-2015-2018', 'national']) {
    if (!hasProfile) {
      summary.push(`all indicators, 1,000,000 contacts, --profile ${profile}: not run (this build has no --profile)`);
      continue;
    }
    // Beside it the same counted by DuckDB (--engine duckdb, the stays chained in SQL): no bar
    // of its own in SPEC §16, measured so the README can say what DuckDB costs on contacts.
    const [m, duck] = alternate([compute(everything, ['--profile', profile]), compute(everything, ['--profile', profile, '--engine', 'duckdb'])], runs);
    rows.push({ run: `compute, all indicators, --profile ${profile}`, 'wall s': s2(m.seconds), 'CPU s': s2(m.cpu), 'peak RSS MB': mb(m.rssMb), runs: m.runs.map((r) => s2(r.seconds)).join(' ') });
    rows.push({ run: `  the same, --engine duckdb`, 'wall s': s2(duck.seconds), 'CPU s': s2(duck.cpu), 'peak RSS MB': mb(duck.rssMb), runs: duck.runs.map((r) => s2(r.seconds)).join(' ') });
    summary.push(`all indicators, 1,000,000 contacts, --profile ${profile}: ${s2(m.seconds)} s (< 8 s), peak ${mb(m.rssMb)} MB (< 600 MB): ${verdict(m.seconds < 8 && m.rssMb < 600)}`);
    summary.push(`  the same with --engine duckdb: ${s2(duck.seconds)} s, peak ${mb(duck.rssMb)} MB (no bar)`);
  }
  console.log(`\n6. LPR3 contacts: 1,000,000 contacts (median of ${runs})`);
  console.table(rows);
}

if (ONLY_DUCKDB) {
  duckdbBench();
  console.log('\nSPEC §16:');
  for (const line of summary) console.log(`  ${line}`);
  process.exit(0);
}

if (ONLY_CONTACTS) {
  contactsBench();
  console.log('\nSPEC §16:');
  for (const line of summary) console.log(`  ${line}`);
  process.exit(0);
}

// 1. readmission-30d against DuckDB --------------------------------------------------------
const admissions1M = join(big, 'admissions.csv');
const readmission = compute([['--admissions', admissions1M]], ['--indicators', 'readmission-30d']);
const [ours, duck] = alternate([readmission, ['--script', DUCKDB, admissions1M]]);
// The yardstick prints "year numerator denominator"; the report gives the same per year.
const report = JSON.parse(readFileSync(join(CACHE, 'out.json'), 'utf8'));
const mine = report.results
  .filter((r) => r.indicator === 'readmission-30d' && Object.keys(r.group).length === 0)
  .map((r) => `${r.period} ${r.numerator} ${r.denominator}`);
const theirs = duck.runs[0].stdout.trim().split('\n');
const agree = mine.join('\n') === theirs.join('\n');
console.log('\n1. readmission-30d, 1,000,000 admissions (alternating runs)');
console.table([
  { run: 'triple-aim', 'wall s': s2(ours.seconds), 'CPU s': s2(ours.cpu), 'peak RSS MB': mb(ours.rssMb), runs: ours.runs.map((r) => s2(r.seconds)).join(' ') },
  { run: 'DuckDB', 'wall s': s2(duck.seconds), 'CPU s': s2(duck.cpu), 'peak RSS MB': mb(duck.rssMb), runs: duck.runs.map((r) => s2(r.seconds)).join(' ') },
]);
console.log(`figures per discharge year agree with DuckDB's: ${agree ? 'yes' : `NO\n  triple-aim: ${mine.join('; ')}\n  DuckDB:     ${theirs.join('; ')}`}`);
const ratio = ours.seconds / duck.seconds;
summary.push(`readmission-30d: ${s2(ours.seconds)} s vs DuckDB ${s2(duck.seconds)} s, ratio ${ratio.toFixed(2)} (≤ 1): ${verdict(ratio <= 1 && agree)}`);

// 2. all indicators over the §5 set --------------------------------------------------------
const allFiles = ['admissions', 'referrals', 'smoking', 'lup', 'population', 'measurements', 'baselines'].map((n) => f(big, n));
const [all] = alternate([compute(allFiles)]);
console.log('\n2. all indicators, the SPEC §5 set');
console.table([{ run: 'all 1,800,000 rows', 'wall s': s2(all.seconds), 'CPU s': s2(all.cpu), 'peak RSS MB': mb(all.rssMb), runs: all.runs.map((r) => s2(r.seconds)).join(' ') }]);
summary.push(`all indicators, §5 set: ${s2(all.seconds)} s (< 6 s), peak ${mb(all.rssMb)} MB (< 400 MB): ${verdict(all.seconds < 6 && all.rssMb < 400)}`);

// 3. monitor -------------------------------------------------------------------------------
const monitorArgs = ['monitor', '--data', big, '--period', '2015-01..2018-12', '--by', 'municipality', '--chart', 'auto', '--format', 'json', '--out', join(CACHE, 'monitor.json')];
const [monitor] = alternate([monitorArgs]);
console.log('\n3. monitor --period 2015-01..2018-12 --by municipality --chart auto, all indicators');
console.table([{ run: '48 months × 19 municipalities', 'wall s': s2(monitor.seconds), 'CPU s': s2(monitor.cpu), 'peak RSS MB': mb(monitor.rssMb), runs: monitor.runs.map((r) => s2(r.seconds)).join(' ') }]);
summary.push(`monitor 48 months × 19 municipalities: ${s2(monitor.seconds)} s (< 15 s): ${verdict(monitor.seconds < 15)}`);

// 4. 10,000,000 admissions ------------------------------------------------------------------
if (huge) {
  const withPopulation = (dir) => [f(dir, 'admissions'), f(dir, 'population')];
  const runs10 = Math.max(1, Math.min(RUNS, 3));
  const [one, ten] = alternate([compute(withPopulation(big)), compute(withPopulation(huge))], runs10);
  const [oneR, tenR] = alternate([readmission, compute([['--admissions', join(huge, 'admissions.csv')]], ['--indicators', 'readmission-30d'])], runs10);
  console.log(`\n4. growth to 10,000,000 admissions (median of ${runs10})`);
  console.table([
    { run: '1M, admission indicators', 'wall s': s2(one.seconds), 'CPU s': s2(one.cpu), 'peak RSS MB': mb(one.rssMb) },
    { run: '10M, admission indicators', 'wall s': s2(ten.seconds), 'CPU s': s2(ten.cpu), 'peak RSS MB': mb(ten.rssMb) },
    { run: '1M, readmission-30d', 'wall s': s2(oneR.seconds), 'CPU s': s2(oneR.cpu), 'peak RSS MB': mb(oneR.rssMb) },
    { run: '10M, readmission-30d', 'wall s': s2(tenR.seconds), 'CPU s': s2(tenR.cpu), 'peak RSS MB': mb(tenR.rssMb) },
  ]);
  const growth = ten.seconds / one.seconds;
  const growthR = tenR.seconds / oneR.seconds;
  summary.push(
    `10,000,000 admissions: ${growth.toFixed(1)}× the time of 1,000,000 (admission indicators; readmission-30d ${growthR.toFixed(1)}×) (≤ 11×), ` +
      `peak ${mb(Math.max(ten.rssMb, tenR.rssMb))} MB (< 2,500 MB): ${verdict(growth <= 11 && growthR <= 11 && Math.max(ten.rssMb, tenR.rssMb) < 2500)}`,
  );
}

// 5. each extract alone ---------------------------------------------------------------------
function rowsOf(path) {
  return Number(execFileSync('wc', ['-l', path], { encoding: 'utf8' }).trim().split(/\s+/)[0]) - 1;
}
const singles = [
  ['admissions 100,000', [f(small, 'admissions'), f(small, 'population')]],
  ['admissions 1,000,000', [f(big, 'admissions'), f(big, 'population')]],
  ['referrals 200,000', [f(big, 'referrals')]],
  ['smoking 100,000', [f(big, 'smoking')]],
  ['lup 500,000', [f(big, 'lup')]],
];
const measured = alternate(singles.map(([, files]) => compute(files)), Math.max(1, Math.min(RUNS, 3)));
console.log('\n5. each extract alone, all its indicators, by year');
console.table(
  singles.map(([label, files], i) => {
    const data = files.filter(([flag]) => flag !== '--population').map(([, p]) => p);
    const rows = data.reduce((n, p) => n + rowsOf(p), 0);
    const size = data.reduce((n, p) => n + statSync(p).size / 1e6, 0);
    const m = measured[i];
    return {
      run: label,
      MB: +size.toFixed(1),
      'wall s': s2(m.seconds),
      'CPU s': s2(m.cpu),
      'rows/s': Math.round(rows / m.seconds),
      'MB/s': +(size / m.seconds).toFixed(1),
      'peak RSS MB': mb(m.rssMb),
    };
  }),
);
console.log(`growth 100,000 → 1,000,000 admissions: ${(measured[1].seconds / measured[0].seconds).toFixed(1)}× the time for 10× the rows (start-up included)`);

contactsBench();
duckdbBench();

console.log(`\nload average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('\nSPEC §12, §16:');
for (const line of summary) console.log(`  ${line}`);
