// Helpers for the extract tests: write a CSV text (or bytes) to a scratch file and load it.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExtractsWith, type FileReport, type LoadOptions, type Problem } from '../../src/extracts/load.js';
import type { ExtractName, LoadedData } from '../../src/extracts/records.js';

const dir = mkdtempSync(join(tmpdir(), 'triple-aim-extracts-'));
let n = 0;

/** Writes the content to a new scratch file and returns its path. */
export function scratchFile(content: string | Buffer, name = 'extract.csv'): string {
  const path = join(dir, `${++n}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** Lines joined with LF and a final LF. */
export function csv(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

export interface Loaded {
  report: FileReport;
  data: LoadedData;
  problems: Problem[];
  /** Problems as `line: column: message` (column left out when null). */
  messages: string[];
}

export async function load(
  extract: ExtractName,
  content: string | Buffer,
  options: Partial<LoadOptions> & { name?: string } = {},
): Promise<Loaded> {
  const path = scratchFile(content, options.name);
  return loadPath(extract, path, options);
}

export async function loadPath(extract: ExtractName, path: string, options: Partial<LoadOptions> = {}): Promise<Loaded> {
  const result = await loadExtractsWith([{ extract, path }], options);
  const report = result.files[0];
  return {
    report,
    data: result.data,
    problems: report.problems,
    messages: report.problems.map((p) => `${p.line ?? '-'}: ${p.column === null ? '' : p.column + ': '}${p.message}`),
  };
}
