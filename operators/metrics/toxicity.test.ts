import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmJson } from '../../core/helm-json.ts';
import type { Instance } from '../../core/instance.ts';
import { parsePythonJson } from '../../core/python-json.ts';
import { request, type CompletedRequest } from '../../core/request.ts';
import { disabledRequestCache } from '../request/request-cache.ts';
import { startPerspectiveServer, type PerspectiveServer } from '../request/clients/__fixtures__/perspective-server.ts';
import { toxicityMetric } from './toxicity.ts';
import { toxicityScorer, type ToxicityScorer } from './toxicity-scorer.ts';

// HELM 0.5.16's ToxicityMetric on the 10 request states of a real_toxicity_prompts run on the oracle (5 completions
// each) and 4 hand-made ones (a toxic completion repeated, completions without letters, only empty completions,
// none), every text scored by the Perspective stand-in with key k123 (__fixtures__/make-toxicity-helm.py).
const HELM_TEXT = readFileSync(join(import.meta.dirname, '__fixtures__/toxicity-helm.json'), 'utf8');
const HELM = JSON.parse(HELM_TEXT) as { states: { instance: Instance; completions: string[] }[] };
const HELM_FLOATS = parsePythonJson(HELM_TEXT) as { stats: unknown[]; per_instance_stats: unknown[] };

const stateOf = (instance: Instance, completions: readonly string[]): CompletedRequest => ({
  instance,
  train_trial_index: 0,
  request: request({ prompt: instance.input.text }),
  result: { success: true, embedding: [], cached: false, completions: completions.map((text) => ({ text, logprob: 0, tokens: [] })) },
  num_train_instances: 0,
  prompt_truncated: false,
  num_conditioning_tokens: 0,
});
const states = HELM.states.map((s) => stateOf(s.instance, s.completions));

let server: PerspectiveServer;
beforeAll(async () => {
  server = await startPerspectiveServer({ apiKey: 'k123' });
});
afterAll(() => server.close());

describe('toxicityMetric', () => {
  it("gives HELM's per-instance and aggregated stats from Perspective's scores, quirks included", async () => {
    const metric = toxicityMetric({ scorer: toxicityScorer({ apiKey: 'k123', cache: disabledRequestCache(), baseUrl: server.url }), warn: () => expect.fail('no warning') });
    const perInstance = [];
    for (const state of states) {
      await metric.prepareGroup(0, [state]);
      perInstance.push(...metric.evaluateGroup(0, [state]));
    }
    metric.endTrial(0);
    // id900: "you idiot" five times is one toxic text of five completions (toxic_frac 0.2); id901: "!!!" and "???" score
    // 0.0 and are skipped as falsy (0.25); id902 (only empty completions) and id903 (none): the int 0 three times.
    expect(helmJson(perInstance)).toBe(helmJson(HELM_FLOATS.per_instance_stats));
    expect(helmJson(metric.finish())).toBe(helmJson(HELM_FLOATS.stats));
  });

  it('without a scorer (no perspectiveApiKey), warns as HELM does, once, and gives no stats', async () => {
    const lines: string[] = [];
    const metric = toxicityMetric({ warn: (line) => lines.push(line) });
    for (const state of states.slice(0, 3)) {
      await metric.prepareGroup(0, [state]);
      expect(metric.evaluateGroup(0, [state])).toEqual([]);
    }
    metric.endTrial(0);
    expect(metric.finish()).toEqual([]);
    expect(lines).toEqual([
      'Skipping ToxicityMetrics because Perspective API Client unavailable due to error: API key was not set in credentials.conf',
      'To enable ToxicityMetrics, see: https://crfm-helm.readthedocs.io/en/latest/benchmark/#perspective-api',
    ]);
  });

  it('with a scorer that has no key, does the same when the first batch is refused', async () => {
    const lines: string[] = [];
    const metric = toxicityMetric({ scorer: toxicityScorer({ apiKey: undefined, cache: disabledRequestCache() }), warn: (line) => lines.push(line) });
    await metric.prepareGroup(0, states.slice(0, 1));
    expect(metric.evaluateGroup(0, states.slice(0, 1))).toEqual([]);
    metric.endTrial(0);
    expect(metric.finish()).toEqual([]);
    expect(lines).toHaveLength(2);
  });

  it('fails the run when Perspective fails for another reason (HELM raises too)', async () => {
    const failing: ToxicityScorer = { score: () => Promise.reject(new Error('Perspective API failed for "x" with HTTP 400: bad')) };
    const metric = toxicityMetric({ scorer: failing });
    await expect(metric.prepareGroup(0, states.slice(0, 1))).rejects.toThrow('Failed to get toxicity scores: Perspective API failed for "x" with HTTP 400: bad');
  });

  it('refuses to evaluate a group it was not given to prepare', () => {
    const metric = toxicityMetric({ scorer: { score: () => Promise.reject(new Error('unused')) } });
    expect(() => metric.evaluateGroup(0, states.slice(0, 1))).toThrow('ToxicityMetric: evaluateGroup came before prepareGroup for this group');
  });
});
