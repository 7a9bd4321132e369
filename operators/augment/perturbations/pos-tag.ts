/**
 * @module Universal POS tags for English text, standing in for the spaCy `en_core_web_sm` pipeline that HELM's
 * SynonymPerturbation runs: wink-nlp with its `wink-eng-lite-web-model` (both pinned in package.json), which
 * tags with the same Universal Dependencies tag set (NOUN, VERB, AUX, ADJ, ADV, PROPN, …) and splits
 * contractions and hyphens as spaCy does ("ca" + "n't", "well" + "-" + "known").
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One token of a text: its characters as they stand in the text, where they start, and its UPOS tag. */
export interface TaggedToken {
  readonly text: string;
  /** Offset of the token's first UTF-16 unit in the text. */
  readonly start: number;
  /** Universal POS tag, e.g. `NOUN` (spaCy's `token.pos_`). */
  readonly pos: string;
}

const ONLY_SPACE = /^\s*$/u;

/** Tags a text; the tokens are in text order and never overlap. */
export type PosTagger = (text: string) => readonly TaggedToken[];

/**
 * Loads the tagger (about half a second: the model is read once per call of this factory). The tagger is
 * pure apart from wink-nlp's vocabulary of unknown words, which grows by about 130 bytes per new word.
 *
 * Tokens are located in the original text, so that the text can be rebuilt exactly around the tokens
 * one replaces (spaCy's `token.whitespace_` guarantees the same). The few tokens whose characters
 * wink-nlp changes (a lone surrogate becomes U+FFFD) are left out: no perturbation touches them.
 * @example const tag = posTagger(); tag('This was a good movie.').map((t) => t.pos) // PRON AUX DET ADJ NOUN PUNCT
 */
export function posTagger(): PosTagger {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  return function tag(text) {
    const tokens = nlp.readDoc(text).tokens();
    const values = tokens.out(its.value);
    const tags = tokens.out(its.pos);
    const out: TaggedToken[] = [];
    let cursor = 0;
    values.forEach((value, i) => {
      const start = text.indexOf(value, cursor);
      // Only whitespace may lie between two tokens; anything else means wink-nlp changed this token's text.
      if (value === '' || start < 0 || !ONLY_SPACE.test(text.slice(cursor, start))) return;
      out.push({ text: value, start, pos: tags[i] ?? 'X' });
      cursor = start + value.length;
    });
    return mainVerbHaveDo(out);
  };
}

const HAVE_DO = new Set(['have', 'has', 'had', 'having', "'ve", "'d", 'do', 'does', 'did', 'doing']);
const NEGATION = new Set(["n't", 'not', 'never']);

/**
 * wink-nlp tags every "have"/"do" AUX; Universal Dependencies (and spaCy) tag them VERB when they are the main verb
 * ("you have far too much time", "as he did with"). One of them stays AUX only when a verb follows it, past
 * a negation, adverbs and a subject pronoun ("have n't seen", "do you have").
 */
function mainVerbHaveDo(tokens: TaggedToken[]): TaggedToken[] {
  return tokens.map((token, i) => {
    if (token.pos !== 'AUX' || !HAVE_DO.has(token.text.toLowerCase())) return token;
    let j = i + 1;
    while (j < tokens.length && (NEGATION.has(tokens[j]!.text.toLowerCase()) || ['ADV', 'PRON', 'SPACE'].includes(tokens[j]!.pos))) j++;
    const next = tokens[j]?.pos;
    return next === 'VERB' || next === 'AUX' ? token : { ...token, pos: 'VERB' };
  });
}
