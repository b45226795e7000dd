// The data range (SPEC §1.3, §6.2, §7, §9, §10): which periods a command covers when none are
// given, and whether the periods asked for lie within the data. compute, monitor, evaluate and
// report each had their own copy of these rules (issue 22); they live here once. Pure: a rule
// the data break comes back as a RangeProblem, which the command turns into a usage error.

import { defaultSpanProblem, MAX_DEFAULT_SPAN_YEARS, monthsBetween, monthWindow, parsePeriodId, yearsBetween, type Period } from '../calc/periods.js';
import { formatDay, type DayNumber } from '../calc/time.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';
import type { ExtractInfo } from '../extracts/records.js';

/** A data range rule the loaded data or the options break; `message` says which, for people. */
export class RangeProblem {
  constructor(readonly message: string) {}
}

type Dated = Pick<ExtractInfo, 'extract' | 'eventDays'>;

/** SPEC §7, §9, §10: a measurements.csv period (a whole year of an audit) is not an event date;
 *  the months of a series and the range an evaluation checks leave it out. The default years of
 *  compute and report keep it (SPEC §1.3: every year the data touch). */
const NOT_EVENTS = ['measurements'] as const;

/** The first and last event dates of the loaded extracts, for the default periods (SPEC §1.3);
 *  each extract declares its event dates (src/extracts), the loader found their range. */
export function eventDayRange(inputs: readonly Dated[], exclude: readonly string[] = []): { first: DayNumber; last: DayNumber } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const i of inputs) {
    if (i.eventDays === null || exclude.includes(i.extract)) continue;
    first = Math.min(first, i.eventDays.first);
    last = Math.max(last, i.eventDays.last);
  }
  return first === Infinity ? null : { first, last };
}

/**
 * compute's default periods (SPEC §1.3, §6.2): every calendar year from the earliest to the
 * latest event date of the loaded extracts, at most 30 of them; the problem names the files
 * holding the two dates.
 */
export function defaultYears(infos: readonly Pick<ExtractInfo, 'extract' | 'eventDays' | 'path'>[]): Period[] | RangeProblem {
  const range = eventDayRange(infos);
  if (!range) return new RangeProblem('the loaded extracts contain no dated events to choose default periods from: give --period');
  const tooLong = defaultSpanProblem(range.first, range.last, {
    first: infos.find((i) => i.eventDays?.first === range.first)?.path,
    last: infos.find((i) => i.eventDays?.last === range.last)?.path,
  });
  if (tooLong) return new RangeProblem(tooLong);
  return yearsBetween(range.first, range.last);
}

/** monitor's default points (SPEC §7): every month from the month of the earliest to that of
 *  the latest event date (measurement periods excluded), at most 30 calendar years (SPEC §6.2). */
export function defaultMonths(infos: readonly Dated[]): Period[] | RangeProblem {
  const range = eventDayRange(infos, NOT_EVENTS);
  if (!range) return new RangeProblem('the loaded extracts contain no dated events to choose the points from: give --period');
  const tooLong = defaultSpanProblem(range.first, range.last);
  if (tooLong) return new RangeProblem(tooLong);
  return monthsBetween(range.first, range.last);
}

/**
 * report's periods (SPEC §10): the years from the first of the data to the report year, and
 * the months from the first month of the data (measurement periods excluded, as in monitor) to
 * the year's December. The year must be one the data touch, at most 30 calendar years after
 * the first (the §6.2 bound on default periods).
 */
export function reportPeriods(infos: readonly Dated[], year: number): { years: Period[]; months: Period[] } | RangeProblem {
  const all = eventDayRange(infos);
  if (!all) return new RangeProblem('the loaded extracts contain no dated events: nothing to report');
  const yearEnd = parsePeriodId(String(year))!.to;
  const years = yearsBetween(all.first, all.last);
  if (year < years[0].year || year > years[years.length - 1].year) {
    return new RangeProblem(`--year ${year} is outside the data (event dates from ${years[0].id} to ${years[years.length - 1].id})`);
  }
  if (year - years[0].year + 1 > MAX_DEFAULT_SPAN_YEARS) {
    return new RangeProblem(`the data start in ${years[0].id}, more than ${MAX_DEFAULT_SPAN_YEARS} years before ${year}: give a later --year or fewer years of data`);
  }
  const dated = eventDayRange(infos, NOT_EVENTS);
  return {
    years: years.filter((p) => p.year <= year),
    months: dated && dated.first <= yearEnd ? monthsBetween(dated.first, yearEnd) : [],
  };
}

/** SPEC §9: before = the N months ending with the month before the start; after = N months from it. */
export function projectWindows(start: Period, months: number): { before: Period; after: Period } {
  return { before: monthWindow(start, months, -months), after: monthWindow(start, months) };
}

/**
 * SPEC §9: the start month must lie within the data (measurement periods excluded); a window
 * reaching past the last event date, or before the first, gives a warning (its results rest
 * on part of the window).
 */
export function checkProjectWindows(infos: readonly Dated[], start: Period, months: number): Said[] | RangeProblem {
  const range = eventDayRange(infos, NOT_EVENTS);
  if (!range) return new RangeProblem('the loaded extracts contain no dated events to evaluate');
  const { before, after } = projectWindows(start, months);
  const first = formatDay(range.first);
  const last = formatDay(range.last);
  if (start.to < range.first || start.from > range.last) {
    return new RangeProblem(`--start ${start.id} is outside the data (event dates from ${first} to ${last})`);
  }
  const warnings: Said[] = [];
  if (after.to > range.last) {
    warnings.push(say(MESSAGES.windowAfterPastData, { from: formatDay(after.from), to: formatDay(after.to), last }));
  }
  if (before.from < range.first) {
    warnings.push(say(MESSAGES.windowBeforeData, { from: formatDay(before.from), to: formatDay(before.to), first }));
  }
  return warnings;
}
