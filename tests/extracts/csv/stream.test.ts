// The byte-level reader's stream (SPEC §1.2, §6.1): the rows read before a failure do not
// depend on timing, and the two patches of csv-parse change nothing csv-parse gives.

import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { Parser } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import * as source from '../../../src/extracts/csv/index.js';
import { scratchFile } from '../helpers.js';

describe('the rows before a failure do not depend on timing', () => {
  it('hands on every chunk a stream produced before it failed, then the failure', async () => {
    const stream = new Readable({ read() {} });
    stream.push(Buffer.from('1,2\n'));
    stream.push(Buffer.from('3,4\n'));
    stream.destroy(new Error('unexpected end of file')); // before anyone has read
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of source.chunksThenError(stream)) got.push(chunk.toString());
      })(),
    ).rejects.toThrow('unexpected end of file');
    expect(got.join('')).toBe('1,2\n3,4\n');
  });

  it('gives the same rows before a truncated .gz whether the header is answered at once or later', async () => {
    // 1,000 rows "1,2" gzipped and cut to 40 bytes: some rows decompress, then the gzip fails.
    const path = scratchFile(gzipSync(Buffer.from('a,b\n' + '1,2\n'.repeat(1000))).subarray(0, 40));
    const read = async (answer: (accept: boolean) => boolean | Promise<boolean>) => {
      const seen: unknown[] = [];
      const result = await source.readCsvInThisThread(path, { minColumns: 2 }, {
        header: () => answer(true),
        row: (fields, line) => void seen.push([line, ...fields]),
        badRow: (p) => void seen.push(p),
        fileProblem: (p) => void seen.push(p.message),
        bytes: () => {},
      });
      return { seen, result };
    };
    const atOnce = await read((a) => a);
    const later = await read((a) => new Promise((resolve) => setTimeout(() => resolve(a), 50)));
    expect(atOnce.seen.length).toBeGreaterThan(2); // some rows, then the problem
    expect(atOnce.seen.at(-1)).toBe('cannot decompress: not a valid gzip file (unexpected end of file)');
    expect(later).toEqual(atOnce);
  });
});

describe("csv-parse's fields decoded without a throw-away Buffer view", () => {
  async function parse(chunks: Buffer[], encoding: 'utf8' | 'latin1', patch: boolean): Promise<{ records: string[][]; patched: boolean }> {
    const parser = new Parser({ delimiter: ',', encoding, bom: false, relax_column_count: true, relax_quotes: true });
    const patched = patch && source.decodeFieldsInPlace(parser);
    const records: string[][] = [];
    parser.on('data', (r: string[]) => records.push(r));
    const end = new Promise((resolve, reject) => parser.on('end', resolve).on('error', reject));
    for (const c of chunks) parser.write(c);
    parser.end();
    await end;
    return { records, patched };
  }

  it('applies to the installed csv-parse and gives exactly the fields csv-parse gives unpatched', async () => {
    const text = Buffer.from('a,b,c\n"ø,æ","say ""å""",\n,,\nđ€𝄞,"two\r\nlines",x y\n5" screen,,\n');
    // Fed 1 to 5 bytes at a time, so multi-byte characters are cut at every position.
    const chunks: Buffer[] = [];
    for (let i = 0, n = 1; i < text.length; i += n, n = (n % 5) + 1) chunks.push(text.subarray(i, i + n));
    for (const encoding of ['utf8', 'latin1'] as const) {
      const plain = await parse(chunks, encoding, false);
      const patched = await parse(chunks, encoding, true);
      expect(patched.patched).toBe(true);
      expect(patched.records).toEqual(plain.records);
      expect(plain.records[1]).toEqual(encoding === 'utf8' ? ['ø,æ', 'say "å"', ''] : plain.records[1]);
    }
  });
});

describe('csv-parse builds no error object for a row of another field count', () => {
  async function parse(text: string, patch: boolean): Promise<{ records: string[][]; patched: boolean; errorsBuilt: number }> {
    const parser = new Parser({ delimiter: ',', encoding: 'latin1', bom: false, relax_column_count: true, relax_quotes: true });
    const patched = patch && source.acceptAnyFieldCount(parser);
    const records: string[][] = [];
    parser.on('data', (r: string[]) => records.push(r));
    const end = new Promise((resolve, reject) => parser.on('end', resolve).on('error', reject));
    parser.end(Buffer.from(text));
    await end;
    // csv-parse counts the rows it built a CsvError for in info.invalid_field_length.
    return { records, patched, errorsBuilt: parser.info.invalid_field_length };
  }

  it('applies to the installed csv-parse and gives exactly the records csv-parse gives unpatched', async () => {
    const text = 'a,b,c\n1,2\n1,2,3,4\n"x,y",z,w\n5\n';
    const plain = await parse(text, false);
    const patched = await parse(text, true);
    expect(patched.patched).toBe(true);
    expect(patched.records).toEqual(plain.records);
    expect(plain.records).toEqual([['a', 'b', 'c'], ['1', '2'], ['1', '2', '3', '4'], ['x,y', 'z', 'w'], ['5']]);
    // Unpatched, it built an error for each of the three rows of another length; patched, none.
    expect([plain.errorsBuilt, patched.errorsBuilt]).toEqual([3, 0]);
  });
});
