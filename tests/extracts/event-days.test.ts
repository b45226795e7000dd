// The event dates (SPEC §1.3) and the data end (SPEC §13.2) of an extract, from the columns its
// declaration names (src/extracts/declare.ts EventColumns): the reader's eventDayRange is
// derived from them, as DuckDB's summary (src/cli/engine.ts) and the SQL script's data_end /
// first_event / last_event rows (src/sql/compile.ts) are. Expected days worked out by hand.

import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/calc/time.js';
import { SCHEMAS } from '../../src/extracts/declarations.js';
import type { ExtractInfo, ExtractName } from '../../src/extracts/records.js';
import { csv, load } from './helpers.js';

async function datesOf(extract: ExtractName, text: string): Promise<{ first: string; last: string; dataEnd: string | null } | null> {
  const { data, problems } = await load(extract, text);
  expect(problems).toEqual([]);
  const info = (data as Record<string, { info: ExtractInfo }>)[extract].info;
  if (info.eventDays === null) return null;
  return { first: formatDay(info.eventDays.first), last: formatDay(info.eventDays.last), dataEnd: info.dataEnd === null ? null : formatDay(info.dataEnd) };
}

describe('event dates and data end, from the declared event columns', () => {
  it('admissions: the first admission, the latest admission or discharge; an open stay (no discharge) is no event', async () => {
    const H = 'admission_id,patient_id,admitted_at,discharged_at,admission_type,primary_diagnosis,sector,municipality_code,age,sex';
    // Admitted 2016-03-01 and 2016-02-10 (the first), discharged 2016-03-05 (the latest date);
    // a third admitted 2016-03-04 with no discharge yet: its missing end moves nothing.
    const dates = await datesOf(
      'admissions',
      csv(
        H,
        'a1,p1,2016-03-01 08:00,2016-03-05 23:59,acute,J189,somatic,751,70,F',
        'a2,p2,2016-02-10 00:00,2016-02-11 10:00,planned,K590,somatic,751,70,F',
        'a3,p3,2016-03-04 12:00,,acute,J189,somatic,751,70,F',
      ),
    );
    expect(dates).toEqual({ first: '2016-02-10', last: '2016-03-05', dataEnd: '2016-03-05' });
  });

  it('referrals: a receipt is an event (it moves the last event date) but the data end is the latest referral date alone (§13.2)', async () => {
    const H = 'referral_id,patient_id,referred_at,sender,offer,municipality_code,received_at';
    // Referred 2019-03-07 and 2019-03-01; received 2019-03-12 (after every referral) and never.
    const dates = await datesOf('referrals', csv(H, 'r1,c1,2019-03-07,hospital,rehabilitation,746,2019-03-12', 'r2,c2,2019-03-01,gp,rehabilitation,746,'));
    expect(dates).toEqual({ first: '2019-03-01', last: '2019-03-12', dataEnd: '2019-03-07' });
  });

  it('each large extract declares its event columns as dates or times of its own, and its data end among them', () => {
    const declared = Object.fromEntries(
      (['admissions', 'contacts', 'referrals', 'smoking', 'lup'] as const).map((x) => {
        const { columns, dataEnd } = (SCHEMAS[x] as unknown as { events: { columns: { name: string; time: boolean }[]; dataEnd: { name: string }[] } }).events;
        return [x, { columns: columns.map((c) => `${c.name}${c.time ? ' (time)' : ''}`), dataEnd: dataEnd.map((c) => c.name) }];
      }),
    );
    // SPEC §1.3 and §13.2, column by column.
    expect(declared).toEqual({
      admissions: { columns: ['admitted_at (time)', 'discharged_at (time)'], dataEnd: ['admitted_at', 'discharged_at'] },
      contacts: { columns: ['start_at (time)', 'end_at (time)'], dataEnd: ['start_at', 'end_at'] },
      referrals: { columns: ['referred_at', 'received_at'], dataEnd: ['referred_at'] },
      smoking: { columns: ['course_started_at'], dataEnd: ['course_started_at'] },
      lup: { columns: ['responded_at'], dataEnd: ['responded_at'] },
    });
  });
});
