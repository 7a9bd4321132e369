/**
 * @module HELM's DryRunMetric (`dry_run_metrics.py`, `metrics/tokens/*`): on `--dry-run` it replaces every
 * metric. Per request state: estimated token cost, completions, max completion tokens and prompt tokens; the
 * run total is a plain merge (no split context, no take_mean), plus `num_requests`.
 */
import { modelHost, type Request } from '../../core/request.ts';
import { StatMap } from '../../core/stat.ts';
import type { WindowService } from '../../core/window-service.ts';
import { defineMetricClass, statOf, type Metric } from './metric.ts';

/** GooseAI's base price includes the first 25 generated tokens. */
const GOOSEAI_BASE_PRICE_TOKENS = 25;

/** HELM `AutoTokenCostEstimator.estimate_tokens`, by `request.model_host`; other hosts are free (0). */
export function estimateTokenCost(request: Request, windowService: WindowService): number {
  const completionTokens = request.num_completions * request.max_tokens;
  switch (modelHost(request)) {
    case 'openai': {
      // OpenAI bills the prompt, and the prompt again when it is echoed.
      const promptTokens = windowService.countTokens(request.prompt);
      return promptTokens + completionTokens + (request.echo_prompt ? promptTokens : 0);
    }
    case 'ai21':
    case 'cohere':
      return completionTokens;
    case 'gooseai': {
      const total = completionTokens + (request.echo_prompt ? windowService.countTokens(request.prompt) : 0);
      return Math.max(total - GOOSEAI_BASE_PRICE_TOKENS, 0);
    }
    default:
      return 0;
  }
}

/**
 * DryRunMetric: one PerInstanceStats per request state (stats without context), all merged as they come;
 * `finish()` appends `num_requests` (a single value: the number of request states).
 */
export function dryRunMetric(options: { readonly windowService: WindowService }): Metric {
  const totals = new StatMap();
  let numRequests = 0;
  return {
    evaluateGroup(_trial, states) {
      return states.map((state) => {
        const { request } = state;
        const stats = [
          statOf('estimated_num_tokens_cost', estimateTokenCost(request, options.windowService)),
          statOf('num_completions', request.num_completions),
          statOf('max_num_completion_tokens', request.num_completions * request.max_tokens),
          statOf('num_prompt_tokens', options.windowService.countTokens(request.prompt)),
        ];
        for (const stat of stats) totals.merge(stat);
        numRequests += 1;
        return {
          instance_id: state.instance.id,
          ...(state.instance.perturbation === undefined ? {} : { perturbation: state.instance.perturbation }),
          train_trial_index: state.train_trial_index,
          stats,
        };
      });
    },
    endTrial() {},
    finish() {
      return [...totals.values(), statOf('num_requests', numRequests)];
    },
  };
}

/** HELM's `dry_run_metrics.DryRunMetric()`. */
export const dryRunMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.dry_run_metrics.DryRunMetric',
  params: [],
  create: (_args, options) => dryRunMetric(options),
});
