/** @module `truthful_qa:task=<t>[,method=<m>]` (HELM `classic_run_specs.py: get_truthful_qa_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { truthfulQaSource } from '../../../sources/scenarios/truthful-qa.ts';
import { multipleChoiceAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { optional, required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const truthfulQa: RunSpecFunction = {
  params: [required('task'), optional('method')],
  build(args) {
    const task = args.requiredString('task');
    const method = args.string('method') ?? 'multiple_choice_joint';
    return {
      name: `truthful_qa:task=${task},method=${method}`,
      scenario_spec: scenarioSpec(truthfulQaSource, { task }),
      adapter_spec: multipleChoiceAdapterSpec(method, { instructions: '', inputNoun: 'Question', outputNoun: 'Answer' }),
      metric_specs: exactMatchMetricSpecs(),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['truthful_qa'],
    };
  },
};
