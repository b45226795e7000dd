// contacts.csv, LPR3 hospital contacts (SPEC §14.1): each rule of the column table, read both
// by the fast path (rows as bytes) and by the general path, which must agree (SPEC §12).

import { describe, expect, it } from 'vitest';
import type { LoadOptions } from '../../src/extracts/load.js';
import { csv, loadPath, scratchFile, type Loaded } from './helpers.js';

const H = 'contact_id,patient_id,start_at,end_at,contact_type,priority,action_diagnosis,secondary_diagnoses,sector,unit_type,municipality_code,age,sex,education,cost_dkk,cofinancing_dkk,ready_for_discharge_at,end_status';

// 2017-04-03 is day 17259 (2017-01-01 is day 17167, plus 31 + 28 + 31 + 2 days).
const APR_3 = 17259 * 86400;

/** Loads the text on both paths; they must give the same report and rows. */
async function both(text: string, options: Partial<LoadOptions> = {}): Promise<Loaded & { rows: Record<string, unknown>[] }> {
  const path = scratchFile(text, 'contacts.csv');
  const fast = await loadPath('contacts', path, { ...options, fastPath: true });
  const general = await loadPath('contacts', path, { ...options, fastPath: false });
  const rowsOf = (l: Loaded) => (l.data.contacts ? (l.data.contacts.table.rows() as unknown as Record<string, unknown>[]) : []);
  expect(fast.report).toEqual(general.report);
  expect(rowsOf(fast)).toEqual(rowsOf(general));
  return { ...general, rows: rowsOf(general) };
}

/** A canonical row with some cells replaced. */
function row(cells: Partial<Record<string, string>> = {}): string {
  const base: Record<string, string> = {
    contact_id: 'c1', patient_id: 'pt-A', start_at: '2017-04-03 09:15', end_at: '2017-04-05 14:00', contact_type: 'physical',
    priority: 'acute', action_diagnosis: 'DJ440', secondary_diagnoses: '', sector: 'somatic', unit_type: 'hospital',
    municipality_code: '751', age: '72', sex: 'F', education: 'short', cost_dkk: '24000', cofinancing_dkk: '2400',
    ready_for_discharge_at: '', end_status: 'alive',
  };
  return H.split(',').map((c) => cells[c] ?? base[c]).join(',');
}

describe('contacts.csv (SPEC §14.1)', () => {
  it('reads a row into a Contact with normalised values', async () => {
    const { rows, problems } = await both(csv(H, row({ secondary_diagnoses: 'DI10|DE11.9', ready_for_discharge_at: '2017-04-04 10:00', cost_dkk: '"24000,50"' })));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        patientId: 'pt-A',
        startAt: APR_3 + 9 * 3600 + 15 * 60,
        endAt: APR_3 + 2 * 86400 + 14 * 3600,
        contactType: 'physical',
        acute: true,
        diagnosis: 'J440',
        secondaryDiagnoses: 'I10|E119',
        psychiatric: false,
        hospice: false,
        municipality: '751',
        age: 72,
        sex: 'F',
        education: 'short',
        costDkk: 24000.5,
        cofinancingDkk: 2400,
        readyForDischargeAt: APR_3 + 86400 + 10 * 3600,
        died: false,
      },
    ]);
  });

  it('accepts the aliases of SPEC §14.1: kontakt_id, cpr, starttidspunkt, sluttidspunkt, kontakttype, prioritet, aktionsdiagnose, bidiagnoser, enhedstype, afslutningsmaade', async () => {
    const danish = 'kontakt_id;cpr;starttidspunkt;sluttidspunkt;kontakttype;prioritet;aktionsdiagnose;bidiagnoser;enhedstype;komkod;alder;afslutningsmaade';
    const { rows, problems, data } = await both(csv(danish, 'k1;0101;03.04.2017 09:15;05.04.2017 14:00;ALCA00;ATA1;DI501;DI10;hospice;751;72;død'));
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ contactType: 'physical', acute: true, diagnosis: 'I501', secondaryDiagnoses: 'I10', hospice: true, died: true });
    expect([...data.contacts!.info.columns].sort()).toEqual(
      ['action_diagnosis', 'age', 'contact_id', 'contact_type', 'end_at', 'end_status', 'municipality_code', 'patient_id', 'priority', 'secondary_diagnoses', 'start_at', 'unit_type'],
    );
    // The other spellings: dw_ek_kontakt, pnr, dato_start, dato_slut, adiag.
    const other = await both(csv('dw_ek_kontakt,pnr,dato_start,dato_slut,kontakttype,prioritet,adiag,municipality_code,age', 'k1,0101,2017-04-03,2017-04-05,ALCA10,ATA3,DZ098,751,40'));
    expect(other.problems).toEqual([]);
    expect(other.rows[0]).toMatchObject({ contactType: 'home', acute: false, diagnosis: 'Z098', startAt: APR_3, endAt: APR_3 + 2 * 86400 });
  });

  it('reads the LPR3 contact types ALCA00 = physical, ALCA10 = home, ALCA20 = virtual (any case), and the words', async () => {
    const types = ['ALCA00', 'alca10', 'ALCA20', 'physical', 'Home', 'virtual'];
    const { rows, problems } = await both(csv(H, ...types.map((t, i) => row({ contact_id: `c${i}`, contact_type: t }))));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.contactType)).toEqual(['physical', 'home', 'virtual', 'physical', 'home', 'virtual']);
  });

  it('reads priority ATA1 / akut / acute as acute and ATA3 / planlagt / planned as planned; any other value is an error naming line, column, value and expectation', async () => {
    const values = ['ATA1', 'akut', 'acute', 'ATA3', 'planlagt', 'Planned', '1', 'ATA2', ''];
    const { rows, problems, messages } = await both(csv(H, ...values.map((v, i) => row({ contact_id: `c${i}`, priority: v }))));
    expect(rows.map((r) => r.acute)).toEqual([true, true, true, false, false, false]);
    expect(problems.map((p) => [p.line, p.column, p.value, p.type])).toEqual([
      [8, 'priority', '1', 'type-error'],
      [9, 'priority', 'ATA2', 'type-error'],
      [10, 'priority', null, 'missing-cell'],
    ]);
    expect(messages[0]).toBe('8: priority: "1" is not a priority (expected acute, akut, ATA1, planned, planlagt or ATA3)');
  });

  it('reads end_status død (and doed, died) as died, alive and empty as alive', async () => {
    const values = ['død', 'DØD', 'doed', 'died', 'alive', ''];
    const { rows, problems } = await both(csv(H, ...values.map((v, i) => row({ contact_id: `c${i}`, end_status: v }))));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.died)).toEqual([true, true, true, true, false, false]);
  });

  it('splits secondary diagnoses at any run of "|" and spaces, ignores empty codes and normalises each (as §2.2)', async () => {
    const lists = ['DI10|DE119', 'DI10 | de11.9', '|DI10||  DE119 |', 'DI10   DE119', 'I10', '| |', ''];
    const { rows, problems } = await both(csv(H, ...lists.map((v, i) => row({ contact_id: `c${i}`, secondary_diagnoses: v }))));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.secondaryDiagnoses)).toEqual(['I10|E119', 'I10|E119', 'I10|E119', 'I10|E119', 'I10', '', '']);
  });

  it('rejects a list with a code that is not ICD-10 (or another separator), naming the cell and the code', async () => {
    const { rows, messages } = await both(csv(H, row({ secondary_diagnoses: 'DI10|X?' }), row({ contact_id: 'c2', secondary_diagnoses: '"DI10,DE119"' })));
    expect(rows).toEqual([]);
    expect(messages).toEqual([
      '2: secondary_diagnoses: "DI10|X?" is not a list of ICD-10 codes separated by "|" or spaces: "X?" is not an ICD-10 diagnosis code (expected a letter and two digits, then digits or letters, e.g. J440 or DJ440)',
      '3: secondary_diagnoses: "DI10,DE119" is not a list of ICD-10 codes separated by "|" or spaces: "DI10,DE119" is not an ICD-10 diagnosis code (expected a letter and two digits, then digits or letters, e.g. J440 or DJ440)',
    ]);
  });

  it('reads a missing sector as somatic, unit type as hospital, end status as alive, end_at as an ongoing contact', async () => {
    const { rows, problems } = await both(csv(H, row({ sector: '', unit_type: '', end_status: '', end_at: '' }), row({ contact_id: 'c2', sector: 'psychiatric', unit_type: 'hospice' })));
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ psychiatric: false, hospice: false, died: false, endAt: null });
    expect(rows[1]).toMatchObject({ psychiatric: true, hospice: true });
  });

  it('rejects end_at before start_at and accepts them equal (end_at ≥ start_at)', async () => {
    const { rows, messages } = await both(csv(H, row({ end_at: '2017-04-03 09:14' }), row({ contact_id: 'c2', end_at: '2017-04-03 09:15' })));
    expect(rows.map((r) => r.line)).toEqual([3]);
    expect(messages).toEqual(['2: end_at: "2017-04-03 09:14" is before start_at 2017-04-03 09:15 (expected end_at ≥ start_at)']);
  });

  it('rejects a ready time outside its own contact, accepts it at either end and in an ongoing contact after its start', async () => {
    const { rows, messages } = await both(
      csv(
        H,
        row({ contact_id: 'c1', ready_for_discharge_at: '2017-04-03 09:14' }),
        row({ contact_id: 'c2', ready_for_discharge_at: '2017-04-05 14:01' }),
        row({ contact_id: 'c3', ready_for_discharge_at: '2017-04-03 09:15' }),
        row({ contact_id: 'c4', ready_for_discharge_at: '2017-04-05 14:00' }),
        row({ contact_id: 'c5', end_at: '', ready_for_discharge_at: '2017-06-01 12:00' }),
      ),
    );
    expect(rows.map((r) => r.line)).toEqual([4, 5, 6]);
    expect(messages).toEqual([
      '2: ready_for_discharge_at: "2017-04-03 09:14" is before start_at 2017-04-03 09:15 (expected start_at ≤ ready_for_discharge_at ≤ end_at)',
      '3: ready_for_discharge_at: "2017-04-05 14:01" is after end_at 2017-04-05 14:00 (expected start_at ≤ ready_for_discharge_at ≤ end_at)',
    ]);
  });

  it('rejects a duplicate contact_id, a bad contact type and a missing start, each naming line, column and value', async () => {
    const { problems } = await both(csv(H, row(), row({ contact_type: 'ALCA00' }), row({ contact_id: 'c3', contact_type: 'ALCA99' }), row({ contact_id: 'c4', start_at: '' })));
    expect(problems.map((p) => [p.path.endsWith('.csv'), p.line, p.column, p.value, p.type])).toEqual([
      [true, 3, 'contact_id', 'c1', 'unique-error'],
      [true, 4, 'contact_type', 'ALCA99', 'type-error'],
      [true, 5, 'start_at', null, 'missing-cell'],
    ]);
    expect(problems[1].message).toBe('"ALCA99" is not a contact type (expected physical, ALCA00, fysisk, home, ALCA10, ude, udekontakt, hjemme, virtual, ALCA20 or virtuel)');
  });
});
