// The LUP indicators in SQL (SPEC §3.2 no. 15–18, §15): lup.csv's table read with its
// canonical columns, and the units of one indicator — one answer row each — from the survey and
// questions its declaration names (src/indicators/types.ts `lup`, the lists the TypeScript count
// reads). The answer's class (positive, negative, excluded) comes from the reader's own answer
// parser (src/sql/vocabulary.ts over fields.ts parseLupAnswer and the scale of
// src/domain/vocabulary.ts); an empty answer is excluded, as the declaration says.

import { PATIENT_TYPE, type AnswerClass } from '../domain/vocabulary.js';
import type { LupQuestions } from '../indicators/types.js';
import { and, col, eq, flag, inList, lit, ONE, or, text, ZERO, type ColumnDecl, type Expr, type Relation } from './plan.js';
import type { EnumeratedReads } from './vocabulary.js';

/** Survey and question ids as the reader stores them (fields.ts parseLowerId): trimmed, lower case. */
function lowerId(name: string): Expr {
  return { k: 'lower', e: { k: 'trim', e: text(col(name)) } };
}

/** The canonical columns of lup.csv (SPEC §2.5). `municipality` is made by the caller's rule
 *  (three-digit text, SPEC §15). */
export function lupSource(reads: EnumeratedReads, municipality: Expr): Relation {
  const columns: (ColumnDecl & { read: Expr })[] = [
    { name: 'responded_at', type: 'date', read: { k: 'cast', e: col('responded_at'), type: 'date' } },
    { name: 'survey', type: 'text', read: lowerId('survey') },
    { name: 'patient_type', type: 'text', read: reads.value('patient_type') },
    { name: 'question', type: 'text', read: lowerId('question') },
    { name: 'answer', type: 'text', read: reads.value('answer') },
    { name: 'municipality', type: 'text', read: municipality },
    { name: 'age', type: 'integer', read: { k: 'cast', e: col('age'), type: 'integer' } },
    { name: 'sex', type: 'text', read: reads.value('sex') },
    { name: 'education', type: 'text', read: reads.value('education') },
    // Answers link to no patient (SPEC §2.5): no person for the strata.
    { name: 'patient_id', type: 'text', read: { k: 'lit', value: null, type: 'text' } },
  ];
  return { kind: 'source', extract: 'lup', columns, where: reads.accepted() };
}

/** What a LUP unit is: the answer row's date, counts and note (compile.ts unitRelation). */
export interface LupUnit {
  where: Expr;
  firstDay: Expr;
  numerator: Expr;
  denominator: Expr;
  /** The declared note's key (src/domain/messages.ts) when the row is a note. */
  note?: 'lupExcludedAnswers';
}

/**
 * The units of one LUP indicator (src/indicators/lup.ts countAnswers): the answers to its
 * survey whose question is one of those named for the respondent's patient type (an
 * inpatient's outpatient question is another question); a valid answer is a unit (positive
 * 1/1, else 0/1), an excluded one a note.
 */
export function lupUnits(spec: LupQuestions): LupUnit[] {
  const asked = or(
    ...PATIENT_TYPE.values
      .filter((type) => spec.questions[type].length > 0)
      .map((type) => and(eq(col('patient_type'), lit(type)), inList(col('question'), spec.questions[type]))),
  );
  const answered = and(eq(col('survey'), lit(spec.survey)), asked);
  const day = col('responded_at');
  const answer = (value: AnswerClass) => eq(col('answer'), lit(value));
  return [
    {
      where: and(answered, or(answer('positive'), answer('negative'))),
      firstDay: day,
      numerator: flag(answer('positive')),
      denominator: ONE,
    },
    { where: and(answered, answer('excluded')), firstDay: day, numerator: ZERO, denominator: ZERO, note: 'lupExcludedAnswers' },
  ];
}
