/** @module `copyright:datatag=<tag>` (HELM `classic_run_specs.py: get_copyright_spec`). */
import { pyFloat } from '../../../core/py-float.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { copyrightSource, isCodeDatatag } from '../../../sources/scenarios/copyright.ts';
import { UserError } from '../../../core/errors.ts';
import { pyStr, type ArgValue } from '../py-text.ts';
import { completionAdapterSpec } from './adapter-presets.ts';
import { copyrightMetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { optional, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

/**
 * HELM's defaults: temperature 0.2, max_tokens 1024, one output. `temperature` and `num_outputs` are also run
 * expanders, which take them before the function sees them, so those defaults always hold here; `max_tokens` is
 * not, so a description's value reaches the adapter spec. The two normalization flags reach the metric as given
 * (a description's `False` is the truthy string "False").
 */
function maxTokensOf(value: ArgValue | undefined): number {
  if (value === undefined) return 1024;
  if (typeof value !== 'number') throw new UserError(`copyright: max_tokens=${pyStr(value)} must be an integer.`);
  return value;
}

export const copyright: RunSpecFunction = {
  params: ['datatag', 'temperature', 'max_tokens', 'num_outputs', 'normalize_by_prefix_length', 'normalize_newline_space_tab'].map(optional),
  build(args) {
    const datatag = args.get('datatag') ?? 'pilot';
    return {
      name: `copyright:datatag=${pyStr(datatag)}`,
      scenario_spec: scenarioSpec(copyrightSource, { datatag }),
      // temperature and num_outputs never reach here: their expanders take those keys first.
      adapter_spec: completionAdapterSpec({ temperature: pyFloat(0.2), maxTokens: maxTokensOf(args.get('max_tokens')), numOutputs: 1 }),
      metric_specs: [
        ...copyrightMetricSpecs({
          normalize_by_prefix_length: args.get('normalize_by_prefix_length') ?? true,
          normalize_newline_space_tab: args.get('normalize_newline_space_tab') ?? false,
        }),
        ...generativeHarmsMetricSpecs(),
      ],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: [isCodeDatatag(datatag) ? 'copyright_code' : 'copyright_text'],
    };
  },
};
