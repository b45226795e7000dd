import { describe, expect, it } from 'vitest';
import { parsePeriodArgument, parsePeriodArguments, PeriodError, yearsBetween } from '../../src/calc/periods.js';
import { formatDay } from '../../src/calc/time.js';
import { day } from '../helpers/records.js';

const span = (text: string) => parsePeriodArgument(text).map((p) => `${p.id}:${formatDay(p.from)}..${formatDay(p.to)}`);

describe('periods (SPEC §1.3, §3.1)', () => {
  it('YYYY is a calendar year with inclusive first and last day', () => {
    expect(span('2016')).toEqual(['2016:2016-01-01..2016-12-31']);
  });

  it('YYYY-Qn is a quarter; Q1 of a leap year ends 31 March, Q4 ends 31 December', () => {
    expect(span('2016-Q1')).toEqual(['2016-Q1:2016-01-01..2016-03-31']);
    expect(span('2016-Q4')).toEqual(['2016-Q4:2016-10-01..2016-12-31']);
    expect(span('2016-q2')).toEqual(['2016-Q2:2016-04-01..2016-06-30']);
  });

  it('YYYY-MM is a month; February has 29 days in 2016 and 28 in 2017', () => {
    expect(span('2016-02')).toEqual(['2016-02:2016-02-01..2016-02-29']);
    expect(span('2017-02')).toEqual(['2017-02:2017-02-01..2017-02-28']);
  });

  it('a range of months 2016-01..2016-12 yields twelve monthly periods', () => {
    const ps = parsePeriodArgument('2016-01..2016-12');
    expect(ps.map((p) => p.id)).toEqual(['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06', '2016-07', '2016-08', '2016-09', '2016-10', '2016-11', '2016-12']);
  });

  it('ranges of quarters and years cross year ends', () => {
    expect(parsePeriodArgument('2016-Q3..2017-Q2').map((p) => p.id)).toEqual(['2016-Q3', '2016-Q4', '2017-Q1', '2017-Q2']);
    expect(parsePeriodArgument('2015..2017').map((p) => p.id)).toEqual(['2015', '2016', '2017']);
  });

  it('a period starts in its population year', () => {
    expect(parsePeriodArgument('2017-Q4')[0].year).toBe(2017);
  });

  it('several --period values are kept in order without duplicates', () => {
    expect(parsePeriodArguments(['2016', '2015', '2016', '2016-Q1']).map((p) => p.id)).toEqual(['2016', '2015', '2016-Q1']);
  });

  it.each(['16', '2016-13', '2016-00', '2016-Q5', '2016-Q0', '2016/01', '2016-1', 'x', '', '2016..2016-Q2', '2017..2016', '2016-01..', '2016..2017..2018'])(
    'rejects "%s" with the accepted forms in the message',
    (text) => {
      expect(() => parsePeriodArgument(text)).toThrow(PeriodError);
      expect(() => parsePeriodArgument(text)).toThrow(/YYYY|same kind|ends before/);
    },
  );

  it('default periods are every calendar year from the first to the last event date', () => {
    expect(yearsBetween(day('2015-06-30'), day('2017-01-01')).map((p) => p.id)).toEqual(['2015', '2016', '2017']);
  });
});
