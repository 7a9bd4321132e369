/** @module HELM's PerInstanceStats (`benchmark/metrics/metric.py`). */
import type { PerturbationDescription } from './metric-name.ts';
import type { Stat } from './stat.ts';

/** The stats one metric computed for one instance (original or perturbed copy) in one train trial. */
export interface PerInstanceStats {
  readonly instance_id: string;
  readonly perturbation?: PerturbationDescription;
  readonly train_trial_index: number;
  readonly stats: readonly Stat[];
}
