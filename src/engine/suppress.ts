// Small-cell suppression (SPEC §4.4). Primary: a result whose count of people or events
// (numerator or denominator; never DKK sums or population) is between 1 and N − 1 is hidden.
// Complementary: when exactly one group of a breakdown is hidden, the group with the next
// smallest count is hidden too, so the hidden one cannot be derived from the total.

import { MESSAGES, say, type Said } from '../domain/messages.js';
import type { Unit } from '../indicators/types.js';
import type { Result } from './result.js';

/** The fields suppression reads and clears. */
type Suppressible = Pick<Result, 'unit' | 'group' | 'numerator' | 'denominator' | 'value' | 'ci95' | 'suppressed' | 'reason' | 'notes'>;

/** The counts of people or events in a result that privacy rules look at. */
export function protectedCounts(unit: Unit, numerator: number | null, denominator: number | null): number[] {
  const counts: (number | null)[] =
    unit === 'percent' ? [numerator, denominator] : unit === 'per_1000' || unit === 'count' ? [numerator] : [];
  return counts.filter((c): c is number => c !== null);
}

export function isSmallCell(unit: Unit, numerator: number | null, denominator: number | null, minCell: number): boolean {
  return protectedCounts(unit, numerator, denominator).some((c) => c >= 1 && c < minCell);
}

/** The count that ranks groups for complementary suppression: the group's size. */
function sizeOf(r: Suppressible): number {
  return (r.unit === 'percent' ? r.denominator : r.numerator) ?? 0;
}

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

/**
 * Suppresses the results of one indicator and period in place (`results[0]` is the total
 * row, the rest its breakdown groups); must run before status is evaluated.
 */
export function suppressBreakdown(results: Suppressible[], minCell: number): SuppressionCount {
  const count = { primary: 0, complementary: 0 };
  if (minCell <= 1) return count;
  for (const r of results) {
    if (isSmallCell(r.unit, r.numerator, r.denominator, minCell)) {
      hide(r, say(MESSAGES.suppressedPrimary, { max: minCell - 1 }));
      count.primary++;
    }
  }
  const groups = results.filter((r) => Object.keys(r.group).length > 0);
  const hidden = groups.filter((r) => r.suppressed);
  if (hidden.length === 1) {
    let next: Suppressible | null = null;
    for (const r of groups) {
      if (r.suppressed) continue;
      if (next === null || sizeOf(r) < sizeOf(next)) next = r;
    }
    if (next) {
      hide(next, say(MESSAGES.suppressedComplementary));
      count.complementary++;
    }
  }
  return count;
}
