// `triple-aim sample --out DIR [--seed N] [--scale K] [--contacts]` (SPEC §1.1, §14.1): writes
// a consistent synthetic set of all seven extracts; with --contacts the hospital data are
// LPR3 contacts.csv in place of admissions.csv (a --data folder may not hold both, §14.1). The files are the result; a one-line summary per file
// goes to stderr (SPEC §1.4: everything but results goes to stderr).

import { Command, InvalidArgumentError } from 'commander';
import { writeSample, ROWS_AT_SCALE_1 } from '../sample/generate.js';
import { runs } from './command.js';
import { EXIT, UsageError } from './errors.js';

export function parseSeed(value: string): number {
  const text = value.trim();
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number');
  return n;
}

export function parseScale(value: string): number {
  const text = value.trim();
  const n = Number(text);
  if (!/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text) || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError('expected a positive number');
  }
  return n;
}

interface SampleCommandOptions {
  out: string;
  seed: number;
  scale: number;
  contacts?: boolean;
}

export function sampleCommand(): Command {
  const cmd = new Command('sample')
    .description('write a consistent synthetic set of all seven extracts (for trying the tool and for benchmarks)')
    .requiredOption('--out <dir>', 'folder to write admissions.csv (or contacts.csv) … baselines.csv into (created if needed; files are replaced)')
    .option('--seed <n>', 'seed of the random generator: the same seed and scale give identical files', parseSeed, 1)
    .option(
      '--scale <k>',
      `multiplies the row counts (scale 1: ${ROWS_AT_SCALE_1.admissions} admissions, ${ROWS_AT_SCALE_1.referrals} referrals, ` +
        `${ROWS_AT_SCALE_1.smoking} smoking courses, ${ROWS_AT_SCALE_1.lup} LUP answers; the inhabitants in population.csv ` +
        'grow with it so rates stay realistic; measurements and baselines do not scale). Rows are streamed to disk, so ' +
        'memory stays flat at any scale',
      parseScale,
      1,
    )
    .option(
      '--contacts',
      `write the hospital data as LPR3 contacts.csv (SPEC §14.1) in place of admissions.csv — a --data folder may hold ` +
        `one of them, not both; the other extracts are as without it. Scale 1: ${ROWS_AT_SCALE_1.contacts} contacts ` +
        '(transfers between units, outpatient visits, home and virtual contacts, hospice, psychiatry, open contacts at the data end)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  triple-aim sample --out data-samples\n  triple-aim sample --out /tmp/bench --scale 200   # 1,000,000 admissions\n' +
        '  triple-aim sample --out /tmp/lpr3 --contacts     # contacts.csv instead of admissions.csv\n',
    );
  return runs(cmd, async (opts: SampleCommandOptions) => {
    try {
      await writeSample(opts.out, { seed: opts.seed, scale: opts.scale, contacts: opts.contacts === true }, (file) => {
        process.stderr.write(`wrote ${file.path} (${file.rows} rows)\n`);
      });
    } catch (err) {
      // A folder that cannot be created or written is a bad --out, not a bug.
      const e = err as NodeJS.ErrnoException;
      if (typeof e?.code === 'string' && typeof e.syscall === 'string') {
        throw new UsageError(`--out: cannot write to "${opts.out}" (${e.code}: ${e.syscall}${e.path ? ' ' + e.path : ''})`);
      }
      throw err;
    }
    return EXIT.ok;
  });
}
