// `triple-aim monitor`: monthly (or quarterly) series per indicator and group with run and
// control charts and the Anhøj rules (SPEC §7). The points are compute's results for every
// period of the series in one run of the engine (one pass over the records for all points);
// the series and their SPC analysis come from src/analysis.

import { Command, InvalidArgumentError, Option } from 'commander';
import { periodJson, type Period } from '../calc/periods.js';
import { formatGroupKey } from '../calc/groups.js';
import type { DayNumber } from '../calc/time.js';
import type { Lang } from '../report/html/model.js';
import { annotationsOf, buildSeries } from '../analysis/monitor.js';
import type { RequestedChart } from '../analysis/spc/index.js';
import type { MonitorReport, Series } from '../contracts/monitor.js';
import { defaultMonths } from '../engine/data-range.js';
import { runIndicators } from '../engine/run.js';
import { countsOption, countsProfileCheck, readCountsOption, type CountsOptions } from './counts.js';
import { prepare } from '../facts/index.js';
import { DEFAULT_PROFILE } from '../indicators/profiles.js';
import { inputsJson, suppressionText, toolJson, withGeneratedAt } from '../report/assemble.js';
import { MONITOR_FORMATS, renderMonitor, type MonitorFormat } from '../report/render.js';
import { runs } from './command.js';
import { disclosureGate } from './disclosure.js';
import { EXIT, inRange, UsageError } from './errors.js';
import { addInputOptions, resolveSources, type InputOptions } from './inputs.js';
import { addEngineOption, countWith, duckdbReads, loadWithEngine, type EngineOptions } from './engine.js';
import { addOutputOptions, checkOut, chooseFormat, colourEnabled, writeResult, type OutputOptions } from './output.js';
import {
  collectPeriods,
  onePeriod,
  parseDimensions,
  parseIndicatorIds,
  parseDataEnd,
  parseNonNegativeInt,
  selectIndicators,
  addProfileOption,
  type SelectionOptions,
} from './selection.js';
import { AIMS } from '../indicators/types.js';

export const CHARTS = ['run', 'p', 'pp', 'u', 'up', 'i', 'auto'] as const;

/** How many triggering series --fail-on prints before "and N more" (as compute does). */
const MAX_GATE_LINES = 20;

interface MonitorOptions extends InputOptions, SelectionOptions, OutputOptions {
  chart: RequestedChart;
  freeze?: Period;
  phase?: Period[];
  annotations?: string;
  format?: MonitorFormat;
  color: boolean;
  minCell: number;
  failOn?: 'signal' | 'disclosure';
  skipInvalid?: boolean;
  lang: Lang;
  dataEnd?: DayNumber;
}

/** --period for monitor: exactly one month or quarter id, or one range of them (SPEC §7). */
function seriesPeriods(value: string, previous: Period[] | undefined): Period[] {
  if (previous !== undefined) throw new InvalidArgumentError('give one --period (one month or quarter, or one range of them)');
  const periods = collectPeriods(value);
  if (periods[0].kind === 'year') throw new InvalidArgumentError('the points of a series are months or quarters (e.g. 2016-01..2017-12 or 2016-Q1..2017-Q4)');
  return periods;
}

function collectPhase(value: string, previous: Period[] = []): Period[] {
  return [...previous, onePeriod(value)];
}

export function monitorCommand(): Command {
  const cmd = new Command('monitor')
    .description('monthly (or quarterly) series per indicator and group with run and control charts and the Anhøj rules')
    .addHelpText(
      'after',
      `
Examples:
  triple-aim monitor --data extracts                                   # every month of the data, run charts
  triple-aim monitor --data extracts --period 2016-01..2019-12 --by municipality --chart auto
  triple-aim monitor --data extracts --indicators rehab-contact-3-workdays --chart p --phase 2019-01 --annotations events.csv
  triple-aim monitor --data extracts --chart auto --fail-on signal     # CI gate: exit 3 on a signal in the last phase

The annotations file is CSV with the columns period,text[,indicator][,group]; an empty indicator or group
attaches the text to every series. The whole series of every indicator is held in memory (a few
numbers per point).`,
    );
  addInputOptions(cmd);
  cmd
    .option('--period <range>', 'one month or quarter, or one range of them: the points (default: every month of the data)', seriesPeriods)
    .option('--by <dims>', 'one series per group of these dimensions (comma-separated)', parseDimensions)
    .option('--indicators <ids>', 'only these indicator ids (comma-separated; see `triple-aim indicators`)', parseIndicatorIds)
    .addOption(new Option('--aim <aim>', 'only the indicators of one aim').choices(AIMS))
    .addOption(
      new Option('--chart <type>', 'run chart, or a control chart: p, pp (Laney P′), u, up (Laney U′), i; auto = pp for percent, up for rates, i otherwise')
        .choices(CHARTS)
        .default('run'),
    )
    .option('--freeze <period>', "the first phase's centre line and limits come from its points up to and including this period", onePeriod)
    .option('--phase <period>', 'a new phase starts at this period (repeatable)', collectPhase)
    .option('--annotations <file>', 'CSV period,text[,indicator][,group]: notes attached to the points')
    .option(
      '--data-end <date>',
      "the extraction date (YYYY-MM-DD), the data end of every extract: points whose follow-up reaches past it are provisional (default: each extract's latest event date)",
      parseDataEnd,
    )
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(MONITOR_FORMATS));
  addProfileOption(cmd);
  addOutputOptions(cmd, 'the series');
  cmd
    .addOption(new Option('--lang <lang>', 'language of --format html').choices(['da', 'en']).default('da'))
    .option('--no-color', 'no colour in the table (also when NO_COLOR is set or stdout is not a terminal)')
    .option('--min-cell <n>', 'small-cell suppression threshold; 0 turns it off', parseNonNegativeInt, 5)
    .addOption(
      new Option(
        '--fail-on <what>',
        'exit 3 when any series has a signal in its last phase / (disclosure) shows a count of 1–4 people or events that the default --min-cell 5 would hide',
      ).choices(['signal', 'disclosure']),
    )
    .option('--skip-invalid', 'leave invalid rows out (counted in the report) instead of failing');
  countsOption(cmd, 'monitor');
  addEngineOption(cmd);
  return runs(cmd, monitor);
}

async function monitor(opts: MonitorOptions & CountsOptions & EngineOptions): Promise<number> {
  // SPEC §15: with --counts, the counting was done in a database; only the other inputs are read.
  const counted = readCountsOption(opts);
  if (counted) countsProfileCheck(opts.profile ?? DEFAULT_PROFILE, counted);
  const indicators = counted ? counted.indicators : selectIndicators(opts);
  if (counted && opts.engine === 'duckdb') throw new UsageError('--counts and --engine duckdb both say who counted: give one');
  const sources = counted ? counted.sources : resolveSources(opts, (e) => duckdbReads(e, opts.engine));
  if (opts.annotations !== undefined) sources.push({ extract: 'annotations', path: opts.annotations });
  const out = checkOut(opts.out, sources.map((s) => s.path)); // before anything is read (SPEC §6.3)
  const { data, infos, engine } = await loadWithEngine(sources, opts, { skipInvalid: opts.skipInvalid === true });

  const periods = counted ? counted.periods : (opts.period ?? inRange(defaultMonths(infos)));
  if (counted && (periods[0].kind === 'year' || periods.some((p) => p.kind !== periods[0].kind))) {
    throw new UsageError(`the points of a series are months or quarters of one kind: ${opts.counts} has ${periods.map((p) => p.id).join(', ')} (give --period)`);
  }
  const { phaseStarts, freezeTo } = phasesOf(periods, opts.phase ?? [], opts.freeze);
  const annotations = annotationsOf(data.annotations?.records ?? [], data.annotations?.info.path ?? '', periods);

  const by = counted ? counted.by : (opts.by ?? []);
  // SPEC §15: counted in a database (--counts), by DuckDB here (--engine duckdb), or in the run.
  const counts = counted ? counted.counts : engine ? await countWith(engine, indicators, periods, by) : undefined;
  const run = runIndicators(indicators, prepare(data), {
    periods,
    by,
    minCell: opts.minCell,
    dataEnd: opts.dataEnd,
    ...(counts ? { counts } : {}),
  });
  const series = buildSeries(indicators, run.results, {
    periods,
    chart: opts.chart,
    phaseStarts,
    freezeTo,
    annotations: annotations.list,
    baselineRows: data.baselines?.records ?? [],
  });
  const report: MonitorReport = withGeneratedAt(
    {
      schema_version: 1,
      tool: toolJson((opts.profile ?? DEFAULT_PROFILE).version),
      kind: 'monitor',
      inputs: [...inputsJson(infos, opts.dataEnd), ...(counted?.inputs(opts.dataEnd) ?? [])],
      periods: periods.map(periodJson),
      breakdown: [...by],
      chart: opts.chart,
      suppression: {
        min_cell: opts.minCell,
        primary: run.suppression.primary,
        complementary: run.suppression.complementary,
        description: suppressionText(opts.minCell, run.suppression.primary, run.suppression.complementary),
      },
      series,
      warnings: [...annotations.warnings, ...run.warnings],
    },
    process.env.SOURCE_DATE_EPOCH,
  );

  const format = chooseFormat(opts.format, { terminal: 'table', pipe: 'json' });
  const text = await renderMonitor(report, format, {
    color: colourEnabled(opts.color, opts.out),
    lang: opts.lang,
    results: run.results,
    catalogue: indicators,
  });
  await writeResult(text, out, { quiet: opts.quiet });
  for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
  if (opts.failOn === 'disclosure') return disclosureGate(run.disclosures, opts.minCell);
  return opts.failOn === 'signal' ? gate(report.series) : EXIT.ok;
}

/** --phase and --freeze as indices into the points, checked against them (SPEC §7: usage errors). */
function phasesOf(periods: readonly Period[], phases: readonly Period[], freeze: Period | undefined) {
  const kind = periods[0].kind;
  const index = new Map(periods.map((p, i) => [p.id, i]));
  const starts = new Set<number>();
  for (const p of phases) {
    const i = index.get(p.id);
    if (p.kind !== kind || i === undefined || i === 0) {
      throw new UsageError(
        `--phase ${p.id}: a phase must start at a ${kind} strictly after the first (${periods[0].id}) and not after the last (${periods[periods.length - 1].id}) point of the series`,
      );
    }
    starts.add(i);
  }
  const phaseStarts = [...starts].sort((a, b) => a - b);
  let freezeTo: number | null = null;
  if (freeze !== undefined) {
    const i = index.get(freeze.id);
    const firstPhaseEnd = (phaseStarts[0] ?? periods.length) - 1;
    if (freeze.kind !== kind || i === undefined || i > firstPhaseEnd) {
      throw new UsageError(
        `--freeze ${freeze.id}: must be a ${kind} within the first phase (${periods[0].id} … ${periods[firstPhaseEnd].id})`,
      );
    }
    freezeTo = i;
  }
  return { phaseStarts, freezeTo };
}

/** SPEC §7 --fail-on signal: exit 3, one stderr line per series with a signal in its last phase. */
function gate(series: readonly Series[]): number {
  const triggered = series.filter((s) => s.signal);
  if (triggered.length === 0) return EXIT.ok;
  for (const s of triggered.slice(0, MAX_GATE_LINES)) {
    const phase = s.phases[s.phases.length - 1];
    const why: string[] = [];
    if (phase.runs.signal) why.push(`runs (longest run ${phase.runs.longest_run}/max ${phase.runs.longest_run_max}, crossings ${phase.runs.crossings}/min ${phase.runs.crossings_min})`);
    if (phase.sigma_signals.length) why.push(`outside the limits in ${phase.sigma_signals.join(', ')}`);
    process.stderr.write(
      `signal: ${s.indicator} ${formatGroupKey(s.group) || 'total'} ${phase.from}…${phase.to}: ${s.variation.replace('_', ' ')}; ${why.join('; ')}\n`,
    );
  }
  if (triggered.length > MAX_GATE_LINES) process.stderr.write(`and ${triggered.length - MAX_GATE_LINES} more\n`);
  return EXIT.gate;
}
