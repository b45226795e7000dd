// Small-cell suppression (SPEC §4.4, amended by §13.7: no small count anywhere).
//
// Primary: a result whose count of people or events (numerator or denominator; never DKK sums
// or population) is between 1 and N − 1 is hidden.
//
// Complementary: a hidden count must not be derivable by subtraction. Every sum the output
// shows is a "whole" with its "parts": the total row of a period with its breakdown groups,
// and (§13.7) a year or quarter with the periods of one kind inside it that the same run shows
// (quarters in a year, months in a year, months in a quarter), per indicator and group. Rule,
// per sum: when exactly one of its cells (the whole or a part) is hidden, it is whole minus
// the others, so the next smallest part is hidden too (the whole, when no part is left to
// hide); with two or more hidden none is derivable from this sum alone. Hiding a cell can
// leave another sum it belongs to with exactly one hidden, so the rule runs to a fixed point.
//
// "Next smallest" (decided here; SPEC §4.4 says "the next smallest count"): the unhidden part
// with the smallest size — the denominator of a percent, the events (numerator) otherwise —
// that is above 0; a part of size 0 only when no part above 0 is left (a known zero protects
// nothing); ties go to the first in report order (the earlier period, the first group).
//
// Counts that reach text (notes) are written by `shownCount`, the one function that decides
// how a count of people or events is shown (§13.7).

import type { Period } from '../calc/periods.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';
import type { Unit } from '../indicators/types.js';
import type { Result } from '../contracts/report.js';

/** The default `--min-cell` (SPEC §4.4); `--fail-on disclosure` holds a run to it (§13.7). */
export const DEFAULT_MIN_CELL = 5;

/** The fields suppression reads and clears. */
type Suppressible = Pick<Result, 'unit' | 'group' | 'numerator' | 'denominator' | 'value' | 'ci95' | 'suppressed' | 'reason' | 'notes'>;

/** Which of a result's numbers count people or events: both for percent, the events of a
 *  rate or count; none for DKK per capita (DKK sums and population are not protected). */
function protectedFields(unit: Unit): readonly ('numerator' | 'denominator')[] {
  return unit === 'percent' ? ['numerator', 'denominator'] : unit === 'per_1000' || unit === 'count' ? ['numerator'] : [];
}

/** The counts of people or events in a result that privacy rules look at. */
export function protectedCounts(unit: Unit, numerator: number | null, denominator: number | null): number[] {
  const values = { numerator, denominator };
  return protectedFields(unit).map((f) => values[f]).filter((c): c is number => c !== null);
}

/** A count of people or events that `--min-cell N` hides: 1 … N − 1 (0 is never hidden). */
export function isSmallCount(count: number, minCell: number): boolean {
  return count >= 1 && count < minCell;
}

export function isSmallCell(unit: Unit, numerator: number | null, denominator: number | null, minCell: number): boolean {
  return protectedCounts(unit, numerator, denominator).some((c) => isSmallCount(c, minCell));
}

/**
 * How a count of people or events is written in any text — notes, warnings, reasons (SPEC
 * §13.7): `<N` for a count of 1 … N − 1 under `--min-cell N`, otherwise the count (0 shown).
 */
export function shownCount(count: number, minCell: number): string {
  return isSmallCount(count, minCell) ? `<${minCell}` : String(count);
}

/**
 * A count shown that the default threshold would hide (`--fail-on disclosure`, SPEC §13.7):
 * only possible when `--min-cell` is below the default (0 turns suppression off).
 */
export function isDisclosed(count: number, minCell: number): boolean {
  return isSmallCount(count, DEFAULT_MIN_CELL) && !isSmallCount(count, minCell);
}

/** The count that ranks parts for complementary suppression: the cell's size. */
function sizeOf(r: Suppressible): number {
  return (r.unit === 'percent' ? r.denominator : r.numerator) ?? 0;
}

const GROUP_NOTE = say(MESSAGES.suppressedComplementary);
const periodNote = (outer: Period) =>
  say(outer.kind === 'year' ? MESSAGES.suppressedComplementaryYear : MESSAGES.suppressedComplementaryQuarter, { period: outer.id });
const WINDOW_NOTE = say(MESSAGES.suppressedComplementaryWindow);

function hide(r: Suppressible, note: Said): void {
  r.numerator = null;
  r.denominator = null;
  r.value = null;
  r.ci95 = null;
  r.suppressed = true;
  r.reason = { code: 'suppressed', message: note };
  r.notes.push(note);
}

export interface SuppressionCount {
  primary: number;
  complementary: number;
}

/** A sum the output shows: `whole` = Σ `parts` (see the head of this file). */
interface Sum<R> {
  whole: R | undefined;
  parts: R[];
  /** The note a part hidden for this sum carries. */
  note: Said;
}

/** The smallest unhidden part (the "next smallest" of the head of this file), or null. */
function nextSmallest<R extends Suppressible>(parts: readonly R[]): R | null {
  let best: R | null = null;
  for (const r of parts) {
    if (r.suppressed) continue;
    if (best === null) best = r;
    else {
      const a = sizeOf(r);
      const b = sizeOf(best);
      // Above 0 beats 0; then the smaller; ties keep the first.
      if ((a > 0 && b === 0) || ((a > 0) === (b > 0) && a < b)) best = r;
    }
  }
  return best;
}

/** Applies the rule to one sum; returns the cell it hid, or null. */
function protect<R extends Suppressible>(sum: Sum<R>): R | null {
  const hidden = sum.parts.reduce((n, r) => n + (r.suppressed ? 1 : 0), sum.whole?.suppressed ? 1 : 0);
  if (hidden !== 1) return null;
  const next = nextSmallest(sum.parts);
  if (next) {
    hide(next, sum.note);
    return next;
  }
  // One part hidden and no other: the whole equals it.
  if (sum.whole && !sum.whole.suppressed) {
    hide(sum.whole, sum.note);
    return sum.whole;
  }
  return null;
}

/** Is `outer` a year or quarter that holds `inner` of a finer calendar kind (SPEC §13.7)? */
function holds(outer: Period, inner: Period): boolean {
  const finer = outer.kind === 'year' ? inner.kind === 'quarter' || inner.kind === 'month' : outer.kind === 'quarter' && inner.kind === 'month';
  return finer && inner.from >= outer.from && inner.to <= outer.to;
}

/**
 * Suppresses, in place, the results of one indicator over the periods of one run: primary
 * suppression, then complementary suppression over every breakdown (per period) and, when
 * the run shows a year or quarter and periods inside it, over those periods (per group).
 * Must run before status is evaluated. `counted` says which results the report's counts
 * include (the periods it shows; a --baseline-period computed alongside takes part in the
 * protection, since its value is shown as the baseline, but is not counted).
 */
export function suppressResults<R extends Suppressible & { period: string }>(
  results: readonly R[],
  minCell: number,
  periods: readonly Period[] = [],
  counted: (r: R) => boolean = () => true,
): SuppressionCount {
  const count = { primary: 0, complementary: 0 };
  if (minCell <= 1) return count;
  for (const r of results) {
    if (isSmallCell(r.unit, r.numerator, r.denominator, minCell)) {
      hide(r, say(MESSAGES.suppressedPrimary, { max: minCell - 1 }));
      if (counted(r)) count.primary++;
    }
  }

  const sums: Sum<R>[] = [];
  // The total row of each period and its breakdown groups.
  const byPeriod = new Map<string, R[]>();
  for (const r of results) {
    const list = byPeriod.get(r.period);
    if (list) list.push(r);
    else byPeriod.set(r.period, [r]);
  }
  for (const list of byPeriod.values()) {
    const parts = list.filter((r) => Object.keys(r.group).length > 0);
    if (parts.length > 0) sums.push({ whole: list.find((r) => Object.keys(r.group).length === 0), parts, note: GROUP_NOTE });
  }
  // A year or quarter and the periods of one finer kind inside it, per group (SPEC §13.7).
  const nestings: { outer: Period; inner: Period[] }[] = [];
  for (const outer of periods) {
    for (const kind of ['quarter', 'month'] as const) {
      const inner = periods.filter((p) => p.kind === kind && holds(outer, p));
      if (inner.length > 0) nestings.push({ outer, inner });
    }
  }
  if (nestings.length > 0) {
    const byGroup = new Map<string, Map<string, R>>();
    for (const r of results) {
      const key = JSON.stringify(r.group);
      let m = byGroup.get(key);
      if (!m) byGroup.set(key, (m = new Map()));
      m.set(r.period, r);
    }
    for (const cells of byGroup.values()) {
      for (const { outer, inner } of nestings) {
        const whole = cells.get(outer.id);
        const parts = inner.map((p) => cells.get(p.id)).filter((r): r is R => r !== undefined);
        if (whole && parts.length > 0) sums.push({ whole, parts, note: periodNote(outer) });
      }
    }
  }

  for (let changed = true; changed; ) {
    changed = false;
    for (const sum of sums) {
      const hidden = protect(sum);
      if (hidden) {
        changed = true;
        if (counted(hidden)) count.complementary++;
      }
    }
  }
  return count;
}

/**
 * `evaluate`'s arms (SPEC §13.7): when one of the two windows of an arm is hidden, the other
 * is too (the arm's change would otherwise tie the hidden one to the shown one). Returns the
 * number of cells hidden here (complementary).
 */
export function suppressArm(before: Suppressible | undefined, after: Suppressible | undefined): number {
  if (!before || !after || before.suppressed === after.suppressed) return 0;
  hide(before.suppressed ? after : before, WINDOW_NOTE);
  return 1;
}

/** A count shown that the default threshold would hide (SPEC §13.7, `--fail-on disclosure`). */
export interface Disclosure {
  indicator: string;
  period: string;
  group: Result['group'];
  /** What the count is: `numerator`, `denominator`, or the label of a note. */
  what: string;
  count: number;
}

/** The numerator and denominator of a shown result that the default threshold would hide. */
export function disclosedCounts(
  r: Pick<Result, 'indicator' | 'period' | 'group' | 'unit' | 'numerator' | 'denominator' | 'suppressed'>,
  minCell: number,
): Disclosure[] {
  if (r.suppressed) return [];
  const out: Disclosure[] = [];
  for (const what of protectedFields(r.unit)) {
    const count = r[what];
    if (count !== null && isDisclosed(count, minCell)) out.push({ indicator: r.indicator, period: r.period, group: r.group, what, count });
  }
  return out;
}
