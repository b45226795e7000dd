// Agreement "within 1e-9 relative (1e-9 absolute where the expected number is 0)", the rule
// of the second-round worked examples (../shared/examples/README.md).

import { expect } from 'vitest';

export function expectClose(actual: number | null | undefined, expected: number, tolerance = 1e-9): void {
  expect(actual, `expected a number close to ${expected}`).toBeTypeOf('number');
  const limit = expected === 0 ? tolerance : tolerance * Math.abs(expected);
  expect(Math.abs(actual! - expected), `${actual} is not within ${tolerance} (relative) of ${expected}`).toBeLessThanOrEqual(limit);
}

export function expectCloseInterval(
  actual: readonly [number, number] | null | undefined,
  expected: readonly [number, number],
  tolerance = 1e-9,
): void {
  expect(actual, `expected the interval [${expected[0]}, ${expected[1]}]`).not.toBeNull();
  expectClose(actual![0], expected[0], tolerance);
  expectClose(actual![1], expected[1], tolerance);
}
