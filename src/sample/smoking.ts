// Synthetic smoking.csv (SPEC §2.4, modelled on Rygestopbasen): most courses completed; at
// the 6-month follow-up ~20 % are lost and 40–50 % of the completers who answer are smoke-free
// (the seeds report 46 % in Vestklyngen); courses started within the last 6 months of the data
// have no follow-up yet. Participants are mostly short-educated (SPEC §3.2 no. 14).

import { dayNumber, isoWeekday, type DayNumber } from '../calc/time.js';
import type { Followup, ReferralSource } from '../domain/vocabulary.js';
import { ageOn, DATA_END, isoDay } from './calendar.js';
import { personOf } from './people.js';
import { deriveSeed, Random, Weighted } from './random.js';

export const SMOKING_COLUMNS = [
  'participant_id',
  'municipality_code',
  'course_started_at',
  'referral_source',
  'heavy_smoker',
  'completed',
  'followup_6m',
  'age',
  'sex',
  'education',
] as const;

const SALT_SMOKING = 303;
/** Follow-up is due 6 months after the start; later starts have none yet. */
const FOLLOWUP_DAYS = 183;

const courseYears = new Weighted<number>([
  [2015, 30],
  [2016, 33],
  [2017, 37],
]);
const sources = new Weighted<ReferralSource | ''>([
  ['gp', 38],
  ['hospital', 22],
  ['self', 30],
  ['other', 7],
  ['', 3],
]);

function courseStart(random: Random): DayNumber {
  const year = courseYears.draw(random);
  let day = random.int(dayNumber(year, 1, 1)!, dayNumber(year, 12, 31)!);
  // Courses start Monday–Thursday; 2015-01-01 was a Thursday, so stepping back stays inside the data.
  while (isoWeekday(day) > 4) day -= 1;
  return day;
}

function followup(random: Random, completed: boolean): Followup {
  if (random.chance(completed ? 0.15 : 0.35)) return 'lost';
  return random.chance(completed ? 0.47 : 0.18) ? 'smoke_free' : 'smoking';
}

export function* smokingRows(seed: number, target: number): Generator<string[]> {
  const random = new Random(deriveSeed(seed, SALT_SMOKING));
  for (let k = 1; k <= target; k++) {
    const person = personOf(seed, k, 'smoker');
    const started = courseStart(random);
    const completed = random.chance(0.78);
    const due = started + FOLLOWUP_DAYS <= DATA_END;
    const heavy = random.next();
    yield [
      'S' + String(k).padStart(7, '0'),
      person.municipality,
      isoDay(started),
      sources.draw(random),
      heavy < 0.45 ? 'true' : heavy < 0.95 ? 'false' : '',
      completed ? 'true' : 'false',
      due ? followup(random, completed) : '',
      String(ageOn(person.born, started)),
      person.sex,
      person.education ?? '',
    ];
  }
}
