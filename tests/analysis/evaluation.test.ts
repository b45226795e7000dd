import { describe, expect, it } from 'vitest';
import { projectEffect, verdictOf, type EvaluationCell, type EvaluationCells } from '../../src/analysis/evaluation.js';
import { Z95 } from '../../src/calc/statistics.js';
import { expectClose, expectCloseInterval } from './close.js';

const count = (x: number): EvaluationCell => ({ numerator: x, denominator: null, value: x, suppressed: false });
const percent = (x: number, n: number): EvaluationCell => ({ numerator: x, denominator: n, value: (x / n) * 100, suppressed: false });
const rate = (x: number, n: number): EvaluationCell => ({ numerator: x, denominator: n, value: (x / n) * 1000, suppressed: false });
const dkk = (sum: number, n: number): EvaluationCell => ({ numerator: sum, denominator: n, value: sum / n, suppressed: false });
const SUPPRESSED: EvaluationCell = { numerator: null, denominator: null, value: null, suppressed: true };

function cells(ib: EvaluationCell, ia: EvaluationCell, cb: EvaluationCell, ca: EvaluationCell): EvaluationCells {
  return { intervention: { before: ib, after: ia }, comparison: { before: cb, after: ca } };
}

// Worked example 6 (../shared/examples/project-evaluation): Horsens cluster from 2018-03, six
// months before and after, against the rest of the region; the cells are the README's.
describe('the three effects of worked example 6 (SPEC §9)', () => {
  it('prevention-referrals (count, higher is better): ratio of rate ratios 2.181818 [0.5657654, 8.413965], no_clear_change', () => {
    // 12/5 = 2.4, 11/10 = 1.1, did = 2.4/1.1; SE = √(1/5 + 1/12 + 1/10 + 1/11) = 0.6886526.
    const effect = projectEffect(cells(count(5), count(12), count(10), count(11)), 'count', 'higher_is_better');
    expect(effect.measure).toBe('ratio');
    expectClose(effect.change_intervention, 2.4);
    expectClose(effect.change_comparison, 1.1);
    expectClose(effect.did, 2.1818181818181817);
    expectCloseInterval(effect.ci95, [0.5657654048026229, 8.413965467141136]);
    expect(effect.verdict).toBe('no_clear_change');
  });

  it('rehab-timely-start (percent, higher is better): did 60 [5.261185, 114.7388], improvement', () => {
    // var = (0.3·0.7 + 0.9·0.1 + 0.6·0.4 + 0.6·0.4)/10 × 100² = 780; 60 ∓ z·√780.
    const effect = projectEffect(cells(percent(3, 10), percent(9, 10), percent(6, 10), percent(6, 10)), 'percent', 'higher_is_better');
    expect(effect.measure).toBe('difference');
    expectClose(effect.change_intervention, 60);
    expectClose(effect.change_comparison, 0);
    expectClose(effect.did, 60);
    expectCloseInterval(effect.ci95, [5.261184885481697, 114.7388151145183]);
    expect(effect.verdict).toBe('improvement');
  });

  it('ready-for-discharge-days (per_1000, lower is better): did 8.849906 [4.140381, 13.55943], deterioration', () => {
    // var = 30/5000² + 75/5200² + 60/8000² + 58/8200², × 1000² = 1.2 + 2.773669 + 0.9375 + 0.8625818 = 5.773750.
    const effect = projectEffect(cells(rate(30, 5000), rate(75, 5200), rate(60, 8000), rate(58, 8200)), 'per_1000', 'lower_is_better');
    expect(effect.measure).toBe('difference');
    expectClose(effect.change_intervention, 8.423076923076923);
    expectClose(effect.change_comparison, -0.42682926829268286);
    expectClose(effect.did, 8.849906191369605);
    expectCloseInterval(effect.ci95, [4.140381317315598, 13.559431065423613]);
    expect(effect.verdict).toBe('deterioration');
  });

  it('returns exactly the fields of an effect: measure, change_intervention, change_comparison, did, ci95, verdict', () => {
    const effect = projectEffect(cells(count(5), count(12), count(10), count(11)), 'count', 'higher_is_better');
    expect(Object.keys(effect)).toEqual(['measure', 'change_intervention', 'change_comparison', 'did', 'ci95', 'verdict']);
  });
});

describe('difference in differences (SPEC §9)', () => {
  it('percent: var = p(1 − p)/n × 100² per cell; a cell at 0 % adds nothing (worked by hand)', () => {
    // I: 0/20 → 5/20 (0 → 25), C: 2/10 → 2/10 (20 → 20): did = 25.
    // var = 0 + 0.25·0.75/20 × 10⁴ + 0.2·0.8/10 × 10⁴ × 2 = 93.75 + 160 + 160 = 413.75.
    const effect = projectEffect(cells(percent(0, 20), percent(5, 20), percent(2, 10), percent(2, 10)), 'percent', 'higher_is_better');
    expectClose(effect.did, 25);
    expectCloseInterval(effect.ci95, [25 - Z95 * Math.sqrt(413.75), 25 + Z95 * Math.sqrt(413.75)]);
  });

  it('rates: var = x/n² × 1000² per cell (worked by hand)', () => {
    // I: 10/1000 → 20/1000 (10 → 20 ‰), C: 10/2000 → 10/2000 (5 → 5 ‰): did = 10.
    // var = (10 + 20)/1000² × 1000² + 2·10/2000² × 1000² = 30 + 5 = 35.
    const effect = projectEffect(cells(rate(10, 1000), rate(20, 1000), rate(10, 2000), rate(10, 2000)), 'per_1000', 'lower_is_better');
    expectClose(effect.did, 10);
    expectCloseInterval(effect.ci95, [10 - Z95 * Math.sqrt(35), 10 + Z95 * Math.sqrt(35)]);
    // 10 ∓ 1.959964·5.916080 = [−1.595, 21.595] contains 0
    expect(effect.verdict).toBe('no_clear_change');
  });

  it('rates with no events in any cell: did 0 with the interval [0, 0] (SPEC §9 has no zero-count rule for differences)', () => {
    const effect = projectEffect(cells(rate(0, 1000), rate(0, 1000), rate(0, 2000), rate(0, 2000)), 'per_1000', 'lower_is_better');
    expect(effect.did).toBe(0);
    expect(effect.ci95).toEqual([0, 0]);
    expect(effect.verdict).toBe('no_clear_change');
  });

  it('DKK per capita: did without an interval and without a verdict', () => {
    // I: 1000/10 → 1500/10 (100 → 150), C: 800/8 → 880/8 (100 → 110): did = 50 − 10 = 40.
    const effect = projectEffect(cells(dkk(1000, 10), dkk(1500, 10), dkk(800, 8), dkk(880, 8)), 'dkk_per_capita', 'lower_is_better');
    expect(effect).toEqual({ measure: 'difference', change_intervention: 50, change_comparison: 10, did: 40, ci95: null, verdict: null });
  });

  it('a null (suppressed) cell nulls did, its interval and the verdict; the other side\'s change stays', () => {
    const effect = projectEffect(cells(percent(3, 10), SUPPRESSED, percent(6, 10), percent(6, 10)), 'percent', 'higher_is_better');
    expect(effect).toEqual({ measure: 'difference', change_intervention: null, change_comparison: 0, did: null, ci95: null, verdict: null });
  });

  it('a cell with a zero denominator (value null) nulls did', () => {
    const empty: EvaluationCell = { numerator: 0, denominator: 0, value: null, suppressed: false };
    const effect = projectEffect(cells(percent(3, 10), percent(9, 10), empty, percent(6, 10)), 'percent', 'higher_is_better');
    expect(effect.did).toBeNull();
    expect(effect.change_comparison).toBeNull();
    expect(effect.verdict).toBeNull();
  });
});

describe('ratio of rate ratios for counts (SPEC §9)', () => {
  it('did = (I_a/I_b)/(C_a/C_b) with exp(ln did ± z √Σ1/x) (worked by hand)', () => {
    // I: 10 → 20, C: 10 → 10: did = 2; Σ1/x = 0.1 + 0.05 + 0.1 + 0.1 = 0.35.
    const effect = projectEffect(cells(count(10), count(20), count(10), count(10)), 'count', 'higher_is_better');
    expectClose(effect.did, 2);
    expectCloseInterval(effect.ci95, [2 * Math.exp(-Z95 * Math.sqrt(0.35)), 2 * Math.exp(Z95 * Math.sqrt(0.35))]);
    // [0.6273, 6.3769] contains 1
    expect(effect.verdict).toBe('no_clear_change');
  });

  it('a before count of 0 nulls that side\'s change, did and the interval', () => {
    const effect = projectEffect(cells(count(0), count(12), count(10), count(11)), 'count', 'higher_is_better');
    expect(effect.change_intervention).toBeNull();
    expectClose(effect.change_comparison, 1.1);
    expect(effect.did).toBeNull();
    expect(effect.ci95).toBeNull();
    expect(effect.verdict).toBeNull();
  });

  it('an after count of 0 gives a change of 0 but nulls did and the interval', () => {
    const effect = projectEffect(cells(count(5), count(12), count(10), count(0)), 'count', 'higher_is_better');
    expectClose(effect.change_intervention, 2.4);
    expect(effect.change_comparison).toBe(0);
    expect(effect.did).toBeNull();
    expect(effect.ci95).toBeNull();
    expect(effect.verdict).toBeNull();
  });

  it('a suppressed count nulls did', () => {
    const effect = projectEffect(cells(count(5), SUPPRESSED, count(10), count(11)), 'count', 'higher_is_better');
    expect(effect).toEqual({ measure: 'ratio', change_intervention: null, change_comparison: 1.1, did: null, ci95: null, verdict: null });
  });

  it('a clear rise in counts is an improvement when higher is better and a deterioration when lower is', () => {
    // I: 100 → 400, C: 100 → 100: did = 4, Σ1/x = 0.0325, z√ = 0.353338 → [2.8094, 5.6952], above 1.
    const rise = cells(count(100), count(400), count(100), count(100));
    expect(projectEffect(rise, 'count', 'higher_is_better').verdict).toBe('improvement');
    expect(projectEffect(rise, 'count', 'lower_is_better').verdict).toBe('deterioration');
  });
});

describe('verdict (SPEC §9)', () => {
  it('difference: an interval strictly above 0 is an improvement when higher is better, a deterioration when lower is', () => {
    expect(verdictOf([0.1, 5], 0, 'higher_is_better')).toBe('improvement');
    expect(verdictOf([0.1, 5], 0, 'lower_is_better')).toBe('deterioration');
    expect(verdictOf([-5, -0.1], 0, 'higher_is_better')).toBe('deterioration');
    expect(verdictOf([-5, -0.1], 0, 'lower_is_better')).toBe('improvement');
  });

  it('an interval containing or touching the no-change value is no_clear_change', () => {
    expect(verdictOf([-1, 5], 0, 'higher_is_better')).toBe('no_clear_change');
    expect(verdictOf([0, 5], 0, 'higher_is_better')).toBe('no_clear_change');
    expect(verdictOf([-5, 0], 0, 'lower_is_better')).toBe('no_clear_change');
    expect(verdictOf([1, 3], 1, 'higher_is_better')).toBe('no_clear_change');
    expect(verdictOf([0.2, 1], 1, 'lower_is_better')).toBe('no_clear_change');
    // within 1e-9 (relative) of 1 still touches it
    expect(verdictOf([1 + 5e-10, 3], 1, 'higher_is_better')).toBe('no_clear_change');
  });

  it('ratio: an interval strictly above 1 is a rise, strictly below 1 a fall', () => {
    expect(verdictOf([1 + 1e-6, 3], 1, 'higher_is_better')).toBe('improvement');
    expect(verdictOf([0.2, 0.9], 1, 'higher_is_better')).toBe('deterioration');
    expect(verdictOf([0.2, 0.9], 1, 'lower_is_better')).toBe('improvement');
  });

  it('no interval, no verdict', () => {
    expect(verdictOf(null, 0, 'higher_is_better')).toBeNull();
  });

  it('without a direction a clear change has no verdict, an unclear one is no_clear_change', () => {
    expect(verdictOf([0.1, 5], 0, 'none')).toBeNull();
    expect(verdictOf([-1, 5], 0, 'none')).toBe('no_clear_change');
  });
});
