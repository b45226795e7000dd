// The catalogue (SPEC §3.2): every indicator in catalogue order, declared once in the file of
// its source family. `compute`, `indicators`, the renderers and the docs all read this list.

import { admissionIndicators } from './admissions.js';
import { lupIndicators } from './lup.js';
import { measuredIndicators } from './measurements.js';
import { referralIndicators } from './referrals.js';
import { smokingIndicators } from './smoking.js';
import type { IndicatorDefinition } from './types.js';

function build(list: readonly IndicatorDefinition[]): readonly IndicatorDefinition[] {
  const seen = new Set<string>();
  for (const i of list) {
    if (seen.has(i.id)) throw new Error(`duplicate indicator id in the catalogue: ${i.id}`);
    seen.add(i.id);
  }
  return list;
}

export const CATALOGUE: readonly IndicatorDefinition[] = build([
  ...admissionIndicators,
  ...referralIndicators,
  ...smokingIndicators,
  ...lupIndicators,
  ...measuredIndicators,
]);

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return CATALOGUE.find((i) => i.id === id);
}
