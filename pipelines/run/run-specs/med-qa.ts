/** @module `med_qa` (HELM `lite_run_specs.py: get_med_qa_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { medQaSource } from '../../../sources/scenarios/med-qa.ts';
import { multipleChoiceAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const medQa: RunSpecFunction = {
  params: [],
  build() {
    return {
      name: 'med_qa',
      scenario_spec: scenarioSpec(medQaSource, {}),
      adapter_spec: multipleChoiceAdapterSpec('multiple_choice_joint', {
        instructions: 'The following are multiple choice questions (with answers) about medicine.',
        inputNoun: 'Question',
        outputNoun: 'Answer',
      }),
      metric_specs: exactMatchMetricSpecs(),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['med_qa'],
    };
  },
};
