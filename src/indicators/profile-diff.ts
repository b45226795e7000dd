// `definitions diff A B` (SPEC §14.3): each rule that differs between two profiles, indicator
// by indicator, GENERATED from the declarations the computation uses (profiles.ts,
// readmission-rules.ts): no prose kept by hand beside them. Pure.

import { describeRule, type ExclusionRule, type ReadmissionDefinition } from './readmission-rules.js';
import type { Profile } from './profiles.js';
import type { RuleDifference } from '../contracts/definitions.js';

export type { RuleDifference };

function ruleText(rule: ExclusionRule, position: number): string {
  return `${position + 1}. ${describeRule(rule)}`;
}

function ruleDifferences(indicator: string, part: 'index rule' | 'readmission rule', a: readonly ExclusionRule[], b: readonly ExclusionRule[]): RuleDifference[] {
  const names = [...new Set([...a.map((r) => r.name), ...b.map((r) => r.name)])];
  const out: RuleDifference[] = [];
  for (const name of names) {
    const i = a.findIndex((r) => r.name === name);
    const j = b.findIndex((r) => r.name === name);
    const ta = i < 0 ? null : ruleText(a[i], i);
    const tb = j < 0 ? null : ruleText(b[j], j);
    if (ta !== tb) out.push({ indicator, part, rule: name, a: ta, b: tb });
  }
  return out;
}

function readmissionDifferences(indicator: string, a: ReadmissionDefinition, b: ReadmissionDefinition): RuleDifference[] {
  const out: RuleDifference[] = [];
  if (a.units !== b.units) out.push({ indicator, part: 'units', rule: 'units', a: a.units, b: b.units });
  if (a.windowHours !== b.windowHours) out.push({ indicator, part: 'window', rule: 'window', a: `${a.windowHours} hours`, b: `${b.windowHours} hours` });
  out.push(...ruleDifferences(indicator, 'index rule', a.index, b.index));
  out.push(...ruleDifferences(indicator, 'readmission rule', a.readmission, b.readmission));
  return out;
}

/** Every difference between profile a and profile b, in the catalogue order of a (then b's own). */
export function diffProfiles(a: Profile, b: Profile): RuleDifference[] {
  const out: RuleDifference[] = [];
  const ids = [...new Set([...a.catalogue.map((i) => i.id), ...b.catalogue.map((i) => i.id)])];
  for (const id of ids) {
    const inA = a.catalogue.find((i) => i.id === id);
    const inB = b.catalogue.find((i) => i.id === id);
    if (!inA || !inB) {
      out.push({ indicator: id, part: 'catalogue', rule: 'computed', a: inA ? 'yes' : null, b: inB ? 'yes' : null });
      continue;
    }
    // The readmission indicator counts by its profile's declaration (readmission.ts).
    if (id === 'readmission-30d') out.push(...readmissionDifferences(id, a.readmission, b.readmission));
  }
  return out;
}
