// Sniffing the start of a file (SPEC §1.2, §1.6): the header line, a UTF-8 BOM, binary
// content (NUL bytes, workbooks, UTF-16) and the delimiter. Works on the first SNIFF_BYTES
// (or up to the end of the header line) before any row is split.

import type { CsvProblem } from './types.js';

/** How much of the start of a file is inspected for the header line and binary content
 *  (also the size of the chunks a file is read in). */
export const SNIFF_BYTES = 1 << 16;
const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

export function delimiterName(d: string): string {
  return d === '\t' ? 'TAB' : `"${d}"`;
}

/** The start of a file: `prefix` holds the header line (the first line that is not blank)
 *  and one byte after its line break, to tell CR from CRLF, unless the file or SNIFF_BYTES
 *  ended first. A UTF-8 BOM is stripped. */
export interface Head {
  prefix: Buffer;
  /** The source has no bytes beyond `prefix`. */
  ended: boolean;
  /** The header line within `prefix`; null when every line so far is blank. */
  header: { start: number; end: number } | null;
}

export async function readHead(bytes: AsyncGenerator<Buffer>): Promise<Head> {
  let prefix: Buffer = Buffer.alloc(0);
  let ended = false;
  let bomChecked = false;
  let header = headerLineBounds(prefix);
  while (prefix.length < SNIFF_BYTES && (header === null || header.end >= prefix.length - 1)) {
    const r = await bytes.next();
    if (r.done) {
      ended = true;
      break;
    }
    prefix = prefix.length === 0 ? r.value : Buffer.concat([prefix, r.value]);
    if (!bomChecked && prefix.length >= 3) {
      // A UTF-8 BOM is always accepted and stripped (SPEC §1.2), in either encoding.
      bomChecked = true;
      if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) prefix = prefix.subarray(3);
    }
    header = headerLineBounds(prefix);
  }
  return { prefix, ended, header };
}

/** The file-level problem of a start that is no CSV text at all (empty, UTF-16, a
 *  workbook, NUL bytes), or null. */
export function notTextProblem(prefix: Buffer): CsvProblem | null {
  const problem = (type: CsvProblem['type'], message: string, line: number | null = null): CsvProblem => ({ type, line, field: null, value: null, message });
  if (prefix.length === 0) {
    return problem('empty-file', 'the file is empty (expected a header row naming the columns, then one row per record)');
  }
  if ((prefix[0] === 0xff && prefix[1] === 0xfe) || (prefix[0] === 0xfe && prefix[1] === 0xff)) {
    return problem('binary-file', 'the file is UTF-16 text (Excel "Unicode text"?); save it as "CSV UTF-8" or CSV');
  }
  if (prefix[0] === 0x50 && prefix[1] === 0x4b && prefix[2] === 0x03 && prefix[3] === 0x04) {
    return problem('binary-file', 'the file is a zip archive, e.g. an Excel workbook (.xlsx); save it as CSV');
  }
  if (prefix[0] === 0xd0 && prefix[1] === 0xcf && prefix[2] === 0x11 && prefix[3] === 0xe0) {
    return problem('binary-file', 'the file is an old Excel workbook (.xls); save it as CSV');
  }
  const nul = prefix.indexOf(0);
  if (nul >= 0) {
    return problem('binary-file', 'the file contains NUL bytes: this is not CSV text (binary file?)', lineOfOffset(prefix, nul));
  }
  return null;
}

/** Where the first non-blank line starts and ends (its line break, or the end of the
 *  bytes when none has arrived yet); null when every line so far is blank. */
export function headerLineBounds(buf: Buffer): { start: number; end: number } | null {
  let start = 0;
  while (start < buf.length) {
    let end = start;
    let blank = true;
    while (end < buf.length && buf[end] !== 10 && buf[end] !== 13) {
      if (buf[end] !== 32 && buf[end] !== 9) blank = false;
      end++;
    }
    if (!blank) return { start, end };
    start = end + 1;
  }
  return null;
}

export function lineOfOffset(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(10); i >= 0 && i < offset; i = buf.indexOf(10, i + 1)) line++;
  return line;
}

/** The line break of the file, from the byte after the header line: CR alone (an old Mac
 *  file) or LF (which also covers CRLF). */
export function lineBreakAfter(prefix: Buffer, headerEnd: number): '\r' | '\n' {
  return prefix[headerEnd] === 13 && prefix[headerEnd + 1] !== 10 ? '\r' : '\n';
}

/** The candidate delimiter splitting the header line into the most fields (quotes
 *  respected); ties go to the earlier of , ; TAB. */
export function detectDelimiter(headerLine: string): { delimiter: string; fields: number } {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      const k = CANDIDATE_DELIMITERS.indexOf(c as (typeof CANDIDATE_DELIMITERS)[number]);
      if (k >= 0) counts[k]++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return { delimiter: CANDIDATE_DELIMITERS[best], fields: counts[best] + 1 };
}
