// Where results go (SPEC §1.4): the one place that decides the format and the colour, and that
// writes a rendered result — to stdout with back-pressure, or atomically to --out (a temporary
// file in the same folder, then rename), so a reader never sees half a report and a failed run
// leaves no file.

import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

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

export async function writeResult(text: string, out?: string): Promise<void> {
  if (out === undefined || out === '-') {
    await writeStdout(text);
    return;
  }
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    throw new InputError(`--out: cannot write "${out}": ${err.code ?? err.message}`);
  }
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}
