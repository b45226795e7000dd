// Naive wall-clock time (SPEC §2.1): every date is an integer day number (days since
// 1970-01-01) and every date-time an integer number of seconds since 1970-01-01 00:00,
// both computed as if the wall clock were UTC. Nothing here consults the machine's time
// zone, so TZ cannot change a result and daylight-saving nights have no effect on
// durations (the SPEC says durations are taken on the wall clock).

/** Days since 1970-01-01 of a calendar date. */
export type DayNumber = number;
/** Seconds since 1970-01-01 00:00 of a naive wall-clock date-time. */
export type WallSeconds = number;

export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_HOUR = 3_600;
const MS_PER_DAY = 86_400_000;

/** The day number of y-m-d, or null when the date does not exist (2016-02-30). */
export function dayNumber(year: number, month: number, day: number): DayNumber | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 literally.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / MS_PER_DAY;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilDate(day: DayNumber): CivilDate {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: DayNumber): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The calendar date of a wall-clock date-time. */
export function dayOf(seconds: WallSeconds): DayNumber {
  return Math.floor(seconds / SECONDS_PER_DAY);
}

/** Seconds after midnight of a wall-clock date-time. */
export function secondOfDay(seconds: WallSeconds): number {
  return seconds - dayOf(seconds) * SECONDS_PER_DAY;
}

export function wallSeconds(day: DayNumber, hour = 0, minute = 0, second = 0): WallSeconds {
  return day * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** YYYY-MM-DD */
export function formatDay(day: DayNumber): string {
  const c = civilDate(day);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/** YYYY-MM-DD HH:MM (seconds shown only when not zero). */
export function formatWallTime(seconds: WallSeconds): string {
  const s = secondOfDay(seconds);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `${formatDay(dayOf(seconds))} ${pad(hh)}:${pad(mm)}${ss ? ':' + pad(ss) : ''}`;
}

/**
 * The same day of the month `months` calendar months later, or that month's last day when it
 * has none (SPEC §13.2: 31 August + 6 months = 28/29 February).
 */
export function addCalendarMonths(day: DayNumber, months: number): DayNumber {
  const c = civilDate(day);
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayNumber(year, month, Math.min(c.day, daysInMonth(year, month)))!;
}
