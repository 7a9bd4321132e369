/** @module `wikitext_103` (HELM `classic_run_specs.py: get_wikitext_103_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { wikitext103Source } from '../../../sources/scenarios/wikitext-103.ts';
import { languageModelingAdapterSpec } from './adapter-presets.ts';
import { languageModelingMetricSpecs } from './metric-presets.ts';
import { scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const wikitext103: RunSpecFunction = {
  params: [],
  build: () => ({
    name: 'wikitext_103',
    scenario_spec: scenarioSpec(wikitext103Source, {}),
    adapter_spec: languageModelingAdapterSpec(),
    metric_specs: languageModelingMetricSpecs([]),
    data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
    groups: ['wikitext_103'],
  }),
};
