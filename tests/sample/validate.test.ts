// The generated set must pass the project's own reader and validator (SPEC §1.6, §2): a
// sample that `triple-aim validate` rejects would be useless for trying the tool.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExtracts } from '../../src/extracts/load.js';
import { EXTRACTS, generate, removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);

async function problemsOf(dir: string) {
  const result = await loadExtracts(
    EXTRACTS.map((extract) => ({ extract, path: join(dir, `${extract}.csv`) })),
    { encoding: 'utf8' },
  );
  return result;
}

describe('the generated sample validates', () => {
  it.each([
    [1, 1],
    [20_250_101, 0.5],
    [-7, 0.2],
  ])('seed %i, scale %s: every extract reads with zero problems and zero rejected rows', async (seed, scale) => {
    const dir = await generate({ seed, scale });
    const { files, data } = await problemsOf(dir);
    expect(files.map((f) => f.extract).sort()).toEqual([...EXTRACTS].sort());
    for (const f of files) {
      expect(f.problems.slice(0, 5), `${f.extract}: ${f.problemCount} problems`).toEqual([]);
      expect(f.problemCount).toBe(0);
      expect(f.rowsRejected).toBe(0);
      expect(f.unusable).toBe(false);
    }
    // Scale 1 (5,000 admissions) read back in full: 5000 × scale records.
    expect(data.admissions?.table.rows()).toHaveLength(Math.round(5000 * scale));
    // Rows written with the D prefix come back normalised (DJ189 → J189, SPEC §2.2).
    expect(data.admissions!.table.rows().every((a) => !/^D[A-Z]/.test(a.diagnosis))).toBe(true);
  });
});
