/**
 * @module nltk's `word_tokenize(text)` (language "english", preserve_line False) as the HELM anchor runs it: Punkt
 * sentences with nltk's learned English parameters, then `NLTKWordTokenizer` on each sentence.
 *
 * Which nltk: the golden HELM runs were made in the anchor environment (`../shared/tools/helm-anchor`), whose
 * Debian python3-nltk is 3.8 and loads `tokenizers/punkt/english.pickle` (rebuilt there from
 * `configs/punkt-english.json.gz`), so this follows 3.8 (HELM's uv.lock would give 3.9.4, whose Treebank stage
 * differs: see tokenize-treebank.ts). One implementation, no version switch. Agreement: every text of
 * `__fixtures__/nltk-3.8-tokenize.json.gz` (thousands of random and real texts) gives nltk 3.8's tokens exactly.
 * HELM calls it in bleu_1 / bleu_4 (`word_tokenize(gold)`, `word_tokenize(pred)`) and in BiasMetric
 * (`word_tokenize(text.lower())`).
 * Unicode case and character classes come from the JS engine's tables (Unicode 17 in Node 20.20), newer than
 * CPython 3.11's (14.0): characters assigned since may be classed differently.
 */
import { punktSentences, type PunktParameters } from './tokenize-punkt.ts';
import { englishPunktParameters } from './tokenize-punkt-english.ts';
import { treebankTokenize } from './tokenize-treebank.ts';

/**
 * The word tokens of `text`, as nltk 3.8's `word_tokenize` (English Punkt model unless other parameters are given).
 * Pure.
 * @example wordTokenize("Mr. Smith's here. He left.") // ['Mr.', 'Smith', "'s", 'here', '.', 'He', 'left', '.']
 */
export function wordTokenize(text: string, params: PunktParameters = englishPunktParameters()): string[] {
  return punktSentences(text, params).flatMap((sentence) => treebankTokenize(sentence));
}
