/**
 * @module HELM's per-instance metric shapes (`metric.py: Metric.evaluate`, `reference_metric.py`), streamed:
 * stats per instance as its group arrives, merged into per-trial StatMaps; at the end of a trial the derived
 * stats per context (from sums, then from per-instance accumulators such as calibration's), the worst case over
 * perturbations, and take_mean into the run totals.
 */
import type { Instance } from '../../core/instance.ts';
import { perturbationKey, type MetricContext } from '../../core/metric-name.ts';
import type { PerInstanceStats } from '../../core/per-instance-stats.ts';
import type { CompletedRequest } from '../../core/request.ts';
import { StatMap, type Stat } from '../../core/stat.ts';
import { addContext, contextKey, contextOf, groupByContext, type Metric } from './metric.ts';
import { mergeWorstCaseStats, type InstanceStats } from './worst-case.ts';

/** What a per-instance metric computes; the aggregation around it is `instanceMetric`'s. */
export interface InstanceScorer {
  /**
   * Which request states of an instance the metric reads: `generation` (HELM Metric: the single state with
   * reference_index None) or `references` (HELM ReferenceMetric: the states of references 0…n−1, in order).
   */
  readonly reads: 'generation' | 'references';
  /** The stats (names without context) of one instance; `states` is not empty. */
  evaluate(states: readonly CompletedRequest[]): Stat[];
  /** HELM `derive_stats` over one context's trial stats (e.g. perplexity from sums). */
  deriveStats?(stats: readonly Stat[]): Stat[];
  /**
   * HELM `derive_per_instance_stats` (calibration), streamed: a new accumulator per trial and context, fed each
   * instance's stats (names without context) in instance order; what it derives joins the trial's stats.
   */
  perInstanceDerivation?(): PerInstanceDerivation;
}

/** A run-level derivation over a context's instances that keeps only what it needs of each. */
export interface PerInstanceDerivation {
  add(instanceStats: readonly Stat[]): void;
  derive(): Stat[];
}

/**
 * The identity of an instance within a group (HELM compares Instance dataclasses): a group holds one id, so the
 * perturbation (with its seed) and the input tell the original and its copies apart.
 */
const instanceKey = (i: Instance): string =>
  `${i.id}\u0000${i.split}\u0000${i.sub_split ?? ''}\u0000${perturbationKey(i.perturbation)}\u0000${i.input.text}`;

/** The group's instances in first-appearance order (HELM `ScenarioState.instances`), each with its states. */
function instancesOf(states: readonly CompletedRequest[]): { instance: Instance; states: CompletedRequest[] }[] {
  const byKey = new Map<string, { instance: Instance; states: CompletedRequest[] }>();
  for (const state of states) {
    const key = instanceKey(state.instance);
    const entry = byKey.get(key);
    if (entry === undefined) byKey.set(key, { instance: state.instance, states: [state] });
    else entry.states.push(state);
  }
  return [...byKey.values()];
}

/** HELM `get_request_states` for the metric's shape. */
function selectStates(reads: InstanceScorer['reads'], instance: Instance, states: readonly CompletedRequest[]) {
  if (reads === 'generation') {
    const selected = states.filter((s) => s.reference_index === undefined);
    if (selected.length > 1) throw new Error(`instance ${instance.id} has ${selected.length} generation request states`);
    return selected;
  }
  const selected: CompletedRequest[] = [];
  for (let index = 0; index < instance.references.length; index++) {
    selected.push(...states.filter((s) => s.reference_index === index));
  }
  return selected;
}

interface TrialAccumulator {
  readonly stats: StatMap;
  readonly worst: StatMap;
  /** Per context (first-appearance order), the scorer's per-instance derivation. */
  readonly derivations: Map<string, { context: MetricContext; derivation: PerInstanceDerivation }>;
}

/**
 * The HELM `Metric` / `ReferenceMetric` aggregation around a scorer. Memory: two StatMaps per open trial, plus
 * what its per-instance derivations keep (calibration: two numbers per instance).
 */
export function instanceMetric(scorer: InstanceScorer): Metric {
  const trials = new Map<number, TrialAccumulator>();
  const global = new StatMap();

  const trialOf = (trial: number): TrialAccumulator => {
    let acc = trials.get(trial);
    if (acc === undefined) {
      trials.set(trial, (acc = { stats: new StatMap(), worst: new StatMap(), derivations: new Map() }));
    }
    return acc;
  };

  return {
    evaluateGroup(trial, states) {
      const acc = trialOf(trial);
      const perInstance: PerInstanceStats[] = [];
      const evaluated: InstanceStats[] = [];
      for (const { instance, states: own } of instancesOf(states)) {
        const selected = selectStates(scorer.reads, instance, own);
        if (selected.length === 0) continue;
        const context = contextOf(instance);
        const ownStats = scorer.evaluate(selected);
        const stats = ownStats.map((stat) => addContext(stat, context));
        if (stats.length === 0) continue;
        if (scorer.perInstanceDerivation !== undefined) {
          const key = contextKey(context);
          let entry = acc.derivations.get(key);
          if (entry === undefined) {
            acc.derivations.set(key, (entry = { context, derivation: scorer.perInstanceDerivation() }));
          }
          entry.derivation.add(ownStats);
        }
        for (const stat of stats) acc.stats.merge(stat);
        evaluated.push({ instanceId: instance.id, stats });
        perInstance.push({
          instance_id: instance.id,
          ...(instance.perturbation === undefined ? {} : { perturbation: instance.perturbation }),
          train_trial_index: trial,
          stats,
        });
      }
      mergeWorstCaseStats(evaluated, acc.worst);
      return perInstance;
    },

    endTrial(trial) {
      const acc = trials.get(trial);
      if (acc === undefined) return;
      trials.delete(trial);
      if (scorer.deriveStats !== undefined) {
        // Group the trial's stats by context (first-appearance order), then derive within each.
        for (const { context, stats } of groupByContext(acc.stats.values()).values()) {
          for (const derived of scorer.deriveStats(stats)) acc.stats.merge(addContext(derived, context));
        }
      }
      for (const { context, derivation } of acc.derivations.values()) {
        for (const derived of derivation.derive()) acc.stats.merge(addContext(derived, context));
      }
      for (const stat of acc.worst.values()) acc.stats.merge(stat);
      for (const stat of acc.stats.values()) global.merge(stat.takeMean());
    },

    finish() {
      return [...global.values()];
    },
  };
}
