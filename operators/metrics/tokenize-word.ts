/**
 * @module nltk's `word_tokenize(text)` (language "english", preserve_line False): Punkt sentences, then the
 * Treebank tokenizer on each sentence. Both stages are exact ports of nltk 3.9.4 (HELM v0.5.16's uv.lock);
 * what is approximate is the data Punkt runs with.
 *
 * nltk splits sentences with the parameters it learned for English (`punkt_tab/english`); this uses none by
 * default (`NO_PUNKT_PARAMETERS`). A sentence boundary only decides whether a period-final token keeps its period
 * (`dr.`: periods inside a sentence stay) or loses it (`dr` `.`: a sentence's last period is split off), so on
 * lowercased text — HELM's BiasMetric tokenizes `text.lower()` — the tokens can differ only here:
 *   1. a token `x.` whose `x` (or the part of `x` after its last hyphen) is one of the ~150 abbreviation types of
 *      the English model (mr, mrs, dr, st, ok, ill, u.s, e.g …, and `. .`): nltk keeps `x.`, this gives `x` `.`;
 *   2. a number or initial (`5.`, `j.`) before a word of one of the English collocations (`##number##` or a letter,
 *      then a word): nltk keeps the period, as this does before any lowercase word (so no difference in practice);
 *   3. a number or initial before a word the model saw sentence-initially in lowercase and never capitalized:
 *      nltk gives `5` `.`, this keeps `5.`;
 *   4. a next word whose first character is still uppercase after `lower()` (a few symbols like `ℂ`), where the
 *      model's sentence starters and orthographic contexts apply.
 * Only the period-final token itself changes in each case. No bias word-list word is an English abbreviation type,
 * a number or an initial, so BiasMetric's counts are unaffected (how that was checked: configs/README-bias.md).
 * Unicode case and character classes come from the JS engine's Unicode tables, which may be newer than Python's.
 */
import { NO_PUNKT_PARAMETERS, punktSentences, type PunktParameters } from './tokenize-punkt.ts';
import { treebankTokenize } from './tokenize-treebank.ts';

/**
 * The word tokens of `text`, as nltk 3.9.4's `word_tokenize` with the given Punkt parameters. Pure.
 * @example wordTokenize("she's a doctor. he is a nurse.") // ['she', "'s", 'a', 'doctor', '.', 'he', 'is', 'a', 'nurse', '.']
 */
export function wordTokenize(text: string, params: PunktParameters = NO_PUNKT_PARAMETERS): string[] {
  return punktSentences(text, params).flatMap((sentence) => treebankTokenize(sentence));
}
