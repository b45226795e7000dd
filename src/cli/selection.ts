// The selection options that compute, monitor and evaluate share (SPEC §1.3): their values are
// parsed by commander argument parsers, so a bad value is a usage error (exit 2) reported the
// same way as every other (commander's InvalidArgumentError), before any file is read.

import { Command, InvalidArgumentError, Option } from 'commander';
import { DIMENSIONS, isDimension, type Dimension } from '../calc/groups.js';
import { parsePeriodArgument, PeriodError, type Period } from '../calc/periods.js';
import { ALL_INDICATOR_IDS, DEFAULT_PROFILE, findProfile, PROFILES, type Profile } from '../indicators/profiles.js';
import { AIMS, type Aim, type IndicatorDefinition } from '../indicators/types.js';
import type { Standard } from '../engine/run.js';
import type { LoadedData } from '../extracts/records.js';
import { UsageError } from './errors.js';
import { dayNumber, type DayNumber } from '../calc/time.js';

/** --period values, accumulated: each is an id or a range A..B (SPEC §1.3). */
export function collectPeriods(value: string, previous: Period[] = []): Period[] {
  try {
    const seen = new Set(previous.map((p) => p.id));
    return [...previous, ...parsePeriodArgument(value).filter((p) => !seen.has(p.id))];
  } catch (e) {
    if (e instanceof PeriodError) throw new InvalidArgumentError(e.message);
    throw e;
  }
}

/** One period id, not a range (--baseline-period, --freeze, --phase). */
export function onePeriod(value: string): Period {
  const periods = collectPeriods(value);
  if (periods.length !== 1) throw new InvalidArgumentError(`expected one period, not a range ("${value}")`);
  return periods[0];
}

/** --by: breakdown dimensions, comma-separated, case-insensitive, duplicates once. */
export function parseDimensions(value: string): Dimension[] {
  const by: Dimension[] = [];
  for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const d = raw.toLowerCase();
    if (!isDimension(d)) throw new InvalidArgumentError(`unknown dimension "${raw}" (expected ${DIMENSIONS.join(', ')})`);
    if (!by.includes(d)) by.push(d);
  }
  return by;
}

/** --indicators: catalogue ids, comma-separated. */
export function parseIndicatorIds(value: string): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  // Any profile's ids here: the profile (--profile) may come later on the command line.
  const unknown = ids.filter((id) => !ALL_INDICATOR_IDS.includes(id));
  if (unknown.length > 0 || ids.length === 0) {
    throw new InvalidArgumentError(
      `unknown indicator id ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'} (run \`triple-aim indicators\` for the list)`,
    );
  }
  return ids;
}

export function parseNonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return Number(value.trim());
}

/** --profile (SPEC §14.3): an unknown profile is a usage error naming the profiles. */
export function parseProfile(value: string): Profile {
  const profile = findProfile(value.trim().toLowerCase());
  if (!profile) throw new InvalidArgumentError(`unknown profile "${value}" (expected ${PROFILES.map((p) => p.id).join(' or ')})`);
  return profile;
}

/** --profile, shared by compute, monitor, evaluate, report and indicators. */
export function addProfileOption(cmd: Command): Command {
  return cmd.option(
    '--profile <id>',
    `the definitions to compute: ${PROFILES.map((p) => p.id).join(' or ')} (default ${DEFAULT_PROFILE.id}; SPEC §14.3)`,
    parseProfile,
  );
}

export interface SelectionOptions {
  profile?: Profile;
  period?: Period[];
  by?: Dimension[];
  indicators?: string[];
  aim?: Aim;
}

export function addSelectionOptions(cmd: Command, periodHelp: string): Command {
  return cmd
    .option('--period <id>', periodHelp, collectPeriods)
    .option('--by <dims>', `break down by ${DIMENSIONS.join(', ')} (comma-separated)`, parseDimensions)
    .option('--indicators <ids>', 'only these indicator ids (comma-separated; see `triple-aim indicators`)', parseIndicatorIds)
    .addOption(new Option('--aim <aim>', 'only the indicators of one aim').choices(AIMS));
}

/** The profile's indicators selected by --indicators and --aim, in catalogue order. */
export function selectIndicators(opts: Pick<SelectionOptions, 'indicators' | 'aim' | 'profile'>): IndicatorDefinition[] {
  const profile = opts.profile ?? DEFAULT_PROFILE;
  let indicators = [...profile.catalogue];
  if (opts.indicators !== undefined) {
    const outside = opts.indicators.filter((id) => !indicators.some((i) => i.id === id));
    if (outside.length > 0) throw new UsageError(`${outside.map((id) => `"${id}"`).join(', ')} is not in the profile ${profile.id} (see \`triple-aim indicators --profile ${profile.id}\`)`);
    indicators = indicators.filter((i) => opts.indicators!.includes(i.id));
  }
  if (opts.aim) indicators = indicators.filter((i) => i.aim === opts.aim);
  if (indicators.length === 0) throw new UsageError('no indicator left after --indicators and --aim');
  return indicators;
}

/** --standardize esp2013|population:YYYY (SPEC §8.1). */
export function parseStandard(value: string): Standard {
  const text = value.trim().toLowerCase();
  if (text === 'esp2013') return { name: 'esp2013' };
  const m = /^population:(\d{4})$/.exec(text);
  if (m) return { name: `population:${Number(m[1])}`, year: Number(m[1]) };
  throw new InvalidArgumentError('expected esp2013 or population:YYYY (e.g. population:2015)');
}

/** The analyses of SPEC §8, shared by compute, monitor, evaluate and report. */
export interface AnalysisOptions {
  standardize?: Standard;
  equity?: boolean;
  compare?: boolean;
}

export function addAnalysisOptions(cmd: Command): Command {
  return cmd
    .option(
      '--standardize <standard>',
      'directly age-standardised rates for the per-1000 indicators: esp2013 (European Standard Population 2013) or population:YYYY',
      parseStandard,
    )
    .option('--equity', 'education gaps (short − long, ratio, SII and RII) for percent and per-1000 indicators')
    .option('--compare', 'compare every group of a breakdown with the region (95 % and 99.8 % intervals)');
}

/** A population:YYYY standard needs that year in population.csv (SPEC §8.1: else exit 2). */
export function checkStandard(standard: Standard | undefined, data: LoadedData): void {
  if (standard === undefined || standard.name === 'esp2013') return;
  const year = (standard as { year: number }).year;
  if (!data.population) throw new UsageError(`--standardize ${standard.name} needs population.csv`);
  if (!data.population.records.some((r) => r.year === year)) {
    const years = [...new Set(data.population.records.map((r) => r.year))].sort();
    throw new UsageError(`--standardize ${standard.name}: population.csv has no rows for ${year} (it has ${years.join(', ') || 'no rows'})`);
  }
}

/**
 * --data-end YYYY-MM-DD (SPEC §13.2): the extraction date, the data end of every extract.
 * Only the ISO form (it is typed by a person, not read from an extract), a real calendar
 * date within 1900–2099 (SPEC §6.1's plausible range); anything else is a usage error.
 */
export function parseDataEnd(value: string): DayNumber {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const day = m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (day === null) throw new InvalidArgumentError(`"${value}" is not a date (expected YYYY-MM-DD, e.g. 2018-01-31)`);
  const year = Number(m![1]);
  if (year < 1900 || year > 2099) throw new InvalidArgumentError(`"${value}" lies outside the plausible range 1900–2099`);
  return day;
}

/** --data-end, shared by compute, monitor, evaluate and report (SPEC §13.2). */
export function addDataEndOption(cmd: Command): Command {
  return cmd.option(
    '--data-end <date>',
    "the extraction date (YYYY-MM-DD), the data end of every extract: periods whose follow-up reaches past it are provisional (default: each extract's latest event date)",
    parseDataEnd,
  );
}
