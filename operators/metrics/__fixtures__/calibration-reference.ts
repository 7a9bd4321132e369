/**
 * @module Test support for the calibration stats: confidences and correctness with the stats HELM's Python stack
 * computed from them (`calibration-reference.json`, made with uncertainty-calibration 0.1.4, numpy 1.24.2,
 * scikit-learn 1.2.1 and scipy 1.10.1, the HELM 0.5.16 anchor), and the golden suite's oracle_legacy-b MMLU run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import type { CompletedRequest } from '../../../core/request.ts';
import type { MetricSpec } from '../../../core/run-spec.ts';

export interface CalibrationCase {
  readonly about: string;
  readonly probs: number[];
  readonly correct: number[];
  /** HELM's stat values by name, plus `platt_iterations` (sklearn's `n_iter_`) where a fit ran. */
  readonly stats: Record<string, number>;
}

const reference = JSON.parse(readFileSync(new URL('./calibration-reference.json', import.meta.url), 'utf8')) as {
  cases: Record<'tiesInBins' | 'tiedConfidences' | 'random40' | 'beta300' | 'separable' | 'allRight', CalibrationCase>;
};

export const calibrationCases = reference.cases;

const SUITE = '../../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/';
const LEGACY_B_RUN = fileURLToPath(
  new URL(`${SUITE}mmlu:subject=anatomy,method=multiple_choice_joint,model=oracle_legacy-b/`, import.meta.url),
);
const readRun = (name: string): unknown => JSON.parse(readFileSync(`${LEGACY_B_RUN}${name}`, 'utf8'));

interface StatJsonLike {
  name: { name: string; perturbation?: unknown };
  mean: number;
  sum: number;
}

/**
 * HELM's inputs and outputs of calibration in the golden oracle_legacy-b MMLU run (8 test instances, one trial):
 * each instance's max_prob and int(exact_match) from per_instance_stats.json, and stats.json's un-perturbed
 * stats by name.
 */
export function goldenLegacyB(): { probs: number[]; correct: number[]; stats: Map<string, number> } {
  const perInstance = readRun('per_instance_stats.json') as { stats: StatJsonLike[] }[];
  const plain = (stats: StatJsonLike[]) => new Map(stats.filter((s) => !s.name.perturbation).map((s) => [s.name.name, s]));
  const instances = perInstance.map((entry) => plain(entry.stats));
  return {
    probs: instances.map((s) => s.get('max_prob')!.mean),
    correct: instances.map((s) => Math.trunc(s.get('exact_match')!.mean)),
    stats: new Map([...plain(readRun('stats.json') as StatJsonLike[])].map(([name, s]) => [name, s.mean])),
  };
}

/** The golden run's adapter and metric specs, its request states, and the stat names of its stats.json in order. */
export function goldenLegacyBRun(): {
  adapterSpec: AdapterSpec;
  metricSpecs: MetricSpec[];
  states: CompletedRequest[];
  statNames: string[];
} {
  const runSpec = readRun('run_spec.json') as { adapter_spec: AdapterSpec; metric_specs: MetricSpec[] };
  const scenarioState = readRun('scenario_state.json') as { request_states: CompletedRequest[] };
  const stats = readRun('stats.json') as StatJsonLike[];
  return {
    adapterSpec: runSpec.adapter_spec,
    metricSpecs: runSpec.metric_specs,
    states: scenarioState.request_states,
    statNames: stats.map((s) => JSON.stringify(s.name)),
  };
}
