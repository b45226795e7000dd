// SPEC §12, two cores: with several large extracts a worker thread loads some of them while
// the main thread loads the others (src/extracts/lanes.ts). The rule tested here is that the
// lanes never show: the same files give the same reports, problems, tables and notices, in the
// same order, as loading them one after another in one thread.
//
// A worker thread runs the built modules (dist/; vitest runs the TypeScript sources, where no
// worker can start), so this compares dist's loader with lanes against dist's loader without;
// dist must be newer than the sources (npm test builds first).

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANE_MIN_BYTES, planLanes } from '../../src/extracts/lanes.js';
import type * as Load from '../../src/extracts/load.js';
import type * as Lanes from '../../src/extracts/lanes.js';
import { writeSample } from '../../src/sample/generate.js';
import { removeTempDirs, tempDir } from '../sample/helpers.js';
import { messyCopy } from './messy.js';

const MB = 1024 * 1024;

describe('which files go to the worker', () => {
  const src = (extract: string, path = `${extract}.csv`) => ({ extract: extract as never, path });

  it('the largest table extract stays here, the other table extracts go to the worker when they hold 8 MiB together', () => {
    const sources = [src('admissions'), src('referrals'), src('smoking'), src('lup'), src('population'), src('measurements')];
    expect(planLanes(sources, [108 * MB, 20 * MB, 6 * MB, 34 * MB, 1 * MB, 1000])).toEqual([1, 2, 3]);
    // LUP larger than admissions: LUP stays, admissions goes.
    expect(planLanes(sources, [10 * MB, 2 * MB, 1 * MB, 34 * MB, 1 * MB, 1000])).toEqual([0, 1, 2]);
  });

  it('one lane when the others are small, when there is one table extract, or for standard input', () => {
    expect(planLanes([src('admissions'), src('referrals')], [108 * MB, LANE_MIN_BYTES - 1])).toBeNull();
    expect(planLanes([src('admissions'), src('population')], [108 * MB, 50 * MB])).toBeNull();
    expect(planLanes([src('admissions', '-'), src('lup')], [null, 34 * MB])).toBeNull();
  });
});

const built = (name: string) => fileURLToPath(new URL(`../../dist/extracts/${name}.js`, import.meta.url));
const sourceDir = fileURLToPath(new URL('../../src/extracts/', import.meta.url));
let dist: typeof Load;
let distLanes: typeof Lanes;
let dir = '';

beforeAll(async () => {
  for (const name of ['load', 'lanes', 'lane-worker', 'table', 'keys', 'byte-row', 'records', 'contacts', 'csv/utf16', 'csv/split']) {
    const js = built(name);
    const ts = join(sourceDir, `${name}.ts`);
    if (!existsSync(js) || statSync(js).mtimeMs < statSync(ts).mtimeMs) {
      throw new Error(`${js} is missing or older than ${ts}: run \`npm run build\` first (npm test does)`);
    }
  }
  dist = (await import(built('load'))) as typeof Load;
  distLanes = (await import(built('lanes'))) as typeof Lanes;
  // Scale 35: admissions 19 MB; LUP, referrals and smoking 10 MB together, for the worker.
  const sample = tempDir();
  await writeSample(sample, { seed: 5, scale: 35 });
  dir = tempDir();
  messyCopy(sample, dir, 'admissions', { seed: 1, cp1252: true, note: true });
  messyCopy(sample, dir, 'referrals', { seed: 2, cp1252: true, crlf: true });
  messyCopy(sample, dir, 'smoking', { seed: 3 });
  messyCopy(sample, dir, 'lup', { seed: 4 });
  for (const f of ['population', 'measurements', 'baselines']) messyCopy(sample, dir, f, { seed: 5, rate: 0 });
  // LPR3 contacts (SPEC §14.1), messy and in UTF-16LE as Excel's "Unicode text" writes them
  // (TAB, CR LF): ≈ 8 MB of UTF-16 for the worker's lane. (The loader takes admissions and
  // contacts together; only the command line refuses the pair, cli/inputs.ts.)
  const lpr3 = tempDir();
  await writeSample(lpr3, { seed: 6, scale: 6, contacts: true });
  const contacts = messyCopy(lpr3, dir, 'contacts', { seed: 6, delimiter: '\t', crlf: true });
  writeFileSync(contacts, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(contacts, 'utf8'), 'utf16le')]));
}, 120_000);
afterAll(removeTempDirs);

describe('loading in two lanes gives what one lane gives', () => {
  it('reports, problems, tables and notices, in the order of the files', async () => {
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((f) => ({ extract: f.slice(0, -4) as Load.ExtractSource['extract'], path: join(dir, f) }));
    // The lanes are taken for these files.
    const lane = distLanes.planLanes(sources, await distLanes.storedSizes(sources));
    expect(lane).not.toBeNull();
    // The contacts are loaded in the worker's lane.
    expect(lane).toContain(sources.findIndex((s) => s.extract === 'contacts'));
    const run = async (lanes: boolean) => {
      const notices: string[] = [];
      const result = await dist.loadExtractsWith(sources, { lanes, keepProblems: Infinity, onNotice: (n) => notices.push(n) });
      const data = result.data as Record<string, { info: unknown; table?: { rows(): unknown[] }; records?: unknown[] }>;
      return {
        notices,
        files: result.files,
        // The rows as JSON: a quarter of a million records compare faster as one string.
        data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { info: v.info, rows: JSON.stringify(v.table ? v.table.rows() : v.records) }])),
      };
    };
    const two = await run(true);
    const one = await run(false);
    expect(two).toEqual(one);
    // Both Windows-1252 files gave their notice, and the UTF-16 file its own, in the order of
    // the files.
    expect(one.notices).toHaveLength(3);
    expect(one.notices[0]).toContain('admissions.csv');
    expect(one.notices[1]).toMatch(/contacts\.csv: UTF-16LE text \(byte-order mark\); read as UTF-16$/);
    expect(one.notices[2]).toContain('referrals.csv');
    const contacts = one.files.find((f) => f.extract === 'contacts')!;
    expect(contacts.encoding).toBe('utf16le');
    expect(contacts.rows).toBeGreaterThan(25_000);
    expect(contacts.problemCount).toBeGreaterThan(100);
    expect(one.files.every((f) => f.problemCount > 0)).toBe(false);
    expect(one.files.find((f) => f.extract === 'lup')!.problemCount).toBeGreaterThan(100);
  }, 120_000);
});
