/**
 * @module WordNet's base-form finder as NLTK implements it (`WordNetCorpusReader._morphy`), over the lemma index
 * (`index.noun|verb|adj|adv`) and the exception lists (`noun|verb|adj|adv.exc`) of WordNet 3.0.
 */

/** WordNet's parts of speech as NLTK names them: noun, verb, adjective, adjective satellite, adverb. */
export type WordNetPos = 'n' | 'v' | 'a' | 's' | 'r';

/** The parts of WordNet that `_morphy` reads. */
export interface WordNetLexicon {
  /** Lemma → the parts of speech it is indexed under (`s` whenever `a`, as NLTK's index map does). */
  readonly lemmas: ReadonlyMap<string, ReadonlySet<WordNetPos>>;
  /** Per part of speech: inflected form → its base forms (`s` shares `a`'s list). */
  readonly exceptions: Readonly<Record<WordNetPos, ReadonlyMap<string, readonly string[]>>>;
}

/** The eight WordNet files the lexicon is parsed from, by file name (`index.noun`, …, `adv.exc`). */
export type WordNetFiles = Readonly<Record<(typeof WORDNET_FILES)[number], string>>;

/** The files NLTK reads for `_morphy` (its `_FILEMAP` suffixes). */
export const WORDNET_FILES = [
  'index.noun', 'index.verb', 'index.adj', 'index.adv', 'noun.exc', 'verb.exc', 'adj.exc', 'adv.exc',
] as const;

const SUFFIX_OF = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' } as const;

// NLTK `MORPHOLOGICAL_SUBSTITUTIONS`, in its order (the order of the candidate forms).
const SUBSTITUTIONS: Readonly<Record<WordNetPos, readonly (readonly [string, string])[]>> = (() => {
  const adj = [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']] as const;
  return {
    n: [['s', ''], ['ses', 's'], ['ves', 'f'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
    v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
    a: adj,
    s: adj,
    r: [],
  };
})();

/** Python `str.split()` on whitespace runs, without empty pieces. */
const fields = (line: string): string[] => line.split(/\s+/u).filter((f) => f !== '');

/**
 * Reads the lemma index and exception lists as NLTK does: an index line is `lemma pos …` (lines starting
 * with a space are the license header); an exception line is `form base…`, a later line for the same form
 * replacing an earlier one.
 */
export function parseWordNetLexicon(files: WordNetFiles): WordNetLexicon {
  const lemmas = new Map<string, Set<WordNetPos>>();
  for (const suffix of Object.values(SUFFIX_OF)) {
    for (const line of files[`index.${suffix}`].split('\n')) {
      if (line.startsWith(' ') || line.trim() === '') continue;
      const [lemma, pos] = fields(line);
      if (lemma === undefined || !(pos === 'n' || pos === 'v' || pos === 'a' || pos === 'r')) {
        throw new Error(`WordNet index.${suffix}: a line without a lemma and part of speech: ${JSON.stringify(line.slice(0, 80))}`);
      }
      let parts = lemmas.get(lemma);
      if (parts === undefined) lemmas.set(lemma, (parts = new Set()));
      parts.add(pos);
      if (pos === 'a') parts.add('s');
    }
  }
  const exceptionsOf = (suffix: string): Map<string, readonly string[]> => {
    const map = new Map<string, readonly string[]>();
    for (const line of files[`${suffix}.exc` as keyof WordNetFiles].split('\n')) {
      const [form, ...bases] = fields(line);
      if (form !== undefined) map.set(form, bases);
    }
    return map;
  };
  const adj = exceptionsOf('adj');
  const exceptions = { n: exceptionsOf('noun'), v: exceptionsOf('verb'), a: adj, s: adj, r: exceptionsOf('adv') };
  return { lemmas, exceptions };
}

/** How `_morphy` behaves: NLTK 3.9 changed it (nltk/nltk#3225). */
export interface MorphyOptions {
  /**
   * NLTK ≤ 3.8 kept stripping suffixes while one pass found no lemma ("catss" → "cat"); NLTK ≥ 3.9 (what
   * `pip install crfm-helm==0.5.16` resolves today) makes one pass only. Default false: NLTK ≥ 3.9.
   */
  readonly recursive?: boolean;
}

/**
 * NLTK `_morphy(form, pos)`: the base forms WordNet knows for `form` under `pos`, without repeats, in
 * NLTK's order. An exception-list entry gives `[form, ...its bases]`; otherwise `[form, ...one pass of the
 * suffix rules]`; each kept when it is a lemma of that part of speech. (The caller lowercases `form`.)
 * @example morphy('geese', 'n', lexicon) // ['goose']
 */
export function morphy(form: string, pos: WordNetPos, lexicon: WordNetLexicon, options: MorphyOptions = {}): string[] {
  const rules = SUBSTITUTIONS[pos];
  const applyRules = (forms: readonly string[]): string[] =>
    forms.flatMap((f) => rules.filter(([old]) => f.endsWith(old)).map(([old, replacement]) => f.slice(0, f.length - old.length) + replacement));
  const known = (forms: readonly string[]): string[] => [...new Set(forms.filter((f) => lexicon.lemmas.get(f)?.has(pos) === true))];

  const exceptional = lexicon.exceptions[pos].get(form);
  if (exceptional !== undefined) return known([form, ...exceptional]);
  let forms = applyRules([form]);
  const found = known([form, ...forms]);
  if (found.length > 0 || options.recursive !== true) return found;
  while (forms.length > 0) {
    forms = applyRules(forms);
    const deeper = known(forms);
    if (deeper.length > 0) return deeper;
  }
  return [];
}
