// Danish working days (hverdage), SPEC §3.1: Monday–Friday that is not a public holiday.
// Holidays: 1 January, Maundy Thursday, Good Friday, Easter Monday, Great Prayer Day (Store
// Bededag, 4th Friday after Easter, abolished from 2024 by lov nr. 134 of 28/02/2023),
// Ascension Day, Whit Monday, 25 and 26 December. 5 June (Grundlovsdag), 24 and 31 December
// are working days here. Easter is computed, not tabled, so any year works.

import { type DayNumber, dayNumber, isoWeekday, yearOf } from './time.js';

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day)!;
}

/** The last year in which Store Bededag was a public holiday. */
export const LAST_GREAT_PRAYER_DAY_YEAR = 2023;

export interface PublicHoliday {
  day: DayNumber;
  name: string;
}

/** The public holidays of a year that can fall on a weekday, in date order. */
export function publicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const list: PublicHoliday[] = [
    { day: dayNumber(year, 1, 1)!, name: 'Nytårsdag' },
    { day: easter - 3, name: 'Skærtorsdag' },
    { day: easter - 2, name: 'Langfredag' },
    { day: easter + 1, name: '2. påskedag' },
  ];
  if (year <= LAST_GREAT_PRAYER_DAY_YEAR) list.push({ day: easter + 26, name: 'Store bededag' });
  list.push(
    { day: easter + 39, name: 'Kristi himmelfartsdag' },
    { day: easter + 50, name: '2. pinsedag' },
    { day: dayNumber(year, 12, 25)!, name: 'Juledag' },
    { day: dayNumber(year, 12, 26)!, name: '2. juledag' },
  );
  return list;
}

const holidayCache = new Map<number, ReadonlySet<DayNumber>>();

function holidaysOf(year: number): ReadonlySet<DayNumber> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(publicHolidays(year).map((h) => h.day));
    holidayCache.set(year, set);
  }
  return set;
}

// The year of the previous look-up: counting passes ask about millions of days, mostly in
// the same year, and finding a day's year allocates a Date.
let cachedFrom = 0;
let cachedTo = -1;
let cachedHolidays: ReadonlySet<DayNumber> = new Set();

export function isPublicHoliday(day: DayNumber): boolean {
  if (day < cachedFrom || day > cachedTo) {
    const year = yearOf(day);
    cachedFrom = dayNumber(year, 1, 1)!;
    cachedTo = dayNumber(year, 12, 31)!;
    cachedHolidays = holidaysOf(year);
  }
  return cachedHolidays.has(day);
}

export function isWorkingDay(day: DayNumber): boolean {
  return isoWeekday(day) <= 5 && !isPublicHoliday(day);
}

/**
 * The Nth working day after `day` (N ≥ 1). `day` itself is day 0 whatever it is, so a plan
 * received on a Saturday has Monday as its first working day (SPEC §3.2 no. 9).
 */
export function nthWorkingDayAfter(day: DayNumber, n: number): DayNumber {
  let d = day;
  let left = n;
  while (left > 0) {
    d += 1;
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}
