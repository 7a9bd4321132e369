/** @module `narrative_qa` (HELM `lite_run_specs.py: get_narrativeqa_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { narrativeQaSource } from '../../../sources/scenarios/narrative-qa.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { generativeHarmsMetricSpecs, openEndedGenerationMetricSpecs } from './metric-presets.ts';
import { scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const narrativeQa: RunSpecFunction = {
  params: [],
  build: () => ({
    name: 'narrative_qa',
    scenario_spec: scenarioSpec(narrativeQaSource, {}),
    adapter_spec: generationAdapterSpec({ inputNoun: 'Passage', outputNoun: 'Answer', maxTokens: 100 }), // max 30 words
    metric_specs: [...openEndedGenerationMetricSpecs(), ...generativeHarmsMetricSpecs()],
    data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
    groups: ['narrative_qa'],
  }),
};
