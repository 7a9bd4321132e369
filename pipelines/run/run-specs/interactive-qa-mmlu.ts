/** @module `interactive_qa_mmlu:subject=<s>` (HELM `classic_run_specs.py: get_interactive_qa_mmlu_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { interactiveQaMmluSource } from '../../../sources/scenarios/interactive-qa-mmlu.ts';
import { multipleChoiceAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const interactiveQaMmlu: RunSpecFunction = {
  params: [required('subject')],
  build(args) {
    const subject = args.requiredString('subject');
    return {
      name: `interactive_qa_mmlu:subject=${subject}`,
      scenario_spec: scenarioSpec(interactiveQaMmluSource, { subject }),
      adapter_spec: multipleChoiceAdapterSpec('multiple_choice_joint', {
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
