// The time frame of the synthetic data set and fast text forms of its dates. Everything is
// naive wall-clock time (src/calc/time.ts); nothing consults the machine's time zone.

import {
  civilDate,
  dayNumber,
  formatDay,
  SECONDS_PER_DAY,
  wallSeconds,
  type DayNumber,
  type WallSeconds,
} from '../calc/time.js';

/** The data cover 2015–2017 (the issue asks for that span), as if extracted on 2018-01-01. */
export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2017;
export const DATA_START: DayNumber = dayNumber(FIRST_YEAR, 1, 1)!;
export const DATA_END: DayNumber = dayNumber(LAST_YEAR, 12, 31)!;
export const YEARS: readonly number[] = [2015, 2016, 2017];
/**
 * The hospital extract runs a month longer, to 2018-01-31 (as if taken on 1 February 2018):
 * a readmission is looked for up to 30 days after a discharge (SPEC §3.2 no. 1), so without
 * January the discharges of late December 2017 would have incomplete follow-up, and the tool
 * would rightly warn about 2017. `npm start` shows the three full years 2015–2017.
 */
export const ADMISSIONS_END: DayNumber = dayNumber(LAST_YEAR + 1, 1, 31)!;
/** The last minute of the admissions: anything later has not happened yet when extracted. */
export const ADMISSIONS_END_AT: WallSeconds = wallSeconds(ADMISSIONS_END, 23, 59);

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = SECONDS_PER_DAY;

const dayText = new Map<DayNumber, string>();

/** YYYY-MM-DD, cached: the sample writes the same few thousand dates over and over. */
export function isoDay(day: DayNumber): string {
  let s = dayText.get(day);
  if (s === undefined) {
    s = formatDay(day);
    if (dayText.size < 100_000) dayText.set(day, s);
  }
  return s;
}

function two(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** YYYY-MM-DD HH:MM (the sample only produces whole minutes). */
export function isoMinute(at: WallSeconds): string {
  const day = Math.floor(at / DAY);
  const s = at - day * DAY;
  return `${isoDay(day)} ${two(Math.floor(s / HOUR))}:${two(Math.floor((s % HOUR) / MINUTE))}`;
}

/** Completed years of age on `on` for someone born on `born` (birthdays on 29 Feb count from 1 Mar). */
export function ageOn(born: DayNumber, on: DayNumber): number {
  const b = civilDate(born);
  const d = civilDate(on);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}
