/**
 * @module HELM's BinaryRankingAdapter (`binary_ranking_adapter.py`): a ranking task (a query and its candidate
 * documents) asked one document at a time, the model answering Yes or No.
 *
 * ```
 * <instructions>
 *
 * Passage: <train reference 0>        one block per reference of each train instance,
 * Query: <train input>                joined by instance_prefix
 * Does the passage answer the query?
 * Answer: Yes
 *
 * Passage: <train reference 1>
 * Query: <train input>
 * Does the passage answer the query?
 * Answer: No
 *
 * Passage: <eval reference i>         one request per eval reference i
 * Query: <eval input>
 * Does the passage answer the query?
 * Answer:
 * ```
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import { isCorrect, type Instance } from '../../../core/instance.ts';
import { pyRstrip } from '../../../core/python-text.ts';
import { fitPrompt } from '../fit-window.ts';
import { promptRenderer } from '../prompt.ts';
import type { AdapterFactory } from './adapter.ts';
import { generationRequest } from './generation.ts';

/** HELM `BinaryRankingAdapter.RANKING_CORRECT_LABEL` / `RANKING_WRONG_LABEL` (fixed, not in the spec). */
export const RANKING_CORRECT_LABEL = 'Yes';
export const RANKING_WRONG_LABEL = 'No';

/** One (document, query) block: `reference_prefix + doc + reference_suffix + input_prefix + query + input_suffix + …`. */
function pairBlock(spec: AdapterSpec, instance: Instance, index: number, includeOutput: boolean): string {
  const ref = instance.references[index]!;
  const head = spec.reference_prefix + ref.output.text + spec.reference_suffix;
  const query = spec.input_prefix + instance.input.text + spec.input_suffix;
  const label = isCorrect(ref) ? RANKING_CORRECT_LABEL : RANKING_WRONG_LABEL;
  return head + query + (includeOutput ? spec.output_prefix + label + spec.output_suffix : pyRstrip(spec.output_prefix));
}

/**
 * HELM's ranking `construct_example_prompt`: a train instance gives a block for EVERY reference (joined by
 * instance_prefix; one in-context example, dropped whole by window fitting); an eval instance the block of
 * reference `index` only.
 */
function exampleBlock(spec: AdapterSpec, instance: Instance, includeOutput: boolean, index: number): string {
  const indices = instance.split === 'train' ? instance.references.map((_, i) => i) : [index];
  return indices.map((i) => pairBlock(spec, instance, i, includeOutput)).join(spec.instance_prefix);
}

/**
 * The ranking_binary method: per eval reference i (in order), a request state with `reference_index = i`,
 * `request_mode = "original"`, no output mapping, and a request like generation's (`num_completions =
 * num_outputs`, the spec's temperature, max_tokens, stop_sequences and random). An instance without references
 * gets none. The preset halving max_train_instances (msmarco's 4 → 2 train queries) is HELM's
 * `get_ranking_binary_adapter_spec`, not this adapter.
 * @example rankingBinary(spec, windowService).requestsFor(instance, 0, examples)
 */
export const rankingBinary: AdapterFactory = (spec, windowService) => {
  const render = promptRenderer(spec);
  const trainBlocksOf = new WeakMap<readonly Instance[], readonly string[]>();
  return {
    requestsFor(instance, trial, examples) {
      let trainBlocks = trainBlocksOf.get(examples);
      if (trainBlocks === undefined) {
        trainBlocks = examples.map((example) => exampleBlock(spec, example, true, -1));
        trainBlocksOf.set(examples, trainBlocks);
      }
      return instance.references.map((_, index) => {
        const evalBlock = exampleBlock(spec, instance, false, index);
        const prompt = fitPrompt({ trainBlocks, evalBlock }, render, windowService, spec.max_tokens);
        return {
          instance,
          reference_index: index,
          request_mode: 'original' as const,
          train_trial_index: trial,
          request: generationRequest(spec, { prompt: prompt.text }),
          num_train_instances: prompt.numTrainInstances,
          prompt_truncated: prompt.isTruncated,
          num_conditioning_tokens: 0,
        };
      });
    },
  };
};
