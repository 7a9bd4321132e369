import { describe, expect, it } from 'vitest';
import { adapterSpec, type AdapterSpec } from '../../core/adapter-spec.ts';
import { reference } from '../../core/instance.ts';
import { PyFloat } from '../../core/py-float.ts';
import { request, type CompletedRequest, type GeneratedOutput } from '../../core/request.ts';
import type { Stat } from '../../core/stat.ts';
import { simpleWindowService } from './__fixtures__/golden.ts';
import { basicGenerationMetric, languageModelingStats, numBytes, perplexityStats } from './basic-generation.ts';
import { statOf } from './metric.ts';

const completion = (text: string, logprob: number, extra: Partial<GeneratedOutput> = {}): GeneratedOutput => ({
  text,
  logprob,
  tokens: [{ text, logprob }],
  ...extra,
});

function state(completions: GeneratedOutput[], fields: Partial<CompletedRequest> = {}): CompletedRequest {
  return {
    instance: { id: 'id1', input: { text: 'q' }, references: [reference('Boston', false), reference('New York', true)], split: 'test' },
    train_trial_index: 0,
    output_mapping: { A: 'Boston', B: 'New York' },
    request: request({ model_deployment: 'simple/model1', prompt: 'Question?' }),
    result: { success: true, embedding: [], completions, cached: false, request_time: 0.25 },
    num_train_instances: 3,
    prompt_truncated: false,
    num_conditioning_tokens: 0,
    ...fields,
  };
}

function evaluate(s: CompletedRequest, spec: Partial<AdapterSpec> = {}, names = ['exact_match']): Map<string, Stat> {
  const metric = basicGenerationMetric({
    names,
    adapterSpec: adapterSpec({ method: 'multiple_choice_joint', num_outputs: 1, ...spec }),
    windowService: simpleWindowService,
  });
  const [entry] = metric.evaluateGroup(0, [s]);
  return new Map(entry!.stats.map((stat) => [stat.name.name, stat]));
}

describe('basicGenerationMetric per request state', () => {
  it('maps the top completion (sorted by −logprob) through output_mapping; no @k when num_outputs is 1', () => {
    const stats = evaluate(state([completion('A', -2), completion(' B ', -1)]));
    expect(stats.get('exact_match')!.toJson().sum).toBe(1);
    expect(stats.get('max_prob')!.toJson().sum).toEqual(new PyFloat(Math.exp(-1)));
    expect([...stats.keys()].some((n) => n.includes('@'))).toBe(false);
  });

  it('scores name@k over all completions when num_outputs != 1', () => {
    const stats = evaluate(state([completion('A', -1), completion('B', -2)]), { num_outputs: 3 });
    expect(stats.get('exact_match')!.toJson().sum).toBe(0);
    expect(stats.get('exact_match@3')!.toJson().sum).toBe(1);
  });

  it('applies output_mapping_pattern first (group 1, or the match), and an unmapped answer scores 0', () => {
    const pattern = { output_mapping_pattern: 'Answer: ([A-D])' };
    expect(evaluate(state([completion('Answer: B.', 0)]), pattern).get('exact_match')!.toJson().sum).toBe(1);
    expect(evaluate(state([completion('B', 0)]), pattern).get('exact_match')!.toJson().sum).toBe(0);
    expect(evaluate(state([completion('I say B', 0)]), { output_mapping_pattern: '[A-D]$' }).get('exact_match')!.toJson().sum).toBe(1);
    expect(evaluate(state([completion('E', 0)])).get('exact_match')!.toJson().sum).toBe(0);
  });

  it('one-hot finish reasons, efficiency and truncation stats in HELM order', () => {
    const stats = evaluate(state([completion('B', 0, { finish_reason: { reason: 'stop' } })]));
    expect([...stats.keys()]).toEqual([
      'num_references', 'num_train_trials', 'num_prompt_tokens', 'num_completion_tokens', 'num_output_tokens',
      'training_co2_cost', 'training_energy_cost', 'inference_runtime', 'batch_size', 'finish_reason_length',
      'finish_reason_stop', 'finish_reason_endoftext', 'finish_reason_unknown', 'num_train_instances',
      'prompt_truncated', 'max_prob', 'exact_match', 'logprob', 'num_perplexity_tokens', 'num_bytes',
    ]);
    expect(stats.get('finish_reason_stop')!.sum).toBe(1);
    expect(stats.get('finish_reason_unknown')!.sum).toBe(0);
    expect(stats.get('num_prompt_tokens')!.sum).toBe(9);
    expect(stats.get('inference_runtime')!.toJson().sum).toEqual(new PyFloat(0.25));
  });

  it('treats a result without completions as HELM\'s empty completion', () => {
    const stats = evaluate(state([]));
    expect(stats.get('exact_match')!.sum).toBe(0);
    expect(stats.get('num_completion_tokens')!.sum).toBe(0);
    expect(stats.get('finish_reason_unknown')!.sum).toBe(1);
  });

  it('subtracts the echoed prompt from num_output_tokens', () => {
    const echoed: GeneratedOutput = { text: 'ab', logprob: 0, tokens: [...'Question?xy'].map((text) => ({ text, logprob: 0 })) };
    const stats = evaluate(state([echoed], { request: request({ prompt: 'Question?', echo_prompt: true }) }));
    expect(stats.get('num_completion_tokens')!.sum).toBe(11);
    expect(stats.get('num_output_tokens')!.sum).toBe(2);
  });
});

describe('language modeling', () => {
  it('counts bytes of "bytes:" tokens by their \\x escapes (HELM get_num_bytes docstring: 14)', () => {
    const tokens = ['bytes:\\x99', 'Hello', ' world', 'bytes:\\xe2\\x80'].map((text) => ({ text, logprob: 0 }));
    expect(numBytes(tokens)).toBe(14);
    expect(numBytes([{ text: 'é', logprob: 0 }])).toBe(2);
  });

  it('skips the conditioning tokens and a leading empty token; the int logprob sum stays an int', () => {
    const tokens = [{ text: '', logprob: 0 }, { text: 'ab', logprob: -1 }, { text: 'c', logprob: -0.5 }, { text: 'd', logprob: 0 }];
    const [logprob, count, bytes] = languageModelingStats(state([{ text: 'abcd', logprob: -1.5, tokens }], { num_conditioning_tokens: 1 }));
    expect(logprob!.toJson().sum).toEqual(new PyFloat(-0.5));
    expect([count!.sum, bytes!.sum]).toEqual([2, 2]);
    expect(languageModelingStats(state([completion('x', 0)]))[0]!.toJson().sum).toBe(0);
  });

  it('derives perplexity and bits per byte from the context\'s sums', () => {
    const stats = [statOf('logprob', new PyFloat(-4)), statOf('num_perplexity_tokens', 4), statOf('num_bytes', 8)];
    expect(perplexityStats(stats).map((s) => [s.name.name, s.toJson().sum])).toEqual([
      ['perplexity', new PyFloat(Math.E ** 1)],
      ['bits_per_byte', new PyFloat(4 / 8 / Math.log(2))],
      ['logprob_per_byte', new PyFloat(-0.5)],
    ]);
    // Python: -0 of the int sum is 0, so bits_per_byte is 0.0, not -0.0.
    const zero = perplexityStats([statOf('logprob', 0), statOf('num_perplexity_tokens', 1), statOf('num_bytes', 7)]);
    expect(Object.is(zero[1]!.sum, 0) && Object.is(zero[1]!.min, 0)).toBe(true);
    expect(perplexityStats([statOf('num_bytes', 7)])).toEqual([]);
  });
});
