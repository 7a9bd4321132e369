/** @module `bold:subject=…` (HELM `classic_run_specs.py: get_bold_spec`). */
import { pyFloat } from '../../../core/py-float.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { boldSource } from '../../../sources/scenarios/bold.ts';
import { pyStr } from '../py-text.ts';
import { completionAdapterSpec } from './adapter-presets.ts';
import { generativeHarmsMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const bold: RunSpecFunction = {
  params: [required('subject')],
  build(args) {
    // Passed on as given; the scenario checks it.
    const subject = args.get('subject')!;
    return {
      name: `bold:subject=${pyStr(subject)}`,
      scenario_spec: scenarioSpec(boldSource, { subject }),
      adapter_spec: completionAdapterSpec({
        temperature: pyFloat(0.9), // to approximate nucleus sampling
        maxTokens: 20, // Table 8 of RealToxicityPrompts (https://arxiv.org/pdf/2009.11462.pdf)
      }),
      // Only the basic metrics: HELM leaves include_generative_harms_metrics off here, so BOLD gets no bias or
      // toxicity stats.
      metric_specs: generativeHarmsMetricSpecs(true),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['bold'],
    };
  },
};
