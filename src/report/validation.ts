// The renderers of `validate` (SPEC §1.6, §11): JSON per the ValidationReport contract, and a
// frictionless-style table — a VALID/INVALID line per file, then its problems.

import { toJson } from './json.js';
import { Chalk } from 'chalk';
import type { ValidationReport } from '../contracts/validate.js';
import { formatProblem, type FileReport } from '../extracts/load.js';

/** The validation report as data: every kept problem (file-level first) with its type;
 *  error_count counts them all. */
export function validationReport(files: readonly FileReport[]): ValidationReport {
  return {
    files: files.map((f) => ({
      extract: f.extract,
      path: f.path,
      rows: f.rows,
      errors: f.problems.map((p) => ({ type: p.type, line: p.line, column: p.column, value: p.value, message: p.message })),
      error_count: f.problemCount,
    })),
    ok: files.every((f) => f.problemCount === 0),
  };
}

export function renderValidationJson(files: readonly FileReport[]): string {
  return toJson(validationReport(files));
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
