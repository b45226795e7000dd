// Markdown (SPEC §4.3, §6.3): a report a person can publish — title, periods, inputs with row
// counts and checksums, one section per aim with the table of §4.2 where each value carries its
// 95 % interval, numerator/denominator and its verdicts in words of their own (§13.4) and
// municipalities their names (§13.5), the definitions of
// the indicators shown, the suppression applied, and the warnings. Beyond 6 periods the
// tables list one line per indicator, group and period, as the terminal table does.

import { profileIdOf, profileNameOf } from '../indicators/profiles.js';
import type { Report } from '../contracts/report.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import { layout, PROVISIONAL_LEGEND, PROVISIONAL_MARK, REGION_LEGEND, unitLabel, VERDICT_LEGEND, type Cell } from './format.js';

/** A text inside a Markdown table cell or list item: pipes escaped, line breaks as spaces. */
export function cellText(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A `## title` section listing `items` (already Markdown), or nothing when there are none. */
export function bulletSection(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`## ${title}`, '', ...items.map((i) => `- ${i}`), ''];
}

function valueText(c: Cell): string {
  return `${c.text}${c.footnote ? `[^${c.footnote}]` : ''}${c.provisional ? PROVISIONAL_MARK : ''}`;
}

/** The verdicts of a cell (SPEC §13.4) and its comparison with the region, in words. */
function verdictsText(c: Cell): string {
  return [...c.verdicts.map((v) => v.text), c.region].filter(Boolean).join(' · ');
}

/** "88.9 (85.1–91.9) · 800/900 · ✗ target not met · worse than baseline · similar to the region"
 *  — the parts a result has. */
function wideCell(c: Cell): string {
  return [valueText(c) + (c.interval ? ` (${c.interval})` : ''), c.counts, verdictsText(c)].filter(Boolean).join(' · ');
}

export function renderMarkdown(report: Report, catalogue: readonly IndicatorDefinition[]): string {
  const names = new Map(catalogue.map((i) => [i.id, i.nameDa]));
  const { periods, long, compared, sections, footnotes } = layout(report, { names, municipalityNames: true });
  const out: string[] = [];
  out.push('# Triple Aim indicators — Sundhedsaftalen, Region Midtjylland', '');
  out.push(
    `Periods: ${report.periods.map((p) => `${p.id} (${p.from} – ${p.to})`).join(', ')}.` +
      (report.breakdown.length ? ` Breakdown: ${report.breakdown.join(', ')}.` : ''),
    '',
  );
  out.push(
    `Produced by ${report.tool.name} ${report.tool.version}, definitions ${report.tool.definition_version}` +
      (report.generated_at ? `, ${report.generated_at}` : '') + '.',
    '',
  );
  // SPEC §14.3: the profile in words.
  const profileName = profileNameOf(report.tool.definition_version, 'en');
  if (profileName) out.push(`Definitions: ${profileName} (profile ${profileIdOf(report.tool.definition_version)}).`, '');
  // SPEC §13.2: every report names the data end of each dated extract.
  out.push('## Inputs', '', '| extract | file | rows | rejected | data end | sha256 |', '|---|---|---:|---:|---|---|');
  for (const i of report.inputs) {
    out.push(`| ${i.extract} | ${cellText(i.path)} | ${i.rows} | ${i.rows_rejected} | ${i.data_end ?? '–'} | \`${i.sha256.slice(0, 16)}…\` |`);
  }
  out.push('');
  out.push(
    long
      ? 'Each line: the value, its 95 % interval, numerator/denominator (events and inhabitants for rates, DKK and inhabitants for DKK per capita) and the verdicts: the target, the change against the baseline and, when compared, the region.'
      : 'Each cell: the value (its 95 % interval) · numerator/denominator (events and inhabitants for rates, DKK and inhabitants for DKK per capita) · the target verdict · the change against the baseline · when compared, the region.',
    '',
  );
  for (const s of sections) {
    out.push(`## ${s.title}`, '');
    if (long) {
      out.push('| indicator | group | unit | period | value | 95 % interval | numerator/denominator | verdict | baseline | target |');
      out.push('|---|---|---|---|---:|---:|---:|---|---:|---:|');
      for (const row of s.rows) {
        row.cells.forEach((c, i) => {
          if (!c) return;
          out.push(
            `| ${cellText(row.name)} (\`${row.indicator}\`) | ${cellText(row.group)} | ${unitLabel(row.unit)} | ${periods[i]} | ${valueText(c)} | ${c.interval} | ${c.counts} | ${verdictsText(c)} | ${row.baseline} | ${row.target} |`,
          );
        });
      }
    } else {
      out.push(`| indicator | group | unit | baseline | target | ${periods.join(' | ')} |`);
      out.push(`|---|---|---|---:|---:|${periods.map(() => '---:').join('|')}|`);
      for (const row of s.rows) {
        const cells = row.cells.map((c) => (c ? wideCell(c) : ''));
        out.push(
          `| ${cellText(row.name)} (\`${row.indicator}\`) | ${cellText(row.group)} | ${unitLabel(row.unit)} | ${row.baseline} | ${row.target} | ${cells.map(cellText).join(' | ')} |`,
        );
      }
    }
    out.push('');
  }
  out.push(VERDICT_LEGEND, '');
  if (compared) out.push(REGION_LEGEND, '');
  if (report.results.some((r) => r.provisional)) out.push(PROVISIONAL_LEGEND, '');
  out.push('## Small-cell suppression', '', report.suppression.description, '');
  const shown = new Set(report.results.map((r) => r.indicator));
  out.push('## Definitions', '');
  for (const i of catalogue.filter((c) => shown.has(c.id))) {
    out.push(`### ${i.nameDa} (\`${i.id}\`)`, '');
    out.push(`*${i.nameEn}.* Aim: ${i.aim}; unit: ${unitLabel(i.unit)}; direction: ${i.direction.replace(/_/g, ' ')}; agreement ${i.section}.`, '');
    out.push(i.definition, '');
  }
  out.push(...bulletSection('Warnings', report.warnings.map(cellText)));
  if (footnotes.length) {
    footnotes.forEach((f, n) => out.push(`[^${n + 1}]: ${cellText(f)}`));
    out.push('');
  }
  return out.join('\n');
}
