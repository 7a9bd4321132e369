/** @module `babi_qa[:task=…]` (HELM `classic_run_specs.py: get_babi_qa_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { babiQaSource } from '../../../sources/scenarios/babi-qa.ts';
import { pyStr } from '../py-text.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs } from './metric-presets.ts';
import { optional, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const babiQa: RunSpecFunction = {
  params: [optional('task')],
  build(args) {
    // The value goes to the scenario as given (`task=3` is the int 3); the scenario checks it.
    const task = args.get('task') ?? 'all';
    return {
      name: `babi_qa:task=${pyStr(task)}`,
      scenario_spec: scenarioSpec(babiQaSource, { task }),
      // Answers are 1-2 words (1 for all tasks except task 19)
      adapter_spec: generationAdapterSpec({ inputNoun: 'Passage', outputNoun: 'Answer' }),
      metric_specs: exactMatchMetricSpecs(),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['babi_qa'],
    };
  },
};
