/** @module `twitter_aae:demographic=…` (HELM `classic_run_specs.py: get_twitter_aae_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { twitterAaeSource } from '../../../sources/scenarios/twitter-aae.ts';
import { languageModelingAdapterSpec } from './adapter-presets.ts';
import { languageModelingMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const twitterAae: RunSpecFunction = {
  params: [required('demographic')],
  build(args) {
    const demographic = args.requiredString('demographic');
    return {
      name: `twitter_aae:demographic=${demographic}`,
      scenario_spec: scenarioSpec(twitterAaeSource, { demographic }),
      adapter_spec: languageModelingAdapterSpec(),
      metric_specs: languageModelingMetricSpecs([]),
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['twitter_aae', `twitter_aae_${demographic}`],
    };
  },
};
