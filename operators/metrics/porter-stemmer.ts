/**
 * @module nltk's `PorterStemmer` in its default mode, `NLTK_EXTENSIONS` (nltk 3.8 `nltk/stem/porter.py`), the
 * stemmer rouge_score builds with `use_stemmer=True`. Porter's 1980 steps 1a–5b plus Martin Porter's published
 * changes and nltk's own: irregular forms, `ies`/`ied` on 4-letter words, y→i only after a consonant, `alli`,
 * `fulli`, `logi`, and a two-letter vowel-consonant stem counting as cvc.
 *
 * Words are handled as arrays of code points, as Python indexes a `str`.
 */

/** A word as Python sees it: one entry per code point. */
type Chars = readonly string[];

/** nltk's `pool`: irregular forms and the stem each one maps to. */
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    sky: ['sky', 'skies'],
    die: ['dying'],
    lie: ['lying'],
    tie: ['tying'],
    news: ['news'],
    inning: ['innings', 'inning'],
    outing: ['outings', 'outing'],
    canning: ['cannings', 'canning'],
    howe: ['howe'],
    proceed: ['proceed'],
    exceed: ['exceed'],
    succeed: ['succeed'],
  }).flatMap(([stem, forms]) => forms.map((form) => [form, stem] as const)),
);

const VOWELS: ReadonlySet<string> = new Set(['a', 'e', 'i', 'o', 'u']);

/** A consonant is not a vowel, and not a `y` after a consonant (so `y` starts as a consonant). */
function isConsonant(word: Chars, i: number): boolean {
  const ch = word[i]!;
  if (VOWELS.has(ch)) return false;
  if (ch !== 'y') return true;
  return i === 0 ? true : !isConsonant(word, i - 1);
}

/** Porter's m: the number of vowel-run → consonant-run transitions in `[C](VC){m}[V]`. */
function measure(stem: Chars): number {
  let m = 0;
  let previousIsVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const consonant = isConsonant(stem, i);
    if (consonant && previousIsVowel) m += 1;
    previousIsVowel = !consonant;
  }
  return m;
}

const hasPositiveMeasure = (stem: Chars): boolean => measure(stem) > 0;
const measureAbove1 = (stem: Chars): boolean => measure(stem) > 1;

function containsVowel(stem: Chars): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

/** Condition *d: the word ends with a doubled consonant. */
const endsDoubleConsonant = (word: Chars): boolean =>
  word.length >= 2 && word.at(-1) === word.at(-2) && isConsonant(word, word.length - 1);

/** Condition *o: consonant-vowel-consonant at the end, the last not w, x or y; nltk adds a bare vowel-consonant. */
function endsCvc(word: Chars): boolean {
  const n = word.length;
  if (n >= 3 && isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1)) {
    if (!['w', 'x', 'y'].includes(word[n - 1]!)) return true;
  }
  return n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
}

function endsWith(word: Chars, suffix: string): boolean {
  if (suffix.length > word.length) return false;
  for (let i = 1; i <= suffix.length; i++) if (word[word.length - i] !== suffix[suffix.length - i]) return false;
  return true;
}

const withoutSuffix = (word: Chars, suffix: string): Chars => word.slice(0, word.length - suffix.length);
const plus = (stem: Chars, ending: string): Chars => [...stem, ...ending];

/** A suffix rule: `suffix` becomes `replacement` when `condition` holds of the stem. `*d` matches a double consonant. */
type Rule = readonly [suffix: string, replacement: string, condition?: (stem: Chars) => boolean];

/**
 * nltk `_apply_rule_list`: the first rule whose suffix the word ends with decides; if its condition fails the
 * word is returned unchanged (later rules are not tried).
 */
function applyFirstRule(word: Chars, rules: readonly Rule[]): Chars {
  for (const [suffix, replacement, condition] of rules) {
    if (suffix === '*d' && endsDoubleConsonant(word)) {
      const stem = word.slice(0, -2);
      return condition === undefined || condition(stem) ? plus(stem, replacement) : word;
    }
    if (endsWith(word, suffix)) {
      const stem = withoutSuffix(word, suffix);
      return condition === undefined || condition(stem) ? plus(stem, replacement) : word;
    }
  }
  return word;
}

function step1a(word: Chars): Chars {
  if (endsWith(word, 'ies') && word.length === 4) return plus(withoutSuffix(word, 'ies'), 'ie');
  return applyFirstRule(word, [['sses', 'ss'], ['ies', 'i'], ['ss', 'ss'], ['s', '']]);
}

function step1b(word: Chars): Chars {
  if (endsWith(word, 'ied')) return plus(withoutSuffix(word, 'ied'), word.length === 4 ? 'ie' : 'i');
  if (endsWith(word, 'eed')) {
    const stem = withoutSuffix(word, 'eed');
    return measure(stem) > 0 ? plus(stem, 'ee') : word;
  }
  let stem: Chars | undefined;
  for (const suffix of ['ed', 'ing']) {
    if (endsWith(word, suffix) && containsVowel(withoutSuffix(word, suffix))) {
      stem = withoutSuffix(word, suffix);
      break;
    }
  }
  if (stem === undefined) return word;
  const last = stem.at(-1)!;
  return applyFirstRule(stem, [
    ['at', 'ate'],
    ['bl', 'ble'],
    ['iz', 'ize'],
    ['*d', last, () => !['l', 's', 'z'].includes(last)],
    ['', 'e', (s) => measure(s) === 1 && endsCvc(s)],
  ]);
}

/** nltk's step 1c: y → i only after a consonant that is not the whole stem (happy → happi, enjoy, spy → spi). */
const step1c = (word: Chars): Chars =>
  applyFirstRule(word, [['y', 'i', (stem) => stem.length > 1 && isConsonant(stem, stem.length - 1)]]);

function step2(word: Chars): Chars {
  if (endsWith(word, 'alli') && hasPositiveMeasure(withoutSuffix(word, 'alli'))) {
    return step2(plus(withoutSuffix(word, 'alli'), 'al'));
  }
  const rules: Rule[] = [
    ['ational', 'ate'],
    ['tional', 'tion'],
    ['enci', 'ence'],
    ['anci', 'ance'],
    ['izer', 'ize'],
    ['bli', 'ble'],
    ['alli', 'al'],
    ['entli', 'ent'],
    ['eli', 'e'],
    ['ousli', 'ous'],
    ['ization', 'ize'],
    ['ation', 'ate'],
    ['ator', 'ate'],
    ['alism', 'al'],
    ['iveness', 'ive'],
    ['fulness', 'ful'],
    ['ousness', 'ous'],
    ['aliti', 'al'],
    ['iviti', 'ive'],
    ['biliti', 'ble'],
    ['fulli', 'ful'],
  ].map(([suffix, replacement]) => [suffix!, replacement!, hasPositiveMeasure] as const);
  // nltk tests the word less "ogi" (the stem plus its "l"), not the stem.
  rules.push(['logi', 'log', () => hasPositiveMeasure(word.slice(0, -3))]);
  return applyFirstRule(word, rules);
}

const step3 = (word: Chars): Chars =>
  applyFirstRule(
    word,
    (
      [
        ['icate', 'ic'],
        ['ative', ''],
        ['alize', 'al'],
        ['iciti', 'ic'],
        ['ical', 'ic'],
        ['ful', ''],
        ['ness', ''],
      ] as const
    ).map(([suffix, replacement]) => [suffix, replacement, hasPositiveMeasure] as const),
  );

const STEP4_SUFFIXES = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

const step4 = (word: Chars): Chars =>
  applyFirstRule(
    word,
    STEP4_SUFFIXES.map((suffix): Rule =>
      suffix === 'ion'
        ? [suffix, '', (stem) => measure(stem) > 1 && ['s', 't'].includes(stem.at(-1) ?? '')]
        : [suffix, '', measureAbove1],
    ),
  );

function step5a(word: Chars): Chars {
  if (!endsWith(word, 'e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCvc(stem)) ? stem : word;
}

const step5b = (word: Chars): Chars => applyFirstRule(word, [['ll', 'l', () => measure(word.slice(0, -1)) > 1]]);

/**
 * nltk `PorterStemmer().stem(word)`: lower-cased, irregular forms looked up (by the word as given, as nltk does),
 * words of up to two characters returned as they are, otherwise steps 1a to 5b. Pure.
 * @example porterStem('running') // 'run'; porterStem('generalization') // 'gener'
 */
export function porterStem(word: string): string {
  const lowered = word.toLowerCase();
  const irregular = IRREGULAR_FORMS.get(word);
  if (irregular !== undefined) return IRREGULAR_FORMS.get(lowered) ?? irregular;
  const chars = [...lowered];
  if ([...word].length <= 2) return lowered;
  const steps = [step1a, step1b, step1c, step2, step3, step4, step5a, step5b];
  return steps.reduce((stem, step) => step(stem), chars as Chars).join('');
}
