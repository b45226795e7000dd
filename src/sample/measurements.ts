// Synthetic measurements.csv and baselines.csv (SPEC §2.7). Measurements are the four
// indicators whose values come from elsewhere (SPEC §3.2 no. 19–22), for 2015, 2016 and 2017,
// plus one quarterly row: numerator/denominator for percents, a value-only row for the health
// profile, counts for the hotline. Baselines: the 2015 total of prevention-referrals (so the
// agreement's target "an increase over the baseline" can be judged in 2016 and 2017), one row
// keyed by a group (cluster=Vest) and one baseline the agreement names but does not quote.
// These are a handful of rows; they do not grow with --scale.

export const MEASUREMENT_COLUMNS = ['indicator', 'period', 'numerator', 'denominator', 'value', 'source'] as const;
export const BASELINE_COLUMNS = ['indicator', 'group', 'baseline_period', 'baseline_value', 'target_value', 'note'] as const;

// The free texts (sources, notes) are written as a Danish region's extracts would write them:
// the default report is Danish and shows them as they are (SPEC §13.6).
export function measurementRows(): string[][] {
  const audits = 'Sundhedskoordinationsudvalgets fællesaudits';
  const profile = 'Hvordan har du det?, 16–24-årige';
  const strata = 'kommunernes audit af forløb';
  const calls = 'hotlinens opkaldslog';
  return [
    ['audits-with-citizens', '2015', '12', '20', '', audits],
    ['audits-with-citizens', '2016', '15', '20', '', audits],
    ['audits-with-citizens', '2017', '18', '20', '', audits],
    ['unsafe-sex-16-24', '2015', '', '', '22.5', profile],
    ['unsafe-sex-16-24', '2016', '418', '1890', '', profile],
    ['unsafe-sex-16-24', '2017', '', '', '20', profile],
    ['stratified-courses', '2015', '310', '520', '', strata],
    ['stratified-courses', '2016', '380', '540', '', strata],
    ['stratified-courses', '2017', '455', '560', '', strata],
    ['stratified-courses', '2017-Q4', '124', '140', '', strata],
    ['sick-leave-hotline-calls', '2015', '48', '', '', calls],
    ['sick-leave-hotline-calls', '2016', '95', '', '', calls],
    ['sick-leave-hotline-calls', '2017', '130', '', '', calls],
  ];
}

/** `prevention2015` = the number of 2015 referrals that prevention-referrals counts in the generated referrals. */
export function baselineRows(prevention2015: number): string[][] {
  return [
    [
      'prevention-referrals',
      '',
      '2015',
      String(prevention2015),
      '',
      'henvisninger fra almen praksis, hospitaler og psykiatrien til forebyggelsestilbud i 2015',
    ],
    ['smoke-free-6m', 'cluster=Vest', '2015', '46', '', 'Vestklyngen: 46 % røgfri efter 6 måneder'],
    [
      'lup-maternity-transition',
      '',
      '2013',
      '78',
      '',
      'illustrativt: aftalen nævner LUP 2013 spm. 15, 36, 40, 41, men intet tal',
    ],
  ];
}
