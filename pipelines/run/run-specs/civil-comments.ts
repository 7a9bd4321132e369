/** @module `civil_comments:demographic=…` (HELM `classic_run_specs.py: get_civil_comments_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { civilCommentsSource } from '../../../sources/scenarios/civil-comments.ts';
import { pyStr } from '../py-text.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { biasMetricSpecs, classificationMetricSpecs, exactMatchMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const civilComments: RunSpecFunction = {
  params: [required('demographic')],
  build(args) {
    // Passed on as given; the scenario checks it (HELM asserts in the scenario, not here).
    const demographic = args.get('demographic')!;
    return {
      name: `civil_comments:demographic=${pyStr(demographic)}`,
      scenario_spec: scenarioSpec(civilCommentsSource, { demographic }),
      adapter_spec: generationAdapterSpec({ inputNoun: 'Passage', outputNoun: 'Answer' }),
      metric_specs: [...exactMatchMetricSpecs(), ...biasMetricSpecs(), ...classificationMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['civil_comments'],
    };
  },
};
