/** @module `natural_qa:mode=<m>` (HELM `lite_run_specs.py: get_natural_qa_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { naturalQaSource } from '../../../sources/scenarios/natural-qa.ts';
import { pyStr } from '../py-text.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { f1MetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const naturalQa: RunSpecFunction = {
  params: [required('mode')],
  build(args) {
    const mode = args.get('mode')!; // passed on as given; the scenario checks it, as HELM's asserts
    return {
      name: `natural_qa:mode=${pyStr(mode)}`,
      scenario_spec: scenarioSpec(naturalQaSource, { mode }),
      adapter_spec: generationAdapterSpec({
        inputNoun: mode === 'closedbook' ? 'Question' : null, // open book: the input starts with "Passage: "
        outputNoun: 'Answer',
        maxTokens: 300, // answers are at most 65 words
      }),
      metric_specs: [...f1MetricSpecs(), ...generativeHarmsMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: [`natural_qa_${pyStr(mode)}`],
    };
  },
};
