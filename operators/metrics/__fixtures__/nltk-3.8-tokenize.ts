/**
 * @module Test support for the nltk ports: what the HELM anchor's nltk 3.8 (with its English punkt model) makes of
 * 3,303 texts (`nltk-3.8-tokenize.json.gz`, written by `make-nltk-tokenize-vectors.py`), and a comparison helper
 * that lists the texts where a port disagrees.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** One text and nltk 3.8's outputs for it. */
export interface NltkCase {
  readonly text: string;
  /** `word_tokenize(text)`. */
  readonly word: readonly string[];
  /** `sent_tokenize(text)` (English punkt model). */
  readonly sent: readonly string[];
  /** `PunktSentenceTokenizer().tokenize(text)` (untrained). */
  readonly sent0: readonly string[];
  /** `NLTKWordTokenizer().tokenize(text)`. */
  readonly nltk: readonly string[];
  /** `TreebankWordTokenizer().tokenize(text)`. */
  readonly treebank: readonly string[];
}

type Output = Exclude<keyof NltkCase, 'text'>;

const data = JSON.parse(gunzipSync(readFileSync(new URL('./nltk-3.8-tokenize.json.gz', import.meta.url))).toString('utf8')) as {
  nltk: string;
  cases: NltkCase[];
};

export const nltkVersion = data.nltk;
export const nltkCases: readonly NltkCase[] = data.cases;

/** The cases where `port(text)` differs from nltk's `output`, with both token lists (empty when all agree). */
export function nltkDisagreements(output: Output, port: (text: string) => readonly string[]) {
  return nltkCases.flatMap((c) => {
    const actual = port(c.text);
    const same = actual.length === c[output].length && actual.every((token, i) => token === c[output][i]);
    return same ? [] : [{ text: c.text, expected: c[output], actual }];
  });
}
