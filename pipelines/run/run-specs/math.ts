/**
 * @module `math:subject=…,level=…,use_official_examples=…,use_chain_of_thought=…` (HELM `lite_run_specs.py:
 * get_math_spec`): the MATH competition problems, answered in LaTeX and scored by `math_equiv`.
 */
import { adapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC } from '../../../core/run-spec.ts';
import { mathSource } from '../../../sources/scenarios/math.ts';
import { pyStr } from '../py-text.ts';
import { basicMetricSpecs, generativeHarmsMetricSpecs } from './metric-presets.ts';
import { optional, required, scenarioSpec, type RunSpecArgs, type RunSpecFunction } from './run-spec-function.ts';

/** HELM `flag.lower() == "true"` of a text flag (a number has no `.lower()`: HELM fails with an AttributeError). */
function textFlag(args: RunSpecArgs, name: string): boolean {
  const value = args.get(name) ?? 'False';
  if (typeof value !== 'string') throw new UserError(`math: ${name}=${pyStr(value)} must be True or False (HELM calls .lower() on it).`);
  return value.toLowerCase() === 'true';
}

const pyBool = (flag: boolean): string => (flag ? 'True' : 'False');

export const math: RunSpecFunction = {
  params: [required('subject'), required('level'), optional('use_official_examples'), optional('use_chain_of_thought')],
  build(args) {
    const subject = args.get('subject')!;
    const level = args.get('level')!;
    const useOfficialExamples = textFlag(args, 'use_official_examples');
    const useChainOfThought = textFlag(args, 'use_chain_of_thought');
    if (useChainOfThought && useOfficialExamples) throw new UserError('math: official examples cannot be used with use_chain_of_thought=True.');
    const cot = useChainOfThought
      ? // the solution goes in the output (https://arxiv.org/abs/2201.11903), without LaTeX's '$' delimiters
        { output_prefix: 'Answer: ', output_suffix: '\n', max_tokens: 400, stop_sequences: ['###'] } // ### starts the next instance
      : { output_prefix: 'Answer: $', output_suffix: '$\n', max_tokens: 20, stop_sequences: ['$'] }; // $ closes the LaTeX answer
    return {
      name:
        `math:subject=${pyStr(subject)},level=${pyStr(level)},` +
        `use_official_examples=${pyBool(useOfficialExamples)},use_chain_of_thought=${pyBool(useChainOfThought)}`,
      scenario_spec: scenarioSpec(mathSource, { subject, level, use_official_examples: useOfficialExamples, use_chain_of_thought: useChainOfThought }),
      adapter_spec: adapterSpec({
        method: 'generation',
        instructions: 'Given a mathematics problem, determine the answer. Simplify your answer as much as possible.\n',
        max_train_instances: 8,
        num_outputs: 1,
        temperature: pyFloat(0),
        stop_sequences: cot.stop_sequences,
        max_tokens: cot.max_tokens,
        input_prefix: 'Problem: ',
        input_suffix: '\n',
        output_prefix: cot.output_prefix,
        output_suffix: cot.output_suffix,
        instance_prefix: '###\n',
      }),
      metric_specs: [...basicMetricSpecs([useChainOfThought ? 'math_equiv_chain_of_thought' : 'math_equiv']), ...generativeHarmsMetricSpecs()],
      data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
      groups: [useChainOfThought ? 'math_chain_of_thought' : 'math_regular'],
    };
  },
};
