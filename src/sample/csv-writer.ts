// Streaming CSV output for the sample generator: rows are joined into ~64 KB chunks and
// written with back-pressure (a full stream is awaited on 'drain'), so memory stays flat
// however many rows are written. The file is written under a temporary name and renamed
// when complete, so an interrupted run never leaves a half-written extract under its real name.

import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';

const CHUNK_CHARS = 64 * 1024;

/** RFC 4180 quoting, only where needed (plain comma CSV, SPEC §2.1). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export class CsvWriter {
  private readonly stream: WriteStream;
  private readonly tempPath: string;
  private buffer = '';
  private failure: Error | null = null;
  /** Data rows written (header excluded). */
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.tempPath = `${path}.partial`;
    this.stream = createWriteStream(this.tempPath, { encoding: 'utf8' });
    this.stream.on('error', (err) => {
      this.failure = err;
    });
    this.buffer = header.join(',') + '\n';
  }

  /**
   * Adds one row (fields already formatted; quoted here when needed). Returns a promise only
   * when a chunk had to be written to a full stream — callers `await` it; awaiting a plain
   * `undefined` costs next to nothing.
   */
  row(fields: readonly string[]): Promise<void> | undefined {
    let line = '';
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      line += (i === 0 ? '' : ',') + (f.length > 0 && /[",\r\n]/.test(f) ? csvField(f) : f);
    }
    this.buffer += line + '\n';
    this.rows += 1;
    if (this.buffer.length >= CHUNK_CHARS) return this.flush();
    return undefined;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Writes what is left, closes the file and moves it to its real name. */
  async close(): Promise<void> {
    if (this.buffer.length > 0) await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
    await rename(this.tempPath, this.path);
  }

  /** Gives up: closes and removes the temporary file. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await unlink(this.tempPath).catch(() => undefined);
  }
}
