// `triple-aim compute`: read extracts, compute indicators, compare with baselines and targets,
// render (SPEC §1.3–§1.6, §3, §4).

import { Command, Option } from 'commander';
import type { Period } from '../calc/periods.js';
import { FAIL_ON, failOnTriggers, type FailOn } from '../engine/evaluate.js';
import type { Report } from '../contracts/report.js';
import type { DayNumber } from '../calc/time.js';
import { defaultYears } from '../engine/data-range.js';
import { runIndicators } from '../engine/run.js';
import { countsOption, countsProfileCheck, readCountsOption, type CountsOptions } from './counts.js';
import { prepare } from '../facts/index.js';
import { DEFAULT_PROFILE } from '../indicators/profiles.js';
import { auditCsv } from '../report/audit.js';
import { assembleReport } from '../report/assemble.js';
import { CSV_DIALECTS, type CsvDialect } from '../report/csv.js';
import { gateLines } from '../report/gate.js';
import { disclosureGate } from './disclosure.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import { runs } from './command.js';
import { EXIT, inRange, UsageError } from './errors.js';
import { addInputOptions, resolveSources, type InputOptions } from './inputs.js';
import { addEngineOption, countedPeriods, countWith, duckdbReads, loadWithEngine, type EngineOptions } from './engine.js';
import { addOutputOptions, checkOut, chooseFormat, colourEnabled, writeResult, type OutputOptions } from './output.js';
import {
  addAnalysisOptions,
  addDataEndOption,
  addProfileOption,
  addSelectionOptions,
  checkStandard,
  onePeriod,
  parseNonNegativeInt,
  selectIndicators,
  type AnalysisOptions,
  type SelectionOptions,
} from './selection.js';

/** --fail-on: a result's status (SPEC §3.4), or a count shown that the default --min-cell
 *  would hide (`disclosure`, SPEC §13.7). */
const COMPUTE_FAIL_ON = [...FAIL_ON, 'disclosure'] as const;
type ComputeFailOn = (typeof COMPUTE_FAIL_ON)[number];

interface ComputeOptions extends InputOptions, SelectionOptions, AnalysisOptions, OutputOptions, CountsOptions, EngineOptions {
  baselinePeriod?: Period;
  dataEnd?: DayNumber;
  format?: ReportFormat;
  color: boolean;
  details?: boolean;
  csvDialect: CsvDialect;
  minCell: number;
  failOn?: ComputeFailOn;
  skipInvalid?: boolean;
  audit?: string;
}

export function computeCommand(): Command {
  const cmd = new Command('compute')
    .description('read extracts, compute the indicators per period and group, compare with baselines and targets')
    .addHelpText(
      'after',
      `
Examples:
  triple-aim compute --data data-samples
  triple-aim compute --data extracts --period 2016 --period 2017 --by cluster --format markdown --out report.md
  triple-aim compute --admissions adm.csv.gz --population pop.csv --period 2016-01..2016-12 --indicators readmission-30d
  triple-aim compute --data extracts --format json --fail-on worsening   # CI gate: exit 3 on a worsening result
  triple-aim compute --data extracts --min-cell 0 --fail-on disclosure   # exit 3 when a count of 1–4 is shown
  triple-aim compute --data extracts --period 2017 --by municipality --standardize esp2013 --compare
  triple-aim compute --data extracts --period 2017 --equity --format markdown`,
    );
  addInputOptions(cmd);
  addSelectionOptions(cmd, 'YYYY, YYYY-Qn, YYYY-MM or a range A..B (repeatable; default: every year the data touch)');
  addProfileOption(cmd);
  cmd.option(
    '--audit <file>',
    'write the exclusion audit (indicator, period, unit_id, role, rule) of readmission-30d, discharges-outside-daytime, preventable-admissions-65 and acute-short-admissions to this CSV file',
  );
  cmd
    .option('--baseline-period <id>', "compute each indicator's baseline from the data of this period", onePeriod);
  addAnalysisOptions(cmd);
  addDataEndOption(cmd);
  cmd.addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(REPORT_FORMATS));
  addOutputOptions(cmd, 'the report');
  cmd
    .option('--no-color', 'no colour in the table (also when NO_COLOR is set or stdout is not a terminal)')
    .option('--details', "the table shows each value's 95 % interval and numerator/denominator")
    .addOption(
      new Option('--csv-dialect <dialect>', 'with --format csv: for machines (rfc) or for Danish Excel (excel-da: ; decimal comma, BOM)')
        .choices(CSV_DIALECTS)
        .default('rfc'),
    )
    .option('--min-cell <n>', 'small-cell suppression threshold; 0 turns it off', parseNonNegativeInt, 5)
    .addOption(
      new Option(
        '--fail-on <what>',
        'exit 3 when any result is worsening / misses its target / (disclosure) shows a count of 1–4 people or events that the default --min-cell 5 would hide',
      ).choices(COMPUTE_FAIL_ON),
    )
    .option('--skip-invalid', 'leave invalid rows out (counted in the report) instead of failing');
  countsOption(cmd);
  addEngineOption(cmd);
  return runs(cmd, compute);
}

async function compute(opts: ComputeOptions): Promise<number> {
  // SPEC §15: with --counts, the counting was done in a database; only the other inputs are read.
  const counted = readCountsOption(opts);
  const indicators = counted ? counted.indicators : selectIndicators(opts);
  const profile = opts.profile ?? DEFAULT_PROFILE;
  if (counted) countsProfileCheck(profile, counted);
  if (counted && opts.engine === 'duckdb') throw new UsageError('--counts and --engine duckdb both say who counted: give one');
  const sources = counted ? counted.sources : resolveSources(opts, (e) => duckdbReads(e, opts.engine));
  const out = checkOut(opts.out, sources.map((s) => s.path)); // before anything is read (SPEC §6.3)
  // SPEC §14.4: the audit is a file of its own, never standard output nor the report's file.
  if (opts.audit === '-' || opts.audit === '') throw new UsageError('--audit: give a file name (standard output carries the report)');
  const auditOut = opts.audit === undefined ? null : checkOut(opts.audit, sources.map((s) => s.path));
  if (auditOut !== null && out !== null && auditOut.path === out.path) {
    throw new UsageError(`--audit: "${opts.audit}" is also the --out file: choose another file`);
  }
  // SPEC §14.4: the rows' ids are kept only when the audit is asked.
  if (auditOut !== null && opts.engine === 'duckdb') throw new UsageError('--audit lists the excluded rows, which --engine duckdb does not return: use --engine ts');
  const { data, infos, engine } = await loadWithEngine(sources, opts, { skipInvalid: opts.skipInvalid === true, keepIds: auditOut !== null });
  checkStandard(opts.standardize, data);

  const periods = counted ? counted.periods : (opts.period ?? inRange(defaultYears(infos)));
  const by = counted ? counted.by : (opts.by ?? []);
  // SPEC §15: counted in a database (--counts), by DuckDB here (--engine duckdb), or below.
  const counts = counted ? counted.counts : engine ? await countWith(engine, indicators, countedPeriods(periods, opts.baselinePeriod), by) : undefined;
  const run = runIndicators(indicators, prepare(data), {
    ...(counts ? { counts } : {}),
    periods,
    by,
    minCell: opts.minCell,
    baselinePeriod: opts.baselinePeriod,
    standardize: opts.standardize,
    equity: opts.equity === true,
    compare: opts.compare === true,
    dataEnd: opts.dataEnd,
    audit: auditOut !== null,
  });
  const report = assembleReport(run, {
    definitionVersion: profile.version,
    inputs: infos,
    periods: run.periods,
    by,
    minCell: opts.minCell,
    warnings: [],
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
    dataEnd: opts.dataEnd,
  });
  // SPEC §15: the counts file is an input too (src/cli/counts.ts).
  if (counted) report.inputs = [...report.inputs, ...counted.inputs(opts.dataEnd)];

  const format = chooseFormat(opts.format, { terminal: 'table', pipe: 'json' });
  const rendered = renderReport(report, format, {
    color: colourEnabled(opts.color, opts.out),
    catalogue: profile.catalogue,
    details: opts.details,
    csvDialect: opts.csvDialect,
  });
  await writeResult(rendered, out, { quiet: opts.quiet });
  if (auditOut !== null) await writeResult(auditCsv(run.audit ?? []), auditOut, { quiet: opts.quiet });
  // Results on stdout, warnings on stderr (SPEC §1.4); the report carries them too.
  for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
  if (opts.failOn === 'disclosure') return disclosureGate(run.disclosures, opts.minCell);
  return gate(report, opts.failOn);
}

/** SPEC §3.4, §6.2: --fail-on worsening / not_met → exit 3 (after the report is written), with
 *  one stderr line per triggering result (at most 20, then `and N more`). */
function gate(report: Report, failOn: FailOn | undefined): number {
  if (failOn === undefined) return EXIT.ok;
  const triggered = failOnTriggers(report.results, failOn);
  for (const line of gateLines(triggered, failOn)) process.stderr.write(line + '\n');
  return triggered.length > 0 ? EXIT.gate : EXIT.ok;
}
