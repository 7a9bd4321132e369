/**
 * @module `synthetic_efficiency:random=<r>` (HELM `classic_run_specs.py: get_synthetic_efficiency_spec`). Its other
 * parameters share their names with run expanders (`num_prompt_tokens`, `num_output_tokens`, `tokenizer`), and
 * expanders win: the function never receives them, so the scenario starts with None for both (null) and the
 * expanders fill them in; max_tokens stays 100 unless the num_output_tokens expander sets it.
 */
import { UserError } from '../../../core/errors.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { syntheticEfficiencySource } from '../../../sources/scenarios/synthetic-efficiency.ts';
import { pyStr } from '../py-text.ts';
import { completionAdapterSpec } from './adapter-presets.ts';
import { basicGenerationMetricSpecs, generativeHarmsMetricSpecs, genericMetricSpecs } from './metric-presets.ts';
import { optional, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

export const syntheticEfficiency: RunSpecFunction = {
  params: [optional('num_prompt_tokens'), optional('num_output_tokens'), optional('tokenizer'), optional('random')],
  build(args) {
    const random = args.string('random');
    const numOutputTokens = args.get('num_output_tokens');
    if (numOutputTokens !== undefined && (typeof numOutputTokens !== 'number' || !Number.isSafeInteger(numOutputTokens))) {
      throw new UserError(`synthetic_efficiency: num_output_tokens=${pyStr(numOutputTokens)} must be an integer number of tokens.`);
    }
    return {
      name: `synthetic_efficiency:random=${random ?? 'None'}`,
      scenario_spec: scenarioSpec(syntheticEfficiencySource, {
        num_prompt_tokens: args.get('num_prompt_tokens') ?? null,
        num_instances: 10,
        tokenizer: args.get('tokenizer') ?? null,
      }),
      adapter_spec: completionAdapterSpec({
        ...(numOutputTokens === undefined ? {} : { maxTokens: numOutputTokens }),
        ...(random === undefined ? {} : { overrides: { random } }),
      }),
      metric_specs: [...basicGenerationMetricSpecs(['exact_match']), ...genericMetricSpecs(), ...generativeHarmsMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['synthetic_efficiency'],
    };
  },
};
