// `triple-aim compute`: read extracts, compute indicators, compare with baselines and targets,
// render (SPEC §1.3–§1.6, §3, §4).

import { Command, Option } from 'commander';
import { DIMENSIONS, isDimension, type Dimension } from '../calc/groups.js';
import { parsePeriodArgument, parsePeriodArguments, PeriodError, yearsBetween, type Period } from '../calc/periods.js';
import { runIndicators, eventDayRange } from '../engine/run.js';
import { prepare } from '../facts/index.js';
import { meetsTarget } from '../engine/evaluate.js';
import type { Report } from '../engine/result.js';
import { CATALOGUE } from '../indicators/catalogue.js';
import { AIMS, type Aim, type IndicatorDefinition } from '../indicators/types.js';
import { assembleReport } from '../report/assemble.js';
import { renderCsv } from '../report/csv.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderTable } from '../report/table.js';
import { EXIT, UsageError } from './errors.js';
import { addInputOptions, parseNonNegativeInt, resolveSources, type InputOptions } from './inputs.js';
import { loadInputs } from './load-inputs.js';
import type { SetExitCode } from './main.js';
import { writeResult } from './output.js';

export const FORMATS = ['table', 'json', 'markdown', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

interface ComputeOptions extends InputOptions {
  period?: string[];
  by?: string;
  indicators?: string;
  aim?: Aim;
  baselinePeriod?: string;
  format?: Format;
  out?: string;
  color: boolean;
  minCell: number;
  failOn?: 'worsening' | 'not_met';
  skipInvalid?: boolean;
}

export function registerCompute(program: Command, setExitCode: SetExitCode): void {
  const cmd = program
    .command('compute')
    .description('read extracts, compute the indicators per period and group, compare with baselines and targets')
    .addHelpText(
      'after',
      `
Examples:
  triple-aim compute --data data-samples
  triple-aim compute --data extracts --period 2016 --period 2017 --by cluster --format markdown --out report.md
  triple-aim compute --admissions adm.csv.gz --population pop.csv --period 2016-01..2016-12 --indicators readmission-30d
  triple-aim compute --data extracts --format json --fail-on worsening   # CI gate: exit 3 on a worsening result`,
    );
  addInputOptions(cmd);
  cmd
    .option('--period <id>', 'YYYY, YYYY-Qn, YYYY-MM or a range A..B (repeatable; default: every year the data touch)', collect, [])
    .option('--by <dims>', `break down by ${DIMENSIONS.join(', ')} (comma-separated)`)
    .option('--indicators <ids>', 'compute only these indicator ids (comma-separated; see `triple-aim indicators`)')
    .addOption(new Option('--aim <aim>', 'compute only the indicators of one aim').choices(AIMS))
    .option('--baseline-period <id>', "compute each indicator's baseline from the data of this period")
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(FORMATS))
    .option('--out <file>', 'write the report to this file (atomically) instead of standard output')
    .option('--no-color', 'no colour in the table (also when NO_COLOR is set or stdout is not a terminal)')
    .option('--min-cell <n>', 'small-cell suppression threshold; 0 turns it off', parseNonNegativeInt('--min-cell'), 5)
    .addOption(new Option('--fail-on <what>', 'exit 3 when any result is worsening / misses its target').choices(['worsening', 'not_met']))
    .option('--skip-invalid', 'leave invalid rows out (counted in the report) instead of failing')
    .action(async (opts: ComputeOptions) => setExitCode(await compute(opts)));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Everything that can be checked before a file is read: bad usage fails fast (exit 2). */
interface Selection {
  periods: Period[] | null;
  by: Dimension[];
  indicators: IndicatorDefinition[];
  baselinePeriod?: Period;
}

export function parseSelection(opts: Pick<ComputeOptions, 'period' | 'by' | 'indicators' | 'aim' | 'baselinePeriod'>): Selection {
  let periods: Period[] | null = null;
  let baselinePeriod: Period | undefined;
  try {
    if (opts.period && opts.period.length > 0) periods = parsePeriodArguments(opts.period);
    if (opts.baselinePeriod !== undefined) {
      const bp = parsePeriodArgument(opts.baselinePeriod);
      if (bp.length !== 1) throw new PeriodError(`--baseline-period must be one period, not a range ("${opts.baselinePeriod}")`);
      baselinePeriod = bp[0];
    }
  } catch (e) {
    if (e instanceof PeriodError) throw new UsageError(e.message);
    throw e;
  }
  const by: Dimension[] = [];
  for (const raw of (opts.by ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const d = raw.toLowerCase();
    if (!isDimension(d)) throw new UsageError(`--by: unknown dimension "${raw}" (expected ${DIMENSIONS.join(', ')})`);
    if (!by.includes(d)) by.push(d);
  }
  let indicators = [...CATALOGUE];
  if (opts.indicators !== undefined) {
    const ids = opts.indicators.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !CATALOGUE.some((i) => i.id === id));
    if (unknown.length > 0 || ids.length === 0) {
      throw new UsageError(
        `--indicators: unknown indicator id ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'} (run \`triple-aim indicators\` for the list)`,
      );
    }
    indicators = indicators.filter((i) => ids.includes(i.id));
  }
  if (opts.aim) indicators = indicators.filter((i) => i.aim === opts.aim);
  if (indicators.length === 0) throw new UsageError('no indicator left after --indicators and --aim');
  return { periods, by, indicators, baselinePeriod };
}

async function compute(opts: ComputeOptions): Promise<number> {
  const selection = parseSelection(opts);
  const sources = resolveSources(opts);
  const { data, infos } = await loadInputs(sources, opts, { skipInvalid: opts.skipInvalid === true });

  let periods = selection.periods;
  if (!periods) {
    const range = eventDayRange(infos);
    if (!range) {
      throw new UsageError('the loaded extracts contain no dated events to choose default periods from: give --period');
    }
    periods = yearsBetween(range.first, range.last);
  }
  const run = runIndicators(selection.indicators, prepare(data), {
    periods,
    by: selection.by,
    minCell: opts.minCell,
    baselinePeriod: selection.baselinePeriod,
  });
  const report = assembleReport(run, {
    inputs: infos,
    periods: run.periods,
    by: selection.by,
    minCell: opts.minCell,
    warnings: [],
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
  });

  const format: Format = opts.format ?? (process.stdout.isTTY ? 'table' : 'json');
  const color = opts.color && !opts.out && process.stdout.isTTY === true && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
  await writeResult(render(report, format, color), opts.out);
  // Results on stdout, warnings on stderr (SPEC §1.4); the report carries them too.
  for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
  return gate(report, opts.failOn);
}

function render(report: Report, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report);
    case 'markdown':
      return renderMarkdown(report, CATALOGUE);
    case 'table':
      return renderTable(report, { color, names: new Map(CATALOGUE.map((i) => [i.id, i.nameEn])) });
  }
}

/** SPEC §3.4: --fail-on worsening / not_met → exit 3 (after the report is written). */
export function gate(report: Report, failOn: ComputeOptions['failOn']): number {
  if (failOn === 'worsening' && report.results.some((r) => r.status === 'worsening')) return EXIT.gate;
  if (
    failOn === 'not_met' &&
    report.results.some((r) => r.value !== null && r.target !== null && !meetsTarget(r.value, r.target))
  ) {
    return EXIT.gate;
  }
  return EXIT.ok;
}
