// The errors a command may end with; only src/cli/main.ts turns them into text and exit codes.

import { RangeProblem } from '../engine/data-range.js';

/** Exit 2: bad usage (unknown option, bad period, unknown indicator id). */
export class UsageError extends Error {}

/** Exit 1: bad input data; `lines` are printed to stderr as they are. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly lines: readonly string[] = [message],
  ) {
    super(message);
  }
}

/** Exit 1 too: the result could not be written (a full disk, an unwritable file; SPEC §6.3).
 *  One line, no stack trace. */
export class OutputError extends InputError {}

/** The value of a data range rule (src/engine/data-range.ts), or its problem as a usage error:
 *  the periods asked for, or left to default, do not fit the data (SPEC §1.5: exit 2). */
export function inRange<T>(value: T | RangeProblem): T {
  if (value instanceof RangeProblem) throw new UsageError(value.message);
  return value;
}

export const EXIT = {
  ok: 0,
  badInput: 1,
  usage: 2,
  gate: 3,
  internal: 4,
} as const;
