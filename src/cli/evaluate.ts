// `triple-aim evaluate`: the Triple Aim evaluation of a project — intervention against
// comparison, before against after (SPEC §9). The selectors and windows are checked before
// anything is computed; the evaluation itself is src/engine/project.ts.

import { Command, InvalidArgumentError, Option } from 'commander';
import { CLUSTERS, OUTSIDE_REGION, sameGroup, UNKNOWN } from '../calc/groups.js';
import { formatDay } from '../calc/time.js';
import { monthsBetween, parsePeriodId, type Period } from '../calc/periods.js';
import { checkProjectWindows, projectWindows } from '../engine/data-range.js';
import { armGroupFilters, evaluableIndicators, evaluateProject, selectorDimensions, type Selector } from '../engine/project.js';
import type { GivenCounts } from '../engine/counts.js';
import { countedEventDays, countsOption, countsProfileCheck, COUNTED, readCountsOption, requireCounts, type CountsOptions } from './counts.js';
import type { ExtractName } from '../extracts/records.js';
import type { EvaluationReport } from '../contracts/evaluate.js';
import { Invalid } from '../extracts/fields.js';
import { parseGroupKey } from '../extracts/group-key.js';
import { prepare } from '../facts/index.js';
import { inputsJson, suppressionText, toolJson, withGeneratedAt } from '../report/assemble.js';
import { EVALUATION_FORMATS, renderEvaluation, type EvaluationFormat } from '../report/render.js';
import { AIMS } from '../indicators/types.js';
import { runs } from './command.js';
import { disclosureGate } from './disclosure.js';
import { EXIT, inRange, UsageError } from './errors.js';
import { addInputOptions, resolveSources, type InputOptions } from './inputs.js';
import { addEngineOption, duckdbReads, loadWithEngine, type EngineOptions } from './engine.js';
import { addOutputOptions, checkOut, chooseFormat, colourEnabled, writeResult, type OutputOptions } from './output.js';
import { addDataEndOption, addProfileOption, parseIndicatorIds, parseNonNegativeInt, selectIndicators } from './selection.js';
import { DEFAULT_PROFILE, type Profile } from '../indicators/profiles.js';

interface EvaluateOptions extends InputOptions, OutputOptions, CountsOptions, EngineOptions {
  /** --profile (SPEC §14.3). */
  profile?: Profile;
  intervention: Selector;
  comparison: 'rest' | Selector;
  start: Period;
  months: number;
  indicators?: string[];
  aim?: (typeof AIMS)[number];
  format?: EvaluationFormat;
  color: boolean;
  minCell: number;
  failOn?: 'disclosure';
  skipInvalid?: boolean;
  dataEnd?: number;
}

/** `dim=value[;dim=value]` over the --by dimensions, values read like extract values (SPEC §9). */
export function parseSelector(text: string): Selector {
  const group = parseGroupKey(text);
  if (group instanceof Invalid) throw new InvalidArgumentError(group.message);
  if (Object.keys(group).length === 0) throw new InvalidArgumentError('expected dim=value[;dim=value], e.g. cluster=Vest');
  for (const [dim, value] of Object.entries(group)) {
    // An evaluation's units are the region's: unknown and outside values select nobody.
    if (value === UNKNOWN) throw new InvalidArgumentError(`${dim}=unknown selects no unit: units with an unknown value are in neither arm`);
    if (dim === 'cluster' && value === OUTSIDE_REGION) {
      throw new InvalidArgumentError(`every unit of an evaluation belongs to the region (clusters ${CLUSTERS.map((c) => c.cluster).join(', ')})`);
    }
    if (dim === 'municipality' && !CLUSTERS.some((c) => value in c.municipalities)) {
      throw new InvalidArgumentError(`municipality ${value} is not one of the region's 19 municipalities`);
    }
  }
  return group;
}

function parseComparison(text: string): 'rest' | Selector {
  return text.trim().toLowerCase() === 'rest' ? 'rest' : parseSelector(text);
}

function parseStartMonth(text: string): Period {
  const p = parsePeriodId(text);
  if (!p || p.kind !== 'month') throw new InvalidArgumentError('expected a month YYYY-MM');
  return p;
}

function parseMonths(text: string): number {
  const n = parseNonNegativeInt(text);
  if (n < 1 || n > 120) throw new InvalidArgumentError('expected a whole number of months from 1 to 120');
  return n;
}

export function evaluateCommand(): Command {
  const cmd = new Command('evaluate')
    .description('the Triple Aim evaluation of a project: intervention against comparison, before against after')
    .addHelpText(
      'after',
      `
Examples:
  triple-aim evaluate --data extracts --intervention cluster=Vest --start 2016-07
  triple-aim evaluate --data extracts --intervention municipality=657 --comparison municipality=661 --start 2017-01 --months 6
  triple-aim evaluate --data extracts --intervention "cluster=Vest;sex=F" --start 2016-07 --format markdown --out evaluation.md
  triple-aim evaluate --counts counts.csv --population population.csv --intervention "cluster=Vest;sex=F" --start 2016-07

The windows: before = the N months (--months, default 12) ending with the month before --start; after =
N months from --start, each one period (population of the year it starts in). Units outside the region's
19 municipalities, and units with an unknown value in a selector dimension, are in neither arm.

--counts FILE.csv reads the counts a database returned for the script of \`triple-aim sql\` instead of
the hospital data, referrals, smoking courses and LUP answers (population.csv is still read). Each arm's window is summed
from the file's months and groups, so it needs the months of both windows by municipality and the
selector's other dimensions; for --intervention "cluster=Vest;sex=F" --start 2016-07:
  triple-aim sql --dialect tsql --period 2015-07..2017-06 --by municipality,sex
A file that lacks them is a usage error that names the invocation for the options given.`,
    );
  addInputOptions(cmd);
  cmd
    .requiredOption('--intervention <selector>', 'the project: dim=value[;dim=value] over the --by dimensions (e.g. cluster=Vest)', parseSelector)
    .requiredOption('--start <YYYY-MM>', 'the first month of the project', parseStartMonth)
    .option('--months <n>', 'months in each window', parseMonths, 12)
    .option('--comparison <rest|selector>', 'rest (the region\'s other units) or a selector over the same dimensions', parseComparison, 'rest' as const)
    .option('--indicators <ids>', 'only these indicator ids (comma-separated)', parseIndicatorIds)
    .addOption(new Option('--aim <aim>', 'only the indicators of one aim').choices(AIMS))
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(EVALUATION_FORMATS));
  addOutputOptions(cmd, 'the evaluation');
  cmd
    .option('--no-color', 'no colour in the table (also when NO_COLOR is set or stdout is not a terminal)')
    .option('--min-cell <n>', 'small-cell suppression threshold; 0 turns it off', parseNonNegativeInt, 5)
    .addOption(
      new Option('--fail-on <what>', 'exit 3 when a cell shows a count of 1–4 people or events that the default --min-cell 5 would hide').choices([
        'disclosure',
      ]),
    )
    .option('--skip-invalid', 'leave invalid rows out (counted in the report) instead of failing');
  addDataEndOption(cmd);
  addProfileOption(cmd);
  countsOption(cmd, 'evaluate');
  addEngineOption(cmd);
  return runs(cmd, evaluate);
}

async function evaluate(opts: EvaluateOptions): Promise<number> {
  const dims = selectorDimensions(opts.intervention);
  if (opts.comparison !== 'rest') {
    const other = selectorDimensions(opts.comparison);
    if (other.length !== dims.length || other.some((d) => !dims.includes(d))) {
      throw new UsageError(`--comparison must name the same dimensions as --intervention (${dims.join(', ')}), not ${other.join(', ')}`);
    }
    if (sameGroup(opts.comparison, opts.intervention)) throw new UsageError('--comparison selects the same units as --intervention');
  }
  const selected = selectIndicators(opts);
  if (!selected.some((i) => i.kind === 'counting' && dims.every((d) => i.dimensions.includes(d)))) {
    throw new UsageError(`no selected indicator's source carries ${dims.join(' and ')}: nothing can be evaluated for this selector`);
  }
  // SPEC §15: with --counts, the counting was done in a database; only the other inputs are read.
  const counted = readCountsOption({ ...opts, indicators: undefined, aim: undefined });
  if (counted && opts.engine === 'duckdb') throw new UsageError('--counts and --engine duckdb both say who counted: give one');
  // The counted extracts' range is the script's (first_event, last_event): the same checks and warnings.
  const countedDays = counted ? countedEventDays(counted, opts.counts!) : [];
  const { before, after } = projectWindows(opts.start, opts.months);
  // Each arm's window is summed from the months of its groups (src/engine/counts.ts), from a
  // counts file or from DuckDB's count alike: the months of both windows, by the selector's
  // dimensions and the region's municipalities (a unit outside them or of unknown value is in
  // neither arm).
  const armsBy = ['municipality' as const, ...dims.filter((d) => d !== 'municipality' && d !== 'cluster')];
  if (counted) {
    countsProfileCheck(opts.profile ?? DEFAULT_PROFILE, counted);
    const filter = armGroupFilters(opts).intervention;
    requireCounts(counted, opts.counts!, [{ periods: [before, after], by: [], filter, pooled: true }], {
      what: `the windows ${before.id} and ${after.id} by ${filter.reads.join(', ')}`,
      periods: monthsBetween(before.from, after.to),
      by: armsBy,
    });
  }
  const sources = counted ? counted.sources : resolveSources(opts, (e) => duckdbReads(e, opts.engine));
  const out = checkOut(opts.out, sources.map((s) => s.path)); // before anything is read (SPEC §6.3)
  const { data, infos, engine } = await loadWithEngine(sources, opts, { skipInvalid: opts.skipInvalid === true });

  // From contacts.csv the admissions are its stays (SPEC §14.2): prepared data has them.
  const prepared = prepare(data);
  // With counts, an indicator is evaluable when the file counted it (its extracts were not
  // read); an extract DuckDB read is loaded too (--engine duckdb), contacts.csv as the admissions.
  const loaded = (s: ExtractName) =>
    prepared.data[s] !== undefined ||
    infos.some((i) => i.extract === s || (s === 'admissions' && i.extract === 'contacts')) ||
    (counted !== null && (COUNTED as readonly string[]).includes(s));
  const { evaluated, notEvaluated } = evaluableIndicators(
    selected,
    dims,
    loaded,
    counted ? (i) => counted.counts.missing(i, prepared.data)?.message ?? null : undefined,
  );
  let counts: GivenCounts | undefined = counted?.counts;
  try {
    if (evaluated.length === 0) {
      throw new UsageError(`no indicator can be evaluated: ${notEvaluated.map((n) => `${n.indicator} (${n.reason})`).join('; ')}`);
    }
    if (engine) counts = await engine.count(evaluated, monthsBetween(before.from, after.to), armsBy);
  } finally {
    engine?.close();
  }
  const dated = [...infos, ...countedDays];
  const windowWarnings = inRange(checkProjectWindows(dated, opts.start, opts.months));
  const result = evaluateProject(evaluated, prepared, {
    intervention: opts.intervention,
    comparison: opts.comparison,
    start: opts.start,
    months: opts.months,
    minCell: opts.minCell,
    dataEnd: opts.dataEnd,
    ...(counts ? { counts } : {}),
  });
  const report: EvaluationReport = withGeneratedAt(
    {
      schema_version: 1,
      tool: toolJson((opts.profile ?? DEFAULT_PROFILE).version),
      kind: 'evaluate',
      inputs: [...inputsJson(infos, opts.dataEnd), ...(counted?.inputs(opts.dataEnd) ?? [])],
      intervention: opts.intervention,
      comparison: opts.comparison,
      windows: {
        before: { from: formatDay(result.windows.before.from), to: formatDay(result.windows.before.to) },
        after: { from: formatDay(result.windows.after.from), to: formatDay(result.windows.after.to) },
      },
      suppression: {
        min_cell: opts.minCell,
        ...result.suppression,
        description: suppressionText(opts.minCell, result.suppression.primary, result.suppression.complementary),
      },
      effects: result.effects,
      not_evaluated: notEvaluated,
      warnings: [...windowWarnings, ...result.warnings],
    },
    process.env.SOURCE_DATE_EPOCH,
  );
  const format = chooseFormat(opts.format, { terminal: 'table', pipe: 'json' });
  await writeResult(renderEvaluation(report, format, { color: colourEnabled(opts.color, opts.out) }), out, { quiet: opts.quiet });
  for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
  return opts.failOn === 'disclosure' ? disclosureGate(result.disclosures, opts.minCell) : EXIT.ok;
}
