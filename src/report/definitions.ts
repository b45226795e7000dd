// `definitions diff A B` (SPEC §14.3) as a terminal table and as Markdown; JSON is the
// DefinitionsDiffJson itself (src/contracts/definitions.ts).

import Table from 'cli-table3';
import type { DefinitionsDiffJson } from '../contracts/definitions.js';

export function renderDefinitionsMarkdown({ a, b, differences }: DefinitionsDiffJson): string {
  const out = [`# Definitions: ${a.id} (${a.version}) against ${b.id} (${b.version})`, '', `| indicator | part | rule | ${a.id} | ${b.id} |`, '|---|---|---|---|---|'];
  for (const r of differences) out.push(`| ${r.indicator} | ${r.part} | ${r.rule} | ${r.a ?? '–'} | ${r.b ?? '–'} |`);
  if (differences.length === 0) out.push('| (none) | | | | |');
  return out.join('\n') + '\n';
}

export function renderDefinitionsTable({ a, b, differences }: DefinitionsDiffJson): string {
  const table = new Table({
    head: ['indicator', 'part', 'rule', a.id, b.id],
    style: { head: [], border: [], compact: true },
    colWidths: [null, null, null, 36, 36],
    wordWrap: true,
  });
  for (const r of differences) table.push([r.indicator, r.part, r.rule, r.a ?? '–', r.b ?? '–']);
  const n = differences.length;
  return `${a.id} (${a.version}) against ${b.id} (${b.version}): ${n} difference${n === 1 ? '' : 's'}\n` + table.toString() + '\n';
}
