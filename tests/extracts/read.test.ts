// Typed readers of a table's stored values (src/extracts/read.ts, issue 22): an indicator
// asks for a date or a coded value in the domain's words; the storage (NO_DAY, codes) stays
// with the table.

import { describe, expect, it } from 'vitest';
import { amountOrNull, dayOrNull, is, timeOrNull, valueOf } from '../../src/extracts/read.js';
import { admission, admissionTable, at, referral } from '../helpers/records.js';
import { referralColumns } from '../../src/extracts/records.js';
import { NO_DAY, tableOf } from '../../src/extracts/table.js';

describe('typed readers of a table (issue 22)', () => {
  const t = tableOf(referralColumns(), [
    referral({ referredAt: 16832, sender: 'gp', receivedAt: 16833, offer: 'rehabilitation' }),
    referral({ referredAt: 16832, receivedAt: null, offer: 'vulnerable_pregnancy', sender: 'hospital' }),
  ]);

  it('dayOrNull gives the day of a date cell and null for an empty one (stored as NO_DAY)', () => {
    expect(t.columns.receivedAt[1]).toBe(NO_DAY); // the storage, which indicators no longer see
    const receivedAt = dayOrNull(t, 'receivedAt');
    expect([receivedAt(0), receivedAt(1)]).toEqual([16833, null]);
  });

  it('is() tells whether a coded cell holds a value; a value the table never holds matches no row', () => {
    const rehabilitation = is(t, 'offer', 'rehabilitation');
    const pregnancy = is(t, 'offer', 'vulnerable_pregnancy');
    const alcohol = is(t, 'offer', 'alcohol');
    expect([rehabilitation(0), rehabilitation(1)]).toEqual([true, false]);
    expect([pregnancy(0), pregnancy(1)]).toEqual([false, true]);
    expect([alcohol(0), alcohol(1)]).toEqual([false, false]);
  });

  it('valueOf gives the value as the record has it', () => {
    const sender = valueOf(t, 'sender');
    expect([sender(0), sender(1)]).toEqual(['gp', 'hospital']);
  });

  it('a reader asked for a field of another kind, or a value outside the vocabulary, fails to compile', () => {
    // @ts-expect-error -- offer is not a date
    expect(() => dayOrNull(t, 'offer')).not.toThrow();
    // @ts-expect-error -- 'swimming' is not an offer (SPEC §2.3)
    expect(is(t, 'offer', 'swimming')(0)).toBe(false);
  });

  it('timeOrNull and amountOrNull give null for an empty date-time or amount (stored as NaN)', () => {
    const a = admissionTable([
      admission({ patientId: 'p1', admittedAt: at('2016-03-01 10:00'), dischargedAt: at('2016-03-02 10:00'), costDkk: 0 }),
      admission({ patientId: 'p1', admittedAt: at('2016-03-05 10:00'), dischargedAt: null, costDkk: null }),
    ]);
    const discharged = timeOrNull(a, 'dischargedAt');
    const cost = amountOrNull(a, 'costDkk');
    // 2016-03-02 10:00 = day 16862 (16832 for 1 February + 29 + 1) × 86400 + 10 × 3600.
    expect([discharged(0), discharged(1)]).toEqual([16862 * 86400 + 36000, null]);
    expect([cost(0), cost(1)]).toEqual([0, null]);
  });
});
