import { describe, expect, it } from 'vitest';
import { calibrationCases, goldenLegacyB } from './__fixtures__/calibration-reference.ts';
import { plattScaler } from './platt-scaling.ts';

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.max(1, Math.abs(expected));

// Expected values: uncertainty-calibration 0.1.4 `get_platt_scaler` (scikit-learn 1.2.1 LogisticRegression,
// scipy 1.10.1 L-BFGS-B).
describe('plattScaler', () => {
  it("reproduces the golden oracle_legacy-b run's platt_coef and platt_intercept (sklearn's stopping point)", () => {
    const { probs, correct, stats } = goldenLegacyB();
    const scaler = plattScaler(probs, correct);
    expect(scaler.coef).toBeCloseTo(stats.get('platt_coef')!, 14);
    expect(scaler.intercept).toBeCloseTo(stats.get('platt_intercept')!, 14);
    // The exact optimum, 0.33990212…, is 2e-7 away: sklearn stops at |gradient| ≤ 1e-4 after 5 iterations.
    expect(stats.get('platt_coef')).toBe(0.3399019329867384);
  });

  it.each(['tiesInBins', 'tiedConfidences', 'random40', 'beta300', 'separable'] as const)(
    'fits as sklearn does on %s',
    (name) => {
      const c = calibrationCases[name];
      const scaler = plattScaler(c.probs, c.correct);
      expect(relativeError(scaler.coef, c.stats['platt_coef']!)).toBeLessThan(1e-10);
      expect(relativeError(scaler.intercept, c.stats['platt_intercept']!)).toBeLessThan(1e-9);
    },
  );

  it('calibrates through clipped log-odds: 0 and 1 stay finite', () => {
    const { probs, correct } = calibrationCases.random40;
    const scaler = plattScaler(probs, correct);
    // Python: s(np.array([0.5, 0.0, 1.0])) = 0.7716609446645933, 4.214731898885646e-17, 1.0
    expect(scaler.calibrate(0.5)).toBeCloseTo(0.7716609446645933, 14);
    expect(scaler.calibrate(0) / 4.214731898885646e-17).toBeCloseTo(1, 8);
    expect(scaler.calibrate(1)).toBe(1);
  });

  it('needs both labels', () => {
    expect(() => plattScaler([0.9, 0.4], [1, 1])).toThrow(/both labels/);
    expect(() => plattScaler([0.9], [1, 0])).toThrow(/one 0\/1 label per prob/);
  });
});
