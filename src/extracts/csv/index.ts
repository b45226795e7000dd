// The CSV reader (SPEC §1.2, §2.1): the one module that reads CSV bytes. Open a file or
// standard input, hash the bytes as stored, gunzip, strip a BOM, refuse binary files, detect
// the delimiter from the header line, split rows with csv-parse and number them by physical
// line; and decode the fields an extract uses. Everything above it sees only rows of fields
// with their line numbers, so the parser can be replaced here alone.
//
//   read.ts             readCsv, the entry: opens the source
//   source.ts           the bytes: file or stdin, sha256, gunzip
//   sniff.ts            the start of the file: header line, BOM, binary content, delimiter
//   split.ts            rows from bytes, with csv-parse; line numbers
//   fast.ts             the fast path: lines without quotes split by hand, as bytes
//   utf16.ts            UTF-16 text (a byte-order mark) transcoded to UTF-8 (SPEC §14.1)
//   decode.ts           the text of the used fields: UTF-8, Windows-1252 or auto (SPEC §6.1)

export type { ByteRows, CsvProblem, CsvReadOptions, CsvReadResult, CsvSink, CsvVisitor, SplitOptions } from './types.js';
export { BYTE_ROWS, fieldsOf, isPlain, MAX_FAST_LINE } from './fast.js';
export { readCsv, readCsvInThisThread } from './read.js';
export { chunksThenError } from './source.js';
export { utf16AsUtf8, utf16Bom, type Utf16 } from './utf16.js';
export { delimiterName, detectDelimiter } from './sniff.js';
export { acceptAnyFieldCount, decodeFieldsInPlace, MAX_ROW_CHARS } from './split.js';
export { decodeCp1252, displayText, encodingChoice, isPlainText, TextDecoding, type EncodingChoice, type FileEncoding, type TextEncoding } from './decode.js';
