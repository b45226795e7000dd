// Education gaps (SPEC §8.2): gap, ratio, slope and relative index of inequality between the
// short-, medium- and long-education groups of one result, from their crude values.
//
// Sources: the gap for percentages is Newcombe's hybrid score interval (Newcombe RG,
// "Interval estimation for the difference between independent proportions", Stat Med
// 1998;17:873-890, method 10), built on the Wilson intervals of src/calc/statistics.ts. The
// ratio's log interval is the usual Katz interval (percent) and the Poisson rate-ratio
// interval (rates). SII/RII follow the WLS definition of PHEindicatormethods R/SII_function.R
// (a_i shares, b_i cumulative midpoints), with the analytic sandwich variance of SPEC §8.2
// instead of PHE's simulation, and the delta method for RII.

import { wilsonInterval, Z95, type Interval } from '../calc/statistics.js';

/** The units that carry equity (SPEC §8.2: percent and per_1000 indicators). */
export type EquityUnit = 'percent' | 'per_1000';

/** The education groups compared, most to least disadvantaged (SPEC §2.1, §8.2). */
export const EDUCATION_ORDER = ['short', 'medium', 'long'] as const;
export type EducationLevel = (typeof EDUCATION_ORDER)[number];

/**
 * One education group's result as `compute` gives it: percent — the two counts; per_1000 —
 * events and population (SPEC §3.1). A suppressed result has null counts and value.
 */
export interface EquityCell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

export interface EquityMeasure {
  value: number | null;
  ci95: Interval | null;
}

export interface EquityGroup {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** The `equity` block of a result, exactly as SPEC §8.2 shapes it. */
export interface Equity {
  gap: EquityMeasure;
  ratio: EquityMeasure;
  sii: EquityMeasure;
  rii: EquityMeasure;
  groups: Record<EducationLevel, EquityGroup>;
}

/** A group's cell, absent when the breakdown did not list it (e.g. no one with long education). */
export type EquityGroups = Partial<Record<EducationLevel, EquityCell | null>>;

/** A group that can enter a measure: not suppressed, with counts, a positive denominator and a value. */
interface Usable {
  x: number;
  n: number;
  value: number;
}

const NO_MEASURE: EquityMeasure = { value: null, ci95: null };

/** The equity block of one result (its group and period) from its three education groups. */
export function educationEquity(unit: EquityUnit, groups: EquityGroups): Equity {
  const short = usable(groups.short);
  const medium = usable(groups.medium);
  const long = usable(groups.long);
  return {
    gap: short && long ? gap(unit, short, long) : { ...NO_MEASURE },
    ratio: short && long ? ratio(unit, short, long) : { ...NO_MEASURE },
    ...(short && medium && long ? inequalityIndices(unit, [short, medium, long]) : { sii: { ...NO_MEASURE }, rii: { ...NO_MEASURE } }),
    groups: {
      short: echo(groups.short),
      medium: echo(groups.medium),
      long: echo(groups.long),
    },
  };
}

function usable(cell: EquityCell | null | undefined): Usable | null {
  if (!cell || cell.suppressed) return null;
  const { numerator: x, denominator: n, value } = cell;
  if (x === null || n === null || value === null || !(n > 0)) return null;
  return { x, n, value };
}

function echo(cell: EquityCell | null | undefined): EquityGroup {
  return cell ? { numerator: cell.numerator, denominator: cell.denominator, value: cell.value } : { numerator: null, denominator: null, value: null };
}

/**
 * gap = v_short − v_long (SPEC §8.2). Percent: Newcombe's hybrid score interval from the two
 * Wilson intervals, L = d − √((p₁ − l₁)² + (u₂ − p₂)²), U = d + √((u₁ − p₁)² + (p₂ − l₂)²)
 * (exists at 0, as Wilson's does). Rates: d ± z √(x₁/n₁² + x₂/n₂²) × 1000, null when both
 * counts are 0.
 */
function gap(unit: EquityUnit, short: Usable, long: Usable): EquityMeasure {
  const d = short.value - long.value;
  if (unit === 'percent') {
    const [l1, u1] = wilsonInterval(short.x, short.n)!;
    const [l2, u2] = wilsonInterval(long.x, long.n)!;
    const p1 = percentOf(short);
    const p2 = percentOf(long);
    return { value: d, ci95: [d - Math.hypot(p1 - l1, u2 - p2), d + Math.hypot(u1 - p1, p2 - l2)] };
  }
  if (short.x === 0 && long.x === 0) return { value: d, ci95: null };
  const half = Z95 * Math.sqrt(short.x / short.n ** 2 + long.x / long.n ** 2) * 1000;
  return { value: d, ci95: [d - half, d + half] };
}

/**
 * ratio = v_short / v_long with exp(ln r ± z·SE) (SPEC §8.2): percent SE = √(1/x₁ − 1/n₁ +
 * 1/x₂ − 1/n₂), rates SE = √(1/x₁ + 1/x₂); value and interval null when x₁ or x₂ is 0.
 */
function ratio(unit: EquityUnit, short: Usable, long: Usable): EquityMeasure {
  if (short.x === 0 || long.x === 0) return { ...NO_MEASURE };
  const r = short.value / long.value;
  const variance =
    unit === 'percent' ? 1 / short.x - 1 / short.n + 1 / long.x - 1 / long.n : 1 / short.x + 1 / long.x;
  const half = Z95 * Math.sqrt(variance);
  return { value: r, ci95: [Math.exp(Math.log(r) - half), Math.exp(Math.log(r) + half)] };
}

/**
 * SII and RII over short → medium → long (SPEC §8.2). a_i = n_i / Σn, b_i = Σ_{j<i} a_j +
 * a_i/2; weighted least squares y_i = β₀ + β₁ b_i with weights a_i, so β = M y with
 * M = (XᵀAX)⁻¹XᵀA; Var(β) = M S Mᵀ = (XᵀAX)⁻¹ XᵀA S A X (XᵀAX)⁻¹, S = diag(se_i²) with
 * se_i = 100 √(p_i(1 − p_i)/n_i) (percent) or 1000 √x_i / n_i (rates).
 * SII = β₁ ± z √Var₁₁. RII = (β₀ + β₁)/β₀ ± z √(g Var gᵀ), g = (−β₁/β₀², 1/β₀); null when
 * β₀ = 0. For rates the intervals are null when all three counts are 0.
 */
function inequalityIndices(unit: EquityUnit, groups: readonly Usable[]): { sii: EquityMeasure; rii: EquityMeasure } {
  const total = groups.reduce((sum, g) => sum + g.n, 0);
  const a = groups.map((g) => g.n / total);
  const b = a.map((ai, i) => a.slice(0, i).reduce((sum, aj) => sum + aj, 0) + ai / 2);
  const y = groups.map((g) => g.value);
  const se = groups.map((g) => (unit === 'percent' ? 100 * Math.sqrt((g.x / g.n) * (1 - g.x / g.n) / g.n) : (1000 * Math.sqrt(g.x)) / g.n));

  // XᵀAX for X = [1 b]: [[Σa, Σab], [Σab, Σab²]], inverted in closed form.
  const s0 = sum(a);
  const s1 = sum(a.map((ai, i) => ai * b[i]));
  const s2 = sum(a.map((ai, i) => ai * b[i] * b[i]));
  const det = s0 * s2 - s1 * s1;
  const inv = [
    [s2 / det, -s1 / det],
    [-s1 / det, s0 / det],
  ];
  // M = (XᵀAX)⁻¹ XᵀA: row k, column i = (inv[k][0] + inv[k][1]·b_i)·a_i.
  const m = inv.map((row) => a.map((ai, i) => (row[0] + row[1] * b[i]) * ai));
  const [beta0, beta1] = m.map((row) => sum(row.map((mi, i) => mi * y[i])));
  const covariance = (k: number, l: number) => sum(m[k].map((mki, i) => mki * m[l][i] * se[i] * se[i]));
  const var00 = covariance(0, 0);
  const var11 = covariance(1, 1);
  const var01 = covariance(0, 1);

  const intervalsExist = unit === 'percent' || groups.some((g) => g.x > 0);
  const siiHalf = Z95 * Math.sqrt(var11);
  const sii: EquityMeasure = { value: beta1, ci95: intervalsExist ? [beta1 - siiHalf, beta1 + siiHalf] : null };

  if (isZeroIntercept(beta0, y)) return { sii, rii: { ...NO_MEASURE } };
  const rii = (beta0 + beta1) / beta0;
  const g0 = -beta1 / (beta0 * beta0);
  const g1 = 1 / beta0;
  const riiVariance = g0 * g0 * var00 + 2 * g0 * g1 * var01 + g1 * g1 * var11;
  const riiHalf = Z95 * Math.sqrt(riiVariance);
  // SPEC §8.2: with fewer than two random groups RII does not depend on the one that is, and
  // the delta method gives a zero width (or a few 1e-8 of rounding); no interval is shown
  // rather than a false certainty. Decided from the counts, not from a rounded variance.
  const riiIntervalExists = groups.filter((g) => hasStandardError(unit, g)).length >= 2;
  return { sii, rii: { value: rii, ci95: riiIntervalExists && Number.isFinite(riiHalf) ? [rii - riiHalf, rii + riiHalf] : null } };
}

/**
 * β₀ = 0 for RII (SPEC §8.2), allowing for rounding: the least squares can leave a residue
 * of a few ulps where the exact intercept is 0 (y proportional to b), which would give an
 * RII of ~1e16. A residue below 1e-12 of the largest |y| counts as 0.
 */
function isZeroIntercept(beta0: number, y: readonly number[]): boolean {
  return Math.abs(beta0) <= 1e-12 * Math.max(...y.map(Math.abs));
}

/** se_i > 0 (SPEC §8.2): a percent strictly between 0 and 100, a rate with at least one event. */
function hasStandardError(unit: EquityUnit, g: Usable): boolean {
  return unit === 'percent' ? g.x > 0 && g.x < g.n : g.x > 0;
}

function percentOf(g: Usable): number {
  return (g.x / g.n) * 100;
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
