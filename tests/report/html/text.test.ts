import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/report/format.js';
import { chartTimeLocale, periodName } from '../../../src/report/html/i18n.js';
import { escapeHtml, formatDecimal, formatInterval, formatValue, visibleControls } from '../../../src/report/html/text.js';

describe('numbers for reading (SPEC §10 --lang, §4.2 rounding)', () => {
  it('Danish writes a decimal comma and a thousands point, English the reverse', () => {
    expect(formatDecimal(12345.678, 1, 'da')).toBe('12.345,7');
    expect(formatDecimal(12345.678, 1, 'en')).toBe('12,345.7');
    expect(formatDecimal(1234567, 0, 'da')).toBe('1.234.567');
    expect(formatDecimal(999, 0, 'da')).toBe('999');
  });

  it('rounds percent and per_1000 to 1 decimal and counts and DKK to whole numbers', () => {
    expect(formatValue(54.5454, 'percent', 'da')).toBe('54,5');
    expect(formatValue(1.42857, 'per_1000', 'en')).toBe('1.4');
    expect(formatValue(36.8, 'dkk_per_capita', 'da')).toBe('37');
    expect(formatValue(2, 'count', 'da')).toBe('2');
  });

  it('rounds half away from zero on the shortest decimal form, exactly as the table and Markdown renderers', () => {
    // 0.35 is stored as 0.34999999999999997…; toFixed(1) gives "0.3", but every other format
    // (src/report/format.ts, toLocaleString) shows 0.4: the HTML must not disagree with them.
    expect(formatDecimal(0.35, 1, 'en')).toBe('0.4');
    expect(formatDecimal(0.25, 1, 'en')).toBe('0.3');
    expect(formatDecimal(-0.25, 1, 'en')).toBe('\u22120.3');
    expect(formatDecimal(2.5, 0, 'da')).toBe('3');
    for (const v of [0.35, 1.005, 12.25, 54.5454, 1.45, 2.675]) {
      expect(formatDecimal(v, 1, 'en'), String(v)).toBe(formatNumber(v, 'percent', 1));
    }
  });

  it('writes a negative value with the minus sign U+2212, and no sign on a value that rounds to zero', () => {
    expect(formatDecimal(-0.8, 1, 'da')).toBe('\u22120,8');
    expect(formatDecimal(-0.04, 1, 'da')).toBe('0,0');
    expect(formatDecimal(-0, 0, 'en')).toBe('0');
  });

  it('writes + before a positive change when asked, never before zero', () => {
    expect(formatDecimal(4.84, 1, 'da', true)).toBe('+4,8');
    expect(formatDecimal(0.04, 1, 'da', true)).toBe('0,0');
    expect(formatDecimal(-4.84, 1, 'da', true)).toBe('\u22124,8');
  });

  it('joins an interval with an en dash, and with "til"/"to" when a bound is negative', () => {
    expect(formatInterval([10.44, 14.55], 1, 'da')).toBe('10,4\u201314,6');
    expect(formatInterval([-18.2, -6.8], 1, 'da')).toBe('\u221218,2 til \u22126,8');
    expect(formatInterval([-1.2, 3.4], 1, 'en')).toBe('\u22121.2 to 3.4');
  });
});

describe('escaping text from data', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  it('shows C0 control characters as their Control Pictures, DEL as ␡ and C1 controls as U+ text', () => {
    expect(visibleControls('a\u0001b\u001bc')).toBe('a\u2401b\u241bc');
    expect(visibleControls('x\u007fy')).toBe('x\u2421y');
    expect(visibleControls('x\u0085y')).toBe('xU+0085y');
  });

  it('keeps tab, line feed and carriage return, which HTML allows in text', () => {
    expect(visibleControls('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });

  it('replaces a lone surrogate with U+FFFD and keeps a surrogate pair', () => {
    expect(visibleControls('a\ud800b')).toBe('a\ufffdb');
    expect(visibleControls('a\udc00b')).toBe('a\ufffdb');
    expect(visibleControls('a😀b')).toBe('a😀b');
  });
});

describe('period names', () => {
  it('names months in Danish with date-fns da (lower case, as Danish writes them)', () => {
    expect(periodName('2016-01', 'da')).toBe('januar 2016');
    expect(periodName('2016-05', 'da')).toBe('maj 2016');
    expect(periodName('2016-10', 'da', true)).toBe('okt. 2016');
    expect(periodName('2016-12', 'en')).toBe('December 2016');
  });

  it('names quarters and keeps years and unknown ids as they are', () => {
    expect(periodName('2016-Q3', 'da')).toBe('3. kvt. 2016');
    expect(periodName('2016-Q3', 'en')).toBe('Q3 2016');
    expect(periodName('2016', 'da')).toBe('2016');
    expect(periodName('whenever', 'da')).toBe('whenever');
  });

  it('gives the charts Danish month and day names, Sunday first as d3 lists them', () => {
    const locale = chartTimeLocale('da');
    expect(locale.months[0]).toBe('januar');
    expect(locale.shortMonths[4]).toBe('maj');
    expect(locale.days[0]).toBe('søndag');
    expect(locale.days[1]).toBe('mandag');
  });
});
