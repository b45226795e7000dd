// The fast row reader (src/extracts/byte-row.ts) reads cells straight from bytes and must give,
// for every text it accepts, the very value the general parsers of fields.ts give for it; any
// text it is not certain of it must give up on (the general reader then reports it). Each rule
// is checked on many texts — every form the general parsers know, the edges of every range,
// and random strings — comparing the two readers value for value.

import { describe, expect, it } from 'vitest';
import { ByteCodes, ByteRowReader, FAILED } from '../../src/extracts/byte-row.js';
import { TextDecoding, type ByteRows } from '../../src/extracts/csv/index.js';
import {
  Invalid,
  parseAcute,
  parseAge,
  parseDate,
  parseDateTime,
  parseDiagnosis,
  parseDiagnosisList,
  parseEducation,
  parseLupAnswer,
  parseMunicipality,
  parseNonNegativeNumber,
  parseSex,
} from '../../src/extracts/fields.js';
import { admissionsSchema } from '../../src/extracts/admissions.js';
import { contactsSchema } from '../../src/extracts/contacts.js';
import { TripleKeys, UniqueKeys } from '../../src/extracts/keys.js';
import { admissionColumns, contactColumns } from '../../src/extracts/records.js';
import { Dictionary, FLAG, TableBuilder } from '../../src/extracts/table.js';

/** One row of one field per text, as the splitter gives them. */
function rowsOf(texts: readonly string[], encoding: 'latin1' | 'utf8' = 'utf8'): ByteRows {
  const parts = texts.map((t) => Buffer.from(t, encoding));
  const bytes = Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]));
  const bounds = new Int32Array(texts.length * 2);
  let at = 0;
  parts.forEach((p, r) => {
    bounds[r * 2] = at;
    at += p.length + 1;
    bounds[r * 2 + 1] = at;
  });
  return { bytes, count: texts.length, width: 1, bounds, lines: Float64Array.from(texts, (_, r) => r + 2) };
}

/** For each text: the fast reader's value, or 'gave up'. */
function fastValues(texts: readonly string[], read: (r: ByteRowReader) => number, decoding = new TextDecoding('utf8')): (number | 'gave up')[] {
  const rows = rowsOf(texts);
  const r = new ByteRowReader(Int32Array.of(0), decoding);
  return texts.map((_, k) => {
    r.begin(rows, k);
    const v = read(r);
    return r.failed ? 'gave up' : v;
  });
}

/** Accepted texts must give the general parser's value; returns how many were accepted. */
function agrees<T>(texts: readonly string[], read: (r: ByteRowReader) => number, parse: (t: string) => T | Invalid, stored: (v: T) => number): number {
  const fast = fastValues(texts, read);
  let accepted = 0;
  texts.forEach((text, k) => {
    if (fast[k] === 'gave up') return;
    accepted++;
    const general = parse(text.trim());
    expect(general, `"${text}" was accepted but the general parser rejects it`).not.toBeInstanceOf(Invalid);
    expect(fast[k], `"${text}"`).toBe(stored(general as T));
  });
  return accepted;
}

let seed = 42;
function random(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
}
const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(random() * chars.length)]).join('');
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Dates in every form, at the edges of every field, and near misses. */
function dateTexts(): string[] {
  const out: string[] = [];
  for (const y of [1899, 1900, 1970, 2000, 2016, 2017, 2099, 2100]) {
    for (const m of [0, 1, 2, 12, 13]) {
      for (const d of [0, 1, 28, 29, 30, 31, 32]) {
        out.push(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, `${pad(d, 2)}-${pad(m, 2)}-${pad(y, 4)}`);
        out.push(`${pad(d, 2)}.${pad(m, 2)}.${pad(y, 4)}`, `${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}`, `${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`);
      }
    }
  }
  out.push('15MAR2016', '2016-3-1', '2016/03/01', '01-03.2016', ' 2016-03-01', '2016-03-01 ', '2016-03-01x', '２016-03-01', '2016-03-0a');
  for (let i = 0; i < 2000; i++) out.push(pick('0123456789-./ T:', 10));
  return out;
}

function dateTimeTexts(): string[] {
  const out = [...dateTexts()];
  for (const date of ['2016-02-29', '2017-02-29', '29.02.2016', '2099-12-31', '1900-01-01']) {
    for (const sep of [' ', 'T', ':', '_']) {
      for (const [h, m, s] of [
        [0, 0, null],
        [9, 5, null],
        [23, 59, 59],
        [24, 0, null],
        [23, 60, null],
        [12, 30, 60],
        [12, 30, 5],
      ] as const) {
        out.push(`${date}${sep}${pad(h, 2)}:${pad(m, 2)}${s === null ? '' : `:${pad(s, 2)}`}`);
      }
      out.push(`${date}${sep}9:30`, `${date}${sep}09:30:00.000`, `${date}${sep}09:30:`, `${date}${sep}0930`);
    }
  }
  for (let i = 0; i < 3000; i++) out.push(`2016-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` + pick(' T0123456789:', 6 + Math.floor(random() * 4)));
  return out;
}

describe('the fast row reader gives the general parsers\' values, or gives up', () => {
  it('dates: YYYY-MM-DD and DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY within 1900–2099; every other text to the general reader', () => {
    const texts = dateTexts();
    const accepted = agrees(texts, (r) => r.requiredDay(0), parseDate, (v) => v);
    // The valid dates of the grid: 6 years in 1900–2099 × months 1, 2, 12 × the days that exist
    // (1, 28, 29, 30, 31 in January and December; 1, 28 in February, and 29 in 2000 and 2016):
    // 4 × 12 + 2 × 13 = 74, each in the 4 forms of 10 characters = 296 (YYYYMMDD goes to the
    // general reader, and no random string here happens to be a date).
    expect(accepted).toBe(296);
    const [leap, notLeap, sas, compact] = fastValues(['2016-02-29', '2017-02-29', '15MAR2016', '20160301'], (r) => r.requiredDay(0));
    expect([leap, notLeap, sas, compact]).toEqual([16860, 'gave up', 'gave up', 'gave up']); // 2016-02-29 = day 16,860
  });

  it('date-times: a date alone, or with T or a space and HH:MM or HH:MM:SS (two-digit hours); fractions, one-digit hours and SAS to the general reader', () => {
    const texts = dateTimeTexts();
    const accepted = agrees(texts, (r) => r.requiredTime(0), parseDateTime, (v) => v);
    // The 296 dates alone, and 4 valid dates × (space, T) × 4 valid times = 32 (one-digit hours,
    // fractions, SAS ":" and "_" go to the general reader); a few random strings are date-times too.
    expect(accepted).toBeGreaterThanOrEqual(296 + 32);
    // 2016-03-15 09:30 = day 16,875 × 86,400 + 9 × 3,600 + 30 × 60 s
    expect(fastValues(['2016-03-15 09:30', '2016-03-15T09:30:07', '2016-03-15 9:30'], (r) => r.requiredTime(0))).toEqual([
      16875 * 86400 + 34200,
      16875 * 86400 + 34207,
      'gave up',
    ]);
  });

  it('amounts: digits with one . or , — the value Number() gives, exactly, up to 15 digits', () => {
    const texts: string[] = ['0', '00', '0.0', '5666.44', '5666,44', '1234567890.12345', '123456789012345', '1234567890123456', '0.1', '.5', '5.', '-5', '+5', '1.234,5', '1e5', ' 5', '5 ', '١'];
    for (let i = 0; i < 5000; i++) {
      const int = pick('0123456789', 1 + Math.floor(random() * 12));
      const frac = random() < 0.6 ? pick('0123456789', 1 + Math.floor(random() * 6)) : '';
      texts.push(frac ? `${int}${random() < 0.5 ? '.' : ','}${frac}` : int);
    }
    const accepted = agrees(texts, (r) => r.optionalAmount(0), parseNonNegativeNumber, (v) => v);
    expect(accepted).toBeGreaterThan(4500);
    expect(fastValues(['5666.44', '0,1', '1234567890123456'], (r) => r.optionalAmount(0))).toEqual([5666.44, 0.1, 'gave up']);
  });

  it('ages (0–125, whole years) and municipality codes (3 digits, or 4 with a leading 0)', () => {
    const ages = ['0', '7', '07', '007', '0007', '125', '126', '999', '-1', '1.5', 'a', '65 '];
    agrees(ages, (r) => r.requiredAge(0), parseAge, (v) => v);
    expect(fastValues(['007', '125', '126', '0007'], (r) => r.requiredAge(0))).toEqual([7, 125, 'gave up', 'gave up']);
    const codes = ['751', '0751', '075', '1751', '75', '7510', 'x51', '000', '0000', '999'];
    agrees(codes, (r) => r.requiredMunicipality(0), parseMunicipality, (v) => Number(v));
    expect(fastValues(['751', '0751', '75', '1751'], (r) => r.requiredMunicipality(0))).toEqual([751, 751, 'gave up', 'gave up']);
  });

  it('coded cells: each distinct text parsed once by the general parser; a text it rejects, spaces, or undecided encoding give up', () => {
    const types = admissionColumns();
    const spellings = ['acute', 'Acute', 'akut', '1', '2', 'planned', 'PLANLAGT', 'x', '', 'acute ', 'acuté'];
    const acute = new ByteCodes(parseAcute, FLAG.encode);
    const texts = [...spellings, ...spellings];
    agrees(texts, (r) => r.requiredCode(0, acute), parseAcute, FLAG.encode);
    const dx = new ByteCodes(parseDiagnosis, (v: string) => types.diagnosis.encode(v));
    const diagnoses = ['J440', 'DJ440', 'j44.0', 'D509', 'DD509', 'I501', 'Z763', '??', 'J4', 'A000000000'];
    agrees([...diagnoses, ...diagnoses], (r) => r.requiredCode(0, dx), parseDiagnosis, (v) => types.diagnosis.encode(v));
    // DJ440 and J440 are one code; D509 keeps its D.
    expect(types.diagnosis.values).toEqual(expect.arrayContaining(['J440', 'D509', 'I501', 'Z763', 'A000000000']));
    expect(types.diagnosis.values).not.toContain('DJ440');
    const sex = new ByteCodes(parseSex, types.sex.encode);
    agrees(['F', 'M', 'K', 'kvinde', 'male', 'Z', 'f'], (r) => r.requiredCode(0, sex), parseSex, types.sex.encode);
    const education = new ByteCodes(parseEducation, types.education.encode);
    agrees(['short', 'kort', 'HIGH', 'mellem lang', 'mellemlang', 'medium'], (r) => r.requiredCode(0, education), parseEducation, types.education.encode);
  });

  it('coded texts of every length around the short-text cache (7, 8, 11, 12 bytes) that differ in one byte or in length keep their own codes', () => {
    // A diagnosis list (contacts.csv secondary_diagnoses) stored as its normalised text.
    const list = new Dictionary();
    const codes = new ByteCodes(parseDiagnosisList, (v: string) => list.encode(v));
    // 3, 7, 8, 8, 8, 11, 11, 12, 12, 13, 9, 10 and 6 bytes.
    const texts = ['I10', 'I10|E11', 'I10|E119', 'I10|E118', 'I10 E119', 'I10|E11|J44', 'I10|E11|J45', 'I10|E119|J44', 'I10|E119|J45', 'I10|E119|J449', 'I10|E1191', 'I10|E1191|', 'X?|I10'];
    const once = agrees(texts, (r) => r.requiredCode(0, codes), parseDiagnosisList, (v: string) => list.encode(v));
    // Again, now from the cache: the same codes.
    expect(agrees([...texts].reverse(), (r) => r.requiredCode(0, codes), parseDiagnosisList, (v: string) => list.encode(v))).toBe(once);
    expect(once).toBe(texts.length - 1); // all but "X?|I10"
    expect(list.values).toEqual(['I10', 'I10|E11', 'I10|E119', 'I10|E118', 'I10|E11|J44', 'I10|E11|J45', 'I10|E119|J44', 'I10|E119|J45', 'I10|E119|J449', 'I10|E1191']);
  });

  it('a text that is not ASCII: given up on until --encoding auto has decided, then decoded as the file is read', () => {
    const answer = new ByteCodes(parseLupAnswer, (v: string) => ['positive', 'negative', 'excluded'].indexOf(v));
    const decoding = new TextDecoding('auto');
    const read = (r: ByteRowReader) => r.requiredCode(0, answer);
    // Undecided: the general reader decodes the row (it meets the fields in file order).
    expect(fastValues(['I høj grad'], read, decoding)).toEqual(['gave up']);
    decoding.decode('I h\u00c3\u00b8j grad', 2); // the general reader met UTF-8 on line 2
    expect(decoding.utf8SeenAt).toBe(2);
    expect(fastValues(['I høj grad', 'I meget høj grad', 'I nogen grad', 'Ved ikke'], read, decoding)).toEqual([0, 0, 1, 2]);
    // Windows-1252 bytes in a UTF-8 file: mixed encodings, the general reader's problem.
    const rows = rowsOf(['I h\u00f8j grad'], 'latin1');
    const r = new ByteRowReader(Int32Array.of(0), decoding);
    r.begin(rows, 0);
    r.requiredCode(0, answer);
    expect(r.failed).toBe(true);
    const forced = new TextDecoding('cp1252');
    const r2 = new ByteRowReader(Int32Array.of(0), forced);
    r2.begin(rows, 0);
    expect(r2.requiredCode(0, answer)).toBe(0);
    expect(r2.failed).toBe(false);
  });

  it('gives FAILED for a text its parser rejects, and caches that too', () => {
    const codes = new ByteCodes(parseSex, (v: string) => (v === 'F' ? 1 : 2));
    const rows = rowsOf(['Z', 'Z', 'F']);
    const r = new ByteRowReader(Int32Array.of(0), new TextDecoding('utf8'));
    const got = [0, 1, 2].map((k) => {
      r.begin(rows, k);
      return codes.code(rows.bytes, rows.bounds[k * 2], rows.bounds[k * 2 + 1] - 1, r);
    });
    expect(got).toEqual([FAILED, FAILED, 1]);
  });
});

describe('the admissions row reader on bytes', () => {
  const header = 'admission_id,patient_id,admitted_at,discharged_at,admission_type,primary_diagnosis,sector,municipality_code,age,sex,education,cost_dkk,cofinancing_dkk,ready_for_discharge_at,discharge_status';
  const width = header.split(',').length;

  function read(lines: string[]) {
    const bytes = Buffer.from(lines.join('\n') + '\n');
    const bounds = new Int32Array(lines.length * (width + 1));
    let at = 0;
    lines.forEach((line, r) => {
      const fields = line.split(',');
      fields.forEach((f, k) => {
        bounds[r * (width + 1) + k] = at;
        at += Buffer.byteLength(f) + 1;
      });
      bounds[r * (width + 1) + width] = at;
    });
    const rows: ByteRows = { bytes, count: lines.length, width, bounds, lines: Float64Array.from(lines, (_, r) => r + 2) };
    const types = admissionColumns();
    const out = new TableBuilder(types);
    const unique = new UniqueKeys();
    const parse = admissionsSchema.byteRowParser({ knownIndicators: null, unique, triples: new TripleKeys() }, types);
    const reader = new ByteRowReader(Int32Array.from({ length: width }, (_, k) => k), new TextDecoding('auto'));
    const accepted = lines.map((_, r) => {
      reader.begin(rows, r);
      out.reserve();
      const ok = parse(reader, out);
      if (ok) out.commit();
      return ok;
    });
    return { accepted, table: out.finish() };
  }

  it('reads a canonical row into the columns, and hands over the rows it is not certain of', () => {
    const { accepted, table } = read([
      'A1,P1,2016-05-09 10:46,2016-05-11 13:54,planned,DZ098,somatic,751,38,M,medium,16666,5666.44,,alive',
      'A2,P1,2016-06-23 09:20,2016-06-27 07:59,acute,J440,,0751,38,,,,,2016-06-25 12:00,død', // 'død': not ASCII, undecided encoding
      'A3,P1,2016-06-23 09:20,2016-06-20 07:59,acute,J440,,751,38,,,,,,', // discharged before admitted
      'A1,P2,2016-06-23 09:20,,acute,J440,,751,38,,,,,,', // A1 again: the general reader reports it
      'A4,P2,2016-06-23 09:20,,acute,J440, somatic,751,38,,,,,,', // a space
      'A5,P3,2016-06-23 09:20,,1,DJ44.0,psykiatri,751,125,F,kort,0,0,,died',
    ]);
    expect(accepted).toEqual([true, false, false, false, false, true]);
    expect(table.rows()).toEqual([
      {
        line: 2,
        patientId: 'P1',
        admittedAt: 16930 * 86400 + 10 * 3600 + 46 * 60, // 2016-05-09 = day 16,930
        dischargedAt: 16932 * 86400 + 13 * 3600 + 54 * 60,
        acute: false,
        diagnosis: 'Z098',
        psychiatric: false,
        municipality: '751',
        age: 38,
        sex: 'M',
        education: 'medium',
        costDkk: 16666,
        cofinancingDkk: 5666.44,
        readyForDischargeAt: null,
        died: false,
      },
      expect.objectContaining({ line: 7, patientId: 'P3', acute: true, diagnosis: 'J440', psychiatric: true, age: 125, sex: 'F', education: 'short', dischargedAt: null, costDkk: 0, died: true }),
    ]);
  });
});

describe('the contacts row reader on bytes (SPEC §14.1)', () => {
  const header = 'contact_id,patient_id,start_at,end_at,contact_type,priority,action_diagnosis,secondary_diagnoses,sector,unit_type,municipality_code,age,sex,education,cost_dkk,cofinancing_dkk,ready_for_discharge_at,end_status';
  const width = header.split(',').length;

  function read(lines: string[]) {
    const bytes = Buffer.from(lines.join('\n') + '\n');
    const bounds = new Int32Array(lines.length * (width + 1));
    let at = 0;
    lines.forEach((line, r) => {
      const fields = line.split(',');
      fields.forEach((f, k) => {
        bounds[r * (width + 1) + k] = at;
        at += Buffer.byteLength(f) + 1;
      });
      bounds[r * (width + 1) + width] = at;
    });
    const rows: ByteRows = { bytes, count: lines.length, width, bounds, lines: Float64Array.from(lines, (_, r) => r + 2) };
    const types = contactColumns();
    const out = new TableBuilder(types);
    const parse = contactsSchema.byteRowParser({ knownIndicators: null, unique: new UniqueKeys(), triples: new TripleKeys() }, types);
    const reader = new ByteRowReader(Int32Array.from({ length: width }, (_, k) => k), new TextDecoding('auto'));
    const accepted = lines.map((_, r) => {
      reader.begin(rows, r);
      out.reserve();
      const ok = parse(reader, out);
      if (ok) out.commit();
      return ok;
    });
    return { accepted, table: out.finish() };
  }

  it('reads LPR3 codes and secondary-diagnosis lists into the columns, and hands over the rows it is not certain of', () => {
    const { accepted, table } = read([
      'K1,P1,2016-05-09 10:46,2016-05-11 13:54,ALCA00,ATA3,DZ098,DI10 | DE11.9,somatic,hospital,751,38,M,medium,16666,5666.44,2016-05-11 13:00,alive',
      'K2,P1,2016-06-23 09:20,2016-06-23 09:50,ALCA20,ATA1,J440,,,,0751,38,,,,,,død', // 'død': not ASCII, undecided encoding
      'K3,P1,2016-06-23 09:20,2016-06-20 07:59,physical,acute,J440,,,,751,38,,,,,,', // end before start
      'K1,P2,2016-06-23 09:20,,physical,acute,J440,,,,751,38,,,,,,', // K1 again: the general reader reports it
      'K4,P2,2016-06-23 09:20,2016-06-23 10:00,physical,ATA2,J440,,,,751,38,,,,,,', // not a priority
      'K5,P3,2016-06-23 09:20,2016-06-23 10:00,physical,acute,J440,,,,751,38,,,,,2016-06-23 10:01,', // ready after the end
      'K6,P3,2016-06-24 09:20,,alca10,akut,DJ44.0,|DC189||,psychiatric,hospice,751,125,F,kort,0,0,,died',
    ]);
    expect(accepted).toEqual([true, false, false, false, false, false, true]);
    expect(table.rows()).toEqual([
      {
        line: 2,
        patientId: 'P1',
        startAt: 16930 * 86400 + 10 * 3600 + 46 * 60, // 2016-05-09 = day 16,930
        endAt: 16932 * 86400 + 13 * 3600 + 54 * 60,
        contactType: 'physical',
        acute: false,
        diagnosis: 'Z098',
        secondaryDiagnoses: 'I10|E119',
        psychiatric: false,
        hospice: false,
        municipality: '751',
        age: 38,
        sex: 'M',
        education: 'medium',
        costDkk: 16666,
        cofinancingDkk: 5666.44,
        readyForDischargeAt: 16932 * 86400 + 13 * 3600,
        died: false,
      },
      expect.objectContaining({ line: 8, patientId: 'P3', contactType: 'home', acute: true, diagnosis: 'J440', secondaryDiagnoses: 'C189', psychiatric: true, hospice: true, age: 125, endAt: null, died: true }),
    ]);
  });
});
