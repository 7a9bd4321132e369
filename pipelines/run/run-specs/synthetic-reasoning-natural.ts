/** @module `synthetic_reasoning_natural:difficulty=<d>` (HELM `classic_run_specs.py: get_synthetic_reasoning_natural_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { syntheticReasoningNaturalSource } from '../../../sources/scenarios/synthetic-reasoning-natural.ts';
import { pyStr } from '../py-text.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { basicMetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const syntheticReasoningNatural: RunSpecFunction = {
  params: [required('difficulty')],
  build(args) {
    // Passed on as given: HELM checks nothing, and any difficulty but easy and hard reads as medium.
    const difficulty = args.get('difficulty')!;
    return {
      name: `synthetic_reasoning_natural:difficulty=${pyStr(difficulty)}`,
      scenario_spec: scenarioSpec(syntheticReasoningNaturalSource, { difficulty }),
      adapter_spec: generationAdapterSpec({
        instructions: 'Please solve the following problem.',
        inputNoun: 'Rules',
        newlineAfterInputNoun: true,
        outputNoun: null,
        maxTrainInstances: 3, // limited by the context length
        maxTokens: 20,
      }),
      metric_specs: [...basicMetricSpecs(['f1_set_match', 'iou_set_match', 'exact_set_match']), ...generativeHarmsMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['synthetic_reasoning', 'synthetic_reasoning_natural'],
    };
  },
};
