/** @module `gsm` (HELM `lite_run_specs.py: get_gsm_spec`): GSM8K grade-school math. */
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { gsmSource } from '../../../sources/scenarios/gsm.ts';
import { generationAdapterSpec } from './adapter-presets.ts';
import { basicGenerationMetricSpecs, generativeHarmsMetricSpecs, genericMetricSpecs } from './metric-presets.ts';
import { scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const gsm: RunSpecFunction = {
  params: [],
  build: () => ({
    name: 'gsm',
    scenario_spec: scenarioSpec(gsmSource, {}),
    // Following the GSM8K paper (https://arxiv.org/pdf/2110.14168.pdf).
    adapter_spec: generationAdapterSpec({
      inputNoun: 'Q',
      outputNoun: 'A',
      maxTrainInstances: 5, // due to limited context and long example length
      maxTokens: 400, // the paper uses 400 tokens as the max sample length
      stopSequences: ['\n\n'], // since answers may contain newlines, two of them separate examples
    }),
    // No basic reference metrics here (unlike EM4), as in HELM.
    metric_specs: [
      ...basicGenerationMetricSpecs(['exact_match_indicator', 'final_number_exact_match']),
      ...genericMetricSpecs(),
      ...generativeHarmsMetricSpecs(),
    ],
    data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
    groups: ['gsm'],
  }),
};
