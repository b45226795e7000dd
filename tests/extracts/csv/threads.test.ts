// SPEC §5: large files are split in a worker thread. The rule tested here is that the thread
// never shows: every file gives the visitor the very same calls, in the same order, with the
// same result, whichever thread splits it.
//
// vitest runs the TypeScript sources, and a worker thread cannot: the worker path is tested
// on the built module (dist/, which `npm test` builds first). So that a stale build cannot
// pass for the sources, dist must be newer than the sources, and dist read in this thread
// must give the same calls as the sources.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { Parser } from 'csv-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import * as source from '../../../src/extracts/csv/index.js';
import type { CsvProblem, CsvReadOptions, CsvReadResult, CsvVisitor, FromWorker } from '../../../src/extracts/csv/index.js';
import { scratchFile } from '../helpers.js';

type Reader = typeof source;
const built = (name: string) => fileURLToPath(new URL(`../../../dist/extracts/csv/${name}.js`, import.meta.url));
const sourceDir = fileURLToPath(new URL('../../../src/extracts/csv/', import.meta.url));
let dist: Reader;

beforeAll(async () => {
  // Every module of the reader, the worker's entry included.
  for (const name of readdirSync(sourceDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3))) {
    const js = built(name);
    const ts = join(sourceDir, `${name}.ts`);
    if (!existsSync(js) || statSync(js).mtimeMs < statSync(ts).mtimeMs) {
      throw new Error(`${js} is missing or older than ${ts}: run \`npm run build\` first (npm test does)`);
    }
  }
  dist = (await import(built('index'))) as Reader;
});

/** Everything a visitor sees, in order. onBytes is kept as its last value (how often it
 *  is called depends on the thread: per chunk read here, per message from a worker). */
interface Calls {
  calls: unknown[][];
  result: CsvReadResult | null;
  lastBytes: number;
  bytesWentBack: boolean;
}

async function calls(
  reader: Reader,
  path: string,
  options: Partial<CsvReadOptions> & { stopAtHeader?: boolean } = {},
): Promise<Calls> {
  const out: Calls = { calls: [], result: null, lastBytes: 0, bytesWentBack: false };
  const { stopAtHeader, ...rest } = options;
  out.result = await reader.readCsv(
    path,
    {
      minColumns: 2,
      ...rest,
      onBytes: (n) => {
        if (n < out.lastBytes) out.bytesWentBack = true;
        out.lastBytes = n;
      },
    },
    {
      header(names, line, delimiter, utf16) {
        out.calls.push(['header', [...names], line, delimiter, ...(utf16 !== undefined ? [utf16] : [])]);
        return !stopAtHeader;
      },
      row(fields, line, plain) {
        out.calls.push(['row', [...fields], line, plain]);
      },
      badRow(p) {
        out.calls.push(['badRow', p]);
      },
      fileProblem(p) {
        out.calls.push(['fileProblem', p]);
      },
    },
  );
  return out;
}

/** Rows of every kind, many batches long: quoted commas and doubled quotes, quoted CRLF
 *  line breaks (which move the line numbers on), rows with too many fields, blank lines and
 *  Excel's trailing empty fields, scattered so that some fall on batch boundaries. */
function mixedRows(rows: number, eol = '\n'): string {
  const out = ['id,name,note'];
  for (let i = 1; i <= rows; i++) {
    if (i % 997 === 0) out.push(`${i},"two${eol}lines",x`);
    else if (i % 1999 === 0 || i === 2000 || i === 2001) out.push(`${i},too,many,fields`);
    else if (i % 1499 === 0) out.push('');
    else if (i % 2003 === 0) out.push(`${i},trailing,,`);
    else out.push(`${i},name ${i},"quoted, with ""quotes"""`);
  }
  return out.join(eol) + eol;
}

const latin1Rows = (rows: number) =>
  Buffer.from(['a;b', ...Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? `${i};d\xf8d` : `${i};ok`))].join('\n') + '\n', 'latin1');

/** 64 KiB chunks of plain rows with a UTF-8 row, a latin1 row and a NUL row in different
 *  chunks and batches: which rows are plain must not depend on the thread. */
function farApartRows(): Buffer {
  const rows = Array.from({ length: 30_000 }, (_, i) => Buffer.from(`${i},plain row ${i}\n`));
  rows[5_000] = Buffer.from('5000,bl\u00e5\n');
  rows[12_000] = Buffer.from('12000,bl\xe5\n', 'latin1');
  rows[20_000] = Buffer.from('20000,nul\x00here\n', 'latin1');
  return Buffer.concat([Buffer.from('id,text\n'), ...rows]);
}

const fixtures: Array<{ name: string; content: string | Buffer; options?: Partial<CsvReadOptions> & { stopAtHeader?: boolean } }> = [
  { name: 'a plain file', content: 'a,b\n1,2\n3,4\n' },
  { name: 'CRLF and no final line break', content: 'a,b\r\n1,2\r\n3,4' },
  { name: 'quoted fields with delimiters, quotes and line breaks', content: 'a,b\n"x,y","say ""hi"""\n"two\nlines",z\n' },
  { name: 'old-Mac CR line ends', content: 'a,b\r1,2\r"x\ry",3\r4,5\r' },
  { name: 'blank lines and empty rows', content: 'a,b\n\n1,2\n,\n   \n3,4\n\n' },
  { name: 'rows of the wrong length', content: 'a,b,c\n1,2,3\n1,2\n1,2,3,4\n5,6,7\n' },
  { name: 'an unterminated quote', content: 'a,b\n1,2\n3,"open\n5,6\n7,8\n' },
  { name: 'a semicolon file', content: 'a;b\n1,5;2\n' },
  { name: 'a TAB file', content: 'a\tb\n1\t2\n' },
  { name: 'no delimiter found', content: 'a|b|c\n1|2|3\n' },
  { name: 'a forced delimiter', content: 'a|b,c\n1|2,3\n', options: { delimiter: '|' } },
  { name: 'a BOM', content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')]) },
  { name: 'latin1 bytes', content: Buffer.from('a;b\nd\xf8d;\xe6bler\n', 'latin1') },
  { name: 'latin1 bytes among ASCII rows', content: Buffer.from('a;b\nok;fine\nd\xf8d;x\nstill;ok\n', 'latin1') },
  { name: 'a truncated UTF-8 sequence at the end', content: Buffer.concat([Buffer.from('a,b\n1,x'), Buffer.from([0xc3])]) },
  { name: 'a header that is not UTF-8', content: Buffer.from('n\xf8gle;b\n1;2\n', 'latin1') },
  { name: 'gzip', content: gzipSync(Buffer.from('a,b\n1,2\n')) },
  { name: 'corrupt gzip', content: gzipSync(Buffer.from('a,b\n1,2\n'.repeat(1000))).subarray(0, 40) },
  { name: 'NUL bytes', content: Buffer.from('a,b\n1,2\n\x00\x01\x02') },
  { name: 'an Excel workbook', content: Buffer.from('PK\x03\x04rest of zip', 'latin1') },
  { name: 'UTF-16 text', content: Buffer.from('\xff\xfea\x00,\x00b\x00', 'latin1') },
  // SPEC §14.1: UTF-16 is transcoded where the bytes are read, in whichever thread that is.
  { name: 'UTF-16LE, many batches, gzipped', content: gzipSync(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(mixedRows(12_000).replace(/name/g, 'nåme'), 'utf16le')])) },
  { name: 'UTF-16BE, many batches', content: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(mixedRows(12_000), 'utf16le').swap16()]) },
  { name: 'a PDF', content: '%PDF-1.4\n' },
  { name: 'an empty file', content: '' },
  { name: 'only blank lines', content: '\n\n  \n' },
  { name: 'a header only', content: 'a,b\n' },
  { name: 'a header rejected by the visitor', content: 'a,b\n1,2\n', options: { stopAtHeader: true } },
  { name: 'multi-byte characters cut by chunk boundaries', content: `a,b\n1,${'ø'.repeat(70_000)}\n` },
  { name: 'a 100,000-character field', content: `a,b\n1,${'x'.repeat(100_000)}\n2,3\n` },
  { name: 'many batches of mixed rows', content: mixedRows(12_000) },
  { name: 'many batches of mixed rows with CRLF', content: mixedRows(12_000, '\r\n') },
  { name: 'many batches of mixed rows with CR', content: mixedRows(5_000, '\r') },
  { name: 'many batches, gzipped', content: gzipSync(mixedRows(12_000)) },
  { name: 'many batches rejected at the header', content: mixedRows(12_000), options: { stopAtHeader: true } },
  { name: 'many rows with latin1 bytes', content: latin1Rows(9_000) },
  { name: 'non-ASCII and NUL bytes far apart, plain rows between them', content: farApartRows() },
  { name: 'an unterminated quote after many rows', content: mixedRows(7_000) + '7001,"never closed\n' + 'x,y,z\n'.repeat(10) },
  { name: 'an over-long row after many rows', content: mixedRows(5_000) + `5001,${'x'.repeat(source.MAX_ROW_CHARS + 10)},z\n6,7,8\n` },
];

describe('reading in a worker thread (SPEC §5)', () => {
  it.each(fixtures)('$name: the worker thread gives the visitor the same calls and result as this thread', async ({ content, options }) => {
    const path = scratchFile(content);
    const fromSource = await calls(source, path, { ...options, thread: 'main' });
    const here = await calls(dist, path, { ...options, thread: 'main' });
    const inWorker = await calls(dist, path, { ...options, thread: 'worker' });
    // The build is the source (a stale dist/ would differ here) …
    expect(here.calls).toEqual(fromSource.calls);
    expect(here.result).toEqual(fromSource.result);
    // … and the worker gives every call, in order, and the same result.
    expect(inWorker.calls).toEqual(here.calls);
    expect(inWorker.result).toEqual(here.result);
    expect(inWorker.bytesWentBack || here.bytesWentBack).toBe(false);
    if (here.result?.sha256 != null) {
      // A file read to its end reports all its stored bytes, on both paths.
      const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      expect([here.lastBytes, inWorker.lastBytes]).toEqual([size, size]);
    }
  });

  it('reads in the worker when left to choose for a file of WORKER_MIN_BYTES or more, with the same calls', async () => {
    // WORKER_MIN_BYTES of long rows: the built module picks the worker for it (its worker
    // entry exists). Reading cost goes by bytes, so long rows keep the test short.
    const long = 'x'.repeat(400);
    const rows = Math.ceil(dist.WORKER_MIN_BYTES / (long.length + 2)); // each row is longer
    const path = scratchFile(['a,b', ...Array.from({ length: rows }, (_, i) => `${i},${long}`)].join('\n') + '\n');
    expect(dist.readerThread(path, statSync(path).size)).toBe('worker');
    const auto = await calls(dist, path);
    const here = await calls(dist, path, { thread: 'main' });
    expect(auto.calls.length).toBe(1 + rows); // the header and every row
    expect(auto.calls).toEqual(here.calls);
    expect(auto.result).toEqual(here.result);
  });

  it('chooses the thread by stored size; standard input always here, forced or not', () => {
    const { readerThread, WORKER_MIN_BYTES } = source;
    expect(readerThread('a.csv', WORKER_MIN_BYTES - 1, 'auto', true)).toBe('main');
    expect(readerThread('a.csv', WORKER_MIN_BYTES, 'auto', true)).toBe('worker');
    expect(readerThread('a.csv', WORKER_MIN_BYTES, 'auto', false)).toBe('main'); // no built worker entry
    expect(readerThread('a.csv', 0, 'worker', true)).toBe('worker');
    expect(readerThread('a.csv', WORKER_MIN_BYTES * 10, 'main', true)).toBe('main');
    expect(readerThread('-', 0, 'worker', true)).toBe('main');
    expect(readerThread('-', WORKER_MIN_BYTES * 10, 'auto', true)).toBe('main');
  });

  it('reads standard input ("-") in this thread even when the worker is asked for, with the calls of the same file', async () => {
    const text = mixedRows(3_000);
    const script = `
      const { readCsv } = await import(process.argv[1]);
      const calls = [];
      const result = await readCsv('-', { minColumns: 2, thread: 'worker' }, {
        header(names, line, delimiter) { calls.push(['header', [...names], line, delimiter]); return true; },
        row(fields, line, plain) { calls.push(['row', [...fields], line, plain]); },
        badRow(p) { calls.push(['badRow', p]); },
        fileProblem(p) { calls.push(['fileProblem', p]); },
      });
      process.stdout.write(JSON.stringify({ calls, result }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, built('index')], {
      input: text,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(child.stderr).toBe('');
    const fromStdin = JSON.parse(child.stdout) as { calls: unknown[][]; result: CsvReadResult };
    const fromFile = await calls(source, scratchFile(text));
    expect(fromStdin.calls).toEqual(fromFile.calls);
    expect(fromStdin.result).toEqual(fromFile.result); // same bytes, same sha256
  });

  it('passes on an error thrown by the visitor, as in this thread, and stops the worker', async () => {
    const path = scratchFile(mixedRows(12_000));
    const visitor: CsvVisitor = {
      header: () => true,
      row(_fields, line) {
        if (line === 5_000) throw new Error('visitor bug');
      },
      badRow: () => {},
      fileProblem: () => {},
    };
    const options = { minColumns: 2 } as const;
    await expect(source.readCsv(path, { ...options, thread: 'main' }, visitor)).rejects.toThrow('visitor bug');
    await expect(dist.readCsv(path, { ...options, thread: 'worker' }, visitor)).rejects.toThrow('visitor bug');
  });

  it('refuses to force the worker when there is no built worker entry (the sources under vitest)', async () => {
    const r = source.readCsv(scratchFile('a,b\n1,2\n'), { minColumns: 2, thread: 'worker' }, {
      header: () => true,
      row: () => {},
      badRow: () => {},
      fileProblem: () => {},
    });
    await expect(r).rejects.toThrow('run npm run build');
  });
});

describe('a worker that fails is an internal error, never a hang', () => {
  const visitor = (): CsvVisitor & { seen: string[] } => {
    const seen: string[] = [];
    return {
      seen,
      header: (names) => (seen.push(`header ${names.join(',')}`), true),
      row: (fields) => void seen.push(`row ${fields.join(',')}`),
      badRow: () => {},
      fileProblem: () => {},
    };
  };

  it('rejects when the worker exits before it is done', async () => {
    const worker = new Worker('process.exit(3)', { eval: true });
    await expect(source.receiveFromWorker(worker, 'x.csv', undefined, visitor())).rejects.toThrow(
      'the CSV reader thread stopped unexpectedly (exit code 3) while reading x.csv',
    );
  });

  it('rejects when the worker throws', async () => {
    const worker = new Worker('throw new Error("disk on fire")', { eval: true });
    await expect(source.receiveFromWorker(worker, 'x.csv', undefined, visitor())).rejects.toThrow(
      'the CSV reader thread failed while reading x.csv: disk on fire',
    );
  });

  it('rejects when the worker dies after sending rows, having handed over the rows it sent', async () => {
    // The worker answers like the real one up to a batch of rows, then exits.
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (m) => {
         if (m.type !== 'header' || !m.accept) return;
         parentPort.postMessage({ type: 'rows', bytes: 20, rows: [['1', '2']], lines: new Int32Array([2]), bad: null, mixed: null, problems: [] });
         setTimeout(() => process.exit(7), 10);
       });
       parentPort.postMessage({ type: 'header', bytes: 10, names: ['a', 'b'], line: 1, delimiter: ',' });`,
      { eval: true },
    );
    const v = visitor();
    const bytes: number[] = [];
    await expect(source.receiveFromWorker(worker, 'x.csv', (n) => bytes.push(n), v)).rejects.toThrow('(exit code 7)');
    expect(v.seen).toEqual(['header a,b', 'row 1,2']);
    expect(bytes).toEqual([10, 20]);
  });
});

describe('the worker batches rows and waits for the main thread (back-pressure)', () => {
  const problem = (line: number): CsvProblem => ({ type: 'row-length', line, field: null, value: null, message: 'bad' });
  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    return done;
  };

  it('posts a batch every batchRows rows and waits once batchesInFlight batches are unacknowledged', async () => {
    const posted: FromWorker[] = [];
    const sender = new source.BatchSender((m) => posted.push(m), 3, 2);
    // Batch 1 (rows 1–3): one credit left, no wait.
    expect([sender.row(['1'], 1, true), sender.row(['2'], 2, true), sender.row(['3'], 3, true)]).toEqual([undefined, undefined, undefined]);
    expect(posted).toHaveLength(1);
    // Batch 2 (rows 4–6): the last credit; the reader must wait after it.
    sender.row(['4'], 4, true);
    sender.row(['5'], 5, true);
    const wait = sender.row(['6'], 6, true);
    expect(posted).toHaveLength(2);
    expect(wait).toBeInstanceOf(Promise);
    expect(await settled(wait!)).toBe(false); // still waiting: nothing acknowledged
    sender.receive({ type: 'ack' });
    expect(await settled(wait!)).toBe(true);
  });

  it('keeps file order: bad rows among rows, a file problem after the rows before it, the result last', () => {
    const posted: FromWorker[] = [];
    const sender = new source.BatchSender((m) => posted.push(m), 4, 2);
    sender.bytes(100);
    sender.row(['a'], 2, true);
    sender.badRow(problem(3));
    sender.row(['b'], 5, true);
    sender.fileProblem({ type: 'csv-error', line: 6, field: null, value: null, message: 'unterminated quote' });
    sender.done({ sha256: null, fatal: true });
    expect(posted.map((m) => m.type)).toEqual(['rows', 'file-problem', 'done']);
    const rows = posted[0] as Extract<FromWorker, { type: 'rows' }>;
    expect(rows.rows).toEqual([['a'], ['b']]);
    expect([...rows.lines]).toEqual([2, 3, 5]);
    expect([...rows.bad!]).toEqual([0, 1, 0]);
    expect(rows.problems).toEqual([problem(3)]);
    expect(posted.every((m) => m.bytes === 100)).toBe(true);
  });

  it('marks no bad rows and no rows that are not plain when a batch has none', () => {
    const posted: FromWorker[] = [];
    const sender = new source.BatchSender((m) => posted.push(m), 2, 2);
    sender.row(['a'], 2, true);
    sender.row(['b'], 3, true);
    expect((posted[0] as Extract<FromWorker, { type: 'rows' }>).bad).toBeNull();
    expect((posted[0] as Extract<FromWorker, { type: 'rows' }>).mixed).toBeNull();
  });

  it('marks the rows that are not plain, in file order among bad rows', () => {
    const posted: FromWorker[] = [];
    const sender = new source.BatchSender((m) => posted.push(m), 3, 2);
    sender.row(['a'], 2, true);
    sender.row(['d\xf8d'], 3, false);
    sender.badRow(problem(4));
    const rows = posted[0] as Extract<FromWorker, { type: 'rows' }>;
    expect([...rows.mixed!]).toEqual([0, 1, 0]);
    expect([...rows.bad!]).toEqual([0, 0, 1]);
  });

  it('waits for the main thread to answer the header', async () => {
    const posted: FromWorker[] = [];
    const sender = new source.BatchSender((m) => posted.push(m), 4, 2);
    const answer = sender.header(['a', 'b'], 1, ',');
    expect(posted).toEqual([{ type: 'header', bytes: 0, names: ['a', 'b'], line: 1, delimiter: ',' }]);
    sender.receive({ type: 'header', accept: false });
    expect(await answer).toBe(false);
  });
});

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

  it('gives the same rows before a truncated .gz whether the header is answered at once or later (as from the worker)', async () => {
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
