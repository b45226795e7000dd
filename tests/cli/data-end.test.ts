// --data-end YYYY-MM-DD (SPEC §13.2): parsed before anything is read; anything but a real ISO
// date within 1900–2099 is a usage error (commander turns InvalidArgumentError into exit 2).

import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseDataEnd } from '../../src/cli/selection.js';
import { formatDay } from '../../src/calc/time.js';

describe('--data-end parsing (SPEC §13.2)', () => {
  it('reads an ISO date to its day number', () => {
    expect(formatDay(parseDataEnd('2019-09-04'))).toBe('2019-09-04');
    expect(formatDay(parseDataEnd('2020-02-29'))).toBe('2020-02-29');
    expect(formatDay(parseDataEnd(' 1900-01-01 '))).toBe('1900-01-01');
    expect(formatDay(parseDataEnd('2099-12-31'))).toBe('2099-12-31');
  });

  it.each([
    ['2019-02-30', /is not a date \(expected YYYY-MM-DD/],
    ['2019-13-01', /is not a date/],
    ['2019-9-4', /is not a date/],
    ['20190904', /is not a date/],
    ['04-09-2019', /is not a date/],
    ['2019-09-04 12:00', /is not a date/],
    ['', /is not a date/],
    ['1899-12-31', /outside the plausible range 1900–2099/],
    ['2100-01-01', /outside the plausible range 1900–2099/],
  ])('refuses %j', (value, message) => {
    expect(() => parseDataEnd(value)).toThrow(InvalidArgumentError);
    expect(() => parseDataEnd(value)).toThrow(message);
  });
});
