// Loading the inputs of a computing command: problems are printed like `validate` prints them
// and end the run with exit 1 (nothing written), unless --skip-invalid lets row problems pass
// (SPEC §1.6). File-level problems always stop the run.

import { formatProblem, loadExtracts, type ExtractSource } from '../extracts/load.js';
import { EXTRACT_NAMES, type ExtractInfo, type LoadedData } from '../extracts/records.js';
import { InputError } from './errors.js';
import { readOptions, type InputOptions } from './inputs.js';
import { progressReporter } from './progress.js';

export async function loadInputs(
  sources: readonly ExtractSource[],
  opts: InputOptions,
  { skipInvalid, keepIds = false }: { skipInvalid: boolean; keepIds?: boolean },
): Promise<{ data: LoadedData; infos: ExtractInfo[] }> {
  const progress = progressReporter();
  const result = await loadExtracts(sources, { ...readOptions(opts), onProgress: progress.update, keepIds });
  progress.done();
  const fatal = result.files.filter((f) => f.unusable || (!skipInvalid && f.problemCount > 0));
  if (fatal.length > 0) {
    const lines: string[] = [];
    let shown = 0;
    let total = 0;
    for (const f of fatal) {
      total += f.problemCount;
      for (const p of f.problems) {
        if (shown < opts.maxErrors) {
          lines.push(formatProblem(p));
          shown++;
        }
      }
    }
    if (total > shown) lines.push(`… and ${total - shown} more problem${total - shown === 1 ? '' : 's'} (--max-errors N shows more)`);
    const rowProblemsOnly = fatal.every((f) => !f.unusable);
    lines.push(
      `triple-aim: ${total} problem${total === 1 ? '' : 's'} in the input; nothing was computed` +
        (rowProblemsOnly ? ' (--skip-invalid leaves invalid rows out instead)' : ''),
    );
    throw new InputError(lines[lines.length - 1], lines);
  }
  for (const f of result.files) {
    if (f.rowsRejected > 0) {
      process.stderr.write(
        `warning: ${f.path}: ${f.rowsRejected} invalid row${f.rowsRejected === 1 ? '' : 's'} left out (--skip-invalid); first: ${formatProblem(f.problems[0])}\n`,
      );
    }
  }
  const infos = EXTRACT_NAMES.flatMap((n) => (result.data[n] ? [result.data[n]!.info] : []));
  return { data: result.data, infos };
}
