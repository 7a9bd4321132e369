/**
 * @module A port of nltk's `TreebankWordTokenizer.tokenize` (`nltk/tokenize/treebank.py`, unchanged from 3.8 to
 * 3.9.4): the original Penn Treebank tokenizer, which HELM's copyright metrics use. It differs from the improved
 * `NLTKWordTokenizer` of `word_tokenize` (tokenize-treebank.ts): no «» “” ‘’ quotes, `...` only in threes, no
 * `*` or dash rules, and commas and colons split only before a non-digit. Python's `\d`, `\s` and `$` are
 * spelled out (tokenize-python-re.ts).
 */
import { pySplit } from '../../core/python-text.ts';
import { PY_B, PY_END, PY_NOT_D, PY_S } from './tokenize-python-re.ts';

type Rule = readonly [RegExp, string];

const rule = (source: string, replacement: string, flags = 'gu'): Rule => [new RegExp(source, flags), replacement];

// Python `\1` is JS `$1`, `\g<0>` is `$&`.
const STARTING_QUOTES: readonly Rule[] = [
  rule('^"', '``', 'u'),
  rule('(``)', ' $1 '),
  rule(`([ ([{<])("|'{2})`, '$1 `` '),
];

const PUNCTUATION: readonly Rule[] = [
  rule(`([:,])(${PY_NOT_D})`, ' $1 $2'),
  rule(`([:,])${PY_END}`, ' $1 '),
  rule('\\.\\.\\.', ' ... '),
  rule('[;@#$%&]', ' $& '),
  rule(`([^.])(\\.)([\\])}>"']*)${PY_S}*${PY_END}`, '$1 $2$3 '), // the final period
  rule('[?!]', ' $& '),
  rule("([^'])' ", "$1 ' "),
];

const PARENS_BRACKETS: Rule = rule('[\\][(){}<>]', ' $& ');

const DOUBLE_DASHES: Rule = rule('--', ' -- ');

const ENDING_QUOTES: readonly Rule[] = [
  rule("''", " '' "),
  rule('"', " '' "),
  rule("([^' ])('[sS]|'[mM]|'[dD]|') ", '$1 $2 '),
  rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '$1 $2 '),
];

// nltk's MacIntyreContractions, with their `(?i)`; CONTRACTIONS4 is unused by nltk too.
const CONTRACTIONS: readonly Rule[] = [
  ...[
    `${PY_B}(can)(not)${PY_B}`,
    `${PY_B}(d)('ye)${PY_B}`,
    `${PY_B}(gim)(me)${PY_B}`,
    `${PY_B}(gon)(na)${PY_B}`,
    `${PY_B}(got)(ta)${PY_B}`,
    `${PY_B}(lem)(me)${PY_B}`,
    `${PY_B}(more)('n)${PY_B}`,
    `${PY_B}(wan)(na)(?=${PY_S})`,
    ` ('t)(is)${PY_B}`,
    ` ('t)(was)${PY_B}`,
  ].map((source) => rule(source, ' $1 $2 ', 'giu')),
];

const applyAll = (text: string, rules: readonly Rule[]): string =>
  rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

/**
 * Splits text into Penn Treebank tokens exactly as nltk's `TreebankWordTokenizer().tokenize(text)`. Pure.
 * @example treebankWordTokenize("They'll save and invest more.") // ['They', "'ll", 'save', 'and', 'invest', 'more', '.']
 */
export function treebankWordTokenize(text: string): string[] {
  let out = applyAll(text, STARTING_QUOTES);
  out = applyAll(out, PUNCTUATION);
  out = applyAll(out, [PARENS_BRACKETS, DOUBLE_DASHES]);
  out = applyAll(` ${out} `, ENDING_QUOTES);
  out = applyAll(out, CONTRACTIONS);
  return pySplit(out);
}
