import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { PyFloat } from '../../core/py-float.ts';
import { request, type CompletedRequest } from '../../core/request.ts';
import { localWindowService } from '../adapt/window-service.ts';
import { helmVectors } from '../request/tokenizers/__fixtures__/helm-test-vectors.ts';
import { tiktokenTokenizer } from '../request/tokenizers/tiktoken.ts';
import { goldenRunSpec, goldenStates, simpleWindowService } from './__fixtures__/golden.ts';
import { estimateTokenCost } from './dry-run.ts';
import { createMetricEvaluator } from './evaluate.ts';

const pending = (id: string, fields: Parameters<typeof request>[0]): CompletedRequest => ({
  instance: { id, input: { text: 'q' }, references: [], split: 'test' },
  train_trial_index: 0,
  request: request(fields),
  num_train_instances: 5,
  prompt_truncated: false,
  num_conditioning_tokens: 0,
});

describe('estimateTokenCost (HELM AutoTokenCostEstimator)', () => {
  const prompt = 'x'.repeat(40);
  it('openai: prompt + completions × max_tokens, the prompt twice when echoed', () => {
    expect(estimateTokenCost(request({ model_deployment: 'openai/gpt2', prompt, num_completions: 2, max_tokens: 10 }), simpleWindowService)).toBe(60);
    expect(estimateTokenCost(request({ model_deployment: 'openai/gpt2', prompt, max_tokens: 10, echo_prompt: true }), simpleWindowService)).toBe(90);
  });
  it('ai21 and cohere: completions × max_tokens', () => {
    expect(estimateTokenCost(request({ model_deployment: 'ai21/j2', prompt, num_completions: 3, max_tokens: 7 }), simpleWindowService)).toBe(21);
    expect(estimateTokenCost(request({ model_deployment: 'cohere/command', prompt, max_tokens: 7 }), simpleWindowService)).toBe(7);
  });
  it('gooseai: minus the 25 tokens of the base price, never below 0', () => {
    expect(estimateTokenCost(request({ model_deployment: 'gooseai/gpt-neo-20b', prompt, max_tokens: 10 }), simpleWindowService)).toBe(0);
    expect(estimateTokenCost(request({ model_deployment: 'gooseai/gpt-neo-20b', prompt, max_tokens: 10, echo_prompt: true }), simpleWindowService)).toBe(25);
  });
  it('any other host is free', () => {
    expect(estimateTokenCost(request({ model_deployment: 'simple/model1', prompt, max_tokens: 10 }), simpleWindowService)).toBe(0);
  });
});

// HELM v0.5.16 metrics/tokens/test_openai_token_cost_estimator.py, with the prompt counted by cl100k (49 tokens)
// as an openai/gpt-3.5-turbo-0301 deployment does, where HELM's test mocks GPT-2's count (51).
describe('estimateTokenCost on an OpenAI deployment with cl100k', () => {
  const cl100kWindow = localWindowService({
    tokenizerName: 'openai/cl100k_base',
    tokenizer: tiktokenTokenizer({ tokenizerName: 'openai/cl100k_base' }),
    maxSequenceLength: 4000,
    maxRequestLength: 4001,
  });
  const prompt = helmVectors.TEST_PROMPT;
  const deployment = 'openai/gpt-3.5-turbo-0301';

  it('prompt + completions × max_tokens = 49 + 3 × 100', () => {
    expect(estimateTokenCost(request({ model_deployment: deployment, prompt, num_completions: 3, max_tokens: 100 }), cl100kWindow)).toBe(349);
  });

  it('the prompt twice when echoed: 49 + 49', () => {
    expect(estimateTokenCost(request({ model_deployment: deployment, prompt, echo_prompt: true, max_tokens: 0 }), cl100kWindow)).toBe(98);
  });

  it('records num_prompt_tokens with the same tokenizer', () => {
    const evaluator = createMetricEvaluator({
      metricSpecs: [],
      adapterSpec: adapterSpec({ method: 'generation', max_tokens: 100 }),
      windowService: cl100kWindow,
      isDryRun: true,
    });
    const [perRequest] = evaluator.evaluateGroup(0, [pending('id1', { model_deployment: deployment, prompt, num_completions: 3, max_tokens: 100 })]);
    expect(perRequest![0]!.stats.map((s) => [s.name.name, s.toJson().sum])).toEqual([
      ['estimated_num_tokens_cost', 349],
      ['num_completions', 3],
      ['max_num_completion_tokens', 300],
      ['num_prompt_tokens', 49],
    ]);
  });
});

describe('DryRunMetric through the evaluator', () => {
  it('simple_mcqa arithmetic: 3 prompts of 385 tokens, max_tokens 5 → 1155 prompt tokens, 15 completion tokens, 3 requests', () => {
    const evaluator = createMetricEvaluator({
      metricSpecs: [{ class_name: 'helm.benchmark.metrics.basic_metrics.BasicGenerationMetric', args: { names: ['exact_match'] } }],
      adapterSpec: adapterSpec({ method: 'multiple_choice_joint', max_tokens: 5 }),
      windowService: simpleWindowService,
      isDryRun: true,
    });
    const perInstance = ['id60', 'id38', 'id41'].map((id) => {
      const groups = evaluator.evaluateGroup(0, [pending(id, { model_deployment: 'simple/model1', prompt: 'p'.repeat(385), max_tokens: 5 })]);
      expect(groups).toHaveLength(1); // DryRunMetric replaces the run's metrics
      return groups[0]!;
    });
    expect(perInstance.flat().map((e) => e.instance_id)).toEqual(['id60', 'id38', 'id41']);
    expect(perInstance[0]![0]!.stats.map((s) => s.toJson())).toEqual([
      { name: { name: 'estimated_num_tokens_cost' }, count: 1, sum: 0, sum_squared: 0, min: 0, max: 0, mean: new PyFloat(0), variance: new PyFloat(0), stddev: new PyFloat(0) },
      { name: { name: 'num_completions' }, count: 1, sum: 1, sum_squared: 1, min: 1, max: 1, mean: new PyFloat(1), variance: new PyFloat(0), stddev: new PyFloat(0) },
      { name: { name: 'max_num_completion_tokens' }, count: 1, sum: 5, sum_squared: 25, min: 5, max: 5, mean: new PyFloat(5), variance: new PyFloat(0), stddev: new PyFloat(0) },
      { name: { name: 'num_prompt_tokens' }, count: 1, sum: 385, sum_squared: 148225, min: 385, max: 385, mean: new PyFloat(385), variance: new PyFloat(0), stddev: new PyFloat(0) },
    ]);
    evaluator.endTrial(0);
    const stats = evaluator.finish();
    expect(stats.map((s) => [s.name, s.count, s.toJson().sum])).toEqual([
      [{ name: 'estimated_num_tokens_cost' }, 3, 0],
      [{ name: 'num_completions' }, 3, 3],
      [{ name: 'max_num_completion_tokens' }, 3, 15],
      [{ name: 'num_prompt_tokens' }, 3, 1155],
      [{ name: 'num_requests' }, 1, 3],
    ]);
  });

  it('counts the golden MMLU prompts as the real run did (Σ num_prompt_tokens = 10 × 1336.2)', () => {
    const { adapterSpec: spec, metricSpecs } = goldenRunSpec();
    const evaluator = createMetricEvaluator({ metricSpecs, adapterSpec: spec, windowService: simpleWindowService, isDryRun: true });
    for (const { result: _result, ...state } of goldenStates()) evaluator.evaluateGroup(0, [state]);
    evaluator.endTrial(0);
    const promptTokens = evaluator.finish().find((s) => s.name.name === 'num_prompt_tokens')!;
    expect(promptTokens.count).toBe(10);
    expect(promptTokens.toJson().sum).toBe(13362);
  });
});
