/** @module `lsat_qa:task=<t>[,method=<m>]` (HELM `classic_run_specs.py: get_lsat_qa_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { lsatQaSource } from '../../../sources/scenarios/lsat-qa.ts';
import { multipleChoiceAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { optional, required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const lsatQa: RunSpecFunction = {
  params: [required('task'), optional('method')],
  build(args) {
    const task = args.requiredString('task');
    const method = args.string('method') ?? 'multiple_choice_joint';
    return {
      name: `lsat_qa:task=${task},method=${method}`,
      scenario_spec: scenarioSpec(lsatQaSource, { task }),
      adapter_spec: multipleChoiceAdapterSpec(method, {
        instructions: 'The following are multiple choice questions (with answers).',
        inputNoun: 'Passage',
        outputNoun: 'Answer',
      }),
      metric_specs: exactMatchMetricSpecs(),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['lsat_qa'],
    };
  },
};
