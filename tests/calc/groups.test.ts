import { describe, expect, it } from 'vitest';
import { ageBand, clusterOf, compareDimensionValues, compareGroups, REGION_MUNICIPALITY_CODES } from '../../src/calc/groups.js';

describe('clusters (SPEC §2.8)', () => {
  it('the region has 19 municipalities in 5 clusters', () => {
    expect(REGION_MUNICIPALITY_CODES).toHaveLength(19);
    expect(['751', '741'].map(clusterOf)).toEqual(['Aarhus', 'Aarhus']);
    expect(['657', '661', '756', '665', '760', '671'].every((c) => clusterOf(c) === 'Vest')).toBe(true);
    expect(['740', '779', '791'].every((c) => clusterOf(c) === 'Midt')).toBe(true);
    expect(['710', '707', '730', '706'].every((c) => clusterOf(c) === 'Randers')).toBe(true);
    expect(['766', '615', '727', '746'].every((c) => clusterOf(c) === 'Horsens')).toBe(true);
  });
  it('a code outside the region is "Outside region"; a missing municipality gives cluster unknown (SPEC §1.3)', () => {
    expect(clusterOf('101')).toBe('Outside region');
    expect(clusterOf(null)).toBe('unknown');
  });
});

describe('age bands (SPEC §3.1)', () => {
  it('0-17, 18-64, 65-74, 75-84, 85+ with their boundaries; missing age is unknown', () => {
    expect([0, 17, 18, 64, 65, 74, 75, 84, 85, 125].map(ageBand)).toEqual([
      '0-17', '0-17', '18-64', '18-64', '65-74', '65-74', '75-84', '75-84', '85+', '85+',
    ]);
    expect(ageBand(null)).toBe('unknown');
  });
});

describe('group order (SPEC §4.1)', () => {
  it('municipality by code, other dimensions in the SPEC order of their values, unknown last', () => {
    const sortBy = (dim: Parameters<typeof compareDimensionValues>[0], xs: string[]) => [...xs].sort((a, b) => compareDimensionValues(dim, a, b));
    expect(sortBy('municipality', ['unknown', '751', '615', '101'])).toEqual(['101', '615', '751', 'unknown']);
    expect(sortBy('cluster', ['unknown', 'Outside region', 'Horsens', 'Aarhus', 'Vest'])).toEqual(['Aarhus', 'Vest', 'Horsens', 'Outside region', 'unknown']);
    expect(sortBy('education', ['long', 'unknown', 'short', 'medium'])).toEqual(['short', 'medium', 'long', 'unknown']);
    expect(sortBy('patient_type', ['outpatient', 'inpatient'])).toEqual(['inpatient', 'outpatient']);
    expect(sortBy('age_band', ['85+', '0-17', '65-74'])).toEqual(['0-17', '65-74', '85+']);
  });
  it('the total row comes first, then combinations dimension by dimension', () => {
    const groups = [{ sex: 'M', cluster: 'Vest' }, {}, { sex: 'F', cluster: 'Vest' }, { sex: 'F', cluster: 'Aarhus' }];
    expect([...groups].sort((a, b) => compareGroups(['cluster', 'sex'], a, b))).toEqual([
      {}, { sex: 'F', cluster: 'Aarhus' }, { sex: 'F', cluster: 'Vest' }, { sex: 'M', cluster: 'Vest' },
    ]);
  });
});
