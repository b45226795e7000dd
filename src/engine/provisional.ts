// Provisional results (SPEC §13.2): a numerator that looks forward in time (a readmission
// within 30 days, a contact within 3 working days, a start by its due date, smoke-free after
// 6 months) is not complete until its follow-up has ended. A result is provisional when that
// follow-up ends after the data end of the indicator's source extract. The follow-up is
// declared on the indicator (src/indicators, `followUp`); this file only reads it. Pure.

import { COLUMNAR_EXTRACTS, type ExtractInfo, type ExtractName } from '../extracts/records.js';
import { extractFileName } from '../extracts/declarations.js';
import type { Period } from '../calc/periods.js';
import { formatDay, type DayNumber } from '../calc/time.js';
import type { CountingIndicator, FollowUp } from '../indicators/types.js';
import { MESSAGES, say, type Said } from '../domain/messages.js';

/**
 * The data end of one extract (SPEC §13.2): `--data-end` (the extraction date, which applies
 * to every extract), else the latest of the extract's own dates (admissions: admitted and
 * discharged; referrals: referred; smoking: course start; LUP: answer date). Null for the
 * extracts whose rows are not dated events (population, measurements, baselines), and for a
 * dated extract without valid rows when no --data-end is given.
 */
export function dataEndOf(info: Pick<ExtractInfo, 'extract' | 'dataEnd'>, override: DayNumber | undefined): DayNumber | null {
  if (!(COLUMNAR_EXTRACTS as readonly ExtractName[]).includes(info.extract)) return null;
  return override ?? info.dataEnd;
}

/** The extract whose data end decides an indicator's follow-up: its dated source. */
export function followUpSource(indicator: Pick<CountingIndicator, 'sources'>): ExtractName | null {
  return indicator.sources.find((s) => (COLUMNAR_EXTRACTS as readonly ExtractName[]).includes(s)) ?? null;
}

/**
 * The last day of a result's follow-up: for a fixed window, from the period's last day; for
 * a per-unit follow-up, the latest end among the result's denominator units (null: none).
 */
export function followUpEndOf(followUp: FollowUp, period: Pick<Period, 'to'>, latestUnitEnd: DayNumber | null): DayNumber | null {
  switch (followUp.kind) {
    case 'after_period':
      return followUp.end(period.to);
    case 'per_unit':
      return latestUnitEnd;
  }
}

/**
 * Whether the result is provisional, and its note. Strictly after: a follow-up that ends on
 * the data end itself is complete (SPEC §13.2 "> data end"). No data end: nothing is known
 * to be missing, so nothing is provisional.
 */
export function provisionalOf(
  followUp: FollowUp | undefined,
  period: Pick<Period, 'to'>,
  latestUnitEnd: DayNumber | null,
  dataEnd: DayNumber | null,
  source: ExtractName | null,
): { provisional: boolean; note: Said | null } {
  if (followUp === undefined || dataEnd === null) return { provisional: false, note: null };
  const end = followUpEndOf(followUp, period, latestUnitEnd);
  if (end === null || end <= dataEnd) return { provisional: false, note: null };
  const params = { followUp: followUp.label, end: formatDay(end), dataEnd: formatDay(dataEnd), file: source === null ? 'the data' : extractFileName(source) };
  const note = say(followUp.kind === 'per_unit' ? MESSAGES.provisionalPerUnit : MESSAGES.provisionalAfterPeriod, params);
  return { provisional: true, note };
}
