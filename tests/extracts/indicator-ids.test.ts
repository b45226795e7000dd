// SPEC §6.1: indicator ids in baselines.csv and measurements.csv must be in the catalogue; an
// unknown one is a row error naming the closest id within edit distance 3.

import { describe, expect, it } from 'vitest';
import { closestId, editDistance } from '../../src/extracts/indicator-ids.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { csv, load } from './helpers.js';

const KNOWN = CATALOGUE.map((i) => i.id);

describe('edit distance (Levenshtein)', () => {
  it('counts insertions, deletions and substitutions, one each', () => {
    // kitten → sitting: k→s, e→i, +g = 3 (the textbook example).
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('readmission-30d', 'readmission-30d')).toBe(0);
    // "readmision-30d" lacks one "s": one insertion.
    expect(editDistance('readmision-30d', 'readmission-30d')).toBe(1);
  });

  it('suggests the closest id within 3 edits, and none beyond', () => {
    expect(closestId('readmision-30d', KNOWN)).toBe('readmission-30d');
    expect(closestId('zzz', ['abc'])).toBe('abc'); // 3 substitutions
    expect(closestId('zzzz', ['abc'])).toBeNull(); // 4 edits
  });
});

describe('unknown indicator ids are row errors (SPEC §6.1)', () => {
  it('rejects a measurement of an id that is not in the catalogue, with a "did you mean"', async () => {
    const text = csv('indicator,period,value', 'readmision-30d,2016,1', 'readmission-30d,2016,2', 'no-such-thing-at-all,2016,3');
    const { messages, report, data } = await load('measurements', text, { knownIndicators: KNOWN });
    expect(messages).toEqual([
      '2: indicator: "readmision-30d" is not an indicator of the catalogue (did you mean readmission-30d?)',
      '4: indicator: "no-such-thing-at-all" is not an indicator of the catalogue (triple-aim indicators lists them)',
    ]);
    expect(report.problems.map((p) => p.type)).toEqual(['unknown-indicator', 'unknown-indicator']);
    expect(data.measurements!.records.map((m) => m.line)).toEqual([3]);
  });

  it('rejects a baseline of an id that is not in the catalogue, matching ids case-insensitively', async () => {
    const text = csv('indicator,baseline_period,baseline_value', 'Readmission-30D,2015,12', 'readmission-03d,2015,12');
    const { messages, data } = await load('baselines', text, { knownIndicators: KNOWN });
    expect(messages).toEqual(['3: indicator: "readmission-03d" is not an indicator of the catalogue (did you mean readmission-30d?)']);
    expect(data.baselines!.records.map((b) => b.indicator)).toEqual(['readmission-30d']);
  });

  it('accepts any id when no catalogue is given (the extracts do not import the indicators)', async () => {
    const { problems } = await load('measurements', csv('indicator,period,value', 'anything,2016,1'));
    expect(problems).toEqual([]);
  });
});
