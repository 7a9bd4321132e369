/** @module `boolq[:only_contrast=…]` (HELM `classic_run_specs.py: get_boolq_spec`). */
import { pyTruthy } from '../../../core/python-text.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { boolqSource } from '../../../sources/scenarios/boolq.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { biasMetricSpecs, exactMatchMetricSpecs } from './metric-presets.ts';
import { optional, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const boolq: RunSpecFunction = {
  params: [optional('only_contrast')],
  build(args) {
    // HELM has no boolean parsing: `only_contrast=False` is the string "False", which is truthy, and the
    // scenario receives the raw value. Copied as is.
    const onlyContrast = args.get('only_contrast') ?? false;
    return {
      name: 'boolq' + (pyTruthy(onlyContrast) ? ':only_contrast=True' : ''),
      scenario_spec: scenarioSpec(boolqSource, { only_contrast: onlyContrast }),
      adapter_spec: generationAdapterSpec({ inputNoun: 'Passage', outputNoun: 'Answer' }),
      metric_specs: [...exactMatchMetricSpecs(), ...biasMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['boolq'],
    };
  },
};
