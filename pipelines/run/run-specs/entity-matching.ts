/** @module `entity_matching:dataset=<d>` (HELM `classic_run_specs.py: get_entity_matching_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { entityMatchingSource } from '../../../sources/scenarios/entity-matching.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const entityMatching: RunSpecFunction = {
  params: [required('dataset')],
  build(args) {
    const dataset = args.requiredString('dataset');
    return {
      name: `entity_matching:dataset=${dataset}`,
      scenario_spec: scenarioSpec(entityMatchingSource, { dataset }),
      adapter_spec: generationAdapterSpec({ instructions: 'Are Product A and Product B the same? Yes or No?', outputNoun: 'Answer' }),
      metric_specs: [...exactMatchMetricSpecs(), ...generativeHarmsMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['entity_matching'],
    };
  },
};
