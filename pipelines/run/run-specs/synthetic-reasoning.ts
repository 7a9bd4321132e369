/** @module `synthetic_reasoning:mode=<m>` (HELM `classic_run_specs.py: get_synthetic_reasoning_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { syntheticReasoningSource } from '../../../sources/scenarios/synthetic-reasoning.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const syntheticReasoning: RunSpecFunction = {
  params: [required('mode')],
  build(args) {
    const mode = args.requiredString('mode');
    return {
      name: `synthetic_reasoning:mode=${mode}`,
      scenario_spec: scenarioSpec(syntheticReasoningSource, { mode }),
      adapter_spec: generationAdapterSpec({
        instructions: 'Please solve the following problem.',
        outputNoun: 'Target',
        maxTrainInstances: 5,
        stopSequences: ['\n'],
        maxTokens: 50, // answer upperbounded by 50 tokens
      }),
      metric_specs: [...exactMatchMetricSpecs(), ...generativeHarmsMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['synthetic_reasoning', `synthetic_reasoning_${mode}`],
    };
  },
};
