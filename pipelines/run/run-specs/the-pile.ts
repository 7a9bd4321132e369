/** @module `the_pile:subset=…` (HELM `classic_run_specs.py: get_the_pile_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { languageModelingAdapterSpec } from './adapter-presets.ts';
import { languageModelingMetricSpecs } from './metric-presets.ts';
import { required, type RunSpecFunction } from './run-spec-function.ts';

export const thePile: RunSpecFunction = {
  params: [required('subset')],
  build(args) {
    const subset = args.requiredString('subset');
    return {
      name: `the_pile:subset=${subset}`,
      scenario_spec: { class_name: 'helm.benchmark.scenarios.the_pile_scenario.ThePileScenario', args: { subset } },
      adapter_spec: languageModelingAdapterSpec(),
      metric_specs: languageModelingMetricSpecs([]),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['the_pile'],
    };
  },
};
