/** @module `blimp:phenomenon=<p>[,method=<m>]` (HELM `classic_run_specs.py: get_blimp_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { blimpSource } from '../../../sources/scenarios/blimp.ts';
import { multipleChoiceAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { optional, required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const blimp: RunSpecFunction = {
  params: [required('phenomenon'), optional('method')],
  build(args) {
    const phenomenon = args.requiredString('phenomenon');
    const method = args.string('method') ?? 'multiple_choice_separate_original';
    return {
      name: `blimp:phenomenon=${phenomenon},method=${method}`,
      scenario_spec: scenarioSpec(blimpSource, { phenomenon }),
      adapter_spec: multipleChoiceAdapterSpec(method, {
        instructions: 'Please select the grammatical sentence.',
        inputNoun: null,
        outputNoun: 'Answer',
        emptyInput: true, // the input is "": no space before the sentence in the separate methods
      }),
      metric_specs: exactMatchMetricSpecs(),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['blimp'],
    };
  },
};
