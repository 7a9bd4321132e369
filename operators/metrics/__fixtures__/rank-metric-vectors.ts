/** @module The vectors of make-rank-metric-vectors.py (HELM 0.5.16's copyright, disinformation and ranking metrics) and a request-state builder for their tests. */
import { readFileSync } from 'node:fs';
import { reference, type Instance, type Reference } from '../../../core/instance.ts';
import { request, type CompletedRequest, type GeneratedOutput } from '../../../core/request.ts';

/** A stat as the vectors hold it: [name, sum ("nan" for NaN), Python type] or, without the name, [sum, type]. */
export type StatVector = [string, number | 'nan', 'int' | 'float'];

export interface RankMetricVectors {
  readonly treebank: [string, string[]][];
  readonly copyright: { prefix: string; reference: string; completions: string[]; stats: Record<string, [number, string] | string> }[];
  readonly disinformation: { completions: [string, number[]][]; self_bleu: number; self_bleu_type: string; entropy: number | 'nan' }[];
  readonly human_eval: { ratings: Record<string, unknown>; cases: { name: 'reiteration' | 'wedging'; model: string; input: string; stats: StatVector[] }[] };
  readonly ranking: { multiple: boolean; rank: number | null; measures: string[]; tags: string[][]; completions: [string, number][]; stats: StatVector[] }[];
}

export const vectors = JSON.parse(readFileSync(new URL('rank-metric-vectors.json', import.meta.url), 'utf8')) as RankMetricVectors;

/** A completed generation (or reference, with `referenceIndex`) request state of `instance`. */
export function completedState(instance: Instance, completions: readonly GeneratedOutput[], referenceIndex?: number): CompletedRequest {
  return {
    instance,
    ...(referenceIndex === undefined ? {} : { reference_index: referenceIndex, request_mode: 'original' as const }),
    train_trial_index: 0,
    request: request({ model_deployment: 'm/x', model: 'm/x' }),
    result: { success: true, embedding: [], cached: false, completions },
    num_train_instances: 0,
    prompt_truncated: false,
    num_conditioning_tokens: 0,
  };
}

/** An instance with an input and references. */
export const instanceOf = (input: string, references: readonly Reference[] = [reference('', true)]): Instance => ({
  id: 'id0',
  input: { text: input },
  references,
  split: 'valid',
});
