// Decoding the fields an extract uses (SPEC §6.1). The splitter hands fields on as "byte
// strings": csv-parse decodes with latin1, which maps each byte to the character with the
// same code (0–255), so a field's string is its bytes, whatever the file's encoding. The
// delimiter, quote and line breaks are ASCII and never occur inside a UTF-8 multi-byte
// sequence, so splitting bytes is exact for UTF-8 and Windows-1252 alike. Only the columns
// an extract uses are then decoded here, one row at a time in file order; the others are
// never looked at (an unused free-text column in another encoding cannot reject a row).
//
// A field of ASCII bytes reads the same in UTF-8 and Windows-1252, so its byte string is
// already its text: nothing is decoded, and rows whose chunks are all ASCII without NUL are
// marked `plain` by the splitter and skip even the check. This is also the representation a
// later fast path (issue 15) produces for quote-free chunks: `chunk.latin1Slice(start, end)`.

import { isUtf8 } from 'node:buffer';

/** What the user asked for (SPEC §6.1; `latin1` is read as its alias cp1252). */
export type EncodingChoice = 'auto' | 'utf8' | 'cp1252';
/** What the fields of a file were decoded as. */
export type TextEncoding = 'utf8' | 'cp1252';
/** What a file was read as (the report's `inputs[].encoding`): a UTF-16 file (SPEC §14.1)
 *  is transcoded to UTF-8 before its fields are decoded (utf16.ts). */
export type FileEncoding = TextEncoding | 'utf16le' | 'utf16be';

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG Encoding Standard, index-windows-1252; the same as
 * Unicode's CP1252.TXT, where 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined and WHATWG keeps
 * the C1 control). Bytes 0xA0–0xFF are the Latin-1 characters of the same code.
 * Not TextDecoder('windows-1252'): Node 20's decodes 0x80–0x9F as Latin-1 C1 controls
 * (checked on Node 20.20: 0x80 → U+0080 instead of U+20AC €).
 */
const CP1252_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** A byte string read as Windows-1252. */
export function decodeCp1252(raw: string): string {
  let i = 0;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x80 && c <= 0x9f) break;
  }
  if (i === raw.length) return raw; // Latin-1 and Windows-1252 agree on every other byte
  let out = raw.slice(0, i);
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    out += c >= 0x80 && c <= 0x9f ? String.fromCharCode(CP1252_80_9F[c - 0x80]) : raw[i];
  }
  return out;
}

/** Every byte is ASCII and none is NUL: the byte string is its own text, in any encoding,
 *  and needs no check. */
export function isPlainText(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0 || c >= 0x80) return false;
  }
  return true;
}

function isAsciiText(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Whether a byte string is valid UTF-8, and its text read as UTF-8 (with U+FFFD for each
 *  bad sequence, for messages). */
function utf8Of(raw: string): { valid: boolean; text: string } {
  const bytes = Buffer.from(raw, 'latin1');
  return { valid: isUtf8(bytes), text: bytes.toString('utf8') };
}

/** Text for a message about bytes whose encoding is not settled (a header line before the
 *  delimiter is known): UTF-8 when valid, Windows-1252 otherwise. */
export function displayText(raw: string): string {
  if (isAsciiText(raw)) return raw;
  const u = utf8Of(raw);
  return u.valid ? u.text : decodeCp1252(raw);
}

/** How many distinct decoded values a file keeps, and up to what length (free text is
 *  rarely repeated and would only fill the cache). */
const CACHED_VALUES = 4096;
const CACHED_LENGTH = 64;

/**
 * The decoding state of one file (SPEC §6.1). `auto` reads UTF-8 until the first field that
 * is not valid UTF-8: if no field before it held a multi-byte UTF-8 character, the whole file
 * is read as Windows-1252 from then on (the fields before were ASCII, which both encodings
 * read alike, so nothing read before changes); otherwise the file mixes encodings and every
 * such field is an error. `utf8` reports each invalid field; `cp1252` decodes every byte.
 */
export class TextDecoding {
  /** What the file is read as so far. */
  encoding: TextEncoding;
  /** Line of the field that made `auto` switch to Windows-1252, or 0. */
  switchedAt = 0;
  /** Line of the first multi-byte UTF-8 character decoded, or 0. */
  utf8SeenAt = 0;
  /** Why the last decode() failed: not UTF-8 under --encoding utf8, or mixed encodings under
   *  auto; null when it did not. */
  failure: 'not-utf8' | 'mixed' | null = null;

  /** Valid UTF-8 byte strings decoded so far → their text, up to CACHED_VALUES of them:
   *  enumerated values ("I høj grad", "overvægt") repeat on every row, and a Map lookup is
   *  several times cheaper than a Buffer, a validation and a decode each time. */
  private readonly utf8Texts = new Map<string, string>();

  constructor(readonly choice: EncodingChoice) {
    this.encoding = choice === 'cp1252' ? 'cp1252' : 'utf8';
  }

  /** The text of a byte string of a used field on `line` (the fields of a row in file order). */
  decode(raw: string, line: number): string {
    this.failure = null;
    if (this.encoding === 'cp1252') return decodeCp1252(raw);
    if (isAsciiText(raw)) return raw;
    const known = this.utf8Texts.get(raw);
    if (known !== undefined) return known; // decoded before in this file: utf8SeenAt is set
    const u = utf8Of(raw);
    if (u.valid) {
      if (this.utf8SeenAt === 0) this.utf8SeenAt = line;
      if (this.utf8Texts.size < CACHED_VALUES && raw.length <= CACHED_LENGTH) this.utf8Texts.set(raw, u.text);
      return u.text;
    }
    if (this.choice === 'auto' && this.utf8SeenAt === 0) {
      this.encoding = 'cp1252';
      this.switchedAt = line;
      return decodeCp1252(raw);
    }
    this.failure = this.choice === 'auto' ? 'mixed' : 'not-utf8';
    return u.text;
  }
}

/** `latin1` is accepted as the alias of Windows-1252 (SPEC §6.1: what Danish Excel writes). */
export function encodingChoice(name: 'auto' | 'utf8' | 'latin1' | 'cp1252' | undefined): EncodingChoice {
  return name === 'latin1' ? 'cp1252' : (name ?? 'auto');
}
