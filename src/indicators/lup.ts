// The LUP patient-experience indicators, SPEC §3.2 no. 15–18. The unit is one answer row:
// value = positive answers / valid answers × 100, pooled over the indicator's questions.
// A question number belongs to one questionnaire: 23a is the outpatient question and 27a the
// inpatient one in the children's psychiatry survey, so an inpatient's 23a is another
// question and is not counted (SPEC §3.2: "each question applies to the patient type(s)
// named"). Survey and question ids are stored lower-cased (src/extracts/records.ts).

import { PERSON_DIMENSIONS, type Dimension } from '../calc/groups.js';
import { is, valueOf } from '../extracts/read.js';
import { personOf, type PatientType } from '../extracts/records.js';
import { MESSAGES, say } from '../domain/messages.js';
import type { CatalogueBaseline, CountingIndicator, LupQuestions, UnitAttributes } from './types.js';

const LUP_DIMENSIONS: readonly Dimension[] = [...PERSON_DIMENSIONS, 'patient_type'];

const EXCLUDED_NOTE = say(MESSAGES.lupExcludedAnswers);

/** The declared questions (types.ts `lup`, also read by src/sql/lup.ts) and the count that
 *  reads them: one object, so the two cannot disagree. */
function answersOf(spec: LupQuestions): Pick<CountingIndicator, 'lup' | 'count'> {
  return { lup: spec, count: countAnswers(spec) };
}

/** Counts one indicator's valid answers; excluded answers go to the notes. */
function countAnswers(spec: LupQuestions): CountingIndicator['count'] {
  const wanted: Record<PatientType, ReadonlySet<string>> = {
    inpatient: new Set(spec.questions.inpatient),
    outpatient: new Set(spec.questions.outpatient),
  };
  return (data, tally, ctx) => {
    const t = data.lup?.table;
    if (!t) return;
    const { respondedAt } = t.columns;
    const patientTypeOf = valueOf(t, 'patientType');
    const isSurvey = is(t, 'survey', spec.survey);
    const questionOf = valueOf(t, 'question');
    const answerOf = valueOf(t, 'answer');
    for (let i = 0; i < t.length; i++) {
      const day = respondedAt[i];
      if (day < ctx.firstDay || day > ctx.lastDay) continue;
      const type = patientTypeOf(i);
      if (!isSurvey(i) || !wanted[type].has(questionOf(i))) continue;
      const who: UnitAttributes = personOf(t, i);
      who.patientType = type;
      const answerClass = answerOf(i);
      if (answerClass === 'excluded') tally.note(day, who, EXCLUDED_NOTE);
      else tally.add(day, who, answerClass === 'positive' ? 1 : 0, 1);
    }
  };
}

const ANSWER_RULE =
  'Each answer row is one unit. Positive = "I meget høj grad" (5), "I høj grad" (4) or Ja; ' +
  'valid = positive or "I nogen grad" (3), "I ringe grad" (2), "Slet ikke" (1), Nej. Value = ' +
  'positive / valid × 100, pooled over the questions (answers are summed, then divided; not ' +
  'the mean of the patient types). "Ved ikke", "Ikke relevant", 9, 0 and empty answers are ' +
  'excluded from both and counted in the notes. Results are always broken down by ' +
  'patient_type as well.';

const ANSWER_RULE_DA =
  'Hver svarrække er én enhed. Positive svar: "I meget høj grad" (5), "I høj grad" (4) eller Ja; gyldige svar: ' +
  'de positive og "I nogen grad" (3), "I ringe grad" (2), "Slet ikke" (1) og Nej. Værdi = positive / gyldige × ' +
  '100, samlet over spørgsmålene (svarene lægges sammen og divideres derefter; ikke gennemsnittet af ' +
  'patienttyperne). "Ved ikke", "Ikke relevant", 9, 0 og tomme svar er udeladt af begge og talt i noterne. ' +
  'Resultaterne opdeles altid også efter patienttype (indlagt og ambulant).';

function cooperationBaselines(outpatient: number, inpatient: number): CatalogueBaseline[] {
  const source = 'Sundhedsaftalen 2015–2018, LUP 2013';
  const sourceDa = source;
  return [
    { group: { patient_type: 'outpatient' }, value: outpatient, period: '2013', source, sourceDa },
    { group: { patient_type: 'inpatient' }, value: inpatient, period: '2013', source, sourceDa },
  ];
}

function cooperationIndicator(p: {
  id: string;
  partnerDa: string;
  /** The partner as the agreement's indicator text words it (seed 003, §6.1.2). */
  partnerAgreement: string;
  partnerEn: string;
  outpatientQuestion: string;
  inpatientQuestion: string;
  baselineOutpatient: number;
  baselineInpatient: number;
}): CountingIndicator {
  return {
    kind: 'counting',
    id: p.id,
    nameDa:
      'Forældre oplever et positivt samarbejde mellem børne- og ungdomspsykiatrien og ' + p.partnerDa,
    nameEn: 'Parents experience positive cooperation between child and adolescent psychiatry and ' + p.partnerEn,
    aim: 'quality',
    section: '§6.1.2',
    sources: ['lup'],
    unit: 'percent',
    direction: 'higher_is_better',
    definition:
      `LUP survey psychiatry_children (parents of children in child and adolescent psychiatry): ` +
      `outpatients' question ${p.outpatientQuestion} and inpatients' question ` +
      `${p.inpatientQuestion}, with responded_at in the period; each question counts only for ` +
      `the patient type named (an inpatient's ${p.outpatientQuestion} is not counted). ` +
      ANSWER_RULE +
      ` The agreement's indicator: "90 % af forældre til psykisk syge børn oplever et positivt ` +
      `samarbejde mellem børne- og ungdomspsykiatrien og ${p.partnerAgreement}" (LUP spm. ` +
      `${p.outpatientQuestion}+${p.inpatientQuestion}); target 90. Baseline 2013: outpatient ` +
      `(ambulant) ${p.baselineOutpatient}, inpatient (indlagt) ${p.baselineInpatient}; the ` +
      `agreement words them "mere end" (more than) those figures.`,
    definitionDa:
      `LUP-undersøgelsen for børne- og ungdomspsykiatrien (forældre til børn i børne- og ungdomspsykiatrien): ` +
      `ambulante patienters spørgsmål ${p.outpatientQuestion} og indlagte patienters spørgsmål ` +
      `${p.inpatientQuestion}, besvaret i perioden; hvert spørgsmål tæller kun for den nævnte patienttype (en ` +
      `indlagt patients ${p.outpatientQuestion} tælles ikke med). ` +
      ANSWER_RULE_DA +
      ` Sundhedsaftalens indikator: "90 % af forældre til psykisk syge børn oplever et positivt samarbejde mellem ` +
      `børne- og ungdomspsykiatrien og ${p.partnerAgreement}" (LUP spm. ${p.outpatientQuestion}+` +
      `${p.inpatientQuestion}); mål 90. Udgangspunkt 2013: ambulante ${p.baselineOutpatient}, indlagte ` +
      `${p.baselineInpatient}; aftalen skriver "mere end" disse tal.`,
    baselines: cooperationBaselines(p.baselineOutpatient, p.baselineInpatient),
    target: { kind: 'value', value: 90 },
    needs: [],
    dimensions: LUP_DIMENSIONS,
    alwaysBy: ['patient_type'],
    ...answersOf({
      survey: 'psychiatry_children',
      questions: { outpatient: [p.outpatientQuestion], inpatient: [p.inpatientQuestion] },
    }),
  };
}

const MATERNITY_QUESTIONS = ['15', '36', '40', '41'] as const;

const lupMaternityTransition: CountingIndicator = {
  kind: 'counting',
  id: 'lup-maternity-transition',
  nameDa: 'Forældre er trygge ved overgangen til sundhedsplejersken',
  nameEn: 'Parents feel secure about the transition to the health visitor',
  aim: 'quality',
  section: '§6.2.2, §6.2.5',
  sources: ['lup'],
  unit: 'percent',
  direction: 'higher_is_better',
  definition:
    'LUP survey maternity: questions 15, 36, 40 and 41 for both inpatients and outpatients, ' +
    'with responded_at in the period. ' +
    ANSWER_RULE +
    ' The agreement\'s indicator: "Flere forældre er trygge ved overgangen til ' +
    'sundhedsplejersken" (more parents), baseline/data "2013 (LUP spm. 15,36,40,41)" without ' +
    'a figure: give the baseline in baselines.csv or compute it with --baseline-period. No ' +
    'numeric target.',
  definitionDa:
    'LUP-undersøgelsen for fødsel og barsel: spørgsmål 15, 36, 40 og 41 for både indlagte og ambulante, ' +
    'besvaret i perioden. ' +
    ANSWER_RULE_DA +
    ' Sundhedsaftalens indikator: "Flere forældre er trygge ved overgangen til sundhedsplejersken", med ' +
    'udgangspunkt/data "2013 (LUP spm. 15,36,40,41)" uden et tal: udgangspunktet angives i baselines.csv eller ' +
    'beregnes af en tidligere periode (--baseline-period). Intet talmæssigt mål.',
  baselines: [],
  target: null,
  needs: [],
  dimensions: LUP_DIMENSIONS,
  alwaysBy: ['patient_type'],
  ...answersOf({
    survey: 'maternity',
    questions: { outpatient: MATERNITY_QUESTIONS, inpatient: MATERNITY_QUESTIONS },
  }),
};

/** SPEC §3.2 no. 15–18, in catalogue order. */
export const lupIndicators: readonly CountingIndicator[] = [
  cooperationIndicator({
    id: 'lup-cooperation-school',
    partnerDa: 'dagtilbud, skole og uddannelsessted',
    partnerAgreement: 'daginstitution, skole og uddannelsessted',
    partnerEn: 'day care, school and place of education',
    outpatientQuestion: '23a',
    inpatientQuestion: '27a',
    baselineOutpatient: 73,
    baselineInpatient: 75,
  }),
  cooperationIndicator({
    id: 'lup-cooperation-social',
    partnerDa: 'PPR/socialforvaltningen',
    partnerAgreement: 'PPR/Socialforvaltningen',
    partnerEn: 'the educational psychology service (PPR) and social services',
    outpatientQuestion: '23b',
    inpatientQuestion: '27b',
    baselineOutpatient: 62,
    baselineInpatient: 58,
  }),
  cooperationIndicator({
    id: 'lup-cooperation-gp',
    partnerDa: 'den praktiserende læge',
    partnerAgreement: 'den praktiserende læge',
    partnerEn: 'the general practitioner',
    outpatientQuestion: '23c',
    inpatientQuestion: '27c',
    baselineOutpatient: 71,
    baselineInpatient: 25,
  }),
  lupMaternityTransition,
];
