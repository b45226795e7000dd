// Text for the HTML documents: escaping of everything that comes from data, and numbers
// formatted for the document's language (SPEC §10: `--lang da` gives a decimal comma).
//
// Rounding is exactly that of the table and Markdown renderers (src/report/format.ts):
// Number.prototype.toLocaleString('en-US') with fixed fraction digits, which rounds half
// away from zero on the shortest decimal form of the double (0.35 → 0.4, where toFixed gives
// 0.3), so a value reads alike in every format. Only those digits come from Intl; signs and
// separators are written here, so that the bytes of the file do not depend on the Danish
// locale data a Node build may or may not carry (SPEC §10: identical inputs give
// byte-identical files).

import type { Lang, Unit } from './model.js';

/** U+2212: a minus sign that a reader cannot take for a hyphen or a dash. */
export const MINUS = '\u2212';

/**
 * Makes control characters visible and harmless: C0 controls other than tab, line feed and
 * carriage return become their Control Pictures (U+2400 + code, e.g. U+0001 → ␁), DEL
 * becomes ␡, C1 controls become "U+0085"-style text, and lone surrogates become U+FFFD. HTML
 * forbids these characters in text (they are parse errors), and a reader should see that a
 * name carried one.
 */
export function visibleControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => {
      const code = c.charCodeAt(0);
      if (code < 0x20) return String.fromCharCode(0x2400 + code);
      if (code === 0x7f) return '\u2421';
      if (code <= 0x9f) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      return '\uFFFD';
    },
  );
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a text from data for HTML text and attribute values (quoted with " or '). */
export function escapeHtml(text: string): string {
  return visibleControls(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Decimals shown for a unit's values: 1 for percent and per_1000, whole numbers otherwise (SPEC §4.2). */
export function unitDecimals(unit: Unit): number {
  return unit === 'percent' || unit === 'per_1000' ? 1 : 0;
}

const SEPARATORS: Record<Lang, { decimal: string; thousands: string }> = {
  da: { decimal: ',', thousands: '.' },
  en: { decimal: '.', thousands: ',' },
};

/**
 * A number rounded to `decimals` for reading: decimal comma and thousands point in Danish
 * ("12.345,6"), point and comma in English ("12,345.6"), U+2212 for a negative value, and no
 * sign on a value that rounds to zero ("−0,0" would claim a direction the data do not have).
 * `signed` writes "+" before a positive value (changes and gaps).
 */
export function formatDecimal(value: number, decimals: number, lang: Lang, signed = false): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
  });
  const [whole, fraction] = fixed.split('.');
  const sep = SEPARATORS[lang];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, sep.thousands);
  const text = fraction === undefined ? grouped : `${grouped}${sep.decimal}${fraction}`;
  if (/^[0.]*$/.test(fixed)) return text;
  if (value < 0) return MINUS + text;
  return signed ? `+${text}` : text;
}

/** A value of an indicator with its unit's decimals. */
export function formatValue(value: number, unit: Unit, lang: Lang): string {
  return formatDecimal(value, unitDecimals(unit), lang);
}

/** An interval "10,4–14,5"; with a negative bound "−1,2 til 3,4" so the dash is not read as a minus. */
export function formatInterval(interval: readonly [number, number], decimals: number, lang: Lang): string {
  const lo = formatDecimal(interval[0], decimals, lang);
  const hi = formatDecimal(interval[1], decimals, lang);
  if (lo.startsWith(MINUS) || hi.startsWith(MINUS)) return `${lo} ${lang === 'da' ? 'til' : 'to'} ${hi}`;
  return `${lo}\u2013${hi}`;
}

/** An integer count with thousands separators ("1.000.000" / "1,000,000"). */
export function formatCount(value: number, lang: Lang): string {
  return formatDecimal(value, 0, lang);
}
