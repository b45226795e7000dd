import { describe, expect, it } from 'vitest';
import { csv, load } from './helpers.js';

const H = 'indicator,period,numerator,denominator,value,source';

describe('measurements.csv (SPEC §2.7)', () => {
  it('reads values with the period normalised and missing numbers as null', async () => {
    const { data, problems } = await load(
      'measurements',
      csv(H, 'stratified-courses,2016,7,10,,audit of 10 courses', 'Unsafe-Sex-16-24,2019-q3,,,"21,5",', 'audits-with-citizens,2019-01,3,4,75,'),
    );
    expect(problems).toEqual([]);
    expect(data.measurements!.records).toEqual([
      { line: 2, indicator: 'stratified-courses', period: '2016', numerator: 7, denominator: 10, value: null, source: 'audit of 10 courses' },
      { line: 3, indicator: 'unsafe-sex-16-24', period: '2019-Q3', numerator: null, denominator: null, value: 21.5, source: null },
      { line: 4, indicator: 'audits-with-citizens', period: '2019-01', numerator: 3, denominator: 4, value: 75, source: null },
    ]);
  });

  it('rejects a period that is not one period id', async () => {
    const { messages } = await load('measurements', csv(H, 'x,2016-01..2016-03,1,2,,', 'x,16,1,2,,'));
    expect(messages).toEqual([
      '2: period: "2016-01..2016-03" is not a period (expected YYYY, YYYY-Qn or YYYY-MM, e.g. 2016, 2016-Q3, 2016-01)',
      '3: period: "16" is not a period (expected YYYY, YYYY-Qn or YYYY-MM, e.g. 2016, 2016-Q3, 2016-01)',
    ]);
  });

  it('requires (indicator, period) unique, comparing normalised periods', async () => {
    const { messages } = await load('measurements', csv(H, 'x,2016-Q1,1,2,,', 'x,2016-q1,1,2,,', 'x,2016,1,2,,'));
    expect(messages).toEqual(['3: period: duplicate measurement: "x" for period 2016-Q1 already on line 2; (indicator, period) must be unique']);
  });
});
