// `triple-aim validate`: read the extracts and report every problem found; compute nothing
// (SPEC §1.6). Exit 0 when every file is clean, 1 otherwise; the report goes to stdout in
// either format, so the exit code and the report always agree. Rendering lives in
// src/report/validation.ts, reached through src/report/render.ts.

import { Command, Option } from 'commander';
import { loadExtracts, type FileReport } from '../extracts/load.js';
import { renderValidation, VALIDATION_FORMATS, type ValidationFormat } from '../report/render.js';
import { runs } from './command.js';
import { EXIT } from './errors.js';
import { addInputOptions, readOptions, resolveSources, type InputOptions } from './inputs.js';
import { addOutputOptions, checkOut, chooseFormat, colourEnabled, writeResult, type OutputOptions } from './output.js';
import { progressReporter } from './progress.js';

interface ValidateOptions extends InputOptions, OutputOptions {
  format?: ValidationFormat;
  color: boolean;
}

export function validateCommand(): Command {
  const cmd = new Command('validate')
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
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(VALIDATION_FORMATS))
    .option('--no-color', 'no colour (also when NO_COLOR is set or stdout is not a terminal)');
  addOutputOptions(cmd, 'the validation report');
  return runs(cmd, validate);
}

async function validate(opts: ValidateOptions): Promise<number> {
  const sources = resolveSources(opts);
  const out = checkOut(opts.out, sources.map((s) => s.path)); // before anything is read (SPEC §6.3)
  const format = chooseFormat(opts.format, { terminal: 'table', pipe: 'json' });
  const progress = progressReporter();
  const { files } = await loadExtracts(sources, { ...readOptions(opts), onProgress: progress.update, keepRecords: false });
  progress.done();
  await writeResult(renderValidation(files, format, { color: colourEnabled(opts.color, opts.out), maxErrors: opts.maxErrors }), out, { quiet: opts.quiet });
  return validationExitCode(files);
}

export function validationExitCode(files: readonly FileReport[]): number {
  return files.every((f) => f.problemCount === 0) ? EXIT.ok : EXIT.badInput;
}
