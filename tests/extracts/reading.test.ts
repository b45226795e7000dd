// SPEC §6.1, reading real exports: --encoding auto, only the used columns are decoded and
// checked, NUL bytes in used fields, control characters escaped in messages.

import { describe, expect, it } from 'vitest';
import { csv, load } from './helpers.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const H = 'admission_id;patient_id;admitted_at;admission_type;primary_diagnosis;municipality_code;age;discharge_status';
const row = (id: string, status = '') => `${id};p-${id};2017-04-03;acute;J440;751;70;${status}`;

describe('--encoding auto (SPEC §6.1)', () => {
  it('reads a UTF-8 file as UTF-8, with no notice', async () => {
    const { report, data, problems } = await load('admissions', csv(H, row('a'), row('b', 'død')));
    expect(problems).toEqual([]);
    expect(report).toMatchObject({ encoding: 'utf8', notices: [] });
    expect(data.admissions!.info.encoding).toBe('utf8');
    expect(data.admissions!.table.rows().map((a) => a.died)).toEqual([false, true]);
  });

  it('reads the whole file as Windows-1252 when the first bytes that are not UTF-8 follow only ASCII, with one notice naming their line', async () => {
    // Lines 2–3 ASCII; "død" in Windows-1252 (d F8 d) on lines 4 and 6.
    const text = latin1(csv(H, row('a'), row('b'), row('c', 'd\xf8d'), row('d'), row('e', 'D\xd8D')));
    const notices: string[] = [];
    const { report, data, problems } = await load('admissions', text, { onNotice: (n) => notices.push(n) });
    expect(problems).toEqual([]);
    expect(notices).toEqual([`${report.path}: not UTF-8 at line 4; read as Windows-1252`]);
    expect(report).toMatchObject({ encoding: 'cp1252', notices, rows: 5, rowsRejected: 0 });
    expect(data.admissions!.info.encoding).toBe('cp1252');
    expect(data.admissions!.table.rows().map((a) => a.died)).toEqual([false, false, true, false, true]);
  });

  it('reads bytes 0x80–0x9F as Windows-1252 (€, dashes, quotes), not as ISO-8859-1 control characters', async () => {
    // Windows-1252 (WHATWG index-windows-1252, Unicode CP1252.TXT): 0x80 €, 0x96 –, 0x93 “, 0x94 ”,
    // 0x9C œ; ISO-8859-1 has C1 controls there. measurements.csv keeps `source` as text.
    const text = latin1(csv('indicator;period;value;source', 'x;2016;1;\x80 5 \x96 \x93Ros\x9c\x94'));
    const { data, problems } = await load('measurements', text);
    expect(problems).toEqual([]);
    expect(data.measurements!.records[0].source).toBe('€ 5 – “Rosœ”');
  });

  it('accepts latin1 as the alias of cp1252: both read 0x80 as €', async () => {
    const text = latin1(csv('indicator;period;value;source', 'x;2016;1;\x80'));
    for (const encoding of ['latin1', 'cp1252'] as const) {
      const { data, report } = await load('measurements', text, { encoding });
      expect(data.measurements!.records[0].source).toBe('€');
      expect(report).toMatchObject({ encoding: 'cp1252', notices: [] });
    }
  });

  it('makes a file that mixes UTF-8 with other bytes an error at the line of the other bytes, naming the line with UTF-8', async () => {
    // "død" in UTF-8 on line 3 (c3 b8), then in Windows-1252 on line 5.
    const text = Buffer.concat([Buffer.from(csv(H, row('a'), row('b', 'død'), row('c'))), latin1(csv(row('d', 'd\xf8d'), row('e')))]);
    const { report, problems } = await load('admissions', text);
    expect(problems.map((p) => [p.type, p.line, p.column])).toEqual([['mixed-encoding', 5, 'discharge_status']]);
    expect(problems[0].message).toBe(
      '"d\uFFFDd" is not valid UTF-8, but line 3 holds UTF-8 text: the file mixes two encodings (save it again as "CSV UTF-8")',
    );
    expect(report).toMatchObject({ encoding: 'utf8', notices: [], rowsRejected: 1 });
  });

  it('counts the header row: a UTF-8 column name, then Windows-1252 data, is a mixed file', async () => {
    const text = Buffer.concat([Buffer.from(`${H};færdigbehandlet\n`), latin1(`${row('a', 'd\xf8d')};\n`)]);
    const { problems } = await load('admissions', text);
    expect(problems.map((p) => [p.type, p.line])).toEqual([['mixed-encoding', 2]]);
  });

  it('switches on a Windows-1252 header name, and matches it to its column', async () => {
    const text = latin1(csv(`${H};f\xe6rdigbehandlet`, `${row('a')};2017-04-04`));
    const { report, data, problems } = await load('admissions', text);
    expect(problems).toEqual([]);
    expect(report.notices).toEqual([`${report.path}: not UTF-8 at line 1; read as Windows-1252`]);
    expect(data.admissions!.table.rows()[0].readyForDischargeAt).not.toBeNull();
  });

  it('keeps the §1.6 error under an explicit --encoding utf8', async () => {
    const { problems, report } = await load('admissions', latin1(csv(H, row('a'), row('b', 'd\xf8d'))), { encoding: 'utf8' });
    expect(problems.map((p) => [p.type, p.line, p.column])).toEqual([['encoding-error', 3, 'discharge_status']]);
    expect(problems[0].message).toContain('is not valid UTF-8');
    expect(problems[0].message).toContain('try --encoding latin1');
    expect(report).toMatchObject({ encoding: 'utf8', notices: [] });
  });

  it('reports a UTF-8 sequence cut off at the very end of the file under --encoding utf8', async () => {
    const text = Buffer.concat([Buffer.from(csv(H) + row('a', 'x')), Buffer.from([0xc3])]);
    const { problems } = await load('admissions', text, { encoding: 'utf8' });
    expect(problems.map((p) => [p.type, p.line])).toEqual([['encoding-error', 2]]);
  });

  it('reads a multi-byte character cut by a read-chunk boundary whole', async () => {
    // 70,000 "ø" cross the 64 KiB read chunks at odd offsets; `source` is a used column.
    const { data, problems, report } = await load('measurements', csv('indicator,period,source', `x,2016,${'ø'.repeat(700)}`, ...Array.from({ length: 2000 }, (_, i) => `y${i},2016,${'ø'.repeat(35)}`)));
    expect(problems).toEqual([]);
    expect(report.encoding).toBe('utf8');
    expect(data.measurements!.records[0].source).toBe('ø'.repeat(700));
    expect(data.measurements!.records.every((m) => m.source!.length === (m.indicator === 'x' ? 700 : 35))).toBe(true);
  });
});

describe('only the columns an extract uses are decoded and checked (SPEC §6.1)', () => {
  it('never rejects a row for bytes in an unused column that are not UTF-8, and they do not make auto switch', async () => {
    // A Windows-1252 free-text column "bemaerkning" that no extract declares, and a UTF-8
    // "død" in a used column after it: the file is UTF-8, no row is rejected.
    const text = Buffer.concat([
      Buffer.from(`${H};bemaerkning\n`),
      latin1(`${row('a')};k\xf8rt med ambulance\n`),
      Buffer.from(`${row('b', 'død')};x\n`),
    ]);
    const { report, data, problems } = await load('admissions', text);
    expect(problems).toEqual([]);
    expect(report).toMatchObject({ rows: 2, rowsRejected: 0, encoding: 'utf8', notices: [] });
    expect(data.admissions!.table.rows().map((a) => a.died)).toEqual([false, true]);
  });

  it('never rejects a row for a NUL byte or an over-long value in an unused column', async () => {
    // 70 KiB of rows first, so that the NUL is past the start that is checked for binary files.
    const filler = Array.from({ length: 1000 }, (_, i) => `${row(`f${i}`)};${'x'.repeat(60)}`);
    const text = csv(`${H};note`, ...filler, `${row('a')};nul\u0000here`, `${row('b')};${'y'.repeat(5000)}`);
    const { report, problems } = await load('admissions', text);
    expect(problems).toEqual([]);
    expect(report).toMatchObject({ rows: 1002, rowsRejected: 0 });
  });
});

describe('NUL bytes (SPEC §6.1)', () => {
  const filler = Array.from({ length: 1000 }, (_, i) => row(`f${i}`) + ';' + 'x'.repeat(60));

  it('makes a NUL byte in a used field an error at its line and column, wherever in the file it is', async () => {
    // The header and 1,000 rows of 100 bytes fill the first 64 KiB; the NUL is on line 1,002.
    const text = csv(`${H};note`, ...filler, `a;p-${'\u0000'}x;2017-04-03;acute;J440;751;70;;`);
    const { problems, report } = await load('admissions', text);
    expect(problems.map((p) => [p.type, p.line, p.column])).toEqual([['nul-byte', 1002, 'patient_id']]);
    expect(problems[0].message).toBe('"p-\\x00x" contains a NUL byte: not text (a broken export, or binary data in the file?)');
    expect(report.rowsRejected).toBe(1);
  });

  it('still refuses a file with NUL bytes in its first 64 KiB as binary', async () => {
    const { problems, report } = await load('admissions', csv(H, row('a'), `b;p\u0000;2017-04-03;acute;J440;751;70;`));
    expect(problems.map((p) => [p.type, p.line])).toEqual([['binary-file', 3]]);
    expect(report.unusable).toBe(true);
  });
});

describe('control characters from an input are escaped in messages (SPEC §6.1)', () => {
  it('escapes ESC and other C0 controls, DEL and C1 controls of a value as \\xHH', async () => {
    // ESC [ 3 1 m (a colour sequence), DEL (0x7F), CSI (U+009B, a C1 control).
    const { problems } = await load('admissions', csv(H, `a;p;2017-04-03;acute;J440;751;\u001b[31m7\u007f\u009b;`));
    expect(problems.map((p) => p.message)).toEqual(['"\\x1b[31m7\\x7f\\x9b" is not an age (expected whole years 0–125)']);
    // The value itself keeps the characters: JSON outputs escape them as \u00HH.
    expect(problems[0].value).toBe('\u001b[31m7\u007f\u009b');
  });

  it('escapes control characters of header names in file-level messages', async () => {
    const { problems } = await load('admissions', csv('admission_id;\u001b]0;pwned\u0007;age', 'a;b;70'));
    const message = problems.map((p) => p.message).join('\n');
    expect(message).toContain('\\x1b]0');
    expect(message).toContain('\\x07');
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('escapes them in duplicate-column messages too', async () => {
    const { problems } = await load('admissions', csv(`${H};x\u001b;x\u001b`, `${row('a')};1;2`));
    expect(problems[0].type).toBe('duplicate-column');
    expect(problems[0].message).toBe('duplicate column name: "x\\x1b" (column 9) and "x\\x1b" (column 10); each column may appear once');
  });
});
