/** @module `entity_data_imputation:dataset=<d>` (HELM `classic_run_specs.py: get_entity_data_imputation_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { entityDataImputationSource } from '../../../sources/scenarios/entity-data-imputation.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const entityDataImputation: RunSpecFunction = {
  params: [required('dataset')],
  build(args) {
    const dataset = args.requiredString('dataset');
    return {
      name: `entity_data_imputation:dataset=${dataset}`,
      scenario_spec: scenarioSpec(entityDataImputationSource, { dataset }),
      adapter_spec: generationAdapterSpec({ instructions: 'What is the missing value?', outputNoun: 'Answer' }),
      metric_specs: [...exactMatchMetricSpecs(), ...generativeHarmsMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['entity_data_imputation'],
    };
  },
};
