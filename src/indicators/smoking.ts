// The smoking-cessation indicators, SPEC §3.2 no. 12–14, on Rygestopbasen-style course rows.
// The cohort of a period is the courses started in it (course_started_at), whenever their
// 6-month follow-up happened. A course is grouped by its own row; its referral_source is not
// the referrals' `sender` dimension (SPEC §1.3), so smoking results have no sender/offer.

import { PERSON_DIMENSIONS, type Dimension } from '../calc/groups.js';
import { personOf, type LoadedData, type SmokingTable } from '../extracts/records.js';
import { addCalendarMonths } from '../calc/time.js';
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
  label: "the 6-month follow-up of courses started on the period's last day",
  end: (lastDay) => addCalendarMonths(lastDay, 6),
};

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
  baselines: [
    {
      group: {},
      value: 43,
      period: null,
      source:
        'Rygestopbasen, national 6-month smoke-free rate (latest figure quoted in the seeds: ' +
        'seed 002, case 17 "Forstærket indsats over for storrygere", "stopraten på landsplan er 43 %")',
    },
  ],
  target: { kind: 'value', value: 50 },
  needs: [],
  dimensions: SMOKING_DIMENSIONS,
  followUp: SIX_MONTH_FOLLOW_UP,
  count(data, tally, ctx) {
    const t = coursesOf(data);
    if (!t) return;
    const { courseStartedAt, completed, followup6m } = t.columns;
    const followups = t.types.followup6m.values;
    for (let i = 0; i < t.length; i++) {
      const day = courseStartedAt[i];
      if (day < ctx.firstDay || day > ctx.lastDay) continue;
      const who = personOf(t, i);
      const followup = followups[followup6m[i]];
      if (completed[i] !== 1) tally.note(day, who, 'courses left out, not completed');
      else if (followup === null) tally.note(day, who, 'courses left out, follow-up not yet due');
      else if (followup === 'lost') tally.note(day, who, 'courses left out, completed but lost to follow-up');
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
  baselines: [],
  target: null,
  needs: [],
  dimensions: SMOKING_DIMENSIONS,
  followUp: SIX_MONTH_FOLLOW_UP,
  count(data, tally, ctx) {
    const t = coursesOf(data);
    if (!t) return;
    const { courseStartedAt, followup6m } = t.columns;
    const followups = t.types.followup6m.values;
    for (let i = 0; i < t.length; i++) {
      const day = courseStartedAt[i];
      if (day < ctx.firstDay || day > ctx.lastDay) continue;
      const who = personOf(t, i);
      const followup = followups[followup6m[i]];
      if (followup === null) {
        tally.note(day, who, 'courses left out, follow-up not yet due');
        continue;
      }
      if (followup === 'lost') tally.note(day, who, 'lost to follow-up (counted as smoking)');
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
      if (who.education === null) tally.note(day, who, 'courses left out, education unknown');
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
