/** @module `pubmed_qa` (HELM `medhelm_run_specs.py: get_pubmed_qa_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { pubmedQaSource } from '../../../sources/scenarios/pubmed-qa.ts';
import { multipleChoiceAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const pubmedQa: RunSpecFunction = {
  params: [],
  build() {
    return {
      name: 'pubmed_qa',
      scenario_spec: scenarioSpec(pubmedQaSource, {}),
      adapter_spec: multipleChoiceAdapterSpec('multiple_choice_joint', {
        instructions:
          'Answer A for yes, B for no or C for maybe. Do not include any explanation or additional text. ' +
          'Output only the letter on a single line.',
        inputNoun: 'Question',
        outputNoun: 'Answer',
        maxTrainInstances: 0, // zero-shot, as MedHELM runs it
      }),
      metric_specs: exactMatchMetricSpecs(),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['pubmed_qa'],
    };
  },
};
