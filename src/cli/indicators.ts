// `triple-aim indicators [ID]`: the catalogue as a table, JSON or Markdown; with an ID, the
// full definition, baselines, targets and sources (SPEC §1.1, §3.2).

import Table from 'cli-table3';
import { Command, Option } from 'commander';
import { formatGroupKey } from '../calc/groups.js';
import { CATALOGUE, findIndicator } from '../indicators/catalogue.js';
import type { IndicatorDefinition, TargetRule } from '../indicators/types.js';
import { DEFINITION_VERSION } from '../version.js';
import { UsageError } from './errors.js';
import type { SetExitCode } from './main.js';
import { writeResult } from './output.js';

const FORMATS = ['table', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

export function registerIndicators(program: Command, setExitCode: SetExitCode): void {
  program
    .command('indicators')
    .argument('[id]', 'an indicator id: show its full definition')
    .description('list the indicator catalogue; with an ID, show its full definition')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(FORMATS))
    .addHelpText('after', '\nExamples:\n  triple-aim indicators\n  triple-aim indicators readmission-30d\n  triple-aim indicators --format json')
    .action(async (id: string | undefined, opts: { format?: Format }) => {
      const format: Format = opts.format ?? (process.stdout.isTTY ? 'table' : 'json');
      let list: readonly IndicatorDefinition[] = CATALOGUE;
      if (id !== undefined) {
        const found = findIndicator(id);
        if (!found) throw new UsageError(`unknown indicator id "${id}" (run \`triple-aim indicators\` for the list)`);
        list = [found];
      }
      await writeResult(render(list, format, id !== undefined));
      setExitCode(0);
    });
}

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

function toJson(i: IndicatorDefinition) {
  return {
    id: i.id,
    name_da: i.nameDa,
    name_en: i.nameEn,
    aim: i.aim,
    section: i.section,
    sources: i.sources,
    unit: i.unit,
    direction: i.direction,
    baselines: i.baselines.map((b) => ({ group: b.group, value: b.value, period: b.period, source: b.source })),
    target: i.target,
    dimensions: i.kind === 'counting' ? [...i.dimensions] : [],
    always_by: i.kind === 'counting' ? [...(i.alwaysBy ?? [])] : [],
    definition: i.definition,
    reference: i.kind === 'counting' && i.reference ? i.reference() : null,
  };
}

function render(list: readonly IndicatorDefinition[], format: Format, detailed: boolean): string {
  if (format === 'json') {
    return JSON.stringify({ definition_version: DEFINITION_VERSION, indicators: list.map(toJson) }, null, 2) + '\n';
  }
  if (format === 'markdown') {
    const out = [`# Indicator catalogue (${DEFINITION_VERSION})`, ''];
    for (const i of list) {
      out.push(`## ${i.nameDa} (\`${i.id}\`)`, '', `*${i.nameEn}*`, '');
      out.push(`- Aim: ${i.aim}; agreement ${i.section}`, `- Unit: ${i.unit}; direction: ${i.direction}`);
      out.push(`- Sources: ${i.sources.join(', ')}`, `- Baselines: ${describeBaselines(i)}`, `- Target: ${describeTarget(i.target, i.direction)}`, '');
      out.push(i.definition, '');
      if (i.kind === 'counting' && i.reference) out.push('```', i.reference(), '```', '');
    }
    return out.join('\n');
  }
  if (detailed) {
    const i = list[0];
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
      `definitions: ${DEFINITION_VERSION}`,
      '',
      i.definition,
    ];
    if (i.kind === 'counting' && i.reference) lines.push('', i.reference());
    return lines.join('\n') + '\n';
  }
  const table = new Table({
    head: ['id', 'aim', 'unit', 'direction', 'target', 'name'],
    style: { head: [], border: [], compact: true },
    colWidths: [null, null, null, null, 24, 48],
    wordWrap: true,
  });
  for (const i of list) table.push([i.id, i.aim, i.unit, i.direction, describeTarget(i.target, i.direction), i.nameEn]);
  return table.toString() + '\n';
}
