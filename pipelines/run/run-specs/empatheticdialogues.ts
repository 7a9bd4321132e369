/** @module `empatheticdialogues` (HELM `classic_run_specs.py: get_empatheticdialogues_spec`). */
import { adapterSpec } from '../../../core/adapter-spec.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { empatheticDialoguesSource } from '../../../sources/scenarios/empatheticdialogues.ts';
import { exactMatchMetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const empatheticdialogues: RunSpecFunction = {
  params: [],
  build: () => ({
    name: 'empatheticdialogues',
    scenario_spec: scenarioSpec(empatheticDialoguesSource, {}),
    // A bare AdapterSpec (no preset): HELM's defaults elsewhere, so input_suffix "\n", output_suffix "\n", no stop
    // sequences. HELM marks max_tokens and temperature "TODO: Justify".
    adapter_spec: adapterSpec({
      method: 'generation',
      input_prefix: '',
      output_prefix: 'BEGIN DIALOGUE\n',
      max_train_instances: 5,
      num_outputs: 1,
      max_tokens: 50,
      temperature: pyFloat(0.9),
    }),
    metric_specs: [...exactMatchMetricSpecs(), ...generativeHarmsMetricSpecs()],
    data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
    groups: [],
  }),
};
