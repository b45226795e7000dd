import { describe, expect, it } from 'vitest';
import { compareDimensionValues } from '../../src/calc/groups.js';
import {
  EDUCATION,
  FOLLOWUP,
  OFFER,
  PATIENT_TYPE,
  PREVENTION_OFFER,
  PREVENTION_SENDER,
  REFERRAL_SOURCE,
  SENDER,
  SEX,
  listWords,
  valueList,
  valuesOutside,
  type ValueList,
} from '../../src/domain/vocabulary.js';
import { Invalid, parserOf } from '../../src/extracts/fields.js';

const LISTS: ValueList<string>[] = [SEX, EDUCATION, SENDER, REFERRAL_SOURCE, OFFER, FOLLOWUP, PATIENT_TYPE];

describe('one vocabulary: each value list declared once, everything derived (issue 9)', () => {
  it.each(LISTS.map((l) => [l.what, l] as const))('the parser of %s accepts the value and every alias, case-insensitively', (_what, list) => {
    const parse = parserOf(list);
    for (const e of list.entries) {
      for (const spelling of [e.value, ...(e.aliases ?? [])]) {
        expect(parse(spelling)).toBe(e.value);
        expect(parse(spelling.toUpperCase())).toBe(e.value);
      }
    }
    expect(parse('no-such-value')).toBeInstanceOf(Invalid);
  });

  it('no spelling belongs to two values of one list', () => {
    for (const list of LISTS) {
      const spellings = list.entries.flatMap((e) => [e.value, ...(e.aliases ?? [])].map((s) => s.toLowerCase()));
      expect(new Set(spellings).size, list.what).toBe(spellings.length);
    }
  });

  it('breakdown groups are ordered as the list declares its values (SPEC §4.1)', () => {
    const dims = [['sex', SEX], ['education', EDUCATION], ['sender', SENDER], ['offer', OFFER], ['patient_type', PATIENT_TYPE]] as const;
    for (const [dim, list] of dims) {
      const shuffled = [...list.values].reverse();
      expect(shuffled.sort((a, b) => compareDimensionValues(dim, a, b))).toEqual(list.values);
    }
  });

  it('sub-lists keep the order and aliases of their list: referral sources are the senders without psychiatry', () => {
    expect(REFERRAL_SOURCE.values).toEqual(['gp', 'hospital', 'self', 'other']);
    expect(parserOf(REFERRAL_SOURCE)('sygehus')).toBe('hospital');
    expect(parserOf(REFERRAL_SOURCE)('psykiatri')).toBeInstanceOf(Invalid);
    expect(PREVENTION_SENDER.values).toEqual(['gp', 'hospital', 'psychiatry']);
    expect(valuesOutside(OFFER, PREVENTION_OFFER)).toEqual(['rehabilitation', 'vulnerable_pregnancy', 'other']);
  });

  it('a duplicate value in a declaration is refused', () => {
    expect(() => valueList('a thing', [{ value: 'a' }, { value: 'a' }])).toThrow(/duplicate value a/);
  });

  it('prose lists read "a, b or c"', () => {
    expect(listWords(['gp', 'hospital', 'psychiatry'])).toBe('gp, hospital or psychiatry');
    expect(listWords(['self'])).toBe('self');
  });
});
