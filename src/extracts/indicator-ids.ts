// Indicator ids in baselines.csv and measurements.csv (SPEC §6.1): each must be an id of the
// catalogue. The catalogue is not imported here (extracts come before indicators in the
// one-way flow): the known ids are a read option, which the CLI fills from the catalogue.

import { Invalid, quote } from './fields.js';

/** Edit distance within which an unknown id gets a "did you mean" (SPEC §6.1). */
export const SUGGEST_WITHIN = 3;

/** Levenshtein distance (insertions, deletions, substitutions, each 1), two rows of the
 *  dynamic-programming table at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/** The known id closest to `id` when one is within SUGGEST_WITHIN edits; of equally close
 *  ids the first in the given (catalogue) order. */
export function closestId(id: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = SUGGEST_WITHIN + 1;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** A parser of indicator ids (already lower-cased) that accepts only the known ones; every
 *  id when `known` is null (no catalogue given). */
export function knownIndicatorParser(known: readonly string[] | null): (id: string) => string | Invalid {
  if (known === null) return (id) => id;
  const set = new Set(known);
  return (id) => {
    if (set.has(id)) return id;
    const near = closestId(id, known);
    return new Invalid(
      `${quote(id)} is not an indicator of the catalogue (${near === null ? 'triple-aim indicators lists them' : `did you mean ${near}?`})`,
    );
  };
}
