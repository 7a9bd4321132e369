/** @module `simple_mcqa` (HELM `simple_run_specs.py`): numbers 10..99 labelled Even/Odd, for tutorials and tests. */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { simpleMcqaSource } from '../../../sources/scenarios/simple-mcqa.ts';
import { multipleChoiceJointAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const simpleMcqa: RunSpecFunction = {
  params: [],
  build: () => ({
    name: 'simple_mcqa',
    scenario_spec: scenarioSpec(simpleMcqaSource, {}),
    // get_multiple_choice_joint_adapter_spec directly: max_tokens keeps its default of 5.
    adapter_spec: multipleChoiceJointAdapterSpec({
      instructions: 'Answer the following questions with a single letter only.',
      inputNoun: 'Question',
      outputNoun: 'Answer',
    }),
    metric_specs: exactMatchMetricSpecs(),
    data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
    groups: ['simple_mcqa'],
  }),
};
