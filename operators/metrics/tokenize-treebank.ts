/**
 * @module A port of nltk 3.8's `NLTKWordTokenizer.tokenize` (`nltk/tokenize/destructive.py`), the improved Treebank
 * tokenizer that `word_tokenize` runs on each sentence: the same regexes, in nltk's order, with Python's `\s`, `\w`,
 * `\d`, `\b` and `$` spelled out (tokenize-python-re.ts).
 *
 * 3.8, not 3.9.4 (HELM's uv.lock), because the golden runs come from the anchor's nltk 3.8 (tokenize-word.ts).
 * 3.9.4 adds two rules that 3.8 lacks, and this port leaves both out:
 *   - ENDING_QUOTES first turns every whitespace run into one space, so a clitic before a tab or newline splits in
 *     3.9.4 ("can't\nwe" → ca n't we) and stays whole in 3.8 (can't we): 3.8's clitic rules need a space after;
 *   - PUNCTUATION pads U+2012–U+2015 (figure dash, en dash, em dash, horizontal bar): 3.9.4 "a—b" → a — b, 3.8 a—b.
 * The opening-quote rule is 3.8's (`(?i)(')(?!re|ve|ll|m|t|s|d|n)(\w)\b`, which 3.9.4 still had).
 */
import { pySplit } from '../../core/python-text.ts';
import { PY_B, PY_END, PY_NOT_D, PY_S, PY_W } from './tokenize-python-re.ts';

type Rule = readonly [RegExp, string];

const rule = (source: string, replacement: string, flags = 'gu'): Rule => [new RegExp(source, flags), replacement];

// Python `\1` is JS `$1`, `\g<0>` is `$&`; `(?#X)` comments and needless escapes are dropped.
const STARTING_QUOTES: readonly Rule[] = [
  rule('([«“‘„]|`+)', ' $1 '),
  rule('^"', '``', 'u'),
  rule('(``)', ' $1 '),
  rule(`([ ([{<])("|'{2})`, '$1 `` '),
  // Pads a quote only before a one-character word: 'a → ' a, but 'hello stays whole.
  rule(`(')(?!re|ve|ll|m|t|s|d|n)(${PY_W})${PY_B}`, '$1 $2', 'giu'),
];

const ENDING_QUOTES: readonly Rule[] = [
  rule('([»”’])', ' $1 '),
  rule("''", " '' "),
  rule('"', " '' "),
  rule("([^' ])('[sS]|'[mM]|'[dD]|') ", '$1 $2 '),
  rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '$1 $2 '),
];

const PUNCTUATION: readonly Rule[] = [
  rule(`([^.])(\\.)([\\])}>"'»”’ ]*)${PY_S}*${PY_END}`, '$1 $2 $3 '),
  rule(`([:,])(${PY_NOT_D})`, ' $1 $2'),
  rule(`([:,])${PY_END}`, ' $1 '),
  rule('\\.{2,}', ' $& '),
  rule('[;@#$%&]', ' $& '),
  rule(`([^.])(\\.)([\\])}>"']*)${PY_S}*${PY_END}`, '$1 $2$3 '), // the final period
  rule('[?!]', ' $& '),
  rule("([^'])' ", "$1 ' "),
  rule('[*]', ' $& '),
];

const PARENS_BRACKETS: Rule = rule('[\\][(){}<>]', ' $& ');

const CONVERT_PARENTHESES: readonly Rule[] = [
  rule('\\(', '-LRB-'),
  rule('\\)', '-RRB-'),
  rule('\\[', '-LSB-'),
  rule('\\]', '-RSB-'),
  rule('\\{', '-LCB-'),
  rule('\\}', '-RCB-'),
];

const DOUBLE_DASHES: Rule = rule('--', ' -- ');

// MacIntyre's contractions; CONTRACTIONS4 is unused by nltk too.
const CONTRACTIONS2_PARTS: readonly (readonly [body: string, end: string])[] = [
  ['(can)(not)', PY_B],
  ["(d)('ye)", PY_B],
  ['(gim)(me)', PY_B],
  ['(gon)(na)', PY_B],
  ['(got)(ta)', PY_B],
  ['(lem)(me)', PY_B],
  ["(more)('n)", PY_B],
  ['(wan)(na)', `(?=${PY_S})`],
];
const CONTRACTIONS2: readonly Rule[] = CONTRACTIONS2_PARTS.map(([body, end]) => rule(`${PY_B}${body}${end}`, ' $1 $2 ', 'giu'));

const CONTRACTIONS3: readonly Rule[] = [
  rule(` ('t)(is)${PY_B}`, ' $1 $2 ', 'giu'),
  rule(` ('t)(was)${PY_B}`, ' $1 $2 ', 'giu'),
];

const applyAll = (text: string, rules: readonly Rule[]): string =>
  rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

/** Options of `treebankTokenize` (nltk's keyword arguments). */
export interface TreebankOptions {
  /** nltk `convert_parentheses`: `(` → `-LRB-` etc. `word_tokenize` leaves it off. */
  readonly convertParentheses?: boolean;
}

/**
 * Splits one sentence into Treebank tokens exactly as nltk 3.8's `NLTKWordTokenizer().tokenize(text)`. Pure.
 * @example treebankTokenize("she's a doctor.") // ['she', "'s", 'a', 'doctor', '.']
 */
export function treebankTokenize(text: string, options: TreebankOptions = {}): string[] {
  let out = applyAll(text, STARTING_QUOTES);
  out = applyAll(out, PUNCTUATION);
  out = applyAll(out, [PARENS_BRACKETS]);
  if (options.convertParentheses === true) out = applyAll(out, CONVERT_PARENTHESES);
  out = applyAll(out, [DOUBLE_DASHES]);
  out = ` ${out} `;
  out = applyAll(out, ENDING_QUOTES);
  out = applyAll(out, CONTRACTIONS2);
  out = applyAll(out, CONTRACTIONS3);
  return pySplit(out);
}
