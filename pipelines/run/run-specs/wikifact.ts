/** @module `wikifact:k=<k>,subject=<relation>` (HELM `classic_run_specs.py: get_wikifact_spec`). */
import { UserError } from '../../../core/errors.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { parsePyInt } from '../../../core/python-number.ts';
import { wikifactSource } from '../../../sources/scenarios/wikifact.ts';
import { pyStr, type ArgValue } from '../py-text.ts';
import { completionAdapterSpec } from './adapter-presets.ts';
import { exactMatchMetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecFunction } from './run-spec-function.ts';

/** Python `int(k)` of a run-entry value: an int as is, a float truncated, a text parsed (else Python's ValueError). */
function pyIntOf(value: ArgValue, where: string): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Math.trunc(value.value);
  const parsed = parsePyInt(value);
  if (parsed === undefined) throw new UserError(`${where}: k=${value} must be a whole number (the number of answers to sample).`);
  return parsed;
}

export const wikifact: RunSpecFunction = {
  params: [required('k'), required('subject')],
  build(args) {
    const k = args.get('k')!;
    const subject = args.requiredString('subject');
    return {
      name: `wikifact:k=${pyStr(k)},subject=${subject}`,
      scenario_spec: scenarioSpec(wikifactSource, { subject }),
      adapter_spec: completionAdapterSpec({
        outputPrefix: ' ', // separate subject and predicate by a space
        outputSuffix: '\n',
        maxTrainInstances: 5,
        numOutputs: pyIntOf(k, 'wikifact'), // accuracy@k
        temperature: pyFloat(1), // temperature 1 so that the top k predictions differ
        maxTokens: 8, // tokens of the longest answer in the dataset
        stopSequences: ['\n'],
      }),
      metric_specs: [...exactMatchMetricSpecs(), ...generativeHarmsMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: ['wikifact'],
    };
  },
};
