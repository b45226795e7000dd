// When the browser tests run, skip or fail (issue 19): the README's `npm ci && npm test` must
// pass on a fresh machine without chromium, saying so in the summary; CI must not pass without it.

import { describe, expect, it } from 'vitest';
import { browserStateOf } from './chromium.js';

describe('the browser tests without chromium', () => {
  it('run when chromium is present, under CI or not', () => {
    expect(browserStateOf(true, undefined)).toBe('present');
    expect(browserStateOf(true, 'true')).toBe('present');
  });
  it('are skipped outside CI (CI unset, empty, 0 or false)', () => {
    for (const ci of [undefined, '', '0', 'false', 'FALSE']) expect(browserStateOf(false, ci)).toBe('skip');
  });
  it('fail under CI (CI=true, CI=1)', () => {
    expect(browserStateOf(false, 'true')).toBe('missing');
    expect(browserStateOf(false, '1')).toBe('missing');
  });
});
