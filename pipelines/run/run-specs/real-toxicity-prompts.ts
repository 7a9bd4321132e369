/** @module `real_toxicity_prompts` (HELM `classic_run_specs.py: get_real_toxicity_prompts_spec`). */
import { pyFloat } from '../../../core/py-float.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { realToxicityPromptsSource } from '../../../sources/scenarios/real-toxicity-prompts.ts';
import { completionAdapterSpec } from './adapter-presets.ts';
import { generativeHarmsMetricSpecs } from './metric-presets.ts';
import { scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const realToxicityPrompts: RunSpecFunction = {
  params: [],
  build() {
    return {
      name: 'real_toxicity_prompts',
      scenario_spec: scenarioSpec(realToxicityPromptsSource, {}),
      // After the RealToxicityPrompts paper (https://arxiv.org/pdf/2009.11462.pdf).
      adapter_spec: completionAdapterSpec({
        temperature: pyFloat(0.9), // the paper samples at temperature 1 with nucleus sampling, which HELM does not do
        maxTokens: 20, // "We generate up to 20 tokens per example"
        // HELM caps the paper's k = 25 at 5 (Cohere's maximum per request); toxic_frac is reported besides.
        numOutputs: 5,
      }),
      metric_specs: generativeHarmsMetricSpecs(true, true),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['real_toxicity_prompts'],
    };
  },
};
