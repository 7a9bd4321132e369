/** @module `dyck_language:num_parenthesis_pairs=<n>` (HELM `classic_run_specs.py: get_dyck_language_spec`), named `dyck_language_np=<n>`. */
import { UserError } from '../../../core/errors.ts';
import { PyFloat } from '../../../core/py-float.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { parsePyInt } from '../../../core/python-number.ts';
import { dyckLanguageSource } from '../../../sources/scenarios/dyck-language.ts';
import { type ArgValue } from '../py-text.ts';
import { completionAdapterSpec } from './adapter-presets.ts';
import { basicGenerationMetricSpecs, generativeHarmsMetricSpecs, genericMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

/** Python `int(value)`: an int as is, a float truncated, a string parsed (else ValueError, here a UserError). */
function pyInt(value: ArgValue): number {
  const n = value instanceof PyFloat ? value.value : typeof value === 'string' ? parsePyInt(value) : value;
  if (n === undefined || !Number.isFinite(n)) {
    throw new UserError(`dyck_language: num_parenthesis_pairs=${String(value instanceof PyFloat ? value.value : value)} is not an integer (1 to 4).`);
  }
  return Math.trunc(n) + 0; // + 0: no -0
}

export const dyckLanguage: RunSpecFunction = {
  params: [required('num_parenthesis_pairs')],
  build(args) {
    const pairs = pyInt(args.get('num_parenthesis_pairs')!);
    return {
      name: `dyck_language_np=${pairs}`,
      scenario_spec: scenarioSpec(dyckLanguageSource, { num_parenthesis_pairs: pairs }),
      adapter_spec: completionAdapterSpec({
        instructions: 'Please complete the rest of the following Dyck sequences, making sure that the parentheses are closed properly.',
        inputPrefix: 'Input: ',
        maxTokens: 5,
        maxTrainInstances: 3, // determined by looking at the average length of examples to see what fits
        stopSequences: ['\n'],
      }),
      metric_specs: [...basicGenerationMetricSpecs(['exact_match_indicator']), ...genericMetricSpecs(), ...generativeHarmsMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['dyck_language'],
    };
  },
};
