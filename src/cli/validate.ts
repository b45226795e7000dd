// `triple-aim validate`: read the extracts and report every problem found; compute nothing
// (SPEC §1.6). Exit 0 when every file is clean, 1 otherwise; the report goes to stdout in
// either format, so the exit code and the report always agree.

import { Chalk } from 'chalk';
import { Command, Option } from 'commander';
import { formatProblem, loadExtracts, type FileReport } from '../extracts/load.js';
import { EXIT } from './errors.js';
import { addInputOptions, readOptions, resolveSources, type InputOptions } from './inputs.js';
import type { SetExitCode } from './main.js';
import { writeResult } from './output.js';
import { progressReporter } from './progress.js';

export const VALIDATE_FORMATS = ['table', 'json'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

interface ValidateOptions extends InputOptions {
  format?: ValidateFormat;
  color: boolean;
}

export function registerValidate(program: Command, setExitCode: SetExitCode): void {
  const cmd = program
    .command('validate')
    .description('read the extracts and report every problem found (file, line, column, value, expectation); compute nothing')
    .addHelpText(
      'after',
      `
Examples:
  triple-aim validate --data extracts
  triple-aim validate --admissions adm.csv --delimiter ";" --encoding latin1
  triple-aim validate --data extracts --format json --max-errors 100
  zcat adm.csv.gz | triple-aim validate --admissions -

Exit status: 0 when every file is valid, 1 when any problem was found (2 for bad usage).`,
    );
  addInputOptions(cmd);
  cmd
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(VALIDATE_FORMATS))
    .option('--no-color', 'no colour (also when NO_COLOR is set or stdout is not a terminal)')
    .action(async (opts: ValidateOptions) => setExitCode(await validate(opts)));
}

async function validate(opts: ValidateOptions): Promise<number> {
  const sources = resolveSources(opts);
  const format: ValidateFormat = opts.format ?? (process.stdout.isTTY ? 'table' : 'json');
  const progress = progressReporter();
  const { files } = await loadExtracts(sources, { ...readOptions(opts), onProgress: progress.update, keepRecords: false });
  progress.done();
  const color = opts.color && process.stdout.isTTY === true && !process.env.NO_COLOR;
  await writeResult(format === 'json' ? renderValidationJson(files) : renderValidationTable(files, opts.maxErrors, color));
  return validationExitCode(files);
}

export function validationExitCode(files: readonly FileReport[]): number {
  return files.every((f) => f.problemCount === 0) ? EXIT.ok : EXIT.badInput;
}

/** SPEC §1.6: `{ "files": [ { "extract", "path", "rows", "errors": [ { "line", "column",
 *  "value", "message" } ], "error_count" } ], "ok": bool }` — every kept problem (file-level
 *  first); error_count counts them all. */
export function renderValidationJson(files: readonly FileReport[]): string {
  const report = {
    files: files.map((f) => ({
      extract: f.extract,
      path: f.path,
      rows: f.rows,
      errors: f.problems.map((p) => ({ line: p.line, column: p.column, value: p.value, message: p.message })),
      error_count: f.problemCount,
    })),
    ok: files.every((f) => f.problemCount === 0),
  };
  return JSON.stringify(report, null, 2) + '\n';
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** A VALID/INVALID line per file with its row count, then its problems one per line in the
 *  `file:line: column: message` form; at most `maxErrors` problems in all, then a count of
 *  the rest and a summary as the last line. */
export function renderValidationTable(files: readonly FileReport[], maxErrors: number, color = false): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  let shown = 0;
  let total = 0;
  for (const f of files) {
    total += f.problemCount;
    if (f.problemCount === 0) {
      out.push(`${chalk.green('VALID')}    ${f.path} (${f.extract}): ${plural(f.rows, 'row')}`);
      continue;
    }
    const detail = f.unusable
      ? `${plural(f.problemCount, 'problem')}; the file cannot be used`
      : `${plural(f.rows, 'row')}, ${plural(f.rowsRejected, 'invalid row')}, ${plural(f.problemCount, 'problem')}`;
    out.push(`${chalk.red('INVALID')}  ${f.path} (${f.extract}): ${detail}`);
    for (const p of f.problems) {
      if (shown >= maxErrors) break;
      out.push(`  ${formatProblem(p)}`);
      shown++;
    }
  }
  if (total > shown) {
    out.push(`… and ${plural(total - shown, 'more problem')} (--max-errors N prints more; --format json lists them)`);
  }
  const invalid = files.filter((f) => f.problemCount > 0).length;
  out.push(
    invalid === 0
      ? `${plural(files.length, 'file')} checked: all valid`
      : `${plural(files.length, 'file')} checked: ${invalid} invalid, ${plural(total, 'problem')}`,
  );
  return out.join('\n') + '\n';
}
