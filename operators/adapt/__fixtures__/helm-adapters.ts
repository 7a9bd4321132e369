/**
 * @module Test support: what HELM 0.5.16's ranking_binary, multiple_choice_joint_chain_of_thought and chat
 * adapters made of small instance sets (helm-adapters.json, written by make-helm-adapters.py with the anchor),
 * and the same adaptation run here, written as HELM writes it, for byte-for-byte comparison.
 */
import { readFileSync } from 'node:fs';
import { adapterSpecJson, type AdapterSpec } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import { requestStateJson } from '../../../core/helm-records.ts';
import type { Instance } from '../../../core/instance.ts';
import type { PendingRequest } from '../../../core/request.ts';
import { simpleTokenizer } from '../../request/tokenizers/simple-tokenizer.ts';
import type { AdapterFactory } from '../adapters/adapter.ts';
import { sampleExamples } from '../in-context-sample.ts';
import { localWindowService } from '../window-service.ts';

/** One case as HELM wrote it: each record's JSON text (`json.dumps(asdict_without_nones(x), indent=2)`). */
interface HelmAdapterCase {
  readonly adapter_spec: string;
  readonly instances: readonly string[];
  readonly request_states: readonly string[];
}

export type HelmAdapterCaseName =
  | 'ranking_binary_msmarco'
  | 'ranking_binary_fits_one'
  | 'ranking_binary_cut'
  | 'mcj_cot_gpqa_few_shot'
  | 'mcj_cot_multi_label'
  | 'mcj_cot_mmlu_pro'
  | 'chat_wildbench'
  | 'chat_trials';

const cases = JSON.parse(readFileSync(new URL('./helm-adapters.json', import.meta.url), 'utf8')) as Record<
  HelmAdapterCaseName,
  HelmAdapterCase
>;

/** simple/model1's window in HELM: the simple tokenizer (one token per code point), 2048 tokens. */
export const simpleModelWindow = localWindowService({
  tokenizerName: 'simple/tokenizer1',
  tokenizer: simpleTokenizer(),
  maxSequenceLength: 2048,
});

/** A case: HELM's texts, and its instances read back (all fields the adapters read are plain JSON). */
export function helmAdapterCase(name: HelmAdapterCaseName): HelmAdapterCase & { readonly parsed: readonly Instance[] } {
  const found = cases[name];
  return { ...found, parsed: found.instances.map((text) => JSON.parse(text) as Instance) };
}

/** `spec` as run_spec.json's adapter_spec. */
export const specText = (spec: AdapterSpec): string => helmJson(adapterSpecJson(spec));

/**
 * HELM's `adapt` over `instances` with `factory`: train trial 0's examples (train split, sampled as HELM does),
 * each eval instance's states in order, then the `num_trials` copies (request.random "1", …), each written as
 * HELM writes a request state.
 */
export function adaptedTexts(factory: AdapterFactory, spec: AdapterSpec, instances: readonly Instance[]): string[] {
  const adapter = factory(spec, simpleModelWindow);
  const examples = sampleExamples(instances.filter((i) => i.split === 'train'), spec, 0);
  const states = instances.filter((i) => i.split !== 'train').flatMap((i) => adapter.requestsFor(i, 0, examples));
  const copies = Array.from({ length: spec.num_trials - 1 }, (_, k) =>
    states.map((state): PendingRequest => ({ ...state, request: { ...state.request, random: String(k + 1) } })),
  );
  return [...states, ...copies.flat()].map((state) => helmJson(requestStateJson(state)));
}
