// An extract declared once (src/extracts/declare.ts, issue 22): the header spec, the table,
// the record and both row parsers come from one declaration of columns and rules. These tests
// read rows through both parsers of a declaration by hand: the fast one (bytes) takes a row it
// can read for certain and gives any other to the general one, which reports the rule's
// problem with the messages of SPEC §1.6.

import { describe, expect, it } from 'vitest';
import { ByteRowReader } from '../../src/extracts/byte-row.js';
import { TextDecoding, type ByteRows } from '../../src/extracts/csv/index.js';
import { admissionsSchema } from '../../src/extracts/admissions.js';
import { code, day, declareExtract, id, notBefore, patient, unique } from '../../src/extracts/declare.js';
import { parseOffer } from '../../src/extracts/fields.js';
import { TripleKeys, UniqueKeys } from '../../src/extracts/keys.js';
import { referralsSchema } from '../../src/extracts/referrals.js';
import { resolveHeader, RowReader, type ColumnarSchema } from '../../src/extracts/schema.js';
import { TableBuilder, requiredVocabulary, type ColumnTypes } from '../../src/extracts/table.js';
import { OFFER } from '../../src/domain/vocabulary.js';

/** Rows of comma-separated fields as the splitter gives them (lines from 2). */
function byteRowsOf(lines: readonly string[]): ByteRows {
  const rows = lines.map((l) => l.split(','));
  const width = rows[0].length;
  const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'latin1');
  const bounds = new Int32Array(rows.length * (width + 1));
  let at = 0;
  rows.forEach((fields, r) => {
    fields.forEach((f, k) => {
      bounds[r * (width + 1) + k] = at;
      at += f.length + 1;
    });
    bounds[r * (width + 1) + width] = at;
  });
  return { bytes, count: rows.length, width, bounds, lines: Float64Array.from(rows, (_, r) => r + 2) };
}

interface Read {
  /** Per row: taken by the fast parser, or given to the general one. */
  fast: boolean[];
  rows: unknown[];
  problems: string[];
  header: string[];
}

/** Reads a header and rows through a declared schema as load.ts does: fast first, general
 *  for the rows the fast parser gives up on. */
function read<S extends ColumnTypes>(schema: ColumnarSchema<S>, header: string, lines: readonly string[]): Read {
  const names = header.split(',');
  const h = resolveHeader(schema.columns, names, ',');
  expect(h.problems).toEqual([]);
  const problems: string[] = [];
  const sink = { rowProblem: (type: string, line: number, column: string | null, _v: string | null, message: string) => problems.push(`${type} line ${line} ${column}: ${message}`) };
  const decoding = new TextDecoding('utf8');
  const context = { knownIndicators: null, unique: new UniqueKeys(), triples: new TripleKeys() };
  const builder = new TableBuilder(schema.table());
  const general = schema.rowParser({ ...context, types: builder.types });
  const fast = schema.byteRowParser(context, builder.types);
  const reader = new RowReader(sink, h.fieldIndex, schema.columns, decoding);
  const bytes = new ByteRowReader(h.fieldIndex, decoding);
  const batch = byteRowsOf(lines);
  const taken: boolean[] = [];
  for (let k = 0; k < batch.count; k++) {
    bytes.begin(batch, k);
    builder.reserve();
    if (fast(bytes, builder)) {
      builder.commit();
      taken.push(true);
      continue;
    }
    taken.push(false);
    reader.begin(lines[k].split(','), batch.lines[k], true);
    const record = general(reader);
    if (record) builder.append(record);
  }
  return { fast: taken, rows: builder.finish().rows(), problems, header: schema.columns.map((c) => c.name) };
}

const REFERRAL_HEADER = 'referral_id,patient_id,referred_at,sender,offer,municipality_code,received_at,contacted_at';

describe('an extract declared once: both parsers from one declaration (issue 22)', () => {
  it('a clean referral is read by the fast parser into the record the general parser gives for it', () => {
    const line = 'r1,p1,2016-02-01,gp,rehabilitation,0751,2016-02-02,2016-02-04';
    const fastRead = read(referralsSchema, REFERRAL_HEADER, [line]);
    expect(fastRead.fast).toEqual([true]);
    // The general parser alone: a header the fast parser cannot be given (the same row).
    const generalRecord = read(referralsSchema, REFERRAL_HEADER, [' ' + line.slice(0)]);
    expect(generalRecord.fast).toEqual([false]);
    // 2016-02-01 is day 16832 (days since 1970-01-01: 46 years with 11 leap days = 16801, + 31).
    expect(fastRead.rows[0]).toMatchObject({ referredAt: 16832, receivedAt: 16833, contactedAt: 16835, municipality: '751', offer: 'rehabilitation', sender: 'gp' });
    expect(generalRecord.rows).toEqual(fastRead.rows.map((r) => ({ ...(r as object), line: 2 })));
  });

  it('a receipt before the referral (SPEC §2.3) is given to the general parser, which names the rule notBefore(received_at, referred_at)', () => {
    const r = read(referralsSchema, REFERRAL_HEADER, ['r1,p1,2016-02-01,gp,rehabilitation,751,2016-01-31,']);
    expect(r.fast).toEqual([false]);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([
      'constraint-error line 2 received_at: "2016-01-31" is before referred_at 2016-02-01 (expected received_at ≥ referred_at)',
    ]);
  });

  it('a missing receipt skips both date rules of a referral: the fast parser takes the row', () => {
    const r = read(referralsSchema, REFERRAL_HEADER, ['r1,p1,2016-02-01,gp,rehabilitation,751,,2016-01-01']);
    expect(r.fast).toEqual([true]);
    expect(r.rows).toMatchObject([{ receivedAt: null, contactedAt: 16801 }]);
  });

  it('a duplicate referral_id: the second row goes to the general parser, which reports the first line', () => {
    const r = read(referralsSchema, REFERRAL_HEADER, ['r1,p1,2016-02-01,gp,diet,751,,', 'r1,p2,2016-02-03,gp,diet,751,,']);
    expect(r.fast).toEqual([true, false]);
    expect(r.problems).toEqual(['unique-error line 3 referral_id: duplicate referral_id "r1" (first on line 2); each referral must appear once']);
  });

  it('ready for discharge after the discharge (within(ready_for_discharge_at, admitted_at, discharged_at), SPEC §2.2): one problem, "is after"', () => {
    const header = 'admission_id,patient_id,admitted_at,discharged_at,admission_type,primary_diagnosis,municipality_code,age,ready_for_discharge_at';
    const r = read(admissionsSchema, header, [
      'a1,p1,2016-03-01 10:00,2016-03-05 12:00,acute,DJ440,751,80,2016-03-05 12:00',
      'a2,p1,2016-03-10 10:00,2016-03-12 12:00,acute,DJ440,751,80,2016-03-12 12:01',
    ]);
    expect(r.fast).toEqual([true, false]);
    expect(r.problems).toEqual([
      'constraint-error line 3 ready_for_discharge_at: "2016-03-12 12:01" is after discharged_at 2016-03-12 12:00 (expected admitted_at ≤ ready_for_discharge_at ≤ discharged_at)',
    ]);
    // The empty optional columns take their declared missing values: somatic, alive.
    expect(r.rows).toMatchObject([{ psychiatric: false, died: false, diagnosis: 'J440', costDkk: null }]);
  });

  it('a column added to a declaration reaches the header spec, the table, the record and both parsers', () => {
    const columns = [
      id('referral_id'),
      patient('patient_id', 'patientId'),
      day('referred_at', 'referredAt', { required: true }),
      code('offer', 'offer', () => requiredVocabulary(OFFER), parseOffer, { required: true }),
      day('closed_at', 'closedAt', { aliases: ['afsluttet'] }),
    ] as const;
    const toy = declareExtract({
      extract: 'referrals',
      fileName: 'toy.csv',
      columns,
      rules: [unique('referral_id', 'referral'), notBefore('closed_at', 'referred_at')],
      events: { columns: ['referred_at'] },
    });
    expect(toy.columns).toContainEqual({ name: 'closed_at', aliases: ['afsluttet'] });
    expect(Object.keys(toy.table())).toEqual(['line', 'patientId', 'referredAt', 'offer', 'closedAt']);
    const r = read(toy, 'referral_id,patient_id,referred_at,offer,afsluttet', ['r1,p1,2016-02-01,diet,2016-02-03', 'r2,p1,2016-02-01,diet,2016-01-03']);
    expect(r.fast).toEqual([true, false]);
    expect(r.rows).toEqual([{ line: 2, patientId: 'p1', referredAt: 16832, offer: 'diet', closedAt: 16834 }]);
    expect(r.problems).toEqual([
      'constraint-error line 3 closed_at: "2016-01-03" is before referred_at 2016-02-01 (expected closed_at ≥ referred_at)',
    ]);
  });

  it('a rule naming a column that is not declared fails to compile, and is refused when declared', () => {
    expect(() =>
      declareExtract({
        extract: 'referrals',
        fileName: 'toy.csv',
        columns: [id('referral_id'), day('referred_at', 'referredAt', { required: true })],
        // @ts-expect-error -- 'received_at' is not a declared column of this extract
        rules: [notBefore('received_at', 'referred_at')],
        events: { columns: ['referred_at'] },
      }),
    ).toThrow('a rule names received_at, which is not declared');
  });

  it('an event column that is not a declared date or time is refused when declared (SPEC §1.3)', () => {
    expect(() =>
      declareExtract({
        extract: 'referrals',
        fileName: 'toy.csv',
        columns: [id('referral_id'), day('referred_at', 'referredAt', { required: true }), code('offer', 'offer', () => requiredVocabulary(OFFER), parseOffer)],
        rules: [],
        events: { columns: ['referred_at', 'offer'] },
      }),
    ).toThrow('referrals: event column offer is not a declared date or time');
  });

  it('a rule across a date and a non-date is refused when declared', () => {
    expect(() =>
      declareExtract({
        extract: 'referrals',
        fileName: 'toy.csv',
        columns: [id('referral_id'), day('referred_at', 'referredAt', { required: true }), code('offer', 'offer', () => requiredVocabulary(OFFER), parseOffer)],
        rules: [notBefore('offer', 'referred_at')],
        events: { columns: ['referred_at'] },
      }),
    ).toThrow('notBefore(offer, referred_at): dates or date-times of one kind');
  });
});
