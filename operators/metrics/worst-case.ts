/**
 * @module HELM `compute_worst_case_metrics` (`metric.py`), over one group: an instance's original and its
 * perturbed copies (same id). Only the current group is needed, so the run keeps no instance stats.
 */
import {
  metricNameKey,
  perturbationDescription,
  perturbationKey,
  withContext,
  type ComputedOn,
  type MetricName,
  type PerturbationDescription,
} from '../../core/metric-name.ts';
import { Stat, type StatMap } from '../../core/stat.ts';

/** One instance's stats (already in its context) and its id. */
export interface InstanceStats {
  readonly instanceId: string;
  readonly stats: readonly Stat[];
}

/** `name` in the same split and sub-split with another perturbation (none: `undefined`). */
const withPerturbation = (name: MetricName, perturbation: PerturbationDescription | undefined): MetricName =>
  withContext(name.name, { split: name.split, sub_split: name.sub_split, perturbation });

const ROBUSTNESS = perturbationDescription('robustness', { robustness: true });
const FAIRNESS = perturbationDescription('fairness', { fairness: true });

// One `computed_on` variant object per (description, computed_on): every instance of a run shares them, so
// their keys are computed once (perturbationKey memoizes by object).
const variantsOf = new WeakMap<PerturbationDescription, Map<ComputedOn, PerturbationDescription>>();
function computedOn(perturbation: PerturbationDescription, on: ComputedOn): PerturbationDescription {
  let variants = variantsOf.get(perturbation);
  if (variants === undefined) variantsOf.set(perturbation, (variants = new Map()));
  let variant = variants.get(on);
  if (variant === undefined) variants.set(on, (variant = { ...perturbation, computed_on: on }));
  return variant;
}

/** The stat name without its perturbation, as a key (metricNameKey of it) — without building the name. */
const unperturbedKey = (name: MetricName): string => `${name.name}\u0000${name.split ?? ''}\u0000${name.sub_split ?? ''}\u0000`;

/**
 * Merges into `into`, per (metric name without perturbation, instance id):
 * - robustness/fairness `worst`: min over the original and the copies whose perturbation has that flag
 *   (emitted even when there are no copies: then it equals the original);
 * - for each perturbation P: `P(computed_on=original)` = the original's value and `P(computed_on=worst)` =
 *   min(P's value, original).
 * The value per instance is the merged stat's `min`, even for lower-is-better metrics (HELM has a TODO).
 * Order: for each key, robustness, fairness, then P/original, P/worst per perturbation, as HELM inserts them.
 */
export function mergeWorstCaseStats(instances: readonly InstanceStats[], into: StatMap): void {
  const byKey = new Map<string, Stat[]>();
  for (const { instanceId, stats } of instances) {
    for (const stat of stats) {
      const key = `${unperturbedKey(stat.name)}\u0001${instanceId}`;
      const entry = byKey.get(key);
      if (entry === undefined) byKey.set(key, [stat]);
      else entry.push(stat);
    }
  }

  for (const stats of byKey.values()) {
    const name = withPerturbation(stats[0]!.name, undefined);
    let original: Stat | undefined;
    const robustness = new Stat(withPerturbation(name, ROBUSTNESS));
    const fairness = new Stat(withPerturbation(name, FAIRNESS));
    const individual = new Map<string, Stat>();
    for (const stat of stats) {
      const perturbation = stat.name.perturbation;
      if (perturbation === undefined) {
        if (original !== undefined) throw new Error(`two original stats for ${metricNameKey(name)}`);
        original = stat;
        continue;
      }
      if (perturbation.robustness) robustness.merge(stat);
      if (perturbation.fairness) fairness.merge(stat);
      const key = perturbationKey(perturbation);
      if (individual.has(key)) throw new Error(`two stats for perturbation ${key} of ${metricNameKey(name)}`);
      individual.set(key, stat.copy());
    }

    for (const stat of [robustness, fairness, ...individual.values()]) {
      const perturbation = stat.name.perturbation!;
      if (original !== undefined) {
        stat.merge(original);
        if (perturbation.name !== 'robustness' && perturbation.name !== 'fairness') {
          into.mergeAs(withPerturbation(name, computedOn(perturbation, 'original')), original);
        }
      }
      if (stat.count > 0) into.addAs(withPerturbation(name, computedOn(perturbation, 'worst')), stat.minAsPy()!);
    }
  }
}
