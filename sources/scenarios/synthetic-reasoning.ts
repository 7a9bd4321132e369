/**
 * @module HELM's SyntheticReasoningScenario (`scenarios/synthetic_reasoning_scenario.py`, after LIME): rules made of
 * symbols X/Y/Z and + - * =, substituted with animal and fruit names. Three modes ask for the result of a
 * substitution, the rule behind two results, or which of four rules a result matches. Nothing is downloaded: the
 * 11,000 instances (1,000 train, 5,000 valid, 5,000 test) come from NumPy's legacy `RandomState(42)`, drawn call for
 * call as HELM draws them, and are yielded one by one as they are generated.
 */
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { NumpyRandomState } from '../../core/rng/numpy-random-state.ts';
import { defineScenario, scenarioMetadata } from '../scenario-source.ts';

const ANIMALS = ['zebra', 'cobra', 'stork', 'penguin', 'shark', 'lion', 'buffalo', 'whale', 'seal', 'eagle', 'horse', 'rat'];
const FRUITS = ['apple', 'peach', 'watermelon', 'banana', 'grape', 'kiwi', 'pear', 'strawberry', 'blueberry', 'blackberry'];
const TOKENS = [...ANIMALS, ...FRUITS];
const RULE_SYMBOLS = ['X', 'Y', 'Z'];
const MATH_SYMBOLS = ['+', '-', '*', '='];

/** The modes HELM accepts. */
export const SYNTHETIC_REASONING_MODES = ['variable_substitution', 'pattern_match', 'induction'] as const;
export type SyntheticReasoningMode = (typeof SYNTHETIC_REASONING_MODES)[number];

/** HELM's split sizes, in generation order. */
const SPLITS: readonly { readonly split: Split; readonly count: number }[] = [
  { split: 'train', count: 1000 },
  { split: 'valid', count: 5000 },
  { split: 'test', count: 5000 },
];

/** NumPy `rng.choice(items, size=size)`: with replacement, one masked draw per pick. */
const choose = (rng: NumpyRandomState, items: readonly string[], size: number): string[] =>
  rng.choiceWithReplacement(items.length, size).map((i) => items[i]!);

/** HELM `gen_pattern`: the rule symbols then the math symbols, shuffled in place by NumPy. */
function pattern(rng: NumpyRandomState, mathSymbols: readonly string[], ruleSymbols: readonly string[]): string[] {
  const symbols = [...ruleSymbols, ...mathSymbols];
  rng.shuffle(symbols);
  return symbols;
}

/** HELM `gen_subst`: each symbol → 1 or 2 random tokens, and its text `X by " a b " , Y by " c "`. */
function substitution(rng: NumpyRandomState, symbols: readonly string[]): { map: ReadonlyMap<string, string>; text: string } {
  const map = new Map<string, string>();
  const words: string[] = [];
  for (const symbol of symbols) {
    const length = rng.randint(1, 3);
    const value = choose(rng, TOKENS, length).join(' ');
    map.set(symbol, value);
    words.push(symbol, 'by', '"', value, '"', ',');
  }
  return { map, text: words.slice(0, -1).join(' ') };
}

/** HELM `pattern_subst`: every rule symbol replaced by its substitution (tokens are never symbols themselves). */
const substitute = (symbols: readonly string[], map: ReadonlyMap<string, string>): string => symbols.map((s) => map.get(s) ?? s).join(' ');

/** One instance's input and target; consumes the generator exactly as HELM's loop body does. */
function problem(rng: NumpyRandomState, mode: SyntheticReasoningMode): { input: string; target: string } {
  const ruleSymbols = choose(rng, RULE_SYMBOLS, rng.randint(2, 4));
  const symbolSet = [...new Set(ruleSymbols)].sort(); // sorted, as HELM makes it deterministic
  const mathSymbols = choose(rng, MATH_SYMBOLS, rng.randint(2, 4));
  const rule = pattern(rng, mathSymbols, ruleSymbols);
  const first = substitution(rng, symbolSet);
  const second = substitution(rng, symbolSet); // drawn in every mode, used by induction only
  const result = substitute(rule, first.map);
  const ruleText = rule.join(' ');
  switch (mode) {
    case 'induction':
      return { input: `Two results: ${result} | ${substitute(rule, second.map)}`, target: `Rule: ${ruleText}` };
    case 'variable_substitution':
      return { input: `Rules: ${ruleText} | Substitutions: ${first.text}`, target: result };
    case 'pattern_match': {
      // Three other rules over the distinct symbols as negatives, then all four shuffled.
      const rules = [0, 1, 2].map(() => pattern(rng, mathSymbols, symbolSet).join(' '));
      rules.push(ruleText);
      rng.shuffle(rules);
      return { input: `Rules: ${rules.join(' | ')} | Result: ${result}`, target: ruleText };
    }
  }
}

async function* generate(mode: SyntheticReasoningMode, seed: number): AsyncGenerator<RawInstance> {
  const rng = new NumpyRandomState(seed);
  for (const { split, count } of SPLITS) {
    for (let i = 0; i < count; i++) {
      const { input, target } = problem(rng, mode);
      yield { input: { text: input }, references: [reference(target, true)], split };
    }
  }
}

function checkMode(mode: unknown): SyntheticReasoningMode {
  if (typeof mode === 'string' && (SYNTHETIC_REASONING_MODES as readonly string[]).includes(mode)) return mode as SyntheticReasoningMode;
  throw new UserError(`synthetic_reasoning: unsupported mode ${JSON.stringify(mode)}; expected one of ${SYNTHETIC_REASONING_MODES.join(', ')}.`);
}

function checkSeed(seed: unknown): number {
  if (typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32) return seed;
  throw new UserError(`synthetic_reasoning: random_seed=${JSON.stringify(seed)} must be an integer in [0, 2**32) (a NumPy RandomState seed).`);
}

/**
 * Synthetic reasoning (`mode=variable_substitution|pattern_match|induction`, optional `random_seed`, default 42).
 * @example for await (const instance of syntheticReasoningSource.instances({ mode: 'induction' }, cacheDir)) …
 */
export const syntheticReasoningSource = defineScenario({
  className: 'helm.benchmark.scenarios.synthetic_reasoning_scenario.SyntheticReasoningScenario',
  metadata: scenarioMetadata('synthetic_reasoning_scenario', 'synthetic_reasoning', 'Synthetic reasoning benchmark', [
    'reasoning',
    'language',
    'pattern_matching',
  ]),
  params: { required: ['mode'], optional: ['random_seed'] },
  read(args) {
    const mode = checkMode(args['mode']);
    const seed = checkSeed(args['random_seed'] ?? 42);
    return () => generate(mode, seed);
  },
});
