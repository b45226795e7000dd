// `--counts FILE.csv` (SPEC §15): the counts a database returned for `triple-aim sql`'s script,
// instead of the extracts it counted. Reads the file (validation problems name line and column,
// exit 1) and settles the selection against it (a breakdown or period the file does not hold
// is a usage error, exit 2). The population, baselines and measurements are read as usual.
// report and evaluate take from the file the cells their runs need, summed where needed
// (src/engine/counts.ts): `requireCounts` checks that it can give them before anything is
// computed and names the `triple-aim sql` that makes a file that can.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { InputRef } from '../contracts/report.js';
import type { Dimension } from '../calc/groups.js';
import { parsePeriodArgument, type Period } from '../calc/periods.js';
import { givenCounts, periodRanges, type CountsRequest, type GivenCounts } from '../engine/counts.js';
import { formatDay, type DayNumber } from '../calc/time.js';
import type { ExtractName } from '../extracts/records.js';
import { readCounts, type InvalidRows } from '../extracts/counts.js';
import type { ExtractSource } from '../extracts/load.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import { DEFAULT_PROFILE, findProfile, type Profile } from '../indicators/profiles.js';
import { InputError, UsageError } from './errors.js';
import { resolveSources, type InputOptions } from './inputs.js';
import type { SelectionOptions } from './selection.js';

export interface CountsOptions {
  counts?: string;
}

/** Which `triple-aim sql` invocation makes counts that serve each command (SPEC §15), for
 *  the --counts help; the README's table says the same. */
export const COUNTS_HELP = {
  compute: 'the periods and breakdown of the run, e.g. `triple-aim sql --period 2016 --period 2017 --by municipality`',
  monitor: 'the points of the series, e.g. `triple-aim sql --period 2016-01..2017-12`',
  report:
    'the years and months of the data up to the report year by municipality, e.g. `triple-aim sql --period 2015..2016 --period 2015-01..2016-12 --by municipality`',
  evaluate:
    "the months of both windows by municipality and the selector's other dimensions, e.g. `triple-aim sql --period 2015-07..2017-06 --by municipality,sex`",
} as const;

export function countsOption(cmd: Command, command: keyof typeof COUNTS_HELP = 'compute'): Command {
  return cmd.option(
    '--counts <file>',
    `counts returned by the script of \`triple-aim sql\` (CSV), instead of the extracts it counted; population.csv, baselines and measurements are still read. ${command} needs ${COUNTS_HELP[command]}`,
  );
}

/** The `triple-aim sql` options that make counts for these periods and breakdown. */
export function sqlInvocation(periods: readonly Period[], by: readonly Dimension[]): string {
  const args = periodRanges(periods).map((p) => `--period ${p}`);
  return `triple-aim sql --dialect … ${args.join(' ')}${by.length > 0 ? ` --by ${by.join(',')}` : ''}`;
}

/**
 * SPEC §15: a run on counts the file cannot give exactly is a usage error (exit 2) that names
 * the `triple-aim sql` invocation whose counts can (`periods`, `by`: everything the command
 * needs, not only what was missing).
 */
export function requireCounts(
  counted: Counted,
  path: string,
  requests: readonly CountsRequest[],
  serve: { what: string; periods: readonly Period[]; by: readonly Dimension[] },
): void {
  for (const request of requests) {
    const why = counted.counts.lacks(request);
    if (why !== null) {
      throw new UsageError(`${path} cannot give ${serve.what}: ${why}; \`${sqlInvocation(serve.periods, serve.by)}\` makes counts that can`);
    }
  }
}

/** The counted extracts' event dates (SPEC §1.3), as loaded extracts' infos give them, for
 *  the data range of report and evaluate; a file without them is a usage error (exit 2). */
export function countedEventDays(counted: Counted, path: string): { extract: ExtractName; eventDays: { first: DayNumber; last: DayNumber } | null }[] {
  const days = counted.counts.eventDays();
  if (days === null) {
    throw new UsageError(
      `${path} has no first_event and last_event rows (the range of the data, SPEC §1.3): make it again with the script of this version's \`triple-aim sql\``,
    );
  }
  return days;
}

/** SPEC §14.3, §15: counts are never computed as another profile's. The script of `triple-aim
 *  sql --profile P` returns a `profile=P` cell; a file without one was counted under
 *  rm-2015-2018 (the only profile the scripts counted before). A mismatch is a usage error. */
export function countsProfileCheck(profile: Profile, counted: Counted): void {
  if (profile.id !== counted.profile) {
    throw new UsageError(
      `--counts: ${counted.path} holds counts of the ${counted.profile} profile, not ${profile.id}: ` +
        `give --profile ${counted.profile}, or count with \`triple-aim sql --profile ${profile.id}\``,
    );
  }
}

/** The extracts a counts file replaces (the counted ones). */
export const COUNTED = ['admissions', 'contacts', 'referrals', 'smoking', 'lup'] as const;

export interface Counted {
  counts: GivenCounts;
  /** The counts file, and the profile its script counted (SPEC §14.3). */
  path: string;
  profile: string;
  /** The counts file as an input of the output (SPEC §4.1, §10 item 1): one entry per extract
   *  the script counted, each naming the file, its rows and checksum and that extract's data
   *  end (SPEC §13.2; --data-end when given), so a page says what it was computed from and
   *  its "data up to" line is the one of the run on the extracts. */
  inputs(dataEnd?: DayNumber): InputRef[];
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
  const counted = (findProfile(counts.profile ?? DEFAULT_PROFILE.id) ?? DEFAULT_PROFILE).catalogue.filter((i) => counts.rows.some((r) => r.indicator === i.id));
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
  // The run's profile's catalogue (countsProfileCheck refuses a file of another profile).
  let indicators = (opts.profile ?? DEFAULT_PROFILE).catalogue.filter((i) => ids.includes(i.id));
  if (opts.aim) indicators = indicators.filter((i) => i.aim === opts.aim);
  if (indicators.length === 0) throw new UsageError('no indicator left after --indicators and --aim');
  const anyInput = opts.data !== undefined || ['population', 'measurements', 'baselines'].some((n) => opts[n as keyof InputOptions] !== undefined);
  const sources = anyInput ? resolveSources(opts).filter((s) => !(COUNTED as readonly string[]).includes(s.extract)) : [];
  const sha256 = createHash('sha256').update(text).digest('hex');
  const inputs = (dataEnd?: DayNumber): InputRef[] =>
    [...counts.dataEnd].map(([extract, end]) => ({
      extract,
      path,
      sha256,
      rows: counts.rows.length,
      rows_rejected: 0,
      encoding: 'utf8' as const,
      data_end: formatDay(dataEnd ?? end),
    }));
  return { counts: givenCounts(counts, path), path, profile: counts.profile ?? DEFAULT_PROFILE.id, inputs, indicators, sources, periods, by: opts.by ?? asked };
}
