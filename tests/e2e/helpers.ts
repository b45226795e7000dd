// Running the built binary in end-to-end tests: `runCli(args)` runs `node bin/triple-aim.js …`
// (colour off, no debug stack) and returns its exit code, stdout and stderr. The build is
// refreshed once when dist/ is missing or older than src/ (tsc emits even when other files
// still have type errors). Use `show(result)` as an assertion message so a failure prints
// the whole run.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'triple-aim.js');
const BUILT = join(ROOT, 'dist', 'cli', 'main.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Working folder (default: a fresh scratch folder). */
  cwd?: string;
  /** Bytes for standard input. */
  input?: string | Buffer;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let built = false;

/** Builds dist/ once if it is missing or older than src/; several test workers may call
 *  this at once, so the build runs under a lock folder. */
export function ensureBuilt(): void {
  if (built) return;
  const stale = () => !existsSync(BUILT) || statSync(BUILT).mtimeMs < newestSource(join(ROOT, 'src'));
  if (stale()) {
    const lock = join(tmpdir(), `triple-aim-build-${Buffer.from(ROOT).toString('hex').slice(-16)}.lock`);
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        mkdirSync(lock);
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`could not take the build lock ${lock}`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      }
    }
    try {
      if (stale()) {
        try {
          execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', ROOT], { stdio: 'ignore' });
        } catch {
          // Type errors elsewhere do not stop tsc from emitting; dist/ is checked below.
        }
      }
    } finally {
      rmdirSync(lock);
    }
    if (!existsSync(BUILT)) throw new Error('the build did not produce dist/cli/main.js');
  }
  built = true;
}

/** A new empty folder for one test. */
export function scratchDir(prefix = 'triple-aim-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (name → content) into a new scratch folder and returns its path. */
export function scratchFiles(files: Record<string, string | Buffer>): string {
  const dir = scratchDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Runs `node bin/triple-aim.js ...args` and waits for it to end. */
export function runCli(args: readonly string[], options: RunOptions = {}): RunResult {
  ensureBuilt();
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  if (!options.env || !('TRIPLE_AIM_DEBUG' in options.env)) delete env.TRIPLE_AIM_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? scratchDir(),
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The whole run as text, for assertion messages. */
export function show(r: RunResult): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

/** True when the output contains a JavaScript stack trace line. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(?.*:\d+:\d+\)?$/m.test(text) || /^\s{4}at /m.test(text);
}

/** Parses a command's JSON stdout strictly with its zod contract (src/contracts): a field the
 *  renderer dropped, renamed or added fails the test with zod's list of issues. */
export function parseOutput<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, stdout: string): T {
  const parsed = schema.safeParse(JSON.parse(stdout));
  if (!parsed.success) throw new Error(`the output does not match its contract:\n${JSON.stringify(parsed.error.issues, null, 2).slice(0, 4000)}`);
  return parsed.data;
}

/** The uid and gid of "nobody", for tests that need a user without root's rights. */
export const NOBODY = { uid: 65534, gid: 65534 } as const;

let publicCopy: string | null = null;

/**
 * A copy of the built tool (bin, dist, package.json, the runtime dependencies and the shipped
 * samples) in a folder that "nobody" can reach, for the tests that must run the binary as an
 * unprivileged user to prove a permission for real. The checkout itself may lie under a
 * mode-700 folder (root's home, a `mktemp -d` folder) that such a user cannot enter (issue 19);
 * the copy is made once per test file, under the system's temporary folder (or /tmp when
 * that one is private too), and made readable to all. Returns the copy's root folder.
 */
export function publicToolCopy(): string {
  if (publicCopy !== null) return publicCopy;
  ensureBuilt();
  const reachable = (dir: string) => spawnSync('test', ['-x', dir, '-a', '-r', dir], { ...NOBODY }).status === 0;
  const base = [tmpdir(), '/tmp'].find(reachable);
  if (base === undefined) throw new Error(`no temporary folder that uid ${NOBODY.uid} can enter (tried ${tmpdir()} and /tmp)`);
  const copy = mkdtempSync(join(base, 'triple-aim-public-'));
  for (const part of ['bin', 'dist', 'package.json', 'data-samples']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  // Only the runtime dependencies, as npm lists them (nested ones lie inside the folders copied).
  // npm ls exits 1 when node_modules also holds extraneous packages; its list is still whole.
  const ls = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' });
  if (!ls.stdout) throw new Error(`npm ls listed no runtime dependencies: ${ls.stderr}`);
  const listed = ls.stdout
    .split('\n')
    .filter((p) => p.startsWith(join(ROOT, 'node_modules') + '/'))
    .sort();
  let last = '';
  for (const path of listed) {
    if (last && path.startsWith(last + '/')) continue;
    cpSync(path, join(copy, path.slice(ROOT.length + 1)), { recursive: true });
    last = path;
  }
  execFileSync('chmod', ['-R', 'a+rX', copy]);
  if (!reachable(join(copy, 'dist'))) throw new Error(`uid ${NOBODY.uid} cannot read the copy of the tool in ${copy}`);
  publicCopy = copy;
  return copy;
}

/** Removes the copy made by publicToolCopy (call it in afterAll). */
export function removePublicToolCopy(): void {
  if (publicCopy !== null) rmSync(publicCopy, { recursive: true, force: true });
  publicCopy = null;
}
