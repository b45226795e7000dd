// The renderers of `indicators [ID]` (SPEC §1.1, §3.2): the catalogue as a table, JSON (the
// Catalogue contract) or Markdown; with one indicator, its full definition.

import Table from 'cli-table3';
import { formatGroupKey } from '../calc/groups.js';
import type { CatalogueJson } from '../contracts/catalogue.js';
import type { IndicatorDefinition, TargetRule } from '../indicators/types.js';
import { DEFINITION_VERSION } from '../version.js';


export function describeTarget(t: TargetRule | null, direction: IndicatorDefinition['direction']): string {
  if (!t) return 'none';
  const op = direction === 'lower_is_better' ? '≤' : '≥';
  switch (t.kind) {
    case 'value':
      return `${op} ${t.value}`;
    case 'increase_over_baseline':
      return 'an increase over the baseline';
    case 'by_year':
      return Object.entries(t.values).map(([y, v]) => `${y}: ${op} ${v}`).join(', ');
  }
}

function describeBaselines(i: IndicatorDefinition): string {
  if (i.baselines.length === 0) return 'none in the catalogue (baselines.csv or --baseline-period)';
  return i.baselines
    .map((b) => `${formatGroupKey(b.group) || 'total'}: ${b.value}${b.period ? ` (${b.period})` : ''} — ${b.source}`)
    .join('; ');
}

/** The catalogue as data (the JSON of `indicators --format json`). */
export function catalogueJson(list: readonly IndicatorDefinition[], version: string = DEFINITION_VERSION): CatalogueJson {
  return {
    definition_version: version,
    indicators: list.map((i) => ({
      id: i.id,
      name_da: i.nameDa,
      name_en: i.nameEn,
      aim: i.aim,
      section: i.section,
      sources: [...i.sources],
      unit: i.unit,
      direction: i.direction,
      baselines: i.baselines.map((b) => ({ group: b.group, value: b.value, period: b.period, source: b.source })),
      target: i.target === null ? null : i.target.kind === 'by_year' ? { kind: 'by_year', values: { ...i.target.values } } : i.target,
      dimensions: i.kind === 'counting' ? [...i.dimensions] : [],
      always_by: i.kind === 'counting' ? [...(i.alwaysBy ?? [])] : [],
      definition: i.definition,
      reference: i.kind === 'counting' && i.reference ? i.reference() : null,
    })),
  };
}

/** `detailed`: one indicator was asked for by id (the table shows its full definition). */
export function catalogueMarkdown(list: readonly IndicatorDefinition[], version: string = DEFINITION_VERSION): string {
  const out = [`# Indicator catalogue (${version})`, ''];
  for (const i of list) {
    out.push(`## ${i.nameDa} (\`${i.id}\`)`, '', `*${i.nameEn}*`, '');
    out.push(`- Aim: ${i.aim}; agreement ${i.section}`, `- Unit: ${i.unit}; direction: ${i.direction}`);
    out.push(`- Sources: ${i.sources.join(', ')}`, `- Baselines: ${describeBaselines(i)}`, `- Target: ${describeTarget(i.target, i.direction)}`, '');
    out.push(i.definition, '');
    if (i.kind === 'counting' && i.reference) out.push('```', i.reference(), '```', '');
  }
  return out.join('\n');
}

export function definitionText(i: IndicatorDefinition, version: string = DEFINITION_VERSION): string {
  const lines = [
    `${i.id} — ${i.nameDa}`,
    `${i.nameEn}`,
    '',
    `aim:         ${i.aim}`,
    `agreement:   ${i.section}`,
    `sources:     ${i.sources.join(', ')}`,
    `unit:        ${i.unit}`,
    `direction:   ${i.direction}`,
    `baselines:   ${describeBaselines(i)}`,
    `target:      ${describeTarget(i.target, i.direction)}`,
    `breakdowns:  ${i.kind === 'counting' ? i.dimensions.join(', ') + (i.alwaysBy?.length ? ` (always by ${i.alwaysBy.join(', ')})` : '') : 'total only'}`,
    `definitions: ${version}`,
    '',
    i.definition,
    '',
    // The Danish definition too (SPEC §14.3: the report's words in both languages).
    i.definitionDa,
  ];
  if (i.kind === 'counting' && i.reference) lines.push('', i.reference());
  return lines.join('\n') + '\n';
}

export function catalogueTable(list: readonly IndicatorDefinition[]): string {
  const table = new Table({
    head: ['id', 'aim', 'unit', 'direction', 'target', 'name'],
    style: { head: [], border: [], compact: true },
    colWidths: [null, null, null, null, 24, 48],
    wordWrap: true,
  });
  for (const i of list) table.push([i.id, i.aim, i.unit, i.direction, describeTarget(i.target, i.direction), i.nameEn]);
  return table.toString() + '\n';
}
