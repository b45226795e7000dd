import { describe, expect, it } from 'vitest';
import { chartForUnit, type RequestedChart } from '../../../src/analysis/spc/chart.js';
import type { ChartType, Unit } from '../../../src/analysis/spc/types.js';

describe('chart choice (SPEC §7 --chart)', () => {
  it('auto is Laney P′ for percent, U′ for per_1000 and i for count and dkk_per_capita', () => {
    expect(chartForUnit('auto', 'percent')).toEqual({ chart: 'pp', note: null });
    expect(chartForUnit('auto', 'per_1000')).toEqual({ chart: 'up', note: null });
    expect(chartForUnit('auto', 'count')).toEqual({ chart: 'i', note: null });
    expect(chartForUnit('auto', 'dkk_per_capita')).toEqual({ chart: 'i', note: null });
  });

  // Every requested chart against every unit: p/pp fit percent only, u/up per_1000 only;
  // run and i fit every unit; the rest fall back to run with a note.
  const UNITS: Unit[] = ['percent', 'per_1000', 'count', 'dkk_per_capita'];
  const FITS: Record<ChartType, Unit[]> = {
    run: UNITS,
    i: UNITS,
    p: ['percent'],
    pp: ['percent'],
    u: ['per_1000'],
    up: ['per_1000'],
  };
  const cases = (Object.keys(FITS) as ChartType[]).flatMap((chart) => UNITS.map((unit) => [chart, unit, FITS[chart].includes(unit)] as const));

  it.each(cases)('--chart %s for a %s indicator fits: %s', (chart, unit, fits) => {
    const choice = chartForUnit(chart as RequestedChart, unit);
    if (fits) expect(choice).toEqual({ chart, note: null });
    else {
      expect(choice.chart).toBe('run');
      expect(choice.note).toContain(`--chart ${chart}`);
      expect(choice.note).toContain(unit);
      expect(choice.note).toContain('run chart');
    }
  });

  it('names what the chart needs in the note', () => {
    expect(chartForUnit('p', 'per_1000').note).toBe('--chart p fits only percent indicators, not per_1000: shown as a run chart');
    expect(chartForUnit('up', 'count').note).toBe('--chart up fits only per_1000 indicators, not count: shown as a run chart');
  });
});
