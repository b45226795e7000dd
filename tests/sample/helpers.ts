// Reading a generated sample back for the tests: plain CSV parsed with csv-parse, dates
// turned into day numbers and wall-clock seconds by the test helpers (not by the generator's
// own code, so a formatting bug there cannot hide itself).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeSample, type SampleOptions } from '../../src/sample/generate.js';

export const EXTRACTS = ['admissions', 'referrals', 'smoking', 'lup', 'population', 'measurements', 'baselines'] as const;
export type Extract = (typeof EXTRACTS)[number];

const created: string[] = [];

export function tempDir(prefix = 'triple-aim-sample-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every folder tempDir made (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export async function generate(options: SampleOptions): Promise<string> {
  const dir = tempDir();
  await writeSample(dir, options);
  return dir;
}

export interface Table {
  header: string[];
  rows: Record<string, string>[];
}

export function readTable(dir: string, extract: Extract): Table {
  const text = readFileSync(join(dir, `${extract}.csv`), 'utf8');
  const records = parse(text, { relax_column_count: false }) as string[][];
  const [header, ...body] = records;
  return {
    header,
    rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))),
  };
}

export async function sampleTables(options: SampleOptions): Promise<{ dir: string; tables: Record<Extract, Table> }> {
  const dir = await generate(options);
  const tables = Object.fromEntries(EXTRACTS.map((e) => [e, readTable(dir, e)])) as Record<Extract, Table>;
  return { dir, tables };
}
