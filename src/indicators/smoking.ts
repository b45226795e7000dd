// The smoking-cessation indicators, SPEC §3.2 no. 12–14, on Rygestopbasen-style course rows.
// The cohort of a period is the courses started in it (course_started_at), whenever their
// 6-month follow-up happened. A course is grouped by its own row; its referral_source is not
// the referrals' `sender` dimension (SPEC §1.3), so smoking results have no sender/offer.

import { PERSON_DIMENSIONS, type Dimension } from '../calc/groups.js';
import { valueOf } from '../extracts/read.js';
import { personOf, type LoadedData, type SmokingTable } from '../extracts/records.js';
import { addCalendarMonths } from '../calc/time.js';
import { MESSAGES, say } from '../domain/messages.js';
import type { CountingIndicator, FollowUp } from './types.js';

const SMOKING_DIMENSIONS: readonly Dimension[] = PERSON_DIMENSIONS;

/** The smoking courses of a run, or null. */
function coursesOf(data: LoadedData): SmokingTable | null {
  return data.smoking?.table ?? null;
}

const COHORT =
  'The cohort of a period is the smoking-cessation courses whose course_started_at falls in ' +
  'it (a course started in December is in that year\'s cohort although its 6-month ' +
  'follow-up falls in the next year).';

/** SPEC §13.2: a course started on the period's last day is followed up 6 calendar months
 *  later (the same day of the month, or that month's last day). */
const SIX_MONTH_FOLLOW_UP: FollowUp = {
  kind: 'after_period',
  label: say(MESSAGES.followUpSixMonths),
  end: (lastDay) => addCalendarMonths(lastDay, 6),
};

const COHORT_DA =
  'Periodens kohorte er de rygestopforløb, der er startet i perioden (et forløb startet i december hører til ' +
  'det års kohorte, selv om opfølgningen efter 6 måneder falder året efter).';

// The notes, made once (a count pass notes one per unit left out; declared in src/domain/messages.ts).
const NOT_COMPLETED = say(MESSAGES.coursesNotCompleted);
const FOLLOW_UP_NOT_DUE = say(MESSAGES.coursesFollowUpNotDue);
const COMPLETED_LOST = say(MESSAGES.coursesLostCompleted);
const LOST_COUNTED_SMOKING = say(MESSAGES.lostCountedSmoking);
const EDUCATION_UNKNOWN = say(MESSAGES.coursesEducationUnknown);

const smokeFree6m: CountingIndicator = {
  kind: 'counting',
  id: 'smoke-free-6m',
  nameDa: 'Røgfri efter 6 måneder (besvarende)',
  nameEn: 'Smoke-free after 6 months (responders)',
  aim: 'population_health',
  section: '§3.5',
  sources: ['smoking'],
  unit: 'percent',
  direction: 'higher_is_better',
  definition:
    COHORT +
    ' Denominator: completed courses whose 6-month follow-up is smoke_free or smoking. ' +
    'Numerator: smoke_free. Courses not completed, completers lost to follow-up, and ' +
    'courses whose follow-up is not yet due (empty followup_6m) are left out and counted in ' +
    'the notes. Target 50 % (Rygestopbasen\'s quality goal for completers). Benchmark ' +
    'baseline for the total row: the national Rygestopbasen rate of 43 %, the latest figure ' +
    'quoted in the seeds (seed 002, case 17 "Forstærket indsats over for storrygere": "Den ' +
    'seneste opgørelse fra Rygestopbasen viser, at stopraten på landsplan er 43 %"; the same ' +
    'case reports 46 % smoke-free after half a year in Vestklyngen). Seed 001 quotes ' +
    'Rygestopbasen at 37 %; use baselines.csv to compare with another figure.',
  definitionDa:
    COHORT_DA +
    ' Nævner: gennemførte forløb, hvor opfølgningen efter 6 måneder viser røgfri eller ryger. Tæller: røgfri. ' +
    'Forløb, der ikke er gennemført, gennemførte forløb uden opfølgning og forløb, hvis opfølgning endnu ikke er ' +
    'foretaget, er udeladt og talt i noterne. Mål: 50 % (Rygestopbasens kvalitetsmål for gennemførte forløb). ' +
    'Udgangspunkt til sammenligning for hele regionen: Rygestopbasens landsgennemsnit på 43 %, det seneste tal i ' +
    'Danske Regioners casesamling om forebyggelse (case 17 "Forstærket indsats over for storrygere": "Den seneste ' +
    'opgørelse fra Rygestopbasen viser, at stopraten på landsplan er 43 %"; samme case nævner 46 % røgfri efter ' +
    'et halvt år i Vestklyngen). Klyngernes afrapportering om lighed i sundhed (maj 2017) angiver Rygestopbasens ' +
    'tal til 37 %; et andet udgangspunkt kan angives i baselines.csv.',
  baselines: [
    {
      group: {},
      value: 43,
      period: null,
      source:
        'Rygestopbasen, national 6-month smoke-free rate (latest figure quoted in the seeds: ' +
        'seed 002, case 17 "Forstærket indsats over for storrygere", "stopraten på landsplan er 43 %")',
      sourceDa:
        'Rygestopbasen, andel røgfri efter 6 måneder på landsplan (Danske Regioners casesamling, case 17 ' +
        '"Forstærket indsats over for storrygere": "stopraten på landsplan er 43 %")',
    },
  ],
  target: { kind: 'value', value: 50 },
  needs: [],
  dimensions: SMOKING_DIMENSIONS,
  followUp: SIX_MONTH_FOLLOW_UP,
  count(data, tally, ctx) {
    const t = coursesOf(data);
    if (!t) return;
    const { courseStartedAt } = t.columns;
    const completedOf = valueOf(t, 'completed');
    const followupOf = valueOf(t, 'followup6m');
    for (let i = 0; i < t.length; i++) {
      const day = courseStartedAt[i];
      if (day < ctx.firstDay || day > ctx.lastDay) continue;
      const who = personOf(t, i);
      const followup = followupOf(i);
      if (!completedOf(i)) tally.note(day, who, NOT_COMPLETED);
      else if (followup === null) tally.note(day, who, FOLLOW_UP_NOT_DUE);
      else if (followup === 'lost') tally.note(day, who, COMPLETED_LOST);
      else tally.add(day, who, followup === 'smoke_free' ? 1 : 0, 1);
    }
  },
};

const smokeFree6mItt: CountingIndicator = {
  kind: 'counting',
  id: 'smoke-free-6m-itt',
  nameDa: 'Røgfri efter 6 måneder (intention to treat)',
  nameEn: 'Smoke-free after 6 months (intention to treat)',
  aim: 'population_health',
  section: '§3.5',
  sources: ['smoking'],
  unit: 'percent',
  direction: 'higher_is_better',
  definition:
    COHORT +
    ' Denominator: every course of the cohort whose 6-month follow-up is recorded ' +
    '(smoke_free, smoking or lost), completed or not. Numerator: smoke_free. Participants ' +
    'lost to follow-up count as smoking (Russell Standard). Courses whose follow-up is not ' +
    'yet due (empty followup_6m) are left out of both and counted in the notes.',
  definitionDa:
    COHORT_DA +
    ' Nævner: alle kohortens forløb med en registreret opfølgning efter 6 måneder (røgfri, ryger eller ikke ' +
    'fulgt op), gennemført eller ej. Tæller: røgfri. Deltagere, der ikke er fulgt op, tælles som rygere ' +
    '(Russell-standarden). Forløb, hvis opfølgning endnu ikke er foretaget, er udeladt af begge og talt i ' +
    'noterne.',
  baselines: [],
  target: null,
  needs: [],
  dimensions: SMOKING_DIMENSIONS,
  followUp: SIX_MONTH_FOLLOW_UP,
  count(data, tally, ctx) {
    const t = coursesOf(data);
    if (!t) return;
    const { courseStartedAt } = t.columns;
    const followupOf = valueOf(t, 'followup6m');
    for (let i = 0; i < t.length; i++) {
      const day = courseStartedAt[i];
      if (day < ctx.firstDay || day > ctx.lastDay) continue;
      const who = personOf(t, i);
      const followup = followupOf(i);
      if (followup === null) {
        tally.note(day, who, FOLLOW_UP_NOT_DUE);
        continue;
      }
      if (followup === 'lost') tally.note(day, who, LOST_COUNTED_SMOKING);
      tally.add(day, who, followup === 'smoke_free' ? 1 : 0, 1);
    }
  },
};

const smokingReachShortEducation: CountingIndicator = {
  kind: 'counting',
  id: 'smoking-reach-short-education',
  nameDa: 'Andel rygestopdeltagere med kort uddannelse',
  nameEn: 'Share of smoking-cessation participants with short education',
  aim: 'population_health',
  section: '§3.5',
  sources: ['smoking'],
  unit: 'percent',
  direction: 'higher_is_better',
  definition:
    COHORT +
    ' Denominator: the courses of the cohort with a known education, whatever their ' +
    'completion or follow-up. Numerator: those with education short. Courses without ' +
    'education are left out and counted in the notes. (Equity, "Lighed i sundhed": the ' +
    'mid-term evaluation quoted in seed 002 found about 86 % of the citizens who completed a ' +
    'course to have no or a short education.) Broken down by education, the groups are ' +
    'trivially 100 % (short) and 0 % (medium, long).',
  definitionDa:
    COHORT_DA +
    ' Nævner: kohortens forløb med kendt uddannelse, uanset gennemførelse og opfølgning. Tæller: deltagere med ' +
    'kort uddannelse. Forløb uden oplysning om uddannelse er udeladt og talt i noterne. (Lighed i sundhed: ' +
    'midtvejsevalueringen fra 2016, citeret i Danske Regioners casesamling, fandt, at omkring 86 % af de borgere, der gennemførte ' +
    'et forløb, havde ingen eller kort uddannelse.) Opdelt efter uddannelse er grupperne pr. definition 100 % ' +
    '(kort) og 0 % (mellemlang, lang).',
  baselines: [],
  target: null,
  definedByEducation: true,
  needs: [],
  dimensions: SMOKING_DIMENSIONS,
  count(data, tally, ctx) {
    const t = coursesOf(data);
    if (!t) return;
    const courseStartedAt = t.columns.courseStartedAt;
    for (let i = 0; i < t.length; i++) {
      const day = courseStartedAt[i];
      if (day < ctx.firstDay || day > ctx.lastDay) continue;
      const who = personOf(t, i);
      if (who.education === null) tally.note(day, who, EDUCATION_UNKNOWN);
      else tally.add(day, who, who.education === 'short' ? 1 : 0, 1);
    }
  },
};

/** SPEC §3.2 no. 12–14, in catalogue order. */
export const smokingIndicators: readonly CountingIndicator[] = [
  smokeFree6m,
  smokeFree6mItt,
  smokingReachShortEducation,
];
