import { describe, expect, it } from 'vitest';
import { CLUSTERS, municipalityName, REGION_MUNICIPALITY_CODES, residenceOf } from '../../src/calc/groups.js';
import { MUNICIPALITIES, municipalityOf } from '../../src/domain/municipalities.js';

describe("Danmarks Statistik's municipalities (SPEC §13.5)", () => {
  it('lists 98 distinct codes, by region 29 + 17 + 22 + 19 + 11', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    const count = (region: string) => MUNICIPALITIES.filter((m) => m.region === region).length;
    expect(['Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland'].map(count)).toEqual([29, 17, 22, 19, 11]);
  });

  it('names every code from 101 København to 860 Hjørring, ordered by code; Christiansø 411 and other codes have none', () => {
    expect(MUNICIPALITIES[0]).toEqual({ code: '101', name: 'København', region: 'Hovedstaden' });
    expect(MUNICIPALITIES[97]).toEqual({ code: '860', name: 'Hjørring', region: 'Nordjylland' });
    expect(['147', '461', '851', '400', '492', '825'].map(municipalityName)).toEqual(['Frederiksberg', 'Odense', 'Aalborg', 'Bornholm', 'Ærø', 'Læsø']);
    expect(municipalityName('411')).toBeUndefined();
    expect(municipalityName('999')).toBeUndefined();
    const codes = MUNICIPALITIES.map((m) => m.code);
    expect(codes).toEqual([...codes].sort());
  });

  it("the region's 19 (SPEC §2.8) are the list's Midtjylland, with the list's names in their clusters", () => {
    expect(REGION_MUNICIPALITY_CODES).toEqual(MUNICIPALITIES.filter((m) => m.region === 'Midtjylland').map((m) => m.code));
    for (const c of CLUSTERS) for (const [code, name] of Object.entries(c.municipalities)) expect(municipalityOf(code)?.name).toBe(name);
    expect(CLUSTERS.find((c) => c.cluster === 'Vest')!.municipalities['760']).toBe('Ringkøbing-Skjern');
  });
});

describe('where a group lives, for the comparison with the region (SPEC §13.5)', () => {
  it('a municipality outside the 19 or the cluster `Outside region` is outside; unknown municipality or cluster is unknown', () => {
    expect(residenceOf({ municipality: '101' })).toBe('outside');
    expect(residenceOf({ municipality: '101', sex: 'F' })).toBe('outside');
    expect(residenceOf({ cluster: 'Outside region' })).toBe('outside');
    expect(residenceOf({ municipality: 'unknown' })).toBe('unknown');
    expect(residenceOf({ cluster: 'unknown' })).toBe('unknown');
    expect(residenceOf({ municipality: '751' })).toBe('region');
    expect(residenceOf({ cluster: 'Vest' })).toBe('region');
    // Other dimensions describe the region's people: their unknown is no place.
    expect(residenceOf({ sex: 'unknown' })).toBe('region');
    expect(residenceOf({ education: 'short' })).toBe('region');
  });
});
