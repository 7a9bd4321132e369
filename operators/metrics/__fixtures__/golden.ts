/** @module Test support: the golden MMLU run (HELM 0.5.16, simple/model1) as request states and expected stats. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import { parsePythonJson } from '../../../core/python-json.ts';
import type { CompletedRequest } from '../../../core/request.ts';
import type { MetricSpec } from '../../../core/run-spec.ts';
import type { WindowService } from '../../../core/window-service.ts';
import { localWindowService } from '../../adapt/window-service.ts';
import { simpleTokenizer } from '../../request/tokenizers/simple-tokenizer.ts';

const GOLDEN_RUN = fileURLToPath(new URL('../../../../shared/golden/helm-0.5.16/mmlu-anatomy/run/', import.meta.url));
const read = (name: string): string => readFileSync(`${GOLDEN_RUN}${name}`, 'utf8');

/** The golden run_spec's adapter spec and metric specs. */
export function goldenRunSpec(): { adapterSpec: AdapterSpec; metricSpecs: MetricSpec[] } {
  const spec = JSON.parse(read('run_spec.json')) as { adapter_spec: AdapterSpec; metric_specs: MetricSpec[] };
  return { adapterSpec: spec.adapter_spec, metricSpecs: spec.metric_specs };
}

/**
 * The golden request states. JSON.parse keeps SimpleClient's int logprob `0` an int, and `request_time`
 * is a float in HELM whatever its digits (the efficiency stats mark it so).
 */
export const goldenStates = (): CompletedRequest[] =>
  (JSON.parse(read('scenario_state.json')) as { request_states: CompletedRequest[] }).request_states;

/** stats.json, with Python's int/float kept (floats as PyFloat). */
export const goldenStats = (): unknown[] => parsePythonJson(read('stats.json')) as unknown[];

/** per_instance_stats.json, with Python's int/float kept. */
export const goldenPerInstanceStats = (): unknown[] => parsePythonJson(read('per_instance_stats.json')) as unknown[];

/** SimpleTokenizer's window service: one token per Unicode code point, 2048 tokens. */
export const simpleWindowService: WindowService = localWindowService({
  tokenizerName: 'simple/tokenizer1',
  tokenizer: simpleTokenizer(),
  maxSequenceLength: 2048,
});
