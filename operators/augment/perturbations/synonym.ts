/** @module HELM's SynonymPerturbation (`synonym_perturbation.py`): content words → WordNet synonyms, with prob. */
import { UserError } from '../../../core/errors.ts';
import { perturbationDescription } from '../../../core/metric-name.ts';
import { numberOf, type PyNumber } from '../../../core/py-float.ts';
import { pythonCase } from '../../../core/python-case.ts';
import { posTagger, type PosTagger } from './pos-tag.ts';
import type { TextPerturbation } from './text-perturbation.ts';
import { morphy, type WordNetPos } from './wordnet-morphy.ts';
import type { WordnetResources } from './wordnet-resources.ts';

/** HELM's `spacy_to_wordnet_pos`: adjectives are looked up as satellites (`s`), which WordNet indexes with `a`. */
const WORDNET_POS: Readonly<Record<string, WordNetPos>> = { VERB: 'v', NOUN: 'n', ADV: 'r', ADJ: 's' };

/** What SynonymPerturbation takes, with its data already loaded (`loadWordnetResources`). */
export interface SynonymOptions {
  readonly prob: PyNumber;
  readonly resources: WordnetResources;
  /** The POS tagger; default `posTagger()` (wink-nlp). Pass one to share it between perturbations. */
  readonly tagger?: PosTagger;
}

/**
 * For each token whose UPOS tag is VERB, NOUN, ADV or ADJ: the synonyms of each base form `_morphy` finds for
 * its lowercase text (`wordnet_synonyms.json["base:pos"]`, concatenated), less the lowercase word itself,
 * without repeats. When there are any, `rng.uniform(0, 1) < prob` is drawn and, if it passes,
 * `match_case(word, rng.choice(synonyms))` replaces the token; the text around the tokens is kept as it is.
 * Input only; robustness. Description: `synonym` + `prob`.
 *
 * Not HELM's tagger: HELM tags with spaCy's `en_core_web_sm`, we with wink-nlp (see `pos-tag.ts`). Where the two
 * disagree on a token's tag or boundaries, the synonyms (and so every later draw of that text) differ.
 */
export function synonym(options: SynonymOptions): TextPerturbation {
  const { prob, resources } = options;
  const p = numberOf(prob);
  if (Number.isNaN(p)) throw new UserError(`SynonymPerturbation: prob must be a number, got ${p}.`);
  const tag = options.tagger ?? posTagger();
  const { matchCase } = pythonCase();

  const synonymsOf = (word: string, pos: WordNetPos): string[] => {
    const lower = word.toLowerCase();
    const found = morphy(lower, pos, resources.lexicon).flatMap((base) => resources.synonyms.get(`${base}:${pos}`) ?? []);
    return [...new Set(found.filter((s) => s !== lower))];
  };

  return {
    name: 'synonym',
    description: perturbationDescription('synonym', { robustness: true }, { prob }),
    perturbsReferences: false,
    perturb(text, rng) {
      let out = '';
      let copied = 0;
      for (const token of tag(text)) {
        const pos = WORDNET_POS[token.pos];
        if (pos === undefined) continue;
        const synonyms = synonymsOf(token.text, pos);
        if (synonyms.length === 0 || !(rng.uniform(0, 1) < p)) continue;
        out += text.slice(copied, token.start) + matchCase(token.text, rng.choice(synonyms));
        copied = token.start + token.text.length;
      }
      return out + text.slice(copied);
    },
  };
}
