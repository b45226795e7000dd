// The bytes of one source: a file or standard input, hashed as stored and gunzipped when
// compressed. I/O and decompression failures become a ReadFailure with a message for the
// user; the rows decompressed before a failure are handed on before it.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/** An I/O or decompression failure, as a message for the user. */
export class ReadFailure extends Error {}

export function describeIoError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'cannot read the file: no such file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file: permission denied';
    case 'EISDIR':
      return 'cannot read the file: it is a folder';
    default:
      return `cannot read the file: ${e?.message ?? String(err)}`;
  }
}

/** An opened source: its (gunzipped) bytes, and the sha256 of the bytes as stored once
 *  they have all been read. */
export interface ByteSource {
  bytes: AsyncGenerator<Buffer>;
  sha256(): string;
  close(): Promise<void>;
}

/** Bytes per read of a file. The first read is handed on in pieces of the sniffing size, so
 *  the start of a file is looked at as before (sniff.ts); later reads whole: fewer, larger
 *  chunks for the fast path (a 108 MB file in 104 reads rather than 1,646). */
const FILE_READ_BYTES = 1 << 20;

/** Opens a file ("-" = standard input) and hands its bytes on, the first `firstChunkBytes`
 *  at a time; `onBytes` is told the raw bytes read so far. */
export function openSource(path: string, firstChunkBytes: number, onBytes: (n: number) => void): ByteSource {
  const input: Readable = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: FILE_READ_BYTES });
  const hash = createHash('sha256');
  let rawBytes = 0;
  let first = path !== '-';
  async function* raw(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of input) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        if (first) {
          // The first read of a file, in the pieces a read of firstChunkBytes would have given.
          first = false;
          for (let at = 0; at < bytes.length; at += firstChunkBytes) {
            const piece = bytes.subarray(at, Math.min(bytes.length, at + firstChunkBytes));
            rawBytes += piece.length;
            onBytes(rawBytes);
            yield piece;
          }
          continue;
        }
        rawBytes += bytes.length;
        onBytes(rawBytes);
        yield bytes;
      }
    } catch (err) {
      throw new ReadFailure(describeIoError(err));
    }
  }
  const bytes = gunzipIfCompressed(raw());
  return {
    bytes,
    sha256: () => hash.digest('hex'),
    async close() {
      await bytes.return(undefined);
      if (input !== process.stdin) input.destroy();
    },
  };
}

/** The bytes of the source, gunzipped when they start with the gzip magic bytes (so a
 *  compressed file is read whatever its name, and a plain file named .gz too). */
async function* gunzipIfCompressed(chunks: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
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
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (!ended) yield* chunks;
  }
  if (!(head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)) {
    yield* all();
    return;
  }
  const gunzip = createGunzip();
  pipeline(Readable.from(all()), gunzip).catch(() => {
    // The same error reaches the loop below through the destroyed gunzip stream.
  });
  try {
    yield* chunksThenError(gunzip);
  } catch (err) {
    if (err instanceof ReadFailure) throw err;
    throw new ReadFailure(`cannot decompress: not a valid gzip file (${(err as Error).message})`);
  }
}

/**
 * The chunks of a byte stream, as `for await` gives them, except that a failure comes only
 * after every chunk produced before it. `for await` drops what the stream holds when it
 * fails (a truncated .gz: the rows decompressed before the end), and how much it holds then
 * depends on timing, so the rows read before the problem would vary from run to run.
 */
export async function* chunksThenError(stream: Readable): AsyncGenerator<Buffer> {
  let failure: Error | null = null;
  let ended = false;
  let closed = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onError = (err: Error) => {
    failure ??= err;
    signal();
  };
  const onEnd = () => {
    ended = true;
    signal();
  };
  const onClose = () => {
    closed = true;
    signal();
  };
  stream.on('readable', signal).on('error', onError).on('end', onEnd).on('close', onClose);
  try {
    for (;;) {
      const chunk = stream.read() as Buffer | null;
      if (chunk !== null) {
        yield chunk;
        continue;
      }
      if (failure !== null) throw failure;
      if (ended) return;
      if (closed) throw new Error('the stream closed before its end');
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('readable', signal).off('error', onError).off('end', onEnd).off('close', onClose);
    stream.destroy();
  }
}
