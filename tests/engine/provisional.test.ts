// Provisional results (SPEC §13.2): each follow-up rule at its boundary (a follow-up that ends
// on the data end is complete; one day later it is not), the data end of each extract, and
// the engine deciding per result (indicator, period, group).

import { describe, expect, it } from 'vitest';
import { parsePeriodArguments, parsePeriodId } from '../../src/calc/periods.js';
import { addCalendarMonths, formatDay } from '../../src/calc/time.js';
import { dataEndOf, followUpEndOf, provisionalOf } from '../../src/engine/provisional.js';
import { runIndicators } from '../../src/engine/run.js';
import { prepare } from '../../src/facts/index.js';
import { findIndicator } from '../../src/indicators/catalogue.js';
import { week24Day } from '../../src/indicators/referrals.js';
import type { CountingIndicator } from '../../src/indicators/types.js';
import type { LoadedData } from '../../src/extracts/records.js';
import { day, loaded, referral } from '../helpers/records.js';

const counting = (id: string) => findIndicator(id) as CountingIndicator;
const period = (id: string) => parsePeriodId(id)!;
/** The follow-up end of a fixed-window indicator for a period, as an ISO date. */
const endOf = (id: string, p: string) => formatDay(followUpEndOf(counting(id).followUp!, period(p), null)!);
const isProvisional = (id: string, p: string, dataEnd: string, latestUnitEnd: string | null = null) =>
  provisionalOf(counting(id).followUp, period(p), latestUnitEnd === null ? null : day(latestUnitEnd), day(dataEnd), 'referrals').provisional;

describe('follow-up rules at their boundary (SPEC §13.2)', () => {
  it('readmission-30d: the period\'s last day + 30 days; equal to the data end is complete, one day later is provisional', () => {
    // 2017-04-30 + 30 days = 2017-05-30.
    expect(endOf('readmission-30d', '2017-04')).toBe('2017-05-30');
    expect(isProvisional('readmission-30d', '2017-04', '2017-05-30')).toBe(false);
    expect(isProvisional('readmission-30d', '2017-04', '2017-05-29')).toBe(true);
    // A year: 2016-12-31 + 30 = 2017-01-30.
    expect(endOf('readmission-30d', '2016')).toBe('2017-01-30');
  });

  it('rehab-contact-3-workdays: the third working day after the period\'s last day', () => {
    // August 2019 ends Sat 08-31: Mon 09-02, Tue 09-03, Wed 09-04 (the monitoring example).
    expect(endOf('rehab-contact-3-workdays', '2019-08')).toBe('2019-09-04');
    expect(isProvisional('rehab-contact-3-workdays', '2019-08', '2019-09-04')).toBe(false);
    expect(isProvisional('rehab-contact-3-workdays', '2019-08', '2019-09-03')).toBe(true);
    // March 2024 ends Sun 03-31; Mon 04-01 is Easter Monday: Tue 04-02, Wed 04-03, Thu 04-04.
    expect(endOf('rehab-contact-3-workdays', '2024-03')).toBe('2024-04-04');
    // 2023 ends Sun 12-31; Mon 2024-01-01 is New Year's Day: Tue 01-02, Wed 01-03, Thu 01-04.
    expect(endOf('rehab-contact-3-workdays', '2023')).toBe('2024-01-04');
  });

  it('smoke-free-6m and -itt: the last day + 6 calendar months, clipped to the month\'s last day', () => {
    for (const id of ['smoke-free-6m', 'smoke-free-6m-itt']) {
      // 2019-12-31 + 6 months: June has no 31st → 2020-06-30.
      expect(endOf(id, '2019')).toBe('2020-06-30');
      expect(isProvisional(id, '2019', '2020-06-30')).toBe(false);
      expect(isProvisional(id, '2019', '2020-06-29')).toBe(true);
      // 2019-08-31 + 6 months → 29 February 2020 (a leap year); 2018-08-31 → 28 February 2019.
      expect(endOf(id, '2019-08')).toBe('2020-02-29');
      expect(endOf(id, '2018-08')).toBe('2019-02-28');
      // A quarter ending on the 30th: 2019-09-30 + 6 months = 2020-03-30 (the same day).
      expect(endOf(id, '2019-Q3')).toBe('2020-03-30');
    }
    expect(formatDay(addCalendarMonths(day('2019-10-31'), 4))).toBe('2020-02-29');
  });

  it('rehab-timely-start and the vulnerable-pregnancy team: the latest denominator unit\'s own date', () => {
    for (const id of ['rehab-timely-start', 'vulnerable-pregnancy-team-before-week-24']) {
      expect(counting(id).followUp?.kind).toBe('per_unit');
      expect(isProvisional(id, '2024', '2024-03-10', '2024-03-10')).toBe(false);
      expect(isProvisional(id, '2024', '2024-03-10', '2024-03-11')).toBe(true);
      // No unit in the denominator: nothing is waited for.
      expect(isProvisional(id, '2024', '2024-03-10', null)).toBe(false);
    }
    // Gestational day 168 = expected delivery − 112 days: 2018-06-22 − 112 = 2018-03-02.
    expect(formatDay(week24Day(day('2018-06-22')))).toBe('2018-03-02');
  });

  it('indicators without a forward-looking numerator are never provisional', () => {
    for (const id of ['preventable-admissions-65', 'prevention-referrals', 'smoking-reach-short-education']) {
      expect(counting(id).followUp).toBeUndefined();
      expect(provisionalOf(undefined, period('2024'), null, day('2000-01-01'), 'referrals')).toEqual({ provisional: false, note: null });
    }
  });

  it('without a data end nothing is provisional; the note names the follow-up, its end and the data end', () => {
    expect(provisionalOf(counting('readmission-30d').followUp, period('2017-04'), null, null, 'admissions').provisional).toBe(false);
    expect(provisionalOf(counting('readmission-30d').followUp, period('2017-04'), null, day('2017-05-01'), 'admissions').note).toBe(
      "provisional: the 30-day readmission follow-up of the period's last discharges runs to 2017-05-30 and lies past the data end 2017-05-01 of admissions.csv",
    );
  });
});

describe('the data end of an extract (SPEC §13.2)', () => {
  it('--data-end applies to every dated extract; without it the extract\'s own latest date', () => {
    expect(dataEndOf({ extract: 'referrals', dataEnd: day('2019-08-26') }, undefined)).toBe(day('2019-08-26'));
    expect(dataEndOf({ extract: 'referrals', dataEnd: day('2019-08-26') }, day('2019-09-04'))).toBe(day('2019-09-04'));
    // A dated extract whose rows were all left out: --data-end still names its end.
    expect(dataEndOf({ extract: 'smoking', dataEnd: null }, day('2019-09-04'))).toBe(day('2019-09-04'));
    expect(dataEndOf({ extract: 'smoking', dataEnd: null }, undefined)).toBeNull();
  });

  it('population, measurements and baselines have no data end, even with --data-end', () => {
    for (const extract of ['population', 'measurements', 'baselines'] as const) {
      expect(dataEndOf({ extract, dataEnd: null }, day('2019-09-04'))).toBeNull();
    }
  });
});

describe('the engine decides provisional per result (SPEC §13.2)', () => {
  /** Referrals with the extract's own data end set, as the loader would find it. */
  function referrals(rows: Parameters<typeof referral>[0][], dataEnd: string): LoadedData {
    const data = loaded('referrals', rows.map(referral), ['received_at', 'start_due_by', 'started_at', 'contacted_at', 'sex']);
    data.referrals!.info.dataEnd = day(dataEnd);
    return data;
  }
  const run = (id: string, data: LoadedData, periods: string[], by: string[], dataEnd?: string) =>
    runIndicators([findIndicator(id)!], prepare(data), {
      periods: parsePeriodArguments(periods),
      by: by as never,
      minCell: 0,
      dataEnd: dataEnd === undefined ? undefined : day(dataEnd),
    });

  it('a per-referral follow-up is decided from each result\'s own denominator referrals', () => {
    // Two plans received in January 2024: a woman's due 2024-03-12, a man's due 2024-03-05; a
    // third (woman) without start_due_by is left out of the denominator and does not count.
    // Data end 2024-03-10: the total (latest 03-12) and the women are provisional, the men not.
    const data = referrals(
      [
        { referredAt: day('2024-01-02'), offer: 'rehabilitation', receivedAt: day('2024-01-03'), startDueBy: day('2024-03-12'), sex: 'F' },
        { referredAt: day('2024-01-02'), offer: 'rehabilitation', receivedAt: day('2024-01-03'), startDueBy: day('2024-03-05'), sex: 'M' },
        { referredAt: day('2024-01-02'), offer: 'rehabilitation', receivedAt: day('2024-01-03'), sex: 'M' },
      ],
      '2024-03-10',
    );
    const out = run('rehab-timely-start', data, ['2024-01'], ['sex']);
    expect(out.results.map((r) => [JSON.stringify(r.group), r.denominator, r.provisional])).toEqual([
      ['{}', 2, true],
      ['{"sex":"F"}', 1, true],
      ['{"sex":"M"}', 1, false],
    ]);
    expect(out.results[0].notes).toContain(
      'provisional: the latest start_due_by of the units in the denominator, 2024-03-12, lies past the data end 2024-03-10 of referrals.csv',
    );
    expect(out.results[2].notes.some((n) => n.startsWith('provisional'))).toBe(false);
    // The status is decided as usual (no target, no baseline).
    expect(out.results[0].status).toBe('no_target');
    // --data-end on the due date itself: complete.
    expect(run('rehab-timely-start', data, ['2024-01'], ['sex'], '2024-03-12').results.map((r) => r.provisional)).toEqual([false, false, false]);
  });

  it('a fixed window is the same for every group of a period; --data-end wins over the extract\'s own date', () => {
    // Plans received 2019-08-30 (F) and 2019-07-10 (M); the extract's own data end 2019-08-30.
    // August's deadline 2019-09-04 > 08-30: every August result is provisional; July's deadline
    // (Mon 2019-08-05) is not. With --data-end 2019-09-04 nothing is.
    const data = referrals(
      [
        { referredAt: day('2019-08-30'), offer: 'rehabilitation', receivedAt: day('2019-08-30'), contactedAt: day('2019-08-30'), sex: 'F' },
        { referredAt: day('2019-07-10'), offer: 'rehabilitation', receivedAt: day('2019-07-10'), contactedAt: day('2019-07-11'), sex: 'M' },
      ],
      '2019-08-30',
    );
    const out = run('rehab-contact-3-workdays', data, ['2019-07', '2019-08'], ['sex']);
    expect(out.results.map((r) => [r.period, JSON.stringify(r.group), r.provisional])).toEqual([
      ['2019-07', '{}', false],
      ['2019-07', '{"sex":"M"}', false],
      ['2019-08', '{}', true],
      ['2019-08', '{"sex":"F"}', true],
    ]);
    expect(run('rehab-contact-3-workdays', data, ['2019-07', '2019-08'], ['sex'], '2019-09-04').results.every((r) => !r.provisional)).toBe(true);
  });

  it('a suppressed provisional result keeps provisional: true (and its status not_computed)', () => {
    const data = referrals([{ referredAt: day('2019-08-30'), offer: 'rehabilitation', receivedAt: day('2019-08-30'), sex: 'F' }], '2019-08-30');
    const out = runIndicators([findIndicator('rehab-contact-3-workdays')!], prepare(data), {
      periods: parsePeriodArguments(['2019-08']),
      by: [],
      minCell: 5,
    });
    expect(out.results[0]).toMatchObject({ suppressed: true, status: 'not_computed', provisional: true });
  });
});
