import { describe, expect, it } from 'vitest';
import { calibrationCases, goldenLegacyB } from './__fixtures__/calibration-reference.ts';
import { numpySum } from './numpy-sum.ts';
import { equalMassBins, equalWidthBins, expectedCalibrationError, pluginCalibrationError } from './calibration-error.ts';

// Expected values: uncertainty-calibration 0.1.4 on numpy 1.24.2 (get_equal_bins, get_ece_em, get_ece).
describe('equalMassBins (get_equal_bins)', () => {
  it('cuts the sorted probs as np.array_split does and puts edges at midpoints, closed by 1.0', () => {
    expect(equalMassBins([0.1, 0.2, 0.3, 0.4], 2)).toEqual([0.25, 1.0]);
    // 7 probs in 3 chunks of 3, 2, 2: edges between 0.2|0.3 and 0.6|0.7.
    expect(equalMassBins([0.3, 0.1, 0.2, 0.2, 0.9, 0.7, 0.6], 3)).toEqual([0.25, 0.6499999999999999, 1.0]);
  });

  it('uses at most one bin per prob and collapses repeated edges', () => {
    expect(equalMassBins([0.5, 0.5, 0.5, 0.9], 10)).toEqual([0.5, 0.7, 1.0]);
  });
});

describe('expectedCalibrationError', () => {
  it('is |mean confidence − accuracy| with one equal-width bin', () => {
    expect(equalWidthBins(1)).toEqual([1.0]);
    expect(expectedCalibrationError([0.9, 0.6], [1, 0], 1, 'equal-width')).toBe(0.25);
  });

  it("reproduces the golden oracle_legacy-b run's ece_10_bin and ece_1_bin to the last digit", () => {
    const { probs, correct, stats } = goldenLegacyB();
    expect(expectedCalibrationError(probs, correct, 10, 'equal-mass')).toBe(stats.get('ece_10_bin'));
    expect(expectedCalibrationError(probs, correct, 1, 'equal-width')).toBe(stats.get('ece_1_bin'));
    expect(stats.get('ece_10_bin')).toBe(0.44196299306155523);
  });

  it.each(Object.entries(calibrationCases))('matches Python on %s', (_name, c) => {
    expect(expectedCalibrationError(c.probs, c.correct, 10, 'equal-mass')).toBe(c.stats['ece_10_bin']);
    expect(expectedCalibrationError(c.probs, c.correct, 1, 'equal-width')).toBe(c.stats['ece_1_bin']);
  });

  it("averages each bin in np.argsort order of the bin numbers, which is not the input's", () => {
    const { probs, correct, stats } = calibrationCases.tiesInBins;
    expect(pluginCalibrationError(probs, correct, [1.0])).toBe(0.13596425023009784);
    expect(stats['ece_1_bin']).toBe(0.13596425023009784);
    // np.mean over the rows in input order (what a stable sort would leave) gives …795 instead.
    const inOrder = Math.abs(numpySum(probs) / 40 - numpySum(correct) / 40);
    expect(inOrder).toBe(0.13596425023009795);
  });

  it('puts a prob above the last edge in the last bin', () => {
    expect(pluginCalibrationError([0.2, 1.5], [0, 1], [0.5, 1.0])).toBeCloseTo(0.5 * 0.2 + 0.5 * 0.5, 15);
  });

  it('refuses mismatched or empty inputs', () => {
    expect(() => expectedCalibrationError([], [], 10, 'equal-mass')).toThrow(/as many labels as probs/);
    expect(() => expectedCalibrationError([0.5], [1, 0], 10, 'equal-mass')).toThrow(/as many labels as probs/);
  });
});
