/**
 * @module Former home of the English Punkt parameters, kept so that `bleu.ts` still imports them from here: they
 * now live in tokenize-punkt-english.ts, and `wordTokenize` uses them by default (as nltk 3.8's `word_tokenize`).
 */
export { englishPunktParameters } from './tokenize-punkt-english.ts';
