// The input options every reading command shares (SPEC §1.2), and how they resolve to files.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { EXTRACT_NAMES, type ExtractName } from '../extracts/records.js';
import { extractFileName } from '../extracts/declarations.js';
import { ALL_INDICATOR_IDS } from '../indicators/profiles.js';
import type { ExtractSource, ReadOptions } from '../extracts/load.js';
import { InputError, UsageError } from './errors.js';
import { parseNonNegativeInt } from './selection.js';

export interface InputOptions {
  data?: string;
  admissions?: string;
  contacts?: string;
  referrals?: string;
  smoking?: string;
  lup?: string;
  population?: string;
  measurements?: string;
  baselines?: string;
  delimiter?: string;
  encoding: 'auto' | 'utf8' | 'latin1' | 'cp1252';
  maxErrors: number;
}

export function addInputOptions(cmd: Command): Command {
  cmd.option('--data <dir>', 'folder with the standard file names (admissions.csv or contacts.csv, referrals.csv … baselines.csv, also .csv.gz)');
  for (const name of EXTRACT_NAMES) {
    cmd.option(`--${name} <file>`, `${name} extract (wins over --data; "-" reads standard input)`);
  }
  cmd
    .option('--delimiter <char>', 'field delimiter (default: detected among , ; TAB); "tab" or "\\t" for TAB', parseDelimiter)
    .addOption(
      new Option('--encoding <name>', 'text encoding of the files: auto reads UTF-8, else Windows-1252 (latin1 = cp1252), and UTF-16 when a file starts with its byte-order mark')
        .choices(['auto', 'utf8', 'latin1', 'cp1252'])
        .default('auto'),
    )
    .option('--max-errors <n>', 'how many problems to print (all are counted)', parseNonNegativeInt, 20);
  return cmd;
}

/** --delimiter: one character, or "tab" / "\\t" for TAB. */
export function parseDelimiter(d: string): string {
  if (d === 'tab' || d === '\\t' || d === 'TAB') return '\t';
  if (d.length !== 1) throw new InvalidArgumentError('expected one character (or "tab")');
  return d;
}

/** The files to read: --data's standard names, overridden one by one by --admissions etc.
 *  `parquet` (--engine duckdb, SPEC §15): the extracts also found as NAME.parquet in --data. */
export function resolveSources(opts: InputOptions, parquet: (extract: ExtractName) => boolean = () => false): ExtractSource[] {
  const byName = new Map<ExtractName, string>();
  if (opts.data !== undefined) {
    if (!existsSync(opts.data) || !statSync(opts.data).isDirectory()) {
      throw new InputError(`--data: "${opts.data}" is not a folder`);
    }
    for (const name of EXTRACT_NAMES) {
      const found = [extractFileName(name), `${extractFileName(name)}.gz`, ...(parquet(name) ? [extractFileName(name).replace(/\.csv$/, '.parquet')] : [])]
        .map((file) => join(opts.data!, file))
        .filter((path) => existsSync(path));
      // Both forms present: which one is the extract is not ours to guess (SPEC §6.2). A file
      // named by its own option (--admissions F) replaces both, so then there is no question.
      if (found.length >= 2 && opts[name] === undefined) {
        throw new UsageError(`--data: both ${found.slice(0, -1).join(', ')} and ${found[found.length - 1]} are present; remove one, or name the file with --${name}`);
      }
      // A Parquet file the run would not read is said, not skipped (SPEC §15: --engine duckdb).
      const parquetFile = join(opts.data, extractFileName(name).replace(/\.csv$/, '.parquet'));
      if (found.length === 0 && opts[name] === undefined && !parquet(name) && existsSync(parquetFile)) {
        throw new UsageError(`--data: ${parquetFile} is read only by --engine duckdb, for the extracts its SQL counts; give ${extractFileName(name)} or use --engine duckdb`);
      }
      if (found.length > 0) byName.set(name, found[0]);
    }
  }
  let stdinUsers = 0;
  for (const name of EXTRACT_NAMES) {
    const given = opts[name];
    if (given === undefined) continue;
    if (given === '-') stdinUsers++;
    byName.set(name, given);
  }
  if (stdinUsers > 1) throw new UsageError('only one extract can be read from standard input ("-") per run');
  // SPEC §14.1: the hospital data come as admissions (LPR2) or as contacts (LPR3), never both,
  // wherever each was found (--data, its own option, or one of each): which one the admission
  // indicators should count is not ours to guess.
  const admissions = byName.get('admissions');
  const contacts = byName.get('contacts');
  if (admissions !== undefined && contacts !== undefined) {
    throw new UsageError(
      `both ${admissions === '-' ? 'standard input' : admissions} (admissions) and ${contacts === '-' ? 'standard input' : contacts} (contacts) are given: ` +
        'the admission indicators are computed from one of them; remove one, or give only --admissions or only --contacts',
    );
  }
  if (byName.size === 0) {
    if (opts.data !== undefined) {
      throw new InputError(
        `--data: no extract found in "${opts.data}" (expected ${EXTRACT_NAMES.map(extractFileName).join(', ')})`,
      );
    }
    throw new UsageError('no input: give --data DIR or at least one of --admissions, --referrals, … (see --help)');
  }
  return EXTRACT_NAMES.filter((n) => byName.has(n)).map((n) => ({ extract: n, path: byName.get(n)! }));
}

export function readOptions(opts: InputOptions): ReadOptions {
  return {
    delimiter: opts.delimiter,
    encoding: opts.encoding,
    // SPEC §6.1: one notice per file read as Windows-1252, on stderr, for every command.
    onNotice: (notice) => process.stderr.write(`${notice}\n`),
    // SPEC §6.1: indicator ids in baselines.csv and measurements.csv must be in the catalogue.
    knownIndicators: ALL_INDICATOR_IDS,
  };
}
