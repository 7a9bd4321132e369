/** @module Adaptation of one eval instance into its request states (HELM `generate_requests`, §5). */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import type { Instance } from '../../core/instance.ts';
import type { PendingRequest } from '../../core/request.ts';
import type { WindowService } from '../../core/window-service.ts';
import { adapterFor } from './adapters/registry.ts';
import { fitPrompt, promptText } from './prompt.ts';

export interface InstanceAdapter {
  /** The request states of one eval instance in one train trial, given that trial's examples. Pure. */
  requestsFor(instance: Instance, trial: number, examples: readonly Instance[]): PendingRequest[];
}

/**
 * Builds the adapter of `spec.method`. Train blocks are built once per examples list (they are shared by
 * every eval instance of a trial).
 * @example createAdapter(spec, windowService).requestsFor(instance, 0, sampleExamples(train, spec, 0))
 */
export function createAdapter(spec: AdapterSpec, windowService: WindowService): InstanceAdapter {
  const adapter = adapterFor(spec.method);
  const trainBlocksOf = new WeakMap<readonly Instance[], readonly string[]>();
  const blocksFor = (examples: readonly Instance[]): readonly string[] => {
    let blocks = trainBlocksOf.get(examples);
    if (blocks === undefined) {
      blocks = examples.map((example) => adapter.trainBlock(spec, example));
      trainBlocksOf.set(examples, blocks);
    }
    return blocks;
  };
  return {
    requestsFor(instance, trial, examples) {
      const prompt = fitPrompt(spec, { trainBlocks: blocksFor(examples), evalBlock: adapter.evalBlock(spec, instance) }, windowService);
      const request = adapter.request(spec, promptText(spec, prompt));
      const state: PendingRequest = {
        instance,
        train_trial_index: trial,
        ...(adapter.outputMapping === undefined ? {} : { output_mapping: adapter.outputMapping(spec, instance) }),
        request,
        num_train_instances: prompt.trainBlocks.length,
        prompt_truncated: prompt.truncatedText !== undefined,
        num_conditioning_tokens: 0,
      };
      // HELM `_add_trials` (num_trials > 1, HEIM): copies with request.random = "1", "2", …
      const copies = Array.from({ length: Math.max(0, spec.num_trials - 1) }, (_, i) => ({
        ...state,
        request: { ...request, random: String(i + 1) },
      }));
      return [state, ...copies];
    },
  };
}
