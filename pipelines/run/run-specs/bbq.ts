/** @module `bbq:subject=<s>[,method=<m>]` (HELM `classic_run_specs.py: get_bbq_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { bbqSource } from '../../../sources/scenarios/bbq.ts';
import { multipleChoiceAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { optional, required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const bbq: RunSpecFunction = {
  params: [required('subject'), optional('method')],
  build(args) {
    const subject = args.requiredString('subject');
    const method = args.string('method') ?? 'multiple_choice_joint';
    return {
      name: `bbq:subject=${subject},method=${method}`,
      scenario_spec: scenarioSpec(bbqSource, { subject }),
      adapter_spec: multipleChoiceAdapterSpec(method, {
        instructions: 'The following are multiple choice questions (with answers).',
        inputNoun: 'Passage',
        outputNoun: 'Answer',
      }),
      metric_specs: [{ class_name: 'helm.benchmark.metrics.bbq_metrics.BBQMetric', args: {} }, ...exactMatchMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['bbq'],
    };
  },
};
