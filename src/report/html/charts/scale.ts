// What a chart may show and how its value axis says it (SPEC §13.3): a baseline only where
// §6.2 applies it, a target of a count, per-1000 or DKK indicator only on a chart of its
// period's kind; the value axis says per what period a monthly or quarterly figure is, yearly
// counts and DKK per capita start at 0, and an axis that does not start at 0 says so.
//
// The value domain is computed here rather than left to vega's `nice`, so that the words on
// the axis ("does not start at 0") are decided on the same numbers the axis is drawn from.

import { parsePeriodId } from '../../../calc/periods.js';
import { LABELS } from '../i18n.js';
import type { BaselineModel, Lang, TargetModel, Unit } from '../model.js';

/** The period kind of a chart's points. */
export type ChartKind = 'year' | 'quarter' | 'month';

function kindOf(periodId: string | null): ChartKind | null {
  if (periodId === null) return null;
  const p = parsePeriodId(periodId);
  return p && p.kind !== 'window' ? p.kind : null;
}

/** Percents compare across period kinds; counts, rates per 1000 and DKK do not (SPEC §6.2). */
const PERIOD_BOUND: ReadonlySet<Unit> = new Set<Unit>(['count', 'per_1000', 'dkk_per_capita']);

/**
 * SPEC §13.3 / §6.2: a baseline of a count, per-1000 or DKK indicator applies only to a chart
 * of its period's kind; percent baselines and baselines without a period apply everywhere.
 */
export function baselineShows(baseline: BaselineModel | null, unit: Unit, kind: ChartKind): boolean {
  if (baseline === null) return false;
  if (!PERIOD_BOUND.has(unit) || baseline.period === null) return true;
  return kindOf(baseline.period) === kind;
}

/**
 * SPEC §13.3: a target of a count, per-1000 or DKK indicator is drawn only on a chart of its
 * period's kind (a yearly target of 2,362 referrals never on a monthly chart). A target
 * without a period of these units is taken as yearly — the agreement's targets are yearly
 * figures — so it is drawn on yearly charts only. Percent targets are drawn on every chart.
 */
export function targetShows(target: TargetModel | null, unit: Unit, kind: ChartKind): boolean {
  if (target === null) return false;
  if (!PERIOD_BOUND.has(unit)) return true;
  return (kindOf(target.period) ?? 'year') === kind;
}

/** d3's tick step for about `count` ticks over [lo, hi]: 1, 2 or 5 × 10^k. */
function tickStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / count;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return factor * 10 ** power;
}

/**
 * The value domain of a chart: the extent of everything it draws, from 0 when `fromZero`,
 * widened to round tick steps (as d3's `nice`). A single value gets a little room each side.
 */
export function valueDomain(values: readonly (number | null)[], fromZero: boolean, count = 5): [number, number] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = present.length ? Math.min(...present) : 0;
  let hi = present.length ? Math.max(...present) : 1;
  if (fromZero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo = fromZero && lo >= 0 ? 0 : lo - pad;
    hi += pad;
  }
  for (let i = 0; i < 10; i++) {
    const step = tickStep(lo, hi, count);
    const nlo = Math.floor(lo / step) * step;
    const nhi = Math.ceil(hi / step) * step;
    if (nlo === lo && nhi === hi) break;
    lo = nlo;
    hi = nhi;
  }
  // Floating steps (0.1 × 3) are rounded back to the step's own decimals.
  const round = (v: number) => Number(v.toPrecision(12));
  return [round(lo), round(hi)];
}

/** The axis does not start at 0 (nor end at 0 for negative values): it zooms. */
export function zooms(domain: readonly [number, number]): boolean {
  return domain[0] > 0 || domain[1] < 0;
}

/**
 * The value axis title, as lines: the unit, per month or quarter for figures that add up
 * over time (SPEC §13.3: "pr. 1.000 indbyggere pr. måned"), and a second line when the axis
 * zooms.
 */
export function valueAxisTitle(unit: Unit, kind: ChartKind | null, lang: Lang, zoomed: boolean): string[] {
  const labels = LABELS[lang];
  const perPeriod = unit !== 'percent' && (kind === 'month' || kind === 'quarter') ? ` ${labels.perPeriod[kind]}` : '';
  const lines = [`${labels.unitAxis[unit]}${perPeriod}`];
  if (zoomed) lines.push(labels.axisZoomed);
  return lines;
}
