/** @module `legal_support[,method=<m>]` (HELM `classic_run_specs.py: get_legal_support_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { legalSupportSource } from '../../../sources/scenarios/legal-support.ts';
import { multipleChoiceAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { optional, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const legalSupport: RunSpecFunction = {
  params: [optional('method')],
  build(args) {
    const method = args.string('method') ?? 'multiple_choice_joint';
    return {
      // HELM writes a comma, not a colon, after the name; copied as is.
      name: `legal_support,method=${method}`,
      scenario_spec: scenarioSpec(legalSupportSource, {}),
      adapter_spec: multipleChoiceAdapterSpec(method, {
        instructions: 'Which statement best supports the passage?',
        inputNoun: 'Passage',
        outputNoun: 'Answer',
        maxTrainInstances: 3, // HELM: 3 because these samples tend to be a bit longer
      }),
      metric_specs: exactMatchMetricSpecs(),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['legal_support'],
    };
  },
};
