// UTF-16 text (SPEC §14.1, last paragraph, amending §6.1): Excel's "Unicode text" export is
// UTF-16LE with a byte-order mark, TAB-separated. A source that starts with a UTF-16 BOM
// (FF FE little-endian, FE FF big-endian) is transcoded to UTF-8 here, before anything else
// looks at it, so the sniffing, the splitter, the fast path, the worker threads and the
// row readers all see the UTF-8 bytes they already read, and every line keeps its number
// (line breaks are carried over one for one). Whether the file may be read as UTF-16 (only
// under --encoding auto) is decided by the loader, which is told what was found with the
// header (CsvVisitor.header's `utf16`).
//
// The BOM is looked for on the bytes after gunzip (so a .csv.gz of a UTF-16 file is read
// too) and on standard input alike (source.ts hands all of them here).

import { StringDecoder } from 'node:string_decoder';

export type Utf16 = 'utf16le' | 'utf16be';

/** The UTF-16 form a start of bytes declares by its BOM, or null. */
export function utf16Bom(head: Buffer): Utf16 | null {
  if (head.length < 2) return null;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  return null;
}

/**
 * The bytes of a source, and what UTF-16 form its BOM declared (null: none; the bytes are
 * handed on untouched). UTF-16 bytes come out as UTF-8 without the BOM; a character split
 * between two chunks (an odd byte, a surrogate pair) is completed by the next. A lone
 * surrogate or a final odd byte becomes U+FFFD, which the row reader shows as it is.
 */
export async function utf16AsUtf8(chunks: AsyncGenerator<Buffer>): Promise<{ bytes: AsyncGenerator<Buffer>; utf16: Utf16 | null }> {
  let head: Buffer = Buffer.alloc(0);
  let ended = false;
  while (head.length < 2) {
    const r = await chunks.next();
    if (r.done) {
      ended = true;
      break;
    }
    head = head.length === 0 ? r.value : Buffer.concat([head, r.value]);
  }
  const utf16 = utf16Bom(head);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (!ended) yield* chunks;
  }
  if (utf16 === null) return { bytes: all(), utf16 };
  return { bytes: transcode(all(), utf16), utf16 };
}

async function* transcode(chunks: AsyncGenerator<Buffer>, form: Utf16): AsyncGenerator<Buffer> {
  // Node's StringDecoder reads UTF-16LE only; big-endian pairs are swapped first. An odd
  // byte at a chunk's end waits for the next chunk (the decoder keeps a split surrogate pair).
  const decoder = new StringDecoder('utf16le');
  let first = true;
  let odd: Buffer | null = null;
  try {
    for await (let chunk of chunks) {
      if (first) {
        first = false;
        chunk = chunk.subarray(2); // the BOM
      }
      if (odd !== null) {
        chunk = Buffer.concat([odd, chunk]);
        odd = null;
      }
      const even = chunk.length & ~1;
      if (even < chunk.length) odd = Buffer.from(chunk.subarray(even));
      chunk = form === 'utf16be' ? Buffer.from(chunk.subarray(0, even)).swap16() : chunk.subarray(0, even);
      const text = decoder.write(chunk);
      if (text.length > 0) yield Buffer.from(text, 'utf8');
    }
  } finally {
    await chunks.return(undefined);
  }
  // A lone byte at the end is half a character: U+FFFD (as a lone surrogate is).
  let rest = decoder.end();
  if (odd !== null) rest += '\ufffd';
  if (rest.length > 0) yield Buffer.from(rest, 'utf8');
}
