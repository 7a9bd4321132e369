/** @module HELM's EfficiencyMetric (`efficiency_metrics.py`): token counts, runtimes and training costs of one request. */
import { pyFloat } from '../../core/py-float.ts';
import type { CompletedRequest } from '../../core/request.ts';
import type { Stat } from '../../core/stat.ts';
import type { WindowService } from '../../core/window-service.ts';
import { statOf } from './metric.ts';

/** One deployment's fitted runtimes (HELM `efficiency_data/inference_{idealized,denoised}_runtimes.json`). */
export interface InferenceRuntimes {
  readonly runtime_per_output_token: number;
  /** Runtime of encoding a prompt, keyed by its number of tokens (decimal strings, as in the JSON). */
  readonly runtime_for_prompt_tokens: Readonly<Record<string, number>>;
  readonly overhead?: number;
}

/** HELM's efficiency tables by model deployment; `training_efficiency.json` has `carbon` and `energy`. */
export interface EfficiencyData {
  readonly idealized: Readonly<Record<string, InferenceRuntimes>>;
  readonly denoised: Readonly<Record<string, InferenceRuntimes>>;
  readonly carbon: Readonly<Record<string, { readonly value: number }>>;
  readonly energy: Readonly<Record<string, { readonly value: number }>>;
}

/**
 * No tables: every deployment gets None training costs (count-0 stats) and no idealized/denoised runtime.
 * HELM 0.5.16 lists only legacy deployments (openai/davinci, together/bloom, …) in these files.
 */
export const NO_EFFICIENCY_DATA: EfficiencyData = { idealized: {}, denoised: {}, carbon: {}, energy: {} };

/** HELM `_compute_estimated_time_from_prompt_size_and_num_output_tokens`. */
function estimatedRuntime(table: InferenceRuntimes | undefined, numPromptTokens: number, numOutputTokens: number) {
  if (table === undefined) return undefined;
  const keys = Object.keys(table.runtime_for_prompt_tokens)
    .map((k) => Number.parseInt(k, 10))
    .sort((a, b) => a - b);
  const runtimeFor = (key: number): number => table.runtime_for_prompt_tokens[String(key)] ?? Number.NaN;
  const key = keys.find((k) => numPromptTokens <= k) ?? keys.at(-1)!;
  let runtime = runtimeFor(key) * (numPromptTokens / key);
  if (numOutputTokens > 0) runtime += table.runtime_per_output_token * (numOutputTokens - 1);
  if (table.overhead !== undefined) runtime += table.overhead;
  return runtime;
}

/**
 * num_prompt_tokens, num_completion_tokens, num_output_tokens, training_co2_cost, training_energy_cost,
 * then inference_runtime, batch_size, inference_denoised_runtime, inference_idealized_runtime when known.
 */
export function efficiencyStats(state: CompletedRequest, windowService: WindowService, data: EfficiencyData): Stat[] {
  const result = state.result;
  if (result === undefined) throw new Error('efficiency metrics need a request result');
  let runtime: number | undefined;
  let batchSize: number | undefined;
  if (result.request_time !== undefined) {
    runtime = result.request_time;
    batchSize = 1;
  }
  // Offline batch inference: the effective runtime is the batch's, with its size recorded.
  if (result.batch_request_time !== undefined && result.batch_size !== undefined) {
    runtime = result.batch_request_time;
    batchSize = result.batch_size;
  }

  const numPromptTokens = windowService.countTokens(state.request.prompt);
  const numCompletionTokens = result.completions.reduce((n, c) => n + c.tokens.length, 0);
  let numOutputTokens = numCompletionTokens;
  if (state.request.echo_prompt) {
    // The prompt can have more tokens than the output when the tokenizer does not round-trip.
    numOutputTokens = numPromptTokens <= numOutputTokens ? numOutputTokens - numPromptTokens : 0;
  }

  const deployment = state.request.model_deployment;
  const idealized = estimatedRuntime(data.idealized[deployment], numPromptTokens, numOutputTokens);
  let denoised = estimatedRuntime(data.denoised[deployment], numPromptTokens, numOutputTokens);
  // Offline models: the denoised runtime is the runtime per input of the batch.
  if (runtime !== undefined && result.batch_size !== undefined) denoised = runtime / result.batch_size;

  const stats = [
    statOf('num_prompt_tokens', numPromptTokens),
    statOf('num_completion_tokens', numCompletionTokens),
    statOf('num_output_tokens', numOutputTokens),
    statOf('training_co2_cost', data.carbon[deployment]?.value),
    statOf('training_energy_cost', data.energy[deployment]?.value),
  ];
  if (runtime !== undefined) stats.push(statOf('inference_runtime', pyFloat(runtime)));
  if (batchSize !== undefined) stats.push(statOf('batch_size', batchSize));
  if (denoised !== undefined) stats.push(statOf('inference_denoised_runtime', pyFloat(denoised)));
  if (idealized !== undefined) stats.push(statOf('inference_idealized_runtime', pyFloat(idealized)));
  return stats;
}
