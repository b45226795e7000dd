// Periods (SPEC §1.3, §3.1): calendar years, quarters and months with inclusive first and
// last days, written as YYYY, YYYY-Qn, YYYY-MM, or a range A..B of two ids of one kind.

import { civilDate, type DayNumber, dayNumber, daysInMonth, formatDay, yearOf } from './time.js';

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface Period {
  id: string;
  /** 'window': several whole months as one period (evaluate's before and after, SPEC §9). */
  kind: PeriodKind | 'window';
  from: DayNumber;
  to: DayNumber;
  /** The calendar year the period starts in: the population year (SPEC §2.6). */
  year: number;
}

export class PeriodError extends Error {}

export const PERIOD_FORMS =
  'expected YYYY, YYYY-Qn, YYYY-MM or a range A..B of two such ids of the same kind (e.g. 2016, 2016-Q3, 2016-01..2016-12)';

interface PeriodStart {
  kind: PeriodKind;
  year: number;
  /** Quarter 1–4 or month 1–12; 0 for years. */
  index: number;
}

function parseOne(text: string): PeriodStart | null {
  let m = /^(\d{4})$/.exec(text);
  if (m) return { kind: 'year', year: Number(m[1]), index: 0 };
  m = /^(\d{4})-[Qq]([1-4])$/.exec(text);
  if (m) return { kind: 'quarter', year: Number(m[1]), index: Number(m[2]) };
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return { kind: 'month', year: Number(m[1]), index: Number(m[2]) };
  }
  return null;
}

function build(p: PeriodStart): Period {
  const y = p.year;
  switch (p.kind) {
    case 'year':
      return { id: String(y), kind: 'year', from: dayNumber(y, 1, 1)!, to: dayNumber(y, 12, 31)!, year: y };
    case 'quarter': {
      const firstMonth = (p.index - 1) * 3 + 1;
      const lastMonth = firstMonth + 2;
      return {
        id: `${y}-Q${p.index}`,
        kind: 'quarter',
        from: dayNumber(y, firstMonth, 1)!,
        to: dayNumber(y, lastMonth, daysInMonth(y, lastMonth))!,
        year: y,
      };
    }
    case 'month':
      return {
        id: `${y}-${String(p.index).padStart(2, '0')}`,
        kind: 'month',
        from: dayNumber(y, p.index, 1)!,
        to: dayNumber(y, p.index, daysInMonth(y, p.index))!,
        year: y,
      };
  }
}

function ordinal(p: PeriodStart): number {
  const perYear = p.kind === 'year' ? 1 : p.kind === 'quarter' ? 4 : 12;
  return p.year * perYear + (p.index === 0 ? 0 : p.index - 1);
}

function fromOrdinal(kind: PeriodKind, n: number): PeriodStart {
  const perYear = kind === 'year' ? 1 : kind === 'quarter' ? 4 : 12;
  const year = Math.floor(n / perYear);
  return { kind, year, index: kind === 'year' ? 0 : (n % perYear) + 1 };
}

/** Parses one period id (no range); returns null when the text is not one. */
export function parsePeriodId(text: string): Period | null {
  const p = parseOne(text.trim());
  return p ? build(p) : null;
}

/** Parses one --period value: an id or a range; throws PeriodError with the accepted forms. */
export function parsePeriodArgument(text: string): Period[] {
  const trimmed = text.trim();
  const parts = trimmed.split('..');
  if (parts.length === 1) {
    const p = parseOne(trimmed);
    if (!p) throw new PeriodError(`bad period "${text}": ${PERIOD_FORMS}`);
    return [build(p)];
  }
  if (parts.length !== 2) throw new PeriodError(`bad period "${text}": ${PERIOD_FORMS}`);
  const a = parseOne(parts[0].trim());
  const b = parseOne(parts[1].trim());
  if (!a || !b) throw new PeriodError(`bad period range "${text}": ${PERIOD_FORMS}`);
  if (a.kind !== b.kind) {
    throw new PeriodError(`bad period range "${text}": both ends must be of the same kind (${a.kind} vs ${b.kind})`);
  }
  const lo = ordinal(a);
  const hi = ordinal(b);
  if (hi < lo) throw new PeriodError(`bad period range "${text}": the range ends before it starts`);
  if (hi - lo >= 1200) throw new PeriodError(`bad period range "${text}": more than 1200 periods`);
  const out: Period[] = [];
  for (let n = lo; n <= hi; n++) out.push(build(fromOrdinal(a.kind, n)));
  return out;
}

/** All --period values, de-duplicated, in the order given. */
export function parsePeriodArguments(values: readonly string[]): Period[] {
  const seen = new Set<string>();
  const out: Period[] = [];
  for (const v of values) {
    for (const p of parsePeriodArgument(v)) {
      if (!seen.has(p.id)) {
        seen.add(p.id);
        out.push(p);
      }
    }
  }
  return out;
}

/** SPEC §6.2: default periods may span at most this many calendar years. */
export const MAX_DEFAULT_SPAN_YEARS = 30;

/**
 * Why no default periods may be built from the event dates first … last, or null when they
 * may (SPEC §6.2: last year − first year + 1 > 30 is a usage error asking for --period).
 * The rule is on calendar years whatever the periods' kind, so `monitor`'s default months
 * obey it too (SPEC §7). `where` names the inputs holding the two dates, when known.
 */
export function defaultSpanProblem(
  first: DayNumber,
  last: DayNumber,
  where: { first?: string; last?: string } = {},
): string | null {
  const years = yearOf(last) - yearOf(first) + 1;
  if (years <= MAX_DEFAULT_SPAN_YEARS) return null;
  const at = (s?: string) => (s ? ` (${s})` : '');
  return (
    `the event dates run from ${formatDay(first)}${at(where.first)} to ${formatDay(last)}${at(where.last)}, ` +
    `${years} calendar years; default periods span at most ${MAX_DEFAULT_SPAN_YEARS}: ` +
    `give --period (e.g. --period ${yearOf(last) - 2}..${yearOf(last)}), or check those dates`
  );
}

/** The default periods: every calendar year from the earliest to the latest event date. */
export function yearsBetween(first: DayNumber, last: DayNumber): Period[] {
  const out: Period[] = [];
  for (let y = yearOf(first); y <= yearOf(last); y++) out.push(build({ kind: 'year', year: y, index: 0 }));
  return out;
}

/**
 * `months` whole months as one period, from the first day of `firstMonth` (SPEC §9 windows):
 * id `YYYY-MM..YYYY-MM`, its population year the year it starts in. Negative `offset` moves
 * the start back: window(start, 12, -12) is the 12 months before `start`.
 */
export function monthWindow(firstMonth: Period, months: number, offset = 0): Period {
  const c = civilDate(firstMonth.from);
  const start = c.year * 12 + c.month - 1 + offset;
  const a = build(fromOrdinal('month', start));
  const b = build(fromOrdinal('month', start + months - 1));
  return { id: a.id === b.id ? a.id : `${a.id}..${b.id}`, kind: 'window', from: a.from, to: b.to, year: a.year };
}

/** Every month from the month of `first` to that of `last` (SPEC §7 default points). */
export function monthsBetween(first: DayNumber, last: DayNumber): Period[] {
  const out: Period[] = [];
  const a = civilDate(first);
  const b = civilDate(last);
  for (let n = a.year * 12 + a.month - 1; n <= b.year * 12 + b.month - 1; n++) out.push(build(fromOrdinal('month', n)));
  return out;
}

/** The period of `kind` that contains `day`. */
export function periodContaining(kind: PeriodKind, day: DayNumber): Period {
  const c = civilDate(day);
  const index = kind === 'year' ? 0 : kind === 'quarter' ? Math.floor((c.month - 1) / 3) + 1 : c.month;
  return build({ kind, year: c.year, index });
}

/** Result ordering within an indicator: by start, then longer periods first. */
export function comparePeriods(a: Period, b: Period): number {
  return a.from - b.from || b.to - a.to;
}

export function periodJson(p: Period): { id: string; from: string; to: string } {
  return { id: p.id, from: formatDay(p.from), to: formatDay(p.to) };
}
