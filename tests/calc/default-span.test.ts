// The 30-year rule for default periods (SPEC §6.2; monitor's default months too, §7).

import { describe, expect, it } from 'vitest';
import { defaultSpanProblem, MAX_DEFAULT_SPAN_YEARS } from '../../src/calc/periods.js';
import { day } from '../helpers/records.js';

describe('default periods may span at most 30 calendar years (SPEC §6.2)', () => {
  it('30 calendar years is allowed: 1990-01-01 … 2019-12-31 (2019 − 1990 + 1 = 30)', () => {
    expect(MAX_DEFAULT_SPAN_YEARS).toBe(30);
    expect(defaultSpanProblem(day('1990-01-01'), day('2019-12-31'))).toBeNull();
  });

  it('31 calendar years is not, even when the dates are only 29 years and 2 days apart: 1990-12-31 … 2020-01-01', () => {
    // Calendar years, not elapsed time: 2020 − 1990 + 1 = 31 > 30.
    expect(defaultSpanProblem(day('1990-12-31'), day('2020-01-01'))).toMatch(/31 calendar years/);
  });

  it('the message names the dates, where they are, and asks for --period', () => {
    const message = defaultSpanProblem(day('1900-01-01'), day('2099-12-31'), { first: 'a.csv', last: 'b.csv' });
    expect(message).toBe(
      'the event dates run from 1900-01-01 (a.csv) to 2099-12-31 (b.csv), 200 calendar years; default periods span at ' +
        'most 30: give --period (e.g. --period 2097..2099), or check those dates',
    );
  });
});
