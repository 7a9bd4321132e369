/** @module HELM `compute_request_state_metrics` (`basic_metrics.py`): the stats every Basic* metric reports per request state. */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import type { CompletedRequest, GeneratedOutput } from '../../core/request.ts';
import type { Stat } from '../../core/stat.ts';
import type { WindowService } from '../../core/window-service.ts';
import { efficiencyStats, type EfficiencyData } from './efficiency.ts';
import { statOf } from './metric.ts';

const FINISH_REASONS = ['length', 'stop', 'endoftext', 'unknown'] as const;

/** HELM's executor turns a non-fatal failure into this one empty completion. */
const EMPTY_COMPLETION: GeneratedOutput = { text: '', logprob: 0, tokens: [] };

/** The completions a metric reads: the result's, or HELM's empty completion for a result without any. */
export function completionsOf(state: CompletedRequest): readonly GeneratedOutput[] {
  if (state.result === undefined) throw new Error(`request state of instance ${state.instance.id} has no result`);
  return state.result.completions.length > 0 ? state.result.completions : [EMPTY_COMPLETION];
}

/** One-hot finish_reason_{length,stop,endoftext,unknown} of the first completion; missing or other → unknown. */
function finishReasonStats(state: CompletedRequest): Stat[] {
  const given = completionsOf(state)[0]?.finish_reason?.reason;
  const reason = FINISH_REASONS.find((r) => r === given) ?? 'unknown';
  return FINISH_REASONS.map((r) => statOf(`finish_reason_${r}`, r === reason ? 1 : 0));
}

/**
 * num_references, num_train_trials, the efficiency stats, finish_reason_*, num_train_instances and
 * prompt_truncated (a bool, so 0/1), in HELM's order.
 */
export function requestStateStats(
  state: CompletedRequest,
  adapterSpec: AdapterSpec,
  windowService: WindowService,
  efficiencyData: EfficiencyData,
): Stat[] {
  return [
    statOf('num_references', state.instance.references.length),
    statOf('num_train_trials', adapterSpec.num_train_trials),
    ...efficiencyStats(state, windowService, efficiencyData),
    ...finishReasonStats(state),
    statOf('num_train_instances', state.num_train_instances),
    statOf('prompt_truncated', state.prompt_truncated),
  ];
}
