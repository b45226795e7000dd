import { describe, expect, it } from 'vitest';
import { matchKey } from '../../src/extracts/fields.js';
import { SCHEMAS } from '../../src/extracts/declarations.js';
import { EXTRACT_NAMES } from '../../src/extracts/records.js';
import { defineColumns, resolveHeader } from '../../src/extracts/schema.js';
import { UniqueKeys } from '../../src/extracts/keys.js';

const COLUMNS = defineColumns([
  { name: 'admission_id', aliases: ['id'], required: true },
  { name: 'patient_id', aliases: ['cpr', 'pnr'], required: true },
  { name: 'ready_for_discharge_at', aliases: ['færdigbehandlet'] },
  { name: 'sex' },
]).list;

describe('the column declarations', () => {
  it('every extract has unique canonical names and aliases, all lower-case and distinct after matching', () => {
    for (const name of EXTRACT_NAMES) {
      const keys = SCHEMAS[name].columns.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
      expect(new Set(keys.map(matchKey)).size, name).toBe(keys.length);
      for (const k of keys) expect(k, name).toBe(k.toLowerCase());
      expect(SCHEMAS[name].extract).toBe(name);
      // Every extract needs ≥ 2 columns, which is what makes a one-column header a
      // delimiter problem.
      expect(SCHEMAS[name].columns.filter((c) => c.required).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('header matching (SPEC §2.1)', () => {
  it('matches names case-insensitively after trimming, and by alias', () => {
    const h = resolveHeader(COLUMNS, [' ID ', 'CPR', 'Sex'], ',');
    expect(h.problems).toEqual([]);
    expect([...h.fieldIndex]).toEqual([0, 1, -1, 2]);
    expect([...h.present]).toEqual(['admission_id', 'patient_id', 'sex']);
  });

  it('matches a Danish alias also written with ae/oe/aa', () => {
    expect(resolveHeader(COLUMNS, ['id', 'cpr', 'Faerdigbehandlet'], ',').fieldIndex[2]).toBe(2);
    expect(resolveHeader(COLUMNS, ['id', 'cpr', 'færdigbehandlet'], ',').fieldIndex[2]).toBe(2);
  });

  it('ignores unknown extra columns and unnamed columns', () => {
    const h = resolveHeader(COLUMNS, ['admission_id', 'comment', '', 'patient_id', ''], ',');
    expect(h.problems).toEqual([]);
    expect([...h.fieldIndex]).toEqual([0, 3, -1, -1]);
  });

  it('reports all missing required columns at once, with their aliases', () => {
    const h = resolveHeader(COLUMNS, ['sex', 'comment'], ',');
    expect(h.unusable).toBe(true);
    expect(h.problems).toHaveLength(1);
    expect(h.problems[0].type).toBe('missing-column');
    expect(h.problems[0].message).toBe(
      'missing required columns: admission_id (or id); patient_id (or cpr, pnr) — the header has sex, comment',
    );
  });

  it('reports a duplicate column, also when two aliases give the same column', () => {
    const twice = resolveHeader(COLUMNS, ['admission_id', 'patient_id', 'Patient_ID'], ',');
    expect(twice.unusable).toBe(true);
    expect(twice.problems.map((p) => p.type)).toEqual(['duplicate-column']);
    const aliases = resolveHeader(COLUMNS, ['admission_id', 'cpr', 'pnr'], ',');
    expect(aliases.problems[0].message).toBe(
      'duplicate column: "cpr" (column 2) and "pnr" (column 3) both give patient_id; each column may appear once',
    );
    const unknown = resolveHeader(COLUMNS, ['id', 'cpr', 'note', 'NOTE'], ',');
    expect(unknown.problems[0].message).toContain('duplicate column name: "note" (column 3) and "NOTE" (column 4)');
  });

  it('says "no header" when no name is recognised, with a delimiter hint for a one-column header', () => {
    const data = resolveHeader(COLUMNS, ['a-101', 'pt-A', '2017-04-03'], ',');
    expect(data.problems.map((p) => p.type)).toEqual(['no-header']);
    const oneColumn = resolveHeader(COLUMNS, ['admission_id;patient_id'], ',');
    expect(oneColumn.problems[0].message).toContain('try --delimiter ";"');
  });
});

describe('uniqueness keys', () => {
  it('remembers the first line of every key and finds repeats exactly', () => {
    const keys = new UniqueKeys();
    expect(keys.seenBefore('a-1', 2)).toBeUndefined();
    expect(keys.seenBefore('a-2', 3)).toBeUndefined();
    expect(keys.seenBefore('a-1', 4)).toBe(2);
    expect(keys.seenBefore('A-1', 5)).toBeUndefined();
    expect(keys.seenBefore('a-1', 6)).toBe(2);
  });

  it('stays exact through growth with 200,000 keys', () => {
    const keys = new UniqueKeys();
    let falseRepeats = 0;
    for (let i = 0; i < 200_000; i++) if (keys.seenBefore(`id-${i}`, i + 2) !== undefined) falseRepeats++;
    expect(falseRepeats).toBe(0);
    // Every 1000th id again: 200 repeats, each pointing at its own first line (i + 2).
    let rightFirstLine = 0;
    for (let i = 0; i < 200_000; i += 1000) if (keys.seenBefore(`id-${i}`, 999_999) === i + 2) rightFirstLine++;
    expect(rightFirstLine).toBe(200);
    expect(keys.seenBefore('id-200000', 1)).toBeUndefined();
  });
});

describe('the column aliases of SPEC §6.1', () => {
  it('reads alder, køn (koen, kon), uddannelse and kommunekode in every extract that has age, sex, education or municipality_code', () => {
    const aliases: Record<string, string[]> = {
      age: ['alder', 'Alder'],
      sex: ['køn', 'koen', 'kon', 'KØN'],
      education: ['uddannelse'],
      municipality_code: ['kommunekode', 'KommuneKode'],
    };
    let checked = 0;
    for (const name of EXTRACT_NAMES) {
      const columns = SCHEMAS[name].columns;
      for (const [column, spellings] of Object.entries(aliases)) {
        if (!columns.some((c) => c.name === column)) continue;
        for (const spelling of spellings) {
          expect(resolveHeader(columns, [spelling], ',').present.has(column), `${name}: ${spelling}`).toBe(true);
          checked++;
        }
      }
    }
    // admissions, contacts, referrals, smoking, LUP and population have all four: 6 × 9 spellings.
    expect(checked).toBe(54);
  });

  it('reads kontakt_id and recnum as admission_id', () => {
    const columns = SCHEMAS.admissions.columns;
    for (const spelling of ['kontakt_id', 'KONTAKT_ID', 'recnum', 'RECNUM']) {
      expect(resolveHeader(columns, [spelling], ',').present.has('admission_id'), spelling).toBe(true);
    }
  });
});
