import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv, type CsvProblem, type CsvReadOptions } from '../../../src/extracts/csv/index.js';
import { scratchFile } from '../helpers.js';

interface Read {
  header: readonly string[] | null;
  headerLine: number | null;
  delimiter: string | null;
  rows: Array<{ line: number; fields: readonly string[] }>;
  /** Per row: were its bytes ASCII without NUL? */
  plain: boolean[];
  badRows: CsvProblem[];
  fileProblems: CsvProblem[];
  sha256: string | null;
  fatal: boolean;
  /** The UTF-16 form told with the header, if any. */
  utf16?: string;
}

async function read(content: string | Buffer, options: Partial<CsvReadOptions> & { stopAtHeader?: boolean } = {}): Promise<Read> {
  const path = scratchFile(content);
  const out: Read = { header: null, headerLine: null, delimiter: null, rows: [], plain: [], badRows: [], fileProblems: [], sha256: null, fatal: false };
  const result = await readCsv(path, { minColumns: 2, ...options }, {
    header(names, line, delimiter, utf16) {
      if (utf16 !== undefined) out.utf16 = utf16;
      out.header = [...names];
      out.headerLine = line;
      out.delimiter = delimiter;
      return !options.stopAtHeader;
    },
    row(fields, line, plain) {
      out.rows.push({ line, fields: [...fields] });
      out.plain.push(plain);
    },
    badRow(p) {
      out.badRows.push(p);
    },
    fileProblem(p) {
      out.fileProblems.push(p);
    },
  });
  out.sha256 = result.sha256;
  out.fatal = result.fatal;
  return out;
}

const lines = (r: Read) => r.rows.map((x) => x.line);

describe('splitting rows (SPEC §2.1: RFC 4180)', () => {
  it('reads a header and rows, numbering rows by physical line with the header on line 1', async () => {
    const r = await read('a,b\n1,2\n3,4\n');
    expect(r.header).toEqual(['a', 'b']);
    expect(r.headerLine).toBe(1);
    expect(r.rows).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reads CRLF like LF, and a last row without a line break', async () => {
    const r = await read('a,b\r\n1,2\r\n3,4');
    expect(r.rows).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks', async () => {
    const r = await read('a,b\n"x,y","say ""hi"""\n"two\nlines",z\n');
    expect(r.rows[0].fields).toEqual(['x,y', 'say "hi"']);
    expect(r.rows[1].fields).toEqual(['two\nlines', 'z']);
  });

  it('counts the lines of a quoted field: a row starts on the line after the previous row ends', async () => {
    // line 1 header; row on lines 2–4 (two breaks inside quotes); next row on line 5.
    const r = await read('a,b\n"one\ntwo\nthree",x\nnext,y\nlast,z\n');
    expect(lines(r)).toEqual([2, 5, 6]);
  });

  it('counts a CRLF inside a quoted field as one line break', async () => {
    const r = await read('a,b\r\n"one\r\ntwo",x\r\nnext,y\r\n');
    expect(lines(r)).toEqual([2, 4]);
  });

  it('counts lines in an old-Mac file with CR line endings', async () => {
    const r = await read('a,b\r1,2\r"x\ry",3\r4,5\r');
    expect(lines(r)).toEqual([2, 3, 5]);
  });

  it('skips blank lines and rows of empty fields but keeps counting their lines', async () => {
    // line 2 blank, line 4 ";;" style empty row, line 5 blank with spaces.
    const r = await read('a,b\n\n1,2\n,\n   \n3,4\n\n');
    expect(r.rows).toEqual([
      { line: 3, fields: ['1', '2'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });

  it('rejects a row with a different number of fields, and goes on', async () => {
    const r = await read('a,b,c\n1,2,3\n1,2\n1,2,3,4\n5,6,7\n');
    expect(lines(r)).toEqual([2, 5]);
    expect(r.badRows.map((p) => [p.type, p.line])).toEqual([
      ['row-length', 3],
      ['row-length', 4],
    ]);
    expect(r.badRows[0].message).toBe('the row has 2 fields but the header has 3 (check the delimiter "," and the quotes on this line)');
  });

  it('accepts extra trailing fields when they are empty (Excel adds trailing delimiters)', async () => {
    const r = await read('a,b\n1,2,,\n3,4\n');
    expect(lines(r)).toEqual([2, 3]);
    expect(r.badRows).toEqual([]);
  });

  it('reports an unterminated quote with the line where its row starts, and stops', async () => {
    const r = await read('a,b\n1,2\n3,"open\n5,6\n7,8\n');
    expect(lines(r)).toEqual([2]);
    expect(r.fatal).toBe(true);
    expect(r.fileProblems).toHaveLength(1);
    expect(r.fileProblems[0]).toMatchObject({ type: 'csv-error', line: 3 });
    expect(r.fileProblems[0].message).toContain('unterminated quote: the row starting on line 3');
  });

  it('reports an unterminated quote in a large file (the row grows past the limit) without a hang', async () => {
    const body = Array.from({ length: 60_000 }, (_, i) => `${i},value ${i}`).join('\n');
    const r = await read(`a,b\n1,2\n2,"never closed\n${body}\n`);
    expect(lines(r)).toEqual([2]);
    expect(r.fileProblems[0]).toMatchObject({ type: 'csv-error', line: 3 });
    expect(r.fileProblems[0].message).toContain('unterminated quote');
  });

  it('hands a 100,000-character field to the row layer (which rejects it by length)', async () => {
    const r = await read(`a,b\n1,${'x'.repeat(100_000)}\n2,3\n`);
    expect(lines(r)).toEqual([2, 3]);
    expect(r.rows[0].fields[1]).toHaveLength(100_000);
  });

  it('preserves a stray quote inside an unquoted field rather than failing', async () => {
    const r = await read('a,b\n5" screen,2\n');
    expect(r.rows[0].fields).toEqual(['5" screen', '2']);
  });
});

describe('delimiters (SPEC §1.2)', () => {
  it('detects the delimiter that splits the header into the most fields', () => {
    expect(detectDelimiter('a,b,c')).toEqual({ delimiter: ',', fields: 3 });
    expect(detectDelimiter('a;b;c')).toEqual({ delimiter: ';', fields: 3 });
    expect(detectDelimiter('a\tb\tc')).toEqual({ delimiter: '\t', fields: 3 });
    // "x,y" is one quoted name: 2 fields by ";" beat 1 by ",".
    expect(detectDelimiter('"x,y";b')).toEqual({ delimiter: ';', fields: 2 });
    expect(detectDelimiter('a;b,c;d')).toEqual({ delimiter: ';', fields: 3 });
  });

  it('reads semicolon and TAB files by detection', async () => {
    expect((await read('a;b\n1,5;2\n')).rows[0].fields).toEqual(['1,5', '2']);
    const tab = await read('a\tb\n1\t2\n');
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows[0].fields).toEqual(['1', '2']);
  });

  it('reports an undetectable delimiter, naming those tried and suggesting --delimiter', async () => {
    const r = await read('a|b|c\n1|2|3\n');
    expect(r.fatal).toBe(true);
    expect(r.fileProblems[0].type).toBe('undetectable-delimiter');
    expect(r.fileProblems[0].message).toContain('none of "," ";" and TAB');
    expect(r.fileProblems[0].message).toContain('--delimiter "|"');
  });

  it('lets --delimiter win over detection', async () => {
    const r = await read('a|b,c\n1|2,3\n', { delimiter: '|' });
    expect(r.header).toEqual(['a', 'b,c']);
    expect(r.rows[0].fields).toEqual(['1', '2,3']);
  });
});

describe('fields as bytes (SPEC §6.1: the row layer decodes the columns it uses)', () => {
  it('strips a UTF-8 BOM so the first column name is clean', async () => {
    const r = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')]));
    expect(r.header).toEqual(['a', 'b']);
  });

  it('hands each field on as its bytes, one character per byte, whatever the encoding', async () => {
    // "ø" is C3 B8 in UTF-8 and F8 in latin1; neither is decoded here.
    const r = await read(Buffer.concat([Buffer.from('a;b\n'), Buffer.from('ø;'), Buffer.from('\xe6bler\n', 'latin1')]));
    expect(r.rows[0].fields).toEqual(['\xc3\xb8', '\xe6bler']);
  });

  it('marks a row plain only when every byte of the chunks it was split from is ASCII and not NUL', async () => {
    // One chunk holds every row, and it has non-ASCII bytes: no row is plain.
    const r = await read(Buffer.from('a,b\n1,2\n\xf8,3\n4,"x\x7f"\n5,"\x80"\n', 'latin1'));
    expect(r.plain).toEqual([false, false, false, false]);
    expect((await read('a,b\n1,2\n3,4\n')).plain).toEqual([true, true]);
  });

  it('marks the rows of the 64 KiB chunks by chunk, a row cut by a chunk boundary by both its chunks', async () => {
    // Rows of 16 bytes after an 8-byte header: 4,096 to a 64 KiB chunk. Row 4,095 starts at
    // byte 65,528 and is cut by the first chunk boundary (65,536) after its "ø": chunk 1 has
    // it, chunk 2 (rows 4,096–8,190) is plain, yet the row — taken after chunk 2 — is not.
    // Chunk 3 has a NUL in row 9,000 and "ø" in row 9,500.
    const rows = Array.from({ length: 10_000 }, (_, i) => `${String(i).padStart(6, '0')},abcdefgh\n`);
    rows[4_095] = '00ø095,abcdefgh\n';
    rows[9_000] = '009000,abcd\u0000fgh\n';
    rows[9_500] = '009500,abcdefø\n';
    const r = await read(Buffer.from('id,text\n' + rows.join('')));
    expect([r.plain[0], r.plain[4_094], r.plain[4_095]]).toEqual([false, false, false]); // chunk 1
    expect([r.plain[4_096], r.plain[8_190]]).toEqual([true, true]); // chunk 2
    expect([r.plain[9_000], r.plain[9_500]]).toEqual([false, false]); // chunk 3
    expect(r.plain.filter((p) => p).length).toBeGreaterThanOrEqual(4_095); // all of chunk 2
  });

  it('keeps the bytes of a multi-byte UTF-8 character cut by a chunk boundary together', async () => {
    // 70,000 "ø" (2 bytes each) in one field cross the 64 KiB read chunks at odd offsets.
    const r = await read(`a,b\n1,${'ø'.repeat(70_000)}\n`);
    expect(r.rows[0].fields[1]).toBe(Buffer.from('ø'.repeat(70_000)).toString('latin1'));
  });
});

describe('compressed and binary input (SPEC §1.2, §5)', () => {
  it('decompresses gzip transparently and hashes the compressed bytes', async () => {
    const gz = gzipSync(Buffer.from('a,b\n1,2\n'));
    const r = await read(gz);
    expect(r.rows).toEqual([{ line: 2, fields: ['1', '2'] }]);
    const { createHash } = await import('node:crypto');
    expect(r.sha256).toBe(createHash('sha256').update(gz).digest('hex'));
  });

  it('reports a corrupt gzip file', async () => {
    const gz = gzipSync(Buffer.from('a,b\n1,2\n'.repeat(1000)));
    const r = await read(gz.subarray(0, 40));
    expect(r.fatal).toBe(true);
    expect(r.fileProblems[0].type).toBe('unreadable-file');
    expect(r.fileProblems[0].message).toContain('not a valid gzip file');
  });

  it('refuses a file with NUL bytes as binary, naming the line', async () => {
    const r = await read(Buffer.from('a,b\n1,2\n\x00\x01\x02'));
    expect(r.fileProblems[0]).toMatchObject({ type: 'binary-file', line: 3 });
  });

  it('refuses an Excel workbook with advice', async () => {
    expect((await read(Buffer.from('PK\x03\x04rest of zip', 'latin1'))).fileProblems[0].message).toContain('Excel workbook (.xlsx)');
  });

  it('reports an empty file and a file of blank lines as empty', async () => {
    expect((await read('')).fileProblems.map((p) => p.type)).toEqual(['empty-file']);
    expect((await read('\n\n  \n')).fileProblems.map((p) => p.type)).toEqual(['empty-file']);
    expect((await read(Buffer.from([0xef, 0xbb, 0xbf]))).fileProblems.map((p) => p.type)).toEqual(['empty-file']);
  });

  it('reports a missing file and a folder as unreadable, never throwing', async () => {
    const r: CsvProblem[] = [];
    const visitor = { header: () => true, row: () => {}, badRow: () => {}, fileProblem: (p: CsvProblem) => r.push(p) };
    await readCsv('/no/such/file.csv', { minColumns: 2 }, visitor);
    await readCsv('/', { minColumns: 2 }, visitor);
    expect(r.map((p) => [p.type, p.message])).toEqual([
      ['unreadable-file', 'cannot read the file: no such file'],
      ['unreadable-file', 'cannot read the file: it is a folder'],
    ]);
  });

  it('gives the sha256 of the bytes as stored, and none when reading stopped at the header', async () => {
    const text = 'a,b\n1,2\n';
    const { createHash } = await import('node:crypto');
    expect((await read(text)).sha256).toBe(createHash('sha256').update(text).digest('hex'));
    const stopped = await read(text, { stopAtHeader: true });
    expect(stopped.sha256).toBeNull();
    expect(stopped.rows).toEqual([]);
  });
});

/** `text` as UTF-16 with its byte-order mark, little- or big-endian. */
function utf16(text: string, form: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from(form === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), form === 'le' ? le : Buffer.from(le).swap16()]);
}

describe('UTF-16 text (SPEC §14.1: Excel\'s "Unicode text", TAB-separated)', () => {
  const text = 'id\tname\tnote\n1\tSøren Ærø\t€ 5\r\n2\t"two\nlines"\t😀\n3\t\t\n';

  it.each(['le', 'be'] as const)('UTF-16%s with a BOM: the rows, lines and fields of the same text in UTF-8, and the form told with the header', async (form) => {
    const r = await read(utf16(text, form));
    const asUtf8 = await read(text);
    expect(r.utf16).toBe(form === 'le' ? 'utf16le' : 'utf16be');
    expect(asUtf8.utf16).toBeUndefined();
    expect(r.delimiter).toBe('\t');
    expect({ ...r, utf16: undefined, sha256: null }).toEqual({ ...asUtf8, sha256: null });
    // The fields are the UTF-8 bytes of the text (byte strings, decoded by the row reader).
    expect(lines(r)).toEqual([2, 3, 5]);
    expect(Buffer.from(r.rows[0].fields[1], 'latin1').toString('utf8')).toBe('Søren Ærø');
    expect(Buffer.from(r.rows[1].fields[2], 'latin1').toString('utf8')).toBe('😀');
    // The checksum is of the bytes as stored.
    const { createHash } = await import('node:crypto');
    expect(r.sha256).toBe(createHash('sha256').update(utf16(text, form)).digest('hex'));
  });

  it('characters and surrogate pairs cut by the 64 KiB chunks, gzipped and not, read as their UTF-8', async () => {
    // Rows of odd byte lengths in UTF-16 cannot be: every character is 2 or 4 bytes; an odd
    // offset of the pairs against the chunks comes from the 2-byte BOM. 😀 is a surrogate pair.
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i}\tæ${'😀'.repeat(i % 5)}ø\t${'x'.repeat(i % 7)}`);
    const big = ['id\tname\tnote', ...rows].join('\n') + '\n';
    const expected = await read(big);
    for (const bytes of [utf16(big, 'le'), utf16(big, 'be'), gzipSync(utf16(big, 'le'))]) {
      const r = await read(bytes);
      expect(r.rows.length).toBe(20_000);
      expect(r.rows).toEqual(expected.rows);
      expect(r.utf16).toBeDefined();
    }
  });

  it('an odd last byte is half a character: U+FFFD, the rows before it as they are', async () => {
    const r = await read(Buffer.concat([utf16('a\tb\n1\t2\n3\t4', 'le'), Buffer.from([0x35])]));
    expect(r.rows.map((x) => x.fields.map((f) => Buffer.from(f, 'latin1').toString('utf8')))).toEqual([['1', '2'], ['3', '4\ufffd']]);
  });

  it('a BOM alone is an empty file', async () => {
    expect((await read(Buffer.from([0xff, 0xfe]))).fileProblems.map((p) => p.type)).toEqual(['empty-file']);
  });
});

describe('files of other kinds are refused with one line naming the kind and the way to CSV (SPEC §14.1)', () => {
  const SAS7BDAT = Buffer.concat([
    Buffer.alloc(12),
    Buffer.from([0xc2, 0xea, 0x81, 0x60, 0xb3, 0x14, 0x11, 0xcf, 0xbd, 0x92, 0x08, 0x00, 0x09, 0xc7, 0x31, 0x8c, 0x18, 0x1f, 0x10, 0x11]),
    Buffer.alloc(1000, 0x22),
  ]);
  it.each([
    ['an .xlsx (a zip)', Buffer.from('PK\x03\x04\x14\x00\x06\x00[Content_Types].xml', 'latin1'), 'Excel workbook (.xlsx)', 'Save As → "CSV UTF-8'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old Excel workbook (.xls)', 'Save As → "CSV UTF-8'],
    ['a PDF', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n', 'latin1'), 'a PDF document, not a data file', 'ask for the extract'],
    ['a SAS data set', SAS7BDAT, 'a SAS data set (.sas7bdat)', 'PROC EXPORT'],
    ['a gzipped PDF', gzipSync(Buffer.from('%PDF-1.7\n')), 'a PDF document', 'ask for the extract'],
  ])('%s', async (_name, bytes, kind, how) => {
    const r = await read(bytes);
    expect(r.fatal).toBe(true);
    expect(r.header).toBeNull();
    expect(r.fileProblems).toHaveLength(1);
    expect(r.fileProblems[0]).toMatchObject({ type: 'binary-file', line: null });
    expect(r.fileProblems[0].message).toContain(kind);
    expect(r.fileProblems[0].message).toContain(how);
    expect(r.fileProblems[0].message).not.toContain('\n');
  });

  it('a SAS data set is not taken for a file of NUL bytes, nor a text file that merely starts with "PK" for a zip', async () => {
    const nul = await read(Buffer.concat([Buffer.alloc(12), Buffer.from('abc')]));
    expect(nul.fileProblems[0].message).toContain('NUL bytes');
    const pk = await read('PK,b\n1,2\n');
    expect(pk.fileProblems).toEqual([]);
    expect(pk.header).toEqual(['PK', 'b']);
  });
});
