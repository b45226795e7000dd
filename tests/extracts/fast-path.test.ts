// SPEC §12: the fast path (lines without quotes split by hand, cells read from bytes) must give
// exactly what the general path gives (csv-parse for every line, the general row reader for
// every row): the same rows in the tables, the same problems with the same lines, columns and
// messages, the same counts, encoding and notices. Every file below is read both ways. The
// files are generated samples made messy (messy.ts) in every way the reader knows — quotes
// with delimiters and line breaks inside, CR LF, other delimiters, Windows-1252, mixed
// encodings, duplicates, bad values, aliases, other date forms — plus the robustness
// fixtures (tests/fixtures/bad), the reading fixture, and files built around the limits
// (a line of a million bytes, a quote at the end, no final line break).

import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerAndFirstRowEnd } from '../../src/extracts/csv/split.js';
import { readCsv, type ByteRows } from '../../src/extracts/csv/index.js';
import { loadExtractsWith, type LoadOptions } from '../../src/extracts/load.js';
import type { ExtractName } from '../../src/extracts/records.js';
import { writeSample } from '../../src/sample/generate.js';
import { removeTempDirs, tempDir } from '../sample/helpers.js';
import { scratchFile } from './helpers.js';
import { messyCopy, type MessyOptions } from './messy.js';

const ROOT = join(import.meta.dirname, '..', '..');
let sample = '';
let out = '';

beforeAll(async () => {
  sample = tempDir();
  // Scale 4: 20,000 admissions, 2.2 MB: more than one read of 1 MiB, many chunks of 64 KiB.
  await writeSample(sample, { seed: 11, scale: 4 });
  // And 20,000 LPR3 contacts (SPEC §14.1), beside them in the same folder (it is never read
  // as a --data folder here).
  const lpr3 = tempDir();
  await writeSample(lpr3, { seed: 11, scale: 4, contacts: true });
  copyFileSync(join(lpr3, 'contacts.csv'), join(sample, 'contacts.csv'));
  out = tempDir();
}, 60_000);
afterAll(removeTempDirs);

/** What a load gives that a reader of the result can see. */
function seen(result: Awaited<ReturnType<typeof loadExtractsWith>>) {
  const data = result.data as Record<string, { info: unknown; table?: { rows(): unknown[] }; records?: unknown[] }>;
  return {
    files: result.files,
    loaded: Object.fromEntries(
      Object.entries(data).map(([extract, loaded]) => [extract, { info: loaded.info, rows: loaded.table ? loaded.table.rows() : loaded.records }]),
    ),
  };
}

async function bothWays(extract: ExtractName, path: string, options: Partial<LoadOptions> = {}) {
  const common = { keepProblems: Infinity, lanes: false, ...options };
  const fast = seen(await loadExtractsWith([{ extract, path }], { ...common, fastPath: true }));
  const general = seen(await loadExtractsWith([{ extract, path }], { ...common, fastPath: false }));
  expect(fast).toEqual(general);
  return general;
}

let variant = 0;
function messy(extract: string, options: Omit<MessyOptions, 'seed'>): string {
  const dir = join(out, `v${++variant}`);
  mkdirSync(dir, { recursive: true });
  return messyCopy(sample, dir, extract, { seed: variant * 7919, ...options });
}

const TABLES = ['admissions', 'contacts', 'referrals', 'smoking', 'lup'] as const;

describe('the fast path gives the rows and problems of the general path (SPEC §12)', () => {
  it.each(TABLES)('%s: the generated sample as written', async (extract) => {
    const r = await bothWays(extract, join(sample, `${extract}.csv`));
    expect(r.files[0].problemCount).toBe(0);
  });

  it.each(TABLES)('%s: one row in ten made messy (quotes, duplicates, bad values, aliases, blank and short rows)', async (extract) => {
    const r = await bothWays(extract, messy(extract, { note: extract === 'admissions' || extract === 'contacts' }));
    // The test means something only if there are problems to report.
    expect(r.files[0].problemCount).toBeGreaterThan(50);
  });

  it.each(TABLES)('%s: CR LF line breaks and a semicolon, with a free-text column', async (extract) => {
    await bothWays(extract, messy(extract, { crlf: true, delimiter: ';', note: true }));
  });

  it.each(TABLES)('%s: TAB as the delimiter, every row changed where a change applies', async (extract) => {
    await bothWays(extract, messy(extract, { delimiter: '\t', rate: 0.5 }));
  });

  it.each(TABLES)('%s: Windows-1252 text, read with --encoding auto, cp1252 and utf8', async (extract) => {
    const path = messy(extract, { cp1252: true, note: true });
    const auto = await bothWays(extract, path);
    await bothWays(extract, path, { encoding: 'cp1252' });
    await bothWays(extract, path, { encoding: 'utf8' });
    if (extract === 'lup') expect(auto.files[0].encoding).toBe('cp1252');
  });

  it('a file that turns from UTF-8 to Windows-1252 halfway (mixed encodings)', async () => {
    const path = messy('lup', {});
    const text = readFileSync(path, 'utf8');
    const half = text.indexOf('\n', text.length >> 1) + 1;
    writeFileSync(path, Buffer.concat([Buffer.from(text.slice(0, half), 'utf8'), Buffer.from(text.slice(half), 'latin1')]));
    const r = await bothWays('lup', path);
    expect(r.files[0].problems.some((p) => p.type === 'mixed-encoding')).toBe(true);
  });

  it('the robustness fixtures, read as admissions and as contacts', async () => {
    const dir = join(ROOT, 'tests', 'fixtures', 'bad');
    for (const name of readdirSync(dir)) {
      await bothWays('admissions', join(dir, name));
      await bothWays('contacts', join(dir, name));
    }
  });

  it('UTF-16 contacts (SPEC §14.1): the rows and problems of the same messy file in UTF-8, encoding utf16le/utf16be', async () => {
    const path = messy('contacts', { delimiter: '\t', crlf: true, rate: 0.3 });
    const text = readFileSync(path, 'utf8');
    const le = Buffer.from(text, 'utf16le');
    const reference = await bothWays('contacts', path);
    for (const [bytes, encoding] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]), 'utf16be'],
    ] as const) {
      writeFileSync(path, bytes);
      const r = await bothWays('contacts', path);
      expect(r.files[0].encoding).toBe(encoding);
      expect(r.files[0].notices).toEqual([`${path}: ${encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} text (byte-order mark); read as UTF-16`]);
      expect({ ...r.files[0], encoding: 'utf8', notices: [] }).toEqual(reference.files[0]);
      const { info: _i, rows } = r.loaded.contacts as { info: unknown; rows: unknown };
      expect(rows).toEqual((reference.loaded.contacts as { rows: unknown }).rows);
    }
    expect(reference.files[0].problemCount).toBeGreaterThan(100);
  });

  it('the Windows-1252 reading fixture', async () => {
    await bothWays('admissions', join(ROOT, 'tests', 'fixtures', 'reading', 'latin1.csv'));
  });

  const H = 'admission_id,patient_id,admitted_at,admission_type,primary_diagnosis,municipality_code,age,note';
  const row = (i: number, note = '') => `a${i},p${i % 7},2017-04-03 09:15,acute,J440,751,70,${note}`;
  const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => row(from + i));

  it('limits: a field of 999,990 bytes, a line over 1,000,000 bytes, no final line break, a quote left open at the end', async () => {
    const long = 'x'.repeat(999_990);
    await bothWays('admissions', scratchFile([H, ...rows(3), row(3, long), ...rows(3, 4)].join('\n') + '\n'));
    await bothWays('admissions', scratchFile([H, ...rows(3), row(3, long + 'y'.repeat(20)), ...rows(3, 4)].join('\n') + '\n'));
    await bothWays('admissions', scratchFile([H, ...rows(5)].join('\n')));
    await bothWays('admissions', scratchFile([H, ...rows(5), row(5, '"open')].join('\n') + '\n'));
    await bothWays('admissions', scratchFile([H, ...rows(5), row(5, '"open\n'), ...rows(5, 6)].join('\n')));
  });

  it('limits: quoted fields across the 64 KiB and 1 MiB boundaries of the reads, CR LF split by a boundary', async () => {
    // Rows of 64 bytes: quoted multi-line notes every 997 rows fall on every kind of boundary.
    const lines = Array.from({ length: 40_000 }, (_, i) => row(i, i % 997 === 0 ? '"a\nb, ""c""\r\nd"' : 'n'.repeat(i % 13)));
    await bothWays('admissions', scratchFile([H, ...lines].join('\n') + '\n'));
    await bothWays('admissions', scratchFile([H, ...lines].join('\r\n') + '\r\n'));
    // A file whose header has CR LF and whose rows have LF only: csv-parse's line break is CR LF.
    await bothWays('admissions', scratchFile(H + '\r\n' + rows(2000).join('\n') + '\n'));
    // CR alone (old Mac files).
    await bothWays('admissions', scratchFile([H, ...rows(2000)].join('\r') + '\r'));
  });

  it('limits: blank lines before the header, a BOM, blank and all-empty rows, stray CR inside a line', async () => {
    await bothWays('admissions', scratchFile('\n\n' + [H, ...rows(3), '', ',,,,,,,', ' ,\t, ', ...rows(3, 3)].join('\n') + '\n'));
    await bothWays('admissions', scratchFile('\ufeff' + [H, ...rows(3), 'a9,p\r9,2017-04-03,acute,J440,751,70,'].join('\n') + '\n'));
  });
});

describe('the fast path is taken', () => {
  it('rows of a file without quotes reach a byte-reading visitor as bytes; lines with quotes as fields', async () => {
    const H = 'a,b,c';
    const text = [H, '1,2,3', '4,"5",6', '7,8,9', ...Array.from({ length: 100 }, (_, i) => `${i},x,y`)].join('\n') + '\n';
    let byteRows = 0;
    const fieldRows: string[][] = [];
    await readCsv(scratchFile(text), { minColumns: 2 }, {
      header: () => true,
      row: (fields) => void fieldRows.push([...fields]),
      byteRows: (rows: ByteRows) => void (byteRows += rows.count),
      badRow: () => undefined,
      fileProblem: () => undefined,
    });
    // csv-parse splits the header and the first row; the fast path the lines after them up to
    // the quote on line 3, csv-parse from there to the end of the chunk (one chunk here).
    expect(byteRows + fieldRows.length).toBe(103);
    expect(fieldRows).toEqual([['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ...Array.from({ length: 100 }, (_, i) => [`${i}`, 'x', 'y'])]);
    // A file longer than the first chunk: the fast path splits the lines of the later chunks.
    const big = [H, ...Array.from({ length: 30_000 }, (_, i) => `${i},x,y`), '1,"q",2', ...Array.from({ length: 30_000 }, (_, i) => `${i},x,y`)].join('\n') + '\n';
    byteRows = 0;
    fieldRows.length = 0;
    await readCsv(scratchFile(big), { minColumns: 2 }, {
      header: () => true,
      row: (fields) => void fieldRows.push([...fields]),
      byteRows: (rows: ByteRows) => void (byteRows += rows.count),
      badRow: () => undefined,
      fileProblem: () => undefined,
    });
    expect(byteRows + fieldRows.length).toBe(60_001);
    // All but the first row and the rows of the 64 KiB after the quote (about 8,000) come as
    // bytes.
    expect(byteRows).toBeGreaterThan(50_000);
    expect(fieldRows).toContainEqual(['1', 'q', '2']);
  });
});

describe('the first chunk (SPEC §12: no cold csv-parse over the first 64 KiB when it is not needed)', () => {
  const fromFirstChunk = async (text: string) => {
    let byteRows = 0;
    let fieldRows = 0;
    await readCsv(scratchFile(text), { minColumns: 2 }, {
      header: () => true,
      row: () => void fieldRows++,
      byteRows: (rows: ByteRows) => void (byteRows += rows.count),
      badRow: () => undefined,
      fileProblem: () => undefined,
    });
    return { byteRows, fieldRows };
  };
  const body = (n: number, eol: string) => Array.from({ length: n }, (_, i) => `${i},x,y`).join(eol) + eol;

  it('csv-parse takes the header and the first row only; the fast path the rest of the chunk (LF and CR LF)', async () => {
    expect(await fromFirstChunk('a,b,c\n' + body(100, '\n'))).toEqual({ byteRows: 99, fieldRows: 1 });
    expect(await fromFirstChunk('a,b,c\r\n' + body(100, '\r\n'))).toEqual({ byteRows: 99, fieldRows: 1 });
    // A UTF-8 BOM is taken off before (sniff.ts), so Excel's files are no exception.
    expect(await fromFirstChunk('\ufeffa,b,c\n' + body(100, '\n'))).toEqual({ byteRows: 99, fieldRows: 1 });
  });

  it('csv-parse splits the whole chunk when the first two lines quote, mix line breaks, or the chunk is not plain ASCII', async () => {
    expect(await fromFirstChunk('a,b,c\n"0",x,y\n' + body(100, '\n'))).toEqual({ byteRows: 0, fieldRows: 101 });
    expect(await fromFirstChunk('"a",b,c\n' + body(100, '\n'))).toEqual({ byteRows: 0, fieldRows: 100 });
    // The header ends in CR LF, the rows in LF: csv-parse's line break is CR LF, so the rows
    // are one record to it, never a row of the fast path's.
    expect((await fromFirstChunk('a,b,c\r\n' + body(100, '\n'))).byteRows).toBe(0);
    expect(await fromFirstChunk('a,b,c\n' + body(100, '\n') + '100,æ,y\n')).toEqual({ byteRows: 0, fieldRows: 101 });
  });

  it('headerAndFirstRowEnd: one past the second line break, or −1', () => {
    const end = (text: string) => headerAndFirstRowEnd(Buffer.from(text, 'latin1'));
    expect(end('a,b\n1,2\n3,4\n')).toBe(8); // 'a,b\n' 4 + '1,2\n' 4
    expect(end('a,b\r\n1,2\r\n3,4\r\n')).toBe(10);
    expect(end('a,b\n1,2\n')).toBe(-1); // nothing follows: csv-parse ends the file anyway
    expect(end('a,b\n1,2')).toBe(-1);
    expect(end('a,b\r\n1,2\n3,4\n')).toBe(-1);
    expect(end('a,b\n1,\r2\n3,4\n')).toBe(-1);
    expect(end('a,b\n1,"2"\n3,4\n')).toBe(-1);
    expect(end('a,b\n1,2\n3,\u00004\n')).toBe(-1);
  });
});
