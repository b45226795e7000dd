// Writing a rendered report: to stdout with back-pressure, or atomically to --out (a temporary
// file in the same folder, then rename), so a reader never sees half a report and a failed run
// leaves no file (SPEC §1.4).

import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors.js';

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
