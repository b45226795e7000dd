// Synthetic lup.csv (SPEC §2.5): long format, one row per respondent × question. The surveys
// and questions the LUP indicators pool (SPEC §3.2 no. 15–18) — psychiatry_children
// (outpatient 23a/23b/23c, inpatient 27a/27b/27c) and maternity (15, 36, 40, 41 for both
// patient types) — plus questions no indicator uses and a somatic survey as noise. Answers
// are written as Danish labels and as codes, with "Ved ikke", "Ikke relevant", 9, 0 and empty
// (the excluded answers) sprinkled in. Surveys run each autumn; positive shares improve a
// little from year to year, starting near the 2013 baselines.

import { dayNumber } from '../calc/time.js';
import type { PatientType } from '../domain/vocabulary.js';
import { ageOn, isoDay, YEARS } from './calendar.js';
import { personOf, type Profile } from './people.js';
import { deriveSeed, Random, Weighted } from './random.js';

export const LUP_COLUMNS = [
  'respondent_id',
  'survey',
  'responded_at',
  'patient_type',
  'question',
  'answer',
  'municipality_code',
  'age',
  'sex',
  'education',
] as const;

const SALT_LUP = 404;

interface Question {
  id: string;
  /** Five-point scale (I meget høj grad … Slet ikke) or Ja/Nej. */
  kind: 'scale' | 'yes-no';
  /** Share of positive answers among the valid ones in 2015, 2016, 2017. */
  positive: readonly [number, number, number];
}

interface Survey {
  id: string;
  profile: Profile;
  patientTypes: Weighted<PatientType>;
  questions: Record<PatientType, readonly Question[]>;
}

const scale = (id: string, ...positive: [number, number, number]): Question => ({ id, kind: 'scale', positive });
const yesNo = (id: string, ...positive: [number, number, number]): Question => ({ id, kind: 'yes-no', positive });

const maternityQuestions = [
  scale('15', 0.8, 0.82, 0.84),
  scale('36', 0.78, 0.8, 0.83),
  scale('40', 0.7, 0.73, 0.76),
  yesNo('41', 0.85, 0.86, 0.88),
  scale('2', 0.9, 0.9, 0.9),
  scale('12', 0.8, 0.8, 0.8),
];
const somaticQuestions = [
  scale('1', 0.88, 0.88, 0.89),
  scale('2', 0.8, 0.81, 0.82),
  yesNo('3', 0.75, 0.76, 0.77),
  scale('4', 0.7, 0.7, 0.72),
];

const SURVEYS: readonly Survey[] = [
  {
    id: 'psychiatry_children',
    profile: 'child',
    patientTypes: new Weighted<PatientType>([
      ['outpatient', 70],
      ['inpatient', 30],
    ]),
    questions: {
      outpatient: [
        scale('1', 0.85, 0.85, 0.86),
        scale('22', 0.8, 0.8, 0.81),
        scale('23a', 0.74, 0.78, 0.82),
        scale('23b', 0.6, 0.64, 0.68),
        scale('23c', 0.7, 0.72, 0.75),
      ],
      inpatient: [
        scale('1', 0.85, 0.85, 0.86),
        scale('26', 0.8, 0.8, 0.81),
        scale('27a', 0.75, 0.8, 0.85),
        scale('27b', 0.56, 0.6, 0.66),
        scale('27c', 0.28, 0.35, 0.42),
      ],
    },
  },
  {
    id: 'maternity',
    profile: 'pregnant',
    patientTypes: new Weighted<PatientType>([
      ['inpatient', 60],
      ['outpatient', 40],
    ]),
    questions: { inpatient: maternityQuestions, outpatient: maternityQuestions },
  },
  {
    id: 'somatic',
    profile: 'citizen',
    patientTypes: new Weighted<PatientType>([
      ['inpatient', 50],
      ['outpatient', 50],
    ]),
    questions: { inpatient: somaticQuestions, outpatient: somaticQuestions },
  },
];
const surveys = new Weighted<Survey>([
  [SURVEYS[0], 45],
  [SURVEYS[1], 40],
  [SURVEYS[2], 15],
]);

const SCALE_LABELS = ['', 'Slet ikke', 'I ringe grad', 'I nogen grad', 'I høj grad', 'I meget høj grad'] as const;

/** SPEC §2.5: answers that are neither positive nor negative, ~12 % of all. */
const excludedAnswers = new Weighted<string>([
  ['Ved ikke', 5],
  ['Ikke relevant', 3],
  ['9', 1.5],
  ['', 2],
  ['0', 0.5],
]);
const EXCLUDED_SHARE = 0.12;

function answerText(random: Random, q: Question, yearIndex: number): string {
  if (random.chance(EXCLUDED_SHARE)) return excludedAnswers.draw(random);
  const positive = random.chance(q.positive[yearIndex]);
  if (q.kind === 'yes-no') return positive ? 'Ja' : 'Nej';
  const code = positive ? (random.chance(0.45) ? 5 : 4) : random.chance(0.5) ? 3 : random.chance(0.6) ? 2 : 1;
  return random.chance(0.65) ? SCALE_LABELS[code] : String(code);
}

/** Yields exactly `target` answer rows (the last respondent may be cut short). */
export function* lupRows(seed: number, target: number): Generator<string[]> {
  const random = new Random(deriveSeed(seed, SALT_LUP));
  let rows = 0;
  for (let k = 1; rows < target; k++) {
    const survey = surveys.draw(random);
    const person = personOf(seed, k, survey.profile);
    const patientType = survey.patientTypes.draw(random);
    const yearIndex = random.int(0, YEARS.length - 1);
    const year = YEARS[yearIndex];
    const responded = random.int(dayNumber(year, 9, 1)!, dayNumber(year, 11, 30)!);
    const id = 'L' + String(k).padStart(7, '0');
    const municipality = random.chance(0.05) ? '' : person.municipality;
    const age = random.chance(0.03) ? '' : String(Math.max(0, ageOn(person.born, responded)));
    for (const q of survey.questions[patientType]) {
      if (rows >= target) break;
      if (random.chance(0.03)) continue; // question skipped: no row at all
      rows += 1;
      yield [
        id,
        survey.id,
        isoDay(responded),
        patientType,
        q.id,
        answerText(random, q, yearIndex),
        municipality,
        age,
        person.sex,
        person.education ?? '',
      ];
    }
  }
}
