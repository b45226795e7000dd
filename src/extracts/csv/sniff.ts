// Sniffing the start of a file (SPEC §1.2, §1.6, §14.1): the header line, a UTF-8 BOM, binary
// content (NUL bytes, workbooks, PDF, SAS data sets) and the delimiter. Works on the first SNIFF_BYTES
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

/** The first 32 bytes of a SAS data set (.sas7bdat): 12 zero bytes, then SAS's own 20. */
const SAS7BDAT_MAGIC = Buffer.from([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc2, 0xea, 0x81, 0x60, 0xb3, 0x14, 0x11, 0xcf, 0xbd, 0x92, 0x08, 0x00, 0x09, 0xc7, 0x31, 0x8c, 0x18, 0x1f,
  0x10, 0x11,
]);

/** How to get CSV out of Excel (SPEC §14.1: the refusal says how to export CSV). */
const EXCEL_TO_CSV = 'in Excel, File → Save As → "CSV UTF-8 (comma delimited) (*.csv)"';

/** The known kinds of file that are not CSV text (SPEC §14.1, last paragraph): how each
 *  starts, and the one line that says what it is and how to get CSV from it. UTF-16 text is
 *  not among them: it is read (utf16.ts). */
const NOT_TEXT_KINDS: ReadonlyArray<{ magic: Buffer; message: string }> = [
  { magic: Buffer.from('PK\x03\x04', 'latin1'), message: `the file is an Excel workbook (.xlsx) or another zip archive, not CSV text; ${EXCEL_TO_CSV}` },
  { magic: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), message: `the file is an old Excel workbook (.xls), not CSV text; ${EXCEL_TO_CSV}` },
  { magic: Buffer.from('%PDF-', 'latin1'), message: 'the file is a PDF document, not a data file; ask for the extract itself as CSV' },
  {
    magic: SAS7BDAT_MAGIC,
    message: 'the file is a SAS data set (.sas7bdat), not CSV text; export it from SAS with PROC EXPORT DATA=… OUTFILE="….csv" DBMS=CSV',
  },
];

/** The file-level problem of a start that is no CSV text at all (empty, a workbook, a PDF,
 *  a SAS data set, NUL bytes), or null. A UTF-16 file arrives here transcoded (utf16.ts). */
export function notTextProblem(prefix: Buffer): CsvProblem | null {
  const problem = (type: CsvProblem['type'], message: string, line: number | null = null): CsvProblem => ({ type, line, field: null, value: null, message });
  if (prefix.length === 0) {
    return problem('empty-file', 'the file is empty (expected a header row naming the columns, then one row per record)');
  }
  for (const kind of NOT_TEXT_KINDS) {
    if (prefix.length >= kind.magic.length && prefix.subarray(0, kind.magic.length).equals(kind.magic)) return problem('binary-file', kind.message);
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
