/** @module `mmlu:subject=<s>[,method=<m>]` (HELM `lite_run_specs.py: get_mmlu_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { mmluSource } from '../../../sources/scenarios/mmlu.ts';
import { multipleChoiceAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { optional, required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const mmlu: RunSpecFunction = {
  params: [required('subject'), optional('method')],
  build(args) {
    const subject = args.requiredString('subject');
    const method = args.string('method') ?? 'multiple_choice_joint';
    return {
      name: `mmlu:subject=${subject},method=${method}`,
      scenario_spec: scenarioSpec(mmluSource, { subject }),
      adapter_spec: multipleChoiceAdapterSpec(method, {
        instructions: `The following are multiple choice questions (with answers) about ${subject.replaceAll('_', ' ')}.`,
        inputNoun: 'Question',
        outputNoun: 'Answer',
      }),
      metric_specs: exactMatchMetricSpecs(),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['mmlu'],
    };
  },
};
