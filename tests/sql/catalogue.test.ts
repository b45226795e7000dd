// SPEC §15: "the counting of §3 and §14 compiles to SQL" — every counting indicator of every
// profile, so that `triple-aim sql` and `--engine duckdb` leave none to the TypeScript engine
// (src/cli/engine.ts no longer has a path for one that has no SQL).

import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/indicators/profiles.js';
import { isSqlIndicator } from '../../src/sql/compile.js';

describe('every counting indicator compiles to SQL (SPEC §15)', () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))('profile %s: no counting indicator without SQL', (_id, profile) => {
    const counting = profile.catalogue.filter((i) => i.kind === 'counting');
    expect(counting.length).toBeGreaterThan(0);
    expect(counting.filter((i) => !isSqlIndicator(i.id)).map((i) => i.id)).toEqual([]);
  });
});
