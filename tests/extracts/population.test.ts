import { describe, expect, it } from 'vitest';
import { csv, load } from './helpers.js';

const H = 'year,municipality_code,age,sex,education,population';

describe('population.csv (SPEC §2.6)', () => {
  it('reads inhabitants with normalised codes, and a missing education as null', async () => {
    const { data, problems } = await load('population', csv(H, '2017,0665,35,K,mellem,1000', '2017,665,35,M,,950'));
    expect(problems).toEqual([]);
    expect(data.population!.records).toEqual([
      { line: 2, year: 2017, municipality: '665', age: 35, sex: 'F', education: 'medium', population: 1000 },
      { line: 3, year: 2017, municipality: '665', age: 35, sex: 'M', education: null, population: 950 },
    ]);
  });

  it('requires (year, municipality_code, age, sex, education) unique after normalisation', async () => {
    const { messages } = await load(
      'population',
      csv(H, '2017,665,35,F,short,10', '2017,0665,35,K,kort,20', '2017,665,35,F,,30', '2017,665,35,F,,40', '2018,665,35,F,short,50'),
    );
    expect(messages).toEqual([
      '3: duplicate population cell: year 2017, municipality 665, age 35, sex F, education short already on line 2; (year, municipality_code, age, sex, education) must be unique',
      '5: duplicate population cell: year 2017, municipality 665, age 35, sex F, education (missing) already on line 4; (year, municipality_code, age, sex, education) must be unique',
    ]);
  });

  it('requires sex and a whole, non-negative population', async () => {
    const { messages } = await load('population', csv(H, '2017,665,35,,short,10', '2017,665,36,F,short,-1', '2017,665,37,F,short,10.5'));
    expect(messages).toEqual([
      '2: sex: missing value (the column is required: every row needs a value)',
      '3: population: "-1" is negative (expected a whole number ≥ 0)',
      '4: population: "10.5" is not a whole number',
    ]);
  });
});
