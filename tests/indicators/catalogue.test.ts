// The one place the tests name the catalogue's size (issue 22 item 6): SPEC §3.2 numbers 22
// indicators, 1–22, in this order. Every other test reads the size from CATALOGUE, so a
// 23rd indicator changes this list and nothing else.

import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/indicators/catalogue.js';

describe('the catalogue (SPEC §3.2)', () => {
  it('holds the 22 indicators SPEC §3.2 numbers, in its order', () => {
    expect(CATALOGUE.map((i) => i.id)).toEqual([
      'readmission-30d',
      'preventable-admissions-65',
      'acute-short-admissions',
      'ready-for-discharge-days',
      'discharges-outside-daytime',
      'cost-per-capita',
      'cofinancing-per-capita',
      'prevention-referrals',
      'rehab-contact-3-workdays',
      'rehab-timely-start',
      'vulnerable-pregnancy-team-before-week-24',
      'smoke-free-6m',
      'smoke-free-6m-itt',
      'smoking-reach-short-education',
      'lup-cooperation-school',
      'lup-cooperation-social',
      'lup-cooperation-gp',
      'lup-maternity-transition',
      'audits-with-citizens',
      'unsafe-sex-16-24',
      'stratified-courses',
      'sick-leave-hotline-calls',
    ]);
  });
});
