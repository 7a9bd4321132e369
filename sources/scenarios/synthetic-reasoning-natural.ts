/**
 * @module HELM's SRNScenario (`scenarios/synthetic_reasoning_natural_scenario.py`): five "If a dog is red and kind,
 * then the dog is cold." rules and a fact about one subject; the target is what the rules let one conclude (one
 * step). Difficulty `easy` writes every rule about the subject itself, `hard` states the fact with synonyms
 * ("ancient" for old), anything else (`medium`) mixes rules about the subject and about its category. Nothing is
 * downloaded: 11,000 instances (1,000 train, 5,000 valid, 5,000 test) come from Python's `random.seed(42)`, drawn
 * call for call as HELM draws them, and are yielded one by one.
 */
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { defineScenario, scenarioMetadata } from '../scenario-source.ts';

/** HELM `get_vocab` subjects, by category, in dict order. */
const SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  person: ['Alice', 'Bob', 'Carol', 'Dan', 'Erin', 'Frank'],
  animal: ['dog', 'cat', 'rabbit', 'mouse', 'tiger', 'lion', 'bear', 'squirrel', 'cow', 'panda', 'hedgehog', 'elephant', 'giraffe', 'hippo'],
  plant: ['poppy', 'dandelion', 'tree', 'rose', 'sunflower'],
};
const CATEGORIES = Object.keys(SUBJECTS);

/**
 * HELM `get_vocab` attribute groups: each attribute and its synonyms (used by `hard`), in dict order. HELM then
 * drops any key that is also another key's synonym; none is, so all 25 stay.
 */
const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  young: ['young'],
  soft: ['soft'],
  sad: ['sad'],
  scary: ['scary'],
  cold: ['cold', 'chill', 'cool'],
  hot: ['hot', 'warm'],
  smart: ['smart', 'clever', 'wise', 'intelligent'],
  clean: ['clean', 'tidy'],
  small: ['small', 'little', 'tiny'],
  big: ['big', 'enormous', 'giant', 'huge'],
  good: ['good', 'kind', 'nice'],
  beautiful: ['beautiful', 'pretty'],
  red: ['red', 'crimson'],
  blue: ['blue', 'cobalt'],
  green: ['green', 'viridian'],
  purple: ['purple', 'violet'],
  boring: ['boring', 'dull'],
  old: ['old', 'ancient', 'antique'],
  strong: ['strong', 'powerful', 'muscular'],
  weak: ['weak', 'frail', 'fragile'],
  fast: ['fast', 'quick'],
  slow: ['slow', 'sluggish'],
  bad: ['bad', 'evil', 'wicked', 'mean'],
  happy: ['happy', 'elated', 'glad', 'cheerful'],
  round: ['round', 'circular', 'spherical'],
};
const ATTRIBUTE_NAMES = Object.keys(ATTRIBUTES);

const SPLITS: readonly { readonly split: Split; readonly count: number }[] = [
  { split: 'train', count: 1000 },
  { split: 'valid', count: 5000 },
  { split: 'test', count: 5000 },
];
const MAX_RULES = 5;
const P_CONSEQUENCELESS = 0.1;

interface Rule {
  readonly subject: string;
  readonly condition: readonly string[];
  readonly conjunction: 'and' | 'or';
  readonly consequent: string;
}

/**
 * HELM `generate_specified_subject`: a person (or the category "person") is named bare; otherwise "a"/"an" (a
 * vowel heuristic) or "the", capitalized when `upper`.
 */
export function specifiedSubject(subject: string, category: string, specifier: 'a' | 'the', upper = false): string {
  if (category === 'person' || subject === 'person') return subject;
  const first = upper ? specifier[0]!.toUpperCase() : specifier[0]!;
  if (specifier === 'the') return `${first}${specifier.slice(1)} ${subject}`;
  return 'aeiou'.includes(subject[0]!.toLowerCase()) ? `${first}n ${subject}` : `${first} ${subject}`;
}

/** HELM `LanguageRule.__str__`: "If a dog is red and kind, then the dog is cold." */
const ruleText = (rule: Rule, category: string): string =>
  `If ${specifiedSubject(rule.subject, category, 'a')} is ${rule.condition.join(` ${rule.conjunction} `)}, ` +
  `then ${specifiedSubject(rule.subject, category, 'the')} is ${rule.consequent}.`;

/** HELM `LanguageFact.__str__` (specifier "the", upper): "The dog is big and red.", or "Nothing." without attributes. */
const factText = (subject: string, category: string, attributes: readonly string[]): string =>
  attributes.length === 0 ? 'Nothing.' : `${specifiedSubject(subject, category, 'the', true)} is ${attributes.join(' and ')}.`;

/** HELM `generate_rules`: up to five rules over disjoint shuffled attributes (2-3 each, the last is the consequent). */
function generateRules(rng: PythonRandom, subject: string, category: string, isSpecificCategory: boolean): Rule[] {
  let shuffled = [...ATTRIBUTE_NAMES];
  rng.shuffle(shuffled);
  const rules: Rule[] = [];
  while (shuffled.length > 2 && rules.length < MAX_RULES) {
    const ruleSubject = isSpecificCategory ? subject : rng.choice([category, subject]);
    const count = rng.randint(2, 3);
    const attributes = shuffled.slice(0, count);
    shuffled = shuffled.slice(count);
    const conjunction = rng.choice(['and', 'or'] as const);
    rules.push({ subject: ruleSubject, condition: attributes.slice(0, -1), conjunction, consequent: attributes[attributes.length - 1]! });
  }
  return rules;
}

/**
 * HELM `generate_test`: two attributes (and a synonym of each); the consequents of the rules they fire. A fact
 * that fires nothing is drawn again unless `random() <= 0.1` (HELM recurses; a loop draws the same).
 */
function generateTest(rng: PythonRandom, rules: readonly Rule[]): { attributes: string[]; specific: string[]; consequents: string[] } {
  for (;;) {
    const attributes = rng.sample(ATTRIBUTE_NAMES, 2);
    const specific = attributes.map((attribute) => rng.choice(ATTRIBUTES[attribute]!));
    const consequents: string[] = [];
    for (const rule of rules) {
      if (attributes.includes(rule.consequent)) continue;
      const fires =
        rule.conjunction === 'and' ? rule.condition.every((c) => attributes.includes(c)) : rule.condition.some((c) => attributes.includes(c));
      if (fires) consequents.push(rule.consequent);
    }
    if (consequents.length > 0 || rng.random() <= P_CONSEQUENCELESS) return { attributes, specific, consequents };
  }
}

async function* generate(difficulty: unknown, seed: number | string): AsyncGenerator<RawInstance> {
  const isSpecificCategory = difficulty === 'easy';
  const usesSynonyms = difficulty === 'hard';
  const rng = new PythonRandom(seed);
  for (const { split, count } of SPLITS) {
    for (let i = 0; i < count; i++) {
      const category = rng.choice(CATEGORIES);
      const subject = rng.choice(SUBJECTS[category]!);
      const rules = generateRules(rng, subject, category, isSpecificCategory);
      const test = generateTest(rng, rules);
      const fact = factText(subject, category, usesSynonyms ? test.specific : test.attributes);
      const question =
        `${rules.map((rule) => ruleText(rule, category)).join('\n')}\n` +
        `Fact:\n${fact}\n` +
        `The following can be determined about ${specifiedSubject(subject, category, 'the')}:`;
      yield { input: { text: question }, references: [reference(factText(subject, category, test.consequents), true)], split };
    }
  }
}

function checkSeed(seed: unknown): number | string {
  if ((typeof seed === 'number' && Number.isSafeInteger(seed)) || typeof seed === 'string') return seed;
  throw new UserError(`synthetic_reasoning_natural: random_seed=${JSON.stringify(seed)} must be an integer or a string (a Python random seed).`);
}

/**
 * Synthetic reasoning in natural language (`difficulty=easy|medium|hard`, optional `random_seed`, default 42). As in
 * HELM, any other difficulty reads as `medium`. Its scenario.json keeps HELM's name, typo included.
 * @example for await (const instance of syntheticReasoningNaturalSource.instances({ difficulty: 'hard' }, cacheDir)) …
 */
export const syntheticReasoningNaturalSource = defineScenario({
  className: 'helm.benchmark.scenarios.synthetic_reasoning_natural_scenario.SRNScenario',
  metadata: scenarioMetadata('synthetic_reasoning_natural_scenario', 'sythetic_reasoning_natural', 'Language Pattern Matching', [
    'reasoning',
    'language',
    'pattern_matching',
  ]),
  params: { required: ['difficulty'], optional: ['random_seed'] },
  read(args) {
    const difficulty = args['difficulty']; // HELM checks nothing: only 'easy' and 'hard' change anything
    const seed = checkSeed(args['random_seed'] ?? 42);
    return () => generate(difficulty, seed);
  },
});
