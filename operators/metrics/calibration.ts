/**
 * @module HELM's calibration stats (`basic_metrics.py: compute_calibration_metrics`, BasicGenerationMetric's
 * `derive_per_instance_stats`): per trial and context, from each instance's `max_prob` and `int(exact_match)`,
 * the expected calibration error, selective accuracy and Platt scaling. They need every instance of the context
 * at once (sorting, binning, a fit), so the accumulator keeps two numbers per instance and nothing else.
 */
import { pyFloat } from '../../core/py-float.ts';
import type { Stat } from '../../core/stat.ts';
import { expectedCalibrationError } from './calibration-error.ts';
import { statOf } from './metric.ts';
import { plattScaler } from './platt-scaling.ts';
import { selectiveStats } from './selective-stats.ts';

/** Collects one trial's instances of one context, then derives their calibration stats. */
export interface CalibrationAccumulator {
  /** Reads one instance's stats (names without context): its max_prob, exact_match and logprob. */
  add(instanceStats: readonly Stat[]): void;
  /** The calibration stats (names without context), or none when no logprob was below 0 or no instance counted. */
  derive(): Stat[];
}

/**
 * HELM's stats from confidences `maxProbs` and 0/1 `correct` (not empty), in HELM's order: `ece_10_bin`,
 * `ece_1_bin`, `selective_cov_acc_area`, `selective_acc@10`, then `platt_coef`, `platt_intercept`,
 * `platt_ece_10_bin`, `platt_ece_1_bin`; when every answer is right or every one wrong, only the two Platt
 * ECEs, both 0.0 (no fit).
 * @example calibrationStats([0.9, 0.6, 0.3], [1, 0, 1]).map((s) => s.name.name)
 */
export function calibrationStats(maxProbs: readonly number[], correct: readonly number[]): Stat[] {
  const selective = selectiveStats(maxProbs, correct);
  const stats = [
    statOf('ece_10_bin', pyFloat(expectedCalibrationError(maxProbs, correct, 10, 'equal-mass'))),
    statOf('ece_1_bin', pyFloat(expectedCalibrationError(maxProbs, correct, 1, 'equal-width'))),
    statOf('selective_cov_acc_area', pyFloat(selective.coverageAccuracyArea)),
    statOf('selective_acc@10', pyFloat(selective.accuracyAtTenth)),
  ];
  const rightCount = correct.reduce((sum, c) => sum + c, 0);
  if (rightCount === 0 || rightCount === correct.length) {
    // The fit has nothing to separate; HELM records a calibrated error of 0.
    stats.push(statOf('platt_ece_10_bin', pyFloat(0.0)), statOf('platt_ece_1_bin', pyFloat(0.0)));
    return stats;
  }
  const scaler = plattScaler(maxProbs, correct);
  const calibrated = maxProbs.map(scaler.calibrate);
  stats.push(
    statOf('platt_coef', pyFloat(scaler.coef)),
    statOf('platt_intercept', pyFloat(scaler.intercept)),
    statOf('platt_ece_10_bin', pyFloat(expectedCalibrationError(calibrated, correct, 10, 'equal-mass'))),
    statOf('platt_ece_1_bin', pyFloat(expectedCalibrationError(calibrated, correct, 1, 'equal-width'))),
  );
  return stats;
}

/** The one stat of an instance named `name` (HELM `get_unique_stat_by_name`). */
function uniqueStat(stats: readonly Stat[], name: string): Stat | undefined {
  const matching = stats.filter((s) => s.name.name === name);
  if (matching.length > 1) throw new Error(`an instance has ${matching.length} stats named ${name}`);
  return matching[0];
}

/**
 * An accumulator for one trial and context. An instance counts when it has both `max_prob` and `exact_match`
 * (truncated to an int, as HELM's `int(mean)`); the stats exist only if some instance's `logprob` sum is below 0
 * (a model that reports no logprobs yields none).
 * @example const acc = calibrationAccumulator(); for (const stats of instances) acc.add(stats); acc.derive()
 */
export function calibrationAccumulator(): CalibrationAccumulator {
  const maxProbs: number[] = [];
  const correct: number[] = [];
  let hasLogprobs = false;
  return {
    add(instanceStats) {
      hasLogprobs ||= instanceStats.some((s) => s.name.name === 'logprob' && s.sum < 0);
      const maxProb = uniqueStat(instanceStats, 'max_prob')?.mean;
      const exactMatch = uniqueStat(instanceStats, 'exact_match')?.mean;
      if (maxProb === undefined || exactMatch === undefined) return;
      maxProbs.push(maxProb);
      correct.push(Math.trunc(exactMatch));
    },
    derive() {
      if (!hasLogprobs || maxProbs.length === 0) return [];
      return calibrationStats(maxProbs, correct);
    },
  };
}
