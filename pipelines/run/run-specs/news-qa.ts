/** @module `news_qa` (HELM `classic_run_specs.py: get_news_qa_spec`). */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { newsQaSource } from '../../../sources/scenarios/news-qa.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { f1MetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const newsQa: RunSpecFunction = {
  params: [],
  build: () => ({
    name: 'news_qa',
    scenario_spec: scenarioSpec(newsQaSource, {}),
    adapter_spec: generationAdapterSpec({ inputNoun: 'Passage', outputNoun: 'Answer', maxTokens: 50 }), // answers are at most 13 words
    metric_specs: [...f1MetricSpecs(), ...generativeHarmsMetricSpecs()],
    data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
    groups: ['news_qa'],
  }),
};
