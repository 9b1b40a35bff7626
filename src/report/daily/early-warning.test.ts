import { describe, expect, it } from 'vitest';
import { poissonTail, testRise } from './early-warning.ts';
import { DEFAULT_REPORT_SETTINGS } from './report-settings.ts';

const rule = DEFAULT_REPORT_SETTINGS.earlyWarning; // at least 3, p ≤ 0.01
const days = (n: number, value: number) => Array.from({ length: n }, () => value);

describe('poissonTail', () => {
  it('matches closed forms and sums computed elsewhere', () => {
    expect(poissonTail(0, 2)).toBe(1);
    expect(poissonTail(3, 0)).toBe(0);
    expect(poissonTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    // 1 − e⁻¹ (1 + 1 + 1/2 + 1/6 + 1/24)
    expect(poissonTail(5, 1)).toBeCloseTo(0.00365984682734366, 12);
    // Large means and far tails (summed in log space; reference values from Python's lgamma).
    expect(poissonTail(130, 100)).toBeCloseTo(0.0022820930543169878, 10);
    expect(poissonTail(30, 10) / 2.5099512015279213e-7).toBeCloseTo(1, 6);
  });
});

describe('the early-warning rule', () => {
  it('over a quiet month, needs the minimum count: 2 is not a warning, 3 is', () => {
    const quiet = days(28, 0);
    expect(testRise(2, quiet, rule)).toMatchObject({ flagged: false, threshold: 3 });
    expect(testRise(3, quiet, rule)).toMatchObject({ flagged: true, baselineMean: 0, dispersion: 1 }); // prettier-ignore
  });

  it('over a steady 4 a day, flags 10 and not 9 (mean + 2 sd, with sd 0, would flag 5)', () => {
    const steady = days(28, 4);
    const nine = testRise(9, steady, rule);
    expect(nine).toMatchObject({ flagged: false, threshold: 10, baselineMean: 4, dispersion: 1 });
    expect(nine.pValue).toBeCloseTo(0.0219, 4);
    const ten = testRise(10, steady, rule);
    expect(ten.flagged).toBe(true);
    expect(ten.pValue).toBeCloseTo(0.00837, 5);
    expect(testRise(5, steady, rule).flagged).toBe(false);
  });

  it('widens the band for a lumpy measure: after one day of 20 killed, 20 is no warning, 21 is', () => {
    const lumpy = [...days(27, 0), 20];
    const twenty = testRise(20, lumpy, rule);
    expect(twenty.dispersion).toBeCloseTo(20, 9);
    expect(twenty).toMatchObject({ flagged: false, threshold: 21 });
    expect(twenty.pValue).toBeCloseTo(0.0359, 4); // P(Y ≥ 1), Y ~ Poisson(20.5 / 28 / 20)
    expect(testRise(21, lumpy, rule).flagged).toBe(true);
  });

  it('follows the configured minimum and alpha', () => {
    const steady = days(28, 4);
    expect(testRise(9, steady, { minCount: 3, alpha: 0.05 }).flagged).toBe(true);
    expect(testRise(3, days(28, 0), { minCount: 5, alpha: 0.01 })).toMatchObject({ flagged: false, threshold: 5 }); // prettier-ignore
  });
});
