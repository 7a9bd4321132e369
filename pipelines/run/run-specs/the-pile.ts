/** @module `the_pile:subset=…` (HELM `classic_run_specs.py: get_the_pile_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { thePileSource } from '../../../sources/scenarios/the-pile.ts';
import { languageModelingAdapterSpec } from './adapter-presets.ts';
import { languageModelingMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const thePile: RunSpecFunction = {
  params: [required('subset')],
  build(args) {
    const subset = args.requiredString('subset');
    return {
      name: `the_pile:subset=${subset}`,
      scenario_spec: scenarioSpec(thePileSource, { subset }),
      adapter_spec: languageModelingAdapterSpec(),
      metric_specs: languageModelingMetricSpecs([]),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['the_pile'],
    };
  },
};
