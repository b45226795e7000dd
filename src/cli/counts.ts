// `--counts FILE.csv` (SPEC §15): the counts a database returned for `triple-aim sql`'s script,
// instead of the extracts it counted. Reads the file (validation problems name line and column,
// exit 1) and settles the selection against it (a breakdown or period the file does not hold
// is a usage error, exit 2). The population, baselines and measurements are read as usual.

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Dimension } from '../calc/groups.js';
import { parsePeriodArgument, type Period } from '../calc/periods.js';
import { givenCounts, type GivenCounts } from '../engine/counts.js';
import { readCounts, type InvalidRows } from '../extracts/counts.js';
import type { ExtractSource } from '../extracts/load.js';
import { CATALOGUE } from '../indicators/catalogue.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import { DEFAULT_PROFILE, type Profile } from '../indicators/profiles.js';
import { InputError, UsageError } from './errors.js';
import { resolveSources, type InputOptions } from './inputs.js';
import type { SelectionOptions } from './selection.js';

export interface CountsOptions {
  counts?: string;
}

export function countsOption(cmd: Command): Command {
  return cmd.option(
    '--counts <file>',
    'counts returned by the script of `triple-aim sql` (CSV), instead of the extracts it counted; population.csv, baselines and measurements are still read',
  );
}

/** The scripts of `triple-aim sql` count the rm-2015-2018 profile only so far (SPEC §15 on
 *  §14.3 is issue 24's next step): counts are never relabelled as another profile's. */
export function countsProfileCheck(profile: Profile): void {
  if (profile.id !== DEFAULT_PROFILE.id) {
    throw new UsageError(`--counts: the scripts of \`triple-aim sql\` count the ${DEFAULT_PROFILE.id} profile only; --profile ${profile.id} cannot be computed from counts yet`);
  }
}

/** The extracts a counts file replaces (the counted ones). */
const COUNTED = ['admissions', 'contacts', 'referrals', 'smoking', 'lup'] as const;

export interface Counted {
  counts: GivenCounts;
  indicators: IndicatorDefinition[];
  sources: ExtractSource[];
  periods: Period[];
  by: Dimension[];
}

/** The breakdown a counts file was asked for: its dimension columns without those that only
 *  an indicator's own always-by breakdown put there (LUP's patient_type, SPEC §3.2; the script
 *  adds the column as the engine adds the dimension, src/sql/compile.ts resultDimensions). */
function askedBreakdown(columns: readonly Dimension[], indicators: readonly IndicatorDefinition[]): Dimension[] {
  const own = (d: Dimension) =>
    indicators.some((i) => i.kind === 'counting' && i.alwaysBy?.includes(d)) &&
    indicators.every((i) => i.kind !== 'counting' || !i.dimensions.includes(d) || i.alwaysBy?.includes(d));
  return columns.filter((d) => !own(d));
}

/** SPEC §1.6, §2.1: rows the script left out because the reader would reject a value. The run
 *  on the extracts fails on them (exit 1), or leaves them out with --skip-invalid: so does the
 *  run on the counts, naming each column and count. */
function checkInvalid(invalid: readonly InvalidRows[], path: string, skipInvalid: boolean): void {
  if (invalid.length === 0) return;
  const total = invalid.reduce((n, r) => n + r.rows, 0);
  const what = (r: InvalidRows) => `${r.extract}.${r.column}: ${r.rows} row${r.rows === 1 ? '' : 's'} with a value the reader does not accept, left out by the script`;
  if (skipInvalid) {
    for (const r of invalid) process.stderr.write(`warning: ${path}:${r.line}: ${what(r)} (--skip-invalid)\n`);
    return;
  }
  const lines = invalid.map((r) => `${path}:${r.line}: ${what(r)}`);
  lines.push(
    `triple-aim: ${total} invalid row${total === 1 ? '' : 's'} in the counted tables; nothing was computed. ` +
      `Export the table and run \`triple-aim validate --${invalid[0].extract} FILE.csv\` to see the values, ` +
      'fix them, or give --skip-invalid to compute without those rows',
  );
  throw new InputError(lines[lines.length - 1], lines);
}

export function readCountsOption(
  opts: CountsOptions & InputOptions & SelectionOptions & { baselinePeriod?: Period; maxErrors: number; skipInvalid?: boolean },
): Counted | null {
  const path = opts.counts;
  if (path === undefined) return null;
  for (const name of COUNTED) {
    if (opts[name] !== undefined) throw new UsageError(`--counts replaces the ${name} extract: give one or the other, not --${name} too`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`${path}: cannot read the counts file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const { counts, problems } = readCounts(text, path);
  if (problems.length > 0) {
    const lines = problems
      .slice(0, opts.maxErrors)
      .map((p) => `${p.line === null ? path : `${path}:${p.line}`}: ${p.column === null ? '' : p.column + ': '}${p.message}`);
    if (problems.length > lines.length) lines.push(`… and ${problems.length - lines.length} more problems (--max-errors N shows more)`);
    lines.push(`triple-aim: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${path}; nothing was computed`);
    throw new InputError(lines[lines.length - 1], lines);
  }
  checkInvalid(counts.invalid, path, opts.skipInvalid === true);
  // The breakdown is the script's: the cells of another one are not in the file. A column only
  // LUP's own breakdown needs (patient_type) is the file's either way.
  const counted = CATALOGUE.filter((i) => counts.rows.some((r) => r.indicator === i.id));
  const asked = askedBreakdown(counts.by, counted);
  if (opts.by !== undefined && opts.by.join(',') !== counts.by.join(',') && opts.by.join(',') !== asked.join(',')) {
    throw new UsageError(
      `--by ${opts.by.join(',') || '(none)'} differs from the breakdown of ${path} (${asked.join(',') || 'none'}); run the script with that --by, or leave --by out`,
    );
  }
  const available = new Set(counts.periods);
  const periods = opts.period ?? counts.periods.flatMap((id) => parsePeriodArgument(id));
  const absent = [...periods, ...(opts.baselinePeriod ? [opts.baselinePeriod] : [])].filter((p) => !available.has(p.id));
  if (absent.length > 0) {
    throw new UsageError(`${path} has no counts for ${absent.map((p) => p.id).join(', ')} (it has ${counts.periods.join(', ') || 'none'})`);
  }
  // Default: the indicators the file counted, in catalogue order.
  const ids = opts.indicators ?? [...new Set(counts.rows.map((r) => r.indicator))];
  let indicators = CATALOGUE.filter((i) => ids.includes(i.id));
  if (opts.aim) indicators = indicators.filter((i) => i.aim === opts.aim);
  if (indicators.length === 0) throw new UsageError('no indicator left after --indicators and --aim');
  const anyInput = opts.data !== undefined || ['population', 'measurements', 'baselines'].some((n) => opts[n as keyof InputOptions] !== undefined);
  const sources = anyInput ? resolveSources(opts).filter((s) => !(COUNTED as readonly string[]).includes(s.extract)) : [];
  return { counts: givenCounts(counts, path), indicators, sources, periods, by: opts.by ?? asked };
}
