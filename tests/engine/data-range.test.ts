// The data-range rules (SPEC §1.3, §6.2, §7, §9, §10), in one place for compute, monitor,
// evaluate and report (issue 22): each rule on hand-made extract infos, the dates chosen so the
// expected periods can be counted by hand.

import { describe, expect, it } from 'vitest';
import { parsePeriodId, type Period } from '../../src/calc/periods.js';
import { formatDay } from '../../src/calc/time.js';
import {
  checkProjectWindows,
  defaultMonths,
  defaultYears,
  eventDayRange,
  projectWindows,
  RangeProblem,
  reportPeriods,
} from '../../src/engine/data-range.js';
import type { ExtractName } from '../../src/extracts/records.js';
import { day } from '../helpers/records.js';

const info = (extract: ExtractName, first: string | null, last?: string) => ({
  extract,
  path: `${extract}.csv`,
  eventDays: first === null ? null : { first: day(first), last: day(last ?? first) },
});
const ids = (periods: Period[] | RangeProblem | { years: Period[]; months: Period[] }): unknown => {
  if (periods instanceof RangeProblem) return periods;
  return Array.isArray(periods) ? periods.map((p) => p.id) : { years: periods.years.map((p) => p.id), months: periods.months.map((p) => p.id) };
};
const problem = (x: unknown): string => {
  expect(x).toBeInstanceOf(RangeProblem);
  return (x as RangeProblem).message;
};
const month = (id: string) => parsePeriodId(id)!;

describe('the range of event dates', () => {
  it('runs from the earliest first to the latest last event date over the extracts, leaving out the named and the undated', () => {
    const infos = [info('admissions', '2016-03-05', '2017-02-01'), info('referrals', '2015-12-31', '2016-06-30'), info('population', null), info('measurements', '2014-01-01', '2018-12-31')];
    const all = eventDayRange(infos)!;
    expect([formatDay(all.first), formatDay(all.last)]).toEqual(['2014-01-01', '2018-12-31']);
    const events = eventDayRange(infos, ['measurements'])!;
    expect([formatDay(events.first), formatDay(events.last)]).toEqual(['2015-12-31', '2017-02-01']);
    expect(eventDayRange([info('population', null)])).toBeNull();
  });
});

describe("compute's default periods (SPEC §1.3, §6.2)", () => {
  it('are every calendar year the data touch, measurement periods included', () => {
    expect(ids(defaultYears([info('admissions', '2016-12-31', '2017-01-01'), info('measurements', '2015-01-01', '2015-12-31')]))).toEqual(['2015', '2016', '2017']);
  });

  it('span at most 30 calendar years: 1987..2016 is 30, 1986..2016 is 31 and the problem names the files of both dates', () => {
    expect(ids(defaultYears([info('admissions', '1987-01-01', '2016-12-31')]))).toHaveLength(30);
    const tooLong = problem(defaultYears([info('admissions', '1986-12-31', '2016-01-05'), info('referrals', '2016-01-01', '2016-01-06')]));
    expect(tooLong).toContain('from 1986-12-31 (admissions.csv) to 2016-01-06 (referrals.csv), 31 calendar years');
    expect(tooLong).toContain('give --period');
  });

  it('cannot be chosen without a dated event: the problem asks for --period', () => {
    expect(problem(defaultYears([info('population', null)]))).toBe('the loaded extracts contain no dated events to choose default periods from: give --period');
  });
});

describe("monitor's default points (SPEC §7)", () => {
  it('are every month from the first to the last event date, measurement periods left out', () => {
    expect(ids(defaultMonths([info('referrals', '2016-11-30', '2017-02-01'), info('measurements', '2010-01-01', '2020-12-31')]))).toEqual([
      '2016-11',
      '2016-12',
      '2017-01',
      '2017-02',
    ]);
  });

  it('span at most 30 calendar years, as compute (SPEC §6.2)', () => {
    expect(ids(defaultMonths([info('admissions', '1987-01-01', '2016-12-31')]))).toHaveLength(360);
    expect(problem(defaultMonths([info('admissions', '1986-12-31', '2016-01-01')]))).toContain('31 calendar years; default periods span at most 30');
  });

  it('need an event date: measurements alone give none', () => {
    expect(problem(defaultMonths([info('measurements', '2015-01-01', '2015-12-31')]))).toBe(
      'the loaded extracts contain no dated events to choose the points from: give --period',
    );
  });
});

describe("report's periods (SPEC §10)", () => {
  it('are the years from the first of the data to the report year, and the months from the first event month to its December', () => {
    // Measurements reach back to 2014 (a year) but are no event month; the admissions run on to 2018.
    const infos = [info('admissions', '2015-11-15', '2018-01-31'), info('measurements', '2014-01-01', '2014-12-31')];
    expect(ids(reportPeriods(infos, 2016))).toEqual({
      years: ['2014', '2015', '2016'],
      months: ['2015-11', '2015-12', ...Array.from({ length: 12 }, (_, i) => `2016-${String(i + 1).padStart(2, '0')}`)],
    });
  });

  it('have no months when the events start after the report year (the year comes from measurements alone)', () => {
    expect(ids(reportPeriods([info('admissions', '2017-03-01'), info('measurements', '2015-01-01', '2015-12-31')], 2016))).toEqual({
      years: ['2015', '2016'],
      months: [],
    });
  });

  it('need a report year the data touch', () => {
    const infos = [info('admissions', '2015-01-01', '2018-01-31')];
    expect(problem(reportPeriods(infos, 2019))).toBe('--year 2019 is outside the data (event dates from 2015 to 2018)');
    expect(problem(reportPeriods(infos, 2014))).toBe('--year 2014 is outside the data (event dates from 2015 to 2018)');
  });

  it('reach back at most 30 calendar years from the report year: 1987 → 2016 is 30, 1986 → 2016 is 31', () => {
    expect(ids(reportPeriods([info('admissions', '1987-06-01', '2017-01-01')], 2016))).toMatchObject({ years: { length: 30 } });
    expect(problem(reportPeriods([info('admissions', '1986-06-01', '2017-01-01')], 2016))).toBe(
      'the data start in 1986, more than 30 years before 2016: give a later --year or fewer years of data',
    );
  });

  it('need a dated event', () => {
    expect(problem(reportPeriods([info('population', null)], 2016))).toBe('the loaded extracts contain no dated events: nothing to report');
  });
});

describe("an evaluation's windows (SPEC §9)", () => {
  it('before = the N months ending with the month before the start; after = N months from it', () => {
    const { before, after } = projectWindows(month('2017-01'), 3);
    expect([formatDay(before.from), formatDay(before.to), formatDay(after.from), formatDay(after.to)]).toEqual(['2016-10-01', '2016-12-31', '2017-01-01', '2017-03-31']);
  });

  it('within the data give no warning', () => {
    expect(checkProjectWindows([info('referrals', '2016-10-01', '2017-03-31')], month('2017-01'), 3)).toEqual([]);
  });

  it('reaching past the last event date, or before the first, each give a warning', () => {
    // Events 2016-10-02 … 2017-03-30: the before window starts a day early, the after window ends a day late.
    const warnings = checkProjectWindows([info('referrals', '2016-10-02', '2017-03-30')], month('2017-01'), 3);
    expect(warnings).toEqual([
      'the after window (2017-01-01 – 2017-03-31) reaches past the last event date of the data (2017-03-30): its figures are incomplete',
      'the before window (2016-10-01 – 2016-12-31) starts before the first event date of the data (2016-10-02): its figures are incomplete',
    ]);
  });

  it('need a start month that overlaps the event dates, measurement periods left out', () => {
    const infos = [info('referrals', '2016-10-02', '2017-03-30'), info('measurements', '2015-01-01', '2020-12-31')];
    expect(checkProjectWindows(infos, month('2017-03'), 3)).not.toBeInstanceOf(RangeProblem); // its 30 days overlap
    expect(problem(checkProjectWindows(infos, month('2017-04'), 3))).toBe('--start 2017-04 is outside the data (event dates from 2016-10-02 to 2017-03-30)');
    expect(problem(checkProjectWindows(infos, month('2016-09'), 3))).toBe('--start 2016-09 is outside the data (event dates from 2016-10-02 to 2017-03-30)');
    expect(problem(checkProjectWindows([info('measurements', '2015-01-01', '2020-12-31')], month('2016-01'), 3))).toBe(
      'the loaded extracts contain no dated events to evaluate',
    );
  });
});
