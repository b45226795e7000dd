// Where results go (SPEC §1.4, §6.3): the one place that decides the format and the colour,
// checks an --out file before any input is read, and writes a rendered result — to stdout, or
// atomically to --out (a temporary file in the target's folder, then rename), so a reader never
// sees half a report and a failed run leaves no file. Every command that writes goes through
// here, so every command gets the same checks and the same messages.

import { randomBytes } from 'node:crypto';
import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { OutputError, UsageError } from './errors.js';

/** The format asked for, or the default: a human format when stdout is a terminal, JSON
 *  otherwise (SPEC §1.4). */
export function chooseFormat<F extends string>(requested: F | undefined, defaults: { terminal: F; pipe: F }): F {
  if (requested !== undefined) return requested;
  return process.stdout.isTTY === true ? defaults.terminal : defaults.pipe;
}

/** Colour only on a terminal, never into a file, and not with --no-color or NO_COLOR (clig.dev). */
export function colourEnabled(flag: boolean, out?: string): boolean {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return flag && out === undefined && process.stdout.isTTY === true && !noColor;
}

/** The options of every command that writes a result. */
export interface OutputOptions {
  out?: string;
  quiet?: boolean;
}

/** Adds --out FILE and --quiet, worded the same in every command. */
export function addOutputOptions(cmd: Command, what = 'the result'): Command {
  return cmd
    .option('--out <file>', `write ${what} to this file (atomically; never over an input) instead of standard output`)
    .option('--quiet', 'no "wrote FILE" line on standard error after --out');
}

/** Where --out writes: `path` is the file replaced (the target of a symbolic link), `given`
 *  the name the user typed; `direct` is set for a device or pipe (/dev/null, a FIFO), which
 *  is written in place because it cannot be replaced by a rename. */
export interface OutTarget {
  given: string;
  path: string;
  direct: boolean;
  /** `given` is a symbolic link: `path` is its target. */
  throughLink: boolean;
}

/**
 * Checks --out before any input is read (SPEC §6.3): the folder must exist, be a folder and be
 * writable; the file must not be a folder nor any input of the run (compared as files, after
 * resolving symbolic links — hard links and links to links included). Throws a UsageError
 * (exit 2). Returns null when the result goes to stdout (no --out, or "-").
 */
export function checkOut(out: string | undefined, inputs: readonly string[] = []): OutTarget | null {
  if (out === undefined || out === '-') return null;
  if (out === '') throw new UsageError('--out: the file name is empty');
  const target = resolveOut(out);
  const written = statOrNull(target.path);
  if (written) {
    for (const input of inputs) {
      if (input === '-') continue;
      const read = statOrNull(input);
      if (read && read.dev === written.dev && read.ino === written.ino) {
        throw new UsageError(
          `--out: "${out}" is an input of this run (${input}); writing the report there would destroy it: choose another file`,
        );
      }
    }
  }
  return target;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function resolveOut(out: string): OutTarget {
  const existing = statOrNull(out); // follows symbolic links
  if (existing?.isDirectory()) throw new UsageError(`--out: "${out}" is a folder; give a file name`);
  if (existing && !existing.isFile()) {
    // A device or a pipe: written in place (there is nothing to replace atomically).
    try {
      accessSync(out, constants.W_OK);
    } catch (e) {
      throw new UsageError(`--out: "${out}" is not writable (${codeOf(e)})`);
    }
    return { given: out, path: out, direct: true, throughLink: false };
  }
  // A regular file, a new file, or a symbolic link (perhaps to a file not yet written): the
  // file finally named is what the rename replaces, so the link itself stays a link.
  const path = followLinks(resolve(out), out);
  // Name the folder as the user wrote it, unless a link led elsewhere.
  checkFolder(dirname(path), path === resolve(out) ? dirname(out) : dirname(path), out);
  return { given: out, path: join(realpathSync(dirname(path)), basename(path)), direct: false, throughLink: path !== resolve(out) };
}

/** The path a chain of symbolic links ends at, even when its last target does not exist. */
function followLinks(path: string, given: string): string {
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(path).isSymbolicLink()) return path;
      link = readlinkSync(path);
    } catch {
      return path; // does not exist (yet): the folder check below says what is wrong
    }
    // A relative link is relative to the folder that really holds it (not lexically: the
    // folder may itself be reached through a link).
    let folder = dirname(path);
    try {
      folder = realpathSync(folder);
    } catch {
      // a folder that does not exist: the folder check says so
    }
    path = resolve(folder, link);
  }
  throw new UsageError(`--out: "${given}": too many levels of symbolic links`);
}

function checkFolder(folder: string, shown: string, given: string): void {
  let stats: Stats;
  try {
    stats = statSync(folder);
  } catch (e) {
    if (codeOf(e) === 'ENOTDIR') throw new UsageError(`--out: "${shown}" is not a folder (in "${given}")`);
    throw new UsageError(`--out: the folder "${shown}" does not exist (in "${given}")`);
  }
  if (!stats.isDirectory()) throw new UsageError(`--out: "${shown}" is not a folder (in "${given}")`);
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new UsageError(`--out: the folder "${shown}" is not writable (${codeOf(e)}; in "${given}")`);
  }
}

function codeOf(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? String(e);
}

/** "no space left on device (ENOSPC)" from Node's "ENOSPC: no space left on device, write". */
function describeSystemError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const text = String(err?.message ?? e)
    .replace(/^[A-Z0-9_]+: /, '')
    .replace(/, (write|open|rename|close|fsync)\b.*$/, '');
  return err?.code ? `${text} (${err.code})` : text;
}

/**
 * Writes a rendered result to stdout or to --out. `out` is the --out value (checked again
 * here, so a command that forgot checkOut still gets the folder checks), or a target from
 * checkOut. On success with --out, one line on stderr names the file, unless `quiet`.
 * Failures are OutputErrors (exit 1, one line); a closed stdout ends the run quietly.
 */
export async function writeResult(text: string, out?: string | OutTarget | null, options: { quiet?: boolean } = {}): Promise<void> {
  const target = typeof out === 'string' || out === undefined ? checkOut(out) : out;
  if (target === null) {
    await writeStdout(text);
    return;
  }
  if (target.direct) {
    try {
      await writeFile(target.path, text);
    } catch (e) {
      throw new OutputError(`triple-aim: cannot write "${target.given}": ${describeSystemError(e)}`);
    }
  } else {
    const tmp = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(tmp, text);
      await rename(tmp, target.path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw new OutputError(`triple-aim: cannot write "${target.given}": ${describeSystemError(e)}; nothing was written`);
    }
  }
  if (!options.quiet) {
    const through = target.throughLink ? ` (through the link to ${target.path})` : '';
    process.stderr.write(`wrote ${target.given}${through}\n`);
  }
}

// --- standard output -------------------------------------------------------------------

/** The first stdout error that was not a closed pipe, seen by the stream's 'error' event. */
let stdoutFailure: NodeJS.ErrnoException | null = null;
/** A writeResult has already turned a stdout error into its one line. */
let stdoutFailureReported = false;

/**
 * Installs the stdout error handler (once, from main): a closed pipe (`| head`) ends the run
 * quietly with exit 0 (SPEC §1.5); any other error (a full disk) is kept, so that main can end
 * with one line and exit 1 instead of an uncaught exception's stack trace (SPEC §6.3).
 */
export function watchStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    stdoutFailure ??= err;
  });
}

/** A stdout write failure that no writeResult reported (e.g. --help into a full disk). */
export function unreportedStdoutFailure(): OutputError | null {
  return stdoutFailure && !stdoutFailureReported ? stdoutError(stdoutFailure) : null;
}

function stdoutError(e: unknown): OutputError {
  return new OutputError(`triple-aim: cannot write to standard output: ${describeSystemError(e)}`);
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const fail = (err: NodeJS.ErrnoException) => {
      // A closed pipe is not a failure: main ends the run quietly (SPEC §1.5).
      if (err.code === 'EPIPE') reject(err);
      else {
        stdoutFailureReported = true; // reported here, not again by main
        reject(stdoutError(err));
      }
    };
    try {
      process.stdout.write(text, (err) => (err ? fail(err) : resolvePromise()));
    } catch (err) {
      fail(err as NodeJS.ErrnoException);
    }
  });
}
