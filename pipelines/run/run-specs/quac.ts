/** @module `quac` (HELM `classic_run_specs.py: get_quac_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { quacSource } from '../../../sources/scenarios/quac.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { f1MetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const quac: RunSpecFunction = {
  params: [],
  build: () => ({
    name: 'quac',
    scenario_spec: scenarioSpec(quacSource, {}),
    // No input noun: the scenario's prompt carries its own "Title:", "Passage:" and "Question:" lines.
    adapter_spec: generationAdapterSpec({ inputNoun: null, outputNoun: 'Answer', maxTokens: 100 }),
    metric_specs: [...f1MetricSpecs(), ...generativeHarmsMetricSpecs()],
    data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
    groups: ['quac'],
  }),
};
