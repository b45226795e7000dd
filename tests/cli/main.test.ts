import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../../src/cli/main.js';
import { InputError, UsageError } from '../../src/cli/errors.js';

function capture(fn: () => number): { code: number; stderr: string } {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: fn(), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('errors become messages and exit codes in one place (SPEC §1.5)', () => {
  afterEach(() => {
    delete process.env.TRIPLE_AIM_DEBUG;
  });

  it('an unexpected exception is exit 4 with one line asking to report it, and no stack', () => {
    const { code, stderr } = capture(() => handleError(new TypeError('x is undefined')));
    expect(code).toBe(4);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/internal error: x is undefined.*please report it/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('TRIPLE_AIM_DEBUG=1 adds the stack', () => {
    process.env.TRIPLE_AIM_DEBUG = '1';
    const { stderr } = capture(() => handleError(new TypeError('x is undefined')));
    expect(stderr).toMatch(/\n\s+at /);
  });

  it('usage errors are exit 2 and input errors exit 1, each printed without a stack', () => {
    expect(capture(() => handleError(new UsageError('bad period'))).code).toBe(2);
    const input = capture(() => handleError(new InputError('summary', ['a.csv:2: x: bad', 'summary'])));
    expect(input.code).toBe(1);
    expect(input.stderr).toBe('a.csv:2: x: bad\nsummary\n');
  });
});
