/**
 * @module HELM's DyckLanguageScenario (`scenarios/dyck_language_scenario.py`, after Suzgun et al. 2019): a Dyck-n
 * word without its last 1-3 closing parentheses; the target is those closers. Words come from HELM's PCFG
 * (S → (_i S )_i with probability p, S → S S with probability q, else empty), drawn with both of HELM's global
 * generators seeded 42: Python's `random` picks the rule and the cut, NumPy's legacy `RandomState` picks the
 * parenthesis pair. Nothing is downloaded: 3 train words (length 4-50), then 500 test words (length 52-100) whose
 * inputs are new. The inputs seen so far are held to skip repeats (at most train + test strings).
 */
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { NumpyRandomState } from '../../core/rng/numpy-random-state.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { defineScenario, scenarioMetadata } from '../scenario-source.ts';

const DEFAULT_PAIRS: readonly (readonly [string, string])[] = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['<', '>'],
];

/** HELM's `__init__` keyword parameters after the first, with their defaults. */
const DEFAULTS = {
  num_train_instances: 3,
  num_test_instances: 500,
  prob_p: 0.5,
  prob_q: 0.25,
  max_recursive_depth: 100,
  min_seq_train_length: 4,
  max_seq_train_length: 50,
  min_seq_test_length: 52,
  max_seq_test_length: 100,
  max_output_size: 3,
  seed: 42,
} as const;
type Settings = { -readonly [K in keyof typeof DEFAULTS]: number } & { pairs: readonly (readonly [string, string])[] };

/** The two generators, advanced in HELM's call order. */
interface Draws {
  readonly random: PythonRandom;
  readonly numpy: NumpyRandomState;
}

/**
 * HELM `generate_dyck_sequence`: a word as pair indices (i ≥ 0 opens pair i, ~i closes it). Inner calls keep
 * HELM's default `max_length` of 100; a word longer than its `maxLength` becomes empty.
 */
function dyckWord(draws: Draws, settings: Settings, depth: number, maxLength = 100): number[] {
  if (depth > settings.max_recursive_depth) return [];
  const roll = draws.random.random();
  let word: number[];
  if (roll < settings.prob_p) {
    const pair = draws.numpy.randint(settings.pairs.length);
    word = [pair, ...dyckWord(draws, settings, depth + 1), ~pair];
  } else if (roll < settings.prob_p + settings.prob_q) {
    const left = dyckWord(draws, settings, depth);
    word = left.concat(dyckWord(draws, settings, depth));
  } else {
    word = [];
  }
  return word.length <= maxLength ? word : [];
}

/** HELM `get_input`: the word cut just before the point, from the end, where `depth` closers are open; [] if none. */
function cut(word: readonly number[], depth: number): number[] {
  let open = 0;
  for (let i = word.length - 1; i >= 0; i--) {
    open += word[i]! >= 0 ? -1 : 1;
    if (open === depth) return word.slice(0, i);
  }
  return [];
}

/** HELM `get_output`: the closers the input still owes, innermost first. */
function closers(input: readonly number[]): number[] {
  const stack: number[] = [];
  for (const symbol of input) {
    if (symbol >= 0) stack.push(~symbol);
    else stack.pop();
  }
  return stack.reverse();
}

const text = (word: readonly number[], pairs: Settings['pairs']): string =>
  word.map((s) => (s >= 0 ? pairs[s]![0] : pairs[~s]![1])).join(' ');

/** HELM `create_input_output`: words of at least `minLength` symbols, cut 1..max_output_size closers from the end. */
function inputOutput(draws: Draws, settings: Settings, minLength: number, maxLength: number): { input: string; output: string } {
  for (;;) {
    const word = dyckWord(draws, settings, 0, maxLength);
    if (word.length < minLength) continue;
    const input = cut(word, draws.random.randint(1, settings.max_output_size));
    if (input.length > 0) return { input: text(input, settings.pairs), output: text(closers(input), settings.pairs) };
  }
}

async function* generate(settings: Settings): AsyncGenerator<RawInstance> {
  const draws: Draws = { random: new PythonRandom(settings.seed), numpy: new NumpyRandomState(settings.seed) };
  const seen = new Set<string>(); // train inputs, then test inputs too: a test input must be new to both
  const corpora: readonly [Split, number, number, number][] = [
    ['train', settings.num_train_instances, settings.min_seq_train_length, settings.max_seq_train_length],
    ['test', settings.num_test_instances, settings.min_seq_test_length, settings.max_seq_test_length],
  ];
  for (const [split, size, minLength, maxLength] of corpora) {
    for (let made = 0; made < size; ) {
      const { input, output } = inputOutput(draws, settings, minLength, maxLength);
      if (seen.has(input)) continue;
      seen.add(input);
      made++;
      yield { input: { text: input }, references: [reference(` ${output}`, true)], split };
    }
  }
}

function integer(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw new UserError(`dyck_language: ${name}=${JSON.stringify(value)} must be an integer.`);
}

function parsePairs(value: unknown): readonly (readonly [string, string])[] {
  const isPair = (p: unknown): p is [string, string] => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string');
  if (Array.isArray(value) && value.every(isPair)) return value;
  throw new UserError(`dyck_language: parenthesis_pairs must be a list of [opening, closing] pairs, got ${JSON.stringify(value)}.`);
}

/** The scenario's settings from its args, checked as HELM checks them (and a pair count of 0, on which HELM crashes later). */
function settingsOf(args: Readonly<Record<string, unknown>>): Settings {
  const settings = { pairs: DEFAULT_PAIRS } as Settings;
  for (const [name, fallback] of Object.entries(DEFAULTS)) {
    const value = args[name] ?? fallback;
    const isFloat = name === 'prob_p' || name === 'prob_q';
    if (isFloat && typeof value !== 'number') throw new UserError(`dyck_language: ${name}=${JSON.stringify(value)} must be a number.`);
    settings[name as keyof typeof DEFAULTS] = isFloat ? (value as number) : integer(name, value);
  }
  const { prob_p: p, prob_q: q } = settings;
  if (!(p > 0 && q > 0 && p + q < 1)) throw new UserError('dyck_language: it must be the case that 0 < prob_p, prob_q < 1 and 0 < prob_p + prob_q < 1.');
  const count = integer('num_parenthesis_pairs', args['num_parenthesis_pairs']);
  const pairs = args['parenthesis_pairs'] === undefined ? DEFAULT_PAIRS : parsePairs(args['parenthesis_pairs']);
  if (count < 1 || count > 4 || count > pairs.length) {
    throw new UserError(`dyck_language: the number of parenthesis pairs should be a number between 1 and ${Math.min(4, pairs.length)} (inclusive), got ${count}.`);
  }
  settings.pairs = pairs.slice(0, count);
  if (settings.seed < 0 || settings.seed >= 2 ** 32) throw new UserError(`dyck_language: seed=${settings.seed} must be in [0, 2**32) (a NumPy seed).`);
  return settings;
}

/**
 * Dyck-n completion (`num_parenthesis_pairs` 1-4; HELM's other keyword parameters optional, with its defaults).
 * @example for await (const instance of dyckLanguageSource.instances({ num_parenthesis_pairs: 2 }, cacheDir)) …
 */
export const dyckLanguageSource = defineScenario({
  className: 'helm.benchmark.scenarios.dyck_language_scenario.DyckLanguageScenario',
  metadata: scenarioMetadata('dyck_language_scenario', 'dyck_language', 'Generate the closing parentheses of a Dyck-n prefix', [
    'reasoning',
    'language',
    'hierarchy',
  ]),
  params: {
    required: ['num_parenthesis_pairs'],
    optional: ['num_train_instances', 'num_test_instances', 'parenthesis_pairs', ...Object.keys(DEFAULTS).slice(2)],
  },
  read(args) {
    const settings = settingsOf(args);
    return () => generate(settings);
  },
});
