import { describe, expect, it } from 'vitest';
import { calibrationCases, goldenLegacyB } from './__fixtures__/calibration-reference.ts';
import { selectiveStats } from './selective-stats.ts';

// Expected values: uncertainty-calibration 0.1.4 `get_selective_stats` on numpy 1.24.2.
describe('selectiveStats (get_selective_stats)', () => {
  it('averages the running accuracy from the most confident answer down, and reads it at int(0.1·n)', () => {
    // Sorted: 0.9 right, 0.6 wrong, 0.2 right → accuracies 1, 1/2, 2/3.
    expect(selectiveStats([0.2, 0.9, 0.6], [1, 1, 0])).toEqual({
      coverageAccuracyArea: (1 + 1 / 2 + 2 / 3) / 3,
      accuracyAtTenth: 1,
    });
  });

  it("reproduces the golden oracle_legacy-b run's selective stats", () => {
    const { probs, correct, stats } = goldenLegacyB();
    expect(selectiveStats(probs, correct)).toEqual({
      coverageAccuracyArea: stats.get('selective_cov_acc_area'),
      accuracyAtTenth: stats.get('selective_acc@10'),
    });
    expect(stats.get('selective_cov_acc_area')).toBe(0.6244047619047619);
  });

  it.each(Object.entries(calibrationCases))('matches Python on %s', (_name, c) => {
    const stats = selectiveStats(c.probs, c.correct);
    expect(stats.coverageAccuracyArea).toBe(c.stats['selective_cov_acc_area']);
    expect(stats.accuracyAtTenth).toBe(c.stats['selective_acc@10']);
  });

  it("orders tied confidences as NumPy's unstable argsort does", () => {
    // A stable sort by −p would give 0.4039580215585975 and 0.5 here.
    const { probs, correct } = calibrationCases.tiedConfidences;
    expect(selectiveStats(probs, correct)).toEqual({ coverageAccuracyArea: 0.392871049256615, accuracyAtTenth: 0.25 });
  });

  it('refuses empty or mismatched inputs', () => {
    expect(() => selectiveStats([], [])).toThrow(/as many correctness values as probs/);
    expect(() => selectiveStats([0.5], [])).toThrow(/as many correctness values as probs/);
  });
});
