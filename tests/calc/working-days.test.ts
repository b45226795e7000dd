import { describe, expect, it } from 'vitest';
import { formatDay, isoWeekday } from '../../src/calc/time.js';
import {
  easterSunday,
  isPublicHoliday,
  isWorkingDay,
  nthWorkingDayAfter,
  publicHolidays,
} from '../../src/calc/working-days.js';
import { day } from '../helpers/records.js';

const MON = 1;
const TUE = 2;
const WED = 3;
const THU = 4;
const FRI = 5;
const SAT = 6;
const SUN = 7;

describe('easterSunday (computed, SPEC §3.1)', () => {
  // Published Easter dates (Gregorian); 1818 and 2285 are the earliest possible (22 March),
  // 1943 and 2038 the latest (25 April).
  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2015, '2015-04-05'],
    [2016, '2016-03-27'],
    [2017, '2017-04-16'],
    [2018, '2018-04-01'],
    [2019, '2019-04-21'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s', (year, date) => {
    expect(formatDay(easterSunday(year))).toBe(date);
  });

  it('Easter is always a Sunday between 22 March and 25 April (years 1583–3000)', () => {
    for (let y = 1583; y <= 3000; y++) {
      const e = easterSunday(y);
      expect(isoWeekday(e)).toBe(SUN);
      expect(e).toBeGreaterThanOrEqual(day(`${y}-03-22`));
      expect(e).toBeLessThanOrEqual(day(`${y}-04-25`));
    }
  });
});

describe('Danish public holidays (SPEC §3.1)', () => {
  // Table of examples/working-days-and-rehabilitation/README.md.
  it.each([
    [2019, ['2019-01-01', '2019-04-18', '2019-04-19', '2019-04-22', '2019-05-17', '2019-05-30', '2019-06-10', '2019-12-25', '2019-12-26']],
    [2023, ['2023-01-01', '2023-04-06', '2023-04-07', '2023-04-10', '2023-05-05', '2023-05-18', '2023-05-29', '2023-12-25', '2023-12-26']],
    // 2024: no Store Bededag (abolished after 2023).
    [2024, ['2024-01-01', '2024-03-28', '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-20', '2024-12-25', '2024-12-26']],
  ])('the holidays of %i that can fall on a weekday are exactly these', (year, dates) => {
    expect(publicHolidays(year).map((h) => formatDay(h.day))).toEqual(dates);
  });

  it('the holidays fall on their weekdays: Maundy Thursday, Good Friday, Easter Monday, Store Bededag (Friday), Ascension (Thursday), Whit Monday', () => {
    for (const year of [2015, 2016, 2017, 2018, 2019, 2023]) {
      const names = Object.fromEntries(publicHolidays(year).map((h) => [h.name, isoWeekday(h.day)]));
      expect(names).toMatchObject({
        Skærtorsdag: THU,
        Langfredag: FRI,
        '2. påskedag': MON,
        'Store bededag': FRI,
        'Kristi himmelfartsdag': THU,
        '2. pinsedag': MON,
      });
    }
  });

  it('Store Bededag is the 4th Friday after Easter: 2023-05-05 = Easter 9 April + 26 days', () => {
    expect(day('2023-05-05') - easterSunday(2023)).toBe(26);
    expect(isPublicHoliday(day('2023-05-05'))).toBe(true);
  });
});

describe('isWorkingDay (SPEC §3.1)', () => {
  it('Store Bededag 2023 (Fri 2023-05-05) is not a working day', () => {
    expect(isoWeekday(day('2023-05-05'))).toBe(FRI);
    expect(isWorkingDay(day('2023-05-05'))).toBe(false);
  });

  it('the same Friday in 2024 (4th Friday after Easter 31 March: Fri 2024-04-26) is a working day: Store Bededag was abolished after 2023', () => {
    // 2024-03-31 + 26 days = 2024-04-26.
    expect(formatDay(easterSunday(2024) + 26)).toBe('2024-04-26');
    expect(isoWeekday(day('2024-04-26'))).toBe(FRI);
    expect(isWorkingDay(day('2024-04-26'))).toBe(true);
    // and Fri 2024-05-03, the same calendar position as 2023-05-05, too.
    expect(isoWeekday(day('2024-05-03'))).toBe(FRI);
    expect(isWorkingDay(day('2024-05-03'))).toBe(true);
  });

  it('5 June (Grundlovsdag), 24 and 31 December are working days when they fall on a weekday', () => {
    expect(isoWeekday(day('2019-06-05'))).toBe(WED);
    expect(isWorkingDay(day('2019-06-05'))).toBe(true);
    expect(isoWeekday(day('2019-12-24'))).toBe(TUE);
    expect(isWorkingDay(day('2019-12-24'))).toBe(true);
    expect(isoWeekday(day('2019-12-31'))).toBe(TUE);
    expect(isWorkingDay(day('2019-12-31'))).toBe(true);
  });

  it('5 June 2017 is not a working day, because it is Whit Monday (Easter 16 April + 50 days)', () => {
    expect(isoWeekday(day('2017-06-05'))).toBe(MON);
    expect(isWorkingDay(day('2017-06-05'))).toBe(false);
  });

  it('1 January, 25 and 26 December on weekdays are not working days', () => {
    expect(isoWeekday(day('2019-01-01'))).toBe(TUE);
    expect(isWorkingDay(day('2019-01-01'))).toBe(false);
    expect(isoWeekday(day('2019-12-25'))).toBe(WED);
    expect(isWorkingDay(day('2019-12-25'))).toBe(false);
    expect(isoWeekday(day('2019-12-26'))).toBe(THU);
    expect(isWorkingDay(day('2019-12-26'))).toBe(false);
  });

  it('1 May is not on the holiday list: Wed 2024-05-01 is a working day', () => {
    expect(isoWeekday(day('2024-05-01'))).toBe(WED);
    expect(isWorkingDay(day('2024-05-01'))).toBe(true);
  });

  it('Saturdays and Sundays are never working days, and a plain weekday is one', () => {
    expect(isoWeekday(day('2017-04-22'))).toBe(SAT);
    expect(isWorkingDay(day('2017-04-22'))).toBe(false);
    expect(isoWeekday(day('2017-04-23'))).toBe(SUN);
    expect(isWorkingDay(day('2017-04-23'))).toBe(false);
    expect(isoWeekday(day('2017-04-20'))).toBe(THU);
    expect(isWorkingDay(day('2017-04-20'))).toBe(true);
  });

  it('Easter 2017: Maundy Thursday 13, Good Friday 14 and Easter Monday 17 April are holidays; Wednesday 12 and Tuesday 18 are working days', () => {
    expect(isWorkingDay(day('2017-04-12'))).toBe(true);
    expect(isWorkingDay(day('2017-04-13'))).toBe(false);
    expect(isWorkingDay(day('2017-04-14'))).toBe(false);
    expect(isWorkingDay(day('2017-04-17'))).toBe(false);
    expect(isWorkingDay(day('2017-04-18'))).toBe(true);
  });

  it('answers do not depend on the order of the questions (alternating between years)', () => {
    const questions: Array<[string, boolean]> = [
      ['2023-05-05', false], // Store Bededag 2023
      ['2024-04-26', true], // the same Friday in 2024
      ['2023-05-05', false],
      ['2022-12-31', false], // Saturday
      ['2023-01-01', false], // Sunday and New Year
      ['2024-01-01', false], // Monday, New Year
      ['2023-12-29', true], // Friday
      ['2024-05-09', false], // Ascension Day 2024
      ['2023-05-18', false], // Ascension Day 2023
    ];
    for (const [date, working] of questions) expect([date, isWorkingDay(day(date))]).toEqual([date, working]);
  });

  it('a year has 365/366 days minus weekends minus holidays on weekdays: 2019 has 261 − 9 = 252, 2024 has 262 − 8 = 254 working days', () => {
    // 2019 starts on a Tuesday: 52 weeks + 1 day (Tue) → 52·5 + 1 = 261 weekdays; all 9
    // holidays of 2019 are weekdays. 2024 (leap) starts on a Monday: 52 weeks + 2 days (Mon,
    // Tue) → 262 weekdays; all 8 holidays of 2024 are weekdays.
    const count = (year: number) => {
      let n = 0;
      for (let d = day(`${year}-01-01`); d <= day(`${year}-12-31`); d++) if (isWorkingDay(d)) n++;
      return n;
    };
    expect(count(2019)).toBe(252);
    expect(count(2024)).toBe(254);
  });
});

describe('nthWorkingDayAfter (SPEC §3.2 no. 9: the receipt day is day 0 whatever it is)', () => {
  it('received Friday 2019-03-08: working days 1, 2, 3 are Mon 11, Tue 12, Wed 13 March', () => {
    expect(formatDay(nthWorkingDayAfter(day('2019-03-08'), 1))).toBe('2019-03-11');
    expect(formatDay(nthWorkingDayAfter(day('2019-03-08'), 3))).toBe('2019-03-13');
  });

  it('a plan received on Saturday 2019-03-16 keeps Saturday as day 0: the third working day is Wed 2019-03-20', () => {
    expect(isoWeekday(day('2019-03-16'))).toBe(SAT);
    expect(formatDay(nthWorkingDayAfter(day('2019-03-16'), 3))).toBe('2019-03-20');
  });

  it('across Easter 2019: received Wed 17 April, the third working day skips 18, 19, 20, 21, 22 April and is Thu 25 April', () => {
    // 1 = Tue 23, 2 = Wed 24, 3 = Thu 25.
    expect(formatDay(nthWorkingDayAfter(day('2019-04-17'), 1))).toBe('2019-04-23');
    expect(formatDay(nthWorkingDayAfter(day('2019-04-17'), 3))).toBe('2019-04-25');
  });

  it('across Ascension Day 2019 (Thu 30 May): received Wed 29 May → Fri 31, Mon 3, Tue 4 June', () => {
    expect(formatDay(nthWorkingDayAfter(day('2019-05-29'), 3))).toBe('2019-06-04');
  });

  it('5 June counts: received Fri 2019-05-31 → Mon 3, Tue 4, Wed 5 June', () => {
    expect(formatDay(nthWorkingDayAfter(day('2019-05-31'), 3))).toBe('2019-06-05');
  });

  it('Store Bededag 2023 is skipped: received Thu 2023-05-04 → Mon 8, Tue 9, Wed 10 May', () => {
    expect(formatDay(nthWorkingDayAfter(day('2023-05-04'), 3))).toBe('2023-05-10');
  });

  it('the same position in 2024 is not: received Thu 2024-04-25 → Fri 26, Mon 29, Tue 30 April', () => {
    expect(formatDay(nthWorkingDayAfter(day('2024-04-25'), 3))).toBe('2024-04-30');
  });

  it('across Christmas and New Year: received Mon 2019-12-23 → Tue 24, Fri 27, Mon 30 December; the 5th is Thu 2 January 2020', () => {
    // 25, 26 Dec (Wed, Thu) holidays; 28, 29 weekend; 31 Dec working; 1 Jan holiday.
    expect(formatDay(nthWorkingDayAfter(day('2019-12-23'), 3))).toBe('2019-12-30');
    expect(formatDay(nthWorkingDayAfter(day('2019-12-23'), 4))).toBe('2019-12-31');
    expect(formatDay(nthWorkingDayAfter(day('2019-12-23'), 5))).toBe('2020-01-02');
  });
});
