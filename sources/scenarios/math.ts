/**
 * @module HELM's MATHScenario (`scenarios/math_scenario.py`): competition mathematics (Hendrycks et al., 2021), one
 * subject and level, from the Hugging Face dataset `hendrycks/competition_math` at HELM's pinned revision.
 */
import { UserError } from '../../core/errors.ts';
import { pythonFloatRepr } from '../../core/helm-json.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { boxedAnswer } from '../../core/math-boxed.ts';
import { PyFloat } from '../../core/py-float.ts';
import { pyTruthy } from '../../core/python-text.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { ensureMathFolder, readMathSplit } from './math-dataset.ts';

/** HELM's `subjects_mapping`: the run entry's subject → the examples' `type`. */
export const MATH_SUBJECTS: Readonly<Record<string, string>> = {
  number_theory: 'Number Theory',
  intermediate_algebra: 'Intermediate Algebra',
  algebra: 'Algebra',
  prealgebra: 'Prealgebra',
  geometry: 'Geometry',
  counting_and_probability: 'Counting & Probability',
  precalculus: 'Precalculus',
};

/** The 8 train examples HELM uses with `use_official_examples` (problem, answer), in its order. */
const OFFICIAL_EXAMPLES: readonly (readonly [string, string])[] = [
  ['What is $\\left(\\frac{7}{8}\\right)^3 \\cdot \\left(\\frac{7}{8}\\right)^{-3}$?', '1'],
  ['In how many ways can 4 books be selected from a shelf of 6 books if the order in which the books are selected does not matter?', '15'],
  ['Find the distance between the points $(2,1,-4)$ and $(5,8,-3).$', '\\sqrt{59}'],
  [
    'The faces of an octahedral die are labeled with digits $1$ through $8$. What is the probability, expressed as a common fraction, of rolling a sum of $15$ with a pair of such octahedral dice?',
    '\\frac{1}{32}',
  ],
  ['The first three terms of an arithmetic sequence are 1, 10 and 19, respectively. What is the value of the 21st term?', '181'],
  ['Calculate $6 \\cdot 8\\frac{1}{3}', '50'],
  ['When the binary number $100101110010_2$ is divided by 4, what is the remainder (give your answer in base 10)?', '2'],
  ['How many zeros are at the end of the product 25 $\\times$ 240?', '3'],
];

/** Python `f"{value}"` of a run-entry value (text, int or float). */
function pythonFormat(value: unknown): string {
  if (value instanceof PyFloat) return pythonFloatRepr(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloatRepr(value);
  return String(value);
}

interface MathOptions {
  readonly type: string;
  readonly level: string;
  readonly useOfficialExamples: boolean;
  readonly useChainOfThought: boolean;
}

async function* readMath(cacheDir: string, options: MathOptions, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const mathDir = await ensureMathFolder(cacheDir, downloadOptionsOf(context));
  for (const split of ['train', 'test'] as const satisfies readonly Split[]) {
    if (split === 'train' && options.useOfficialExamples) {
      for (const [problem, answer] of OFFICIAL_EXAMPLES) yield { input: { text: problem }, references: [reference(answer, true)], split };
      continue;
    }
    for (const example of readMathSplit(mathDir, split)) {
      if (example.type !== options.type || example.level !== options.level) continue;
      // With chain of thought the whole solution is the reference; otherwise the inside of its last \boxed{}.
      const answer = options.useChainOfThought ? example.solution : boxedAnswer(example.solution);
      if (answer === null) {
        // HELM skips setting example["answer"] but still builds the instance: a KeyError ends the run.
        throw new UserError(
          `MATH: the ${split} example ${JSON.stringify(example.problem.slice(0, 80))} (${example.type}, ${example.level}) has no \\boxed{…} answer ` +
            'in its solution; HELM 0.5.16 fails on it (KeyError: \'answer\'). Without use_chain_of_thought every solution of the subject and level needs one.',
        );
      }
      yield { input: { text: example.problem }, references: [reference(answer, true)], split };
    }
  }
}

/**
 * MATH: the train then test examples of one subject (`type`) and level, in the order of HELM's sort by problem and
 * seed-42 shuffle; each reference the answer inside the solution's last `\boxed{}` (a solution without one is an
 * error, as it is in HELM), or with `use_chain_of_thought` the whole solution. `use_official_examples` replaces the train split by
 * the 8 examples of the MATH paper.
 * @example for await (const instance of mathSource.instances({ subject: 'algebra', level: 1 }, 'benchmark_output/scenarios/MATH')) …
 */
export const mathSource = defineScenario({
  className: 'helm.benchmark.scenarios.math_scenario.MATHScenario',
  metadata: scenarioMetadata('math_scenario', 'MATH', 'Mathematical Problem Solving', ['knowledge', 'reasoning']),
  params: { required: ['subject', 'level'], optional: ['use_official_examples', 'use_chain_of_thought'] },
  read(args, cacheDir, context) {
    const subject = args['subject'];
    const type = typeof subject === 'string' && Object.hasOwn(MATH_SUBJECTS, subject) ? MATH_SUBJECTS[subject] : undefined;
    if (type === undefined) {
      throw new UserError(`MATH: unknown subject ${JSON.stringify(subject)}; the subjects are ${Object.keys(MATH_SUBJECTS).join(', ')}.`);
    }
    const useOfficialExamples = pyTruthy(args['use_official_examples'] ?? false);
    const useChainOfThought = pyTruthy(args['use_chain_of_thought'] ?? false);
    if (useChainOfThought && useOfficialExamples) throw new UserError('MATH: official examples cannot be used with use_chain_of_thought.');
    const options = { type, level: `Level ${pythonFormat(args['level'])}`, useOfficialExamples, useChainOfThought };
    return () => readMath(cacheDir, options, context);
  },
});
