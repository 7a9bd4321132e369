/** @module `imdb[:only_contrast=…]` (HELM `classic_run_specs.py: get_imdb_spec`). */
import { pyTruthy } from '../../../core/python-text.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { imdbSource } from '../../../sources/scenarios/imdb.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { classificationMetricSpecs, exactMatchMetricSpecs } from './metric-presets.ts';
import { optional, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const imdb: RunSpecFunction = {
  params: [optional('only_contrast')],
  build(args) {
    // As for boolq: no boolean parsing in HELM, so `only_contrast=False` is the truthy string "False", passed on as is.
    const onlyContrast = args.get('only_contrast') ?? false;
    return {
      name: 'imdb' + (pyTruthy(onlyContrast) ? ':only_contrast=True' : ''),
      scenario_spec: scenarioSpec(imdbSource, { only_contrast: onlyContrast }),
      adapter_spec: generationAdapterSpec({ inputNoun: 'Passage', outputNoun: 'Sentiment' }),
      metric_specs: [...exactMatchMetricSpecs(), ...classificationMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['imdb'],
    };
  },
};
