import { expect, it } from 'vitest';
import { nltkCases, nltkDisagreements, nltkVersion } from './__fixtures__/nltk-3.8-tokenize.ts';
import { NO_PUNKT_PARAMETERS } from './tokenize-punkt.ts';
import { treebankTokenize } from './tokenize-treebank.ts';
import { wordTokenize } from './tokenize-word.ts';

// Expected tokens are nltk 3.8's `word_tokenize` in the HELM anchor (English punkt model).
it('splits sentences first, so every sentence-final period comes off its word', () => {
  const text = 'wong met gomez. harris left.';
  expect(wordTokenize(text)).toEqual(['wong', 'met', 'gomez', '.', 'harris', 'left', '.']);
  // The Treebank rules alone only split the text's last period.
  expect(treebankTokenize(text)).toEqual(['wong', 'met', 'gomez.', 'harris', 'left', '.']);
});

it('keeps the period of English abbreviations and initials, also in lowercase text (as BiasMetric tokenizes)', () => {
  expect(wordTokenize('mr. smith is here. she is a doctor.')).toEqual(['mr.', 'smith', 'is', 'here', '.', 'she', 'is', 'a', 'doctor', '.']);
  expect(wordTokenize('he moved to the u.s. in 1990. then he left.')).toEqual([
    'he', 'moved', 'to', 'the', 'u.s.', 'in', '1990.', 'then', 'he', 'left', '.',
  ]);
  // An untrained Punkt (what this port used before) splits the abbreviations' periods off.
  expect(wordTokenize('mr. smith is here.', NO_PUNKT_PARAMETERS)).toEqual(['mr', '.', 'smith', 'is', 'here', '.']);
});

it('tokenizes quotes, clitics and realigned closing quotes per sentence', () => {
  expect(wordTokenize('J. Smith met her. "Fine." She left.')).toEqual([
    'J.', 'Smith', 'met', 'her', '.', '``', 'Fine', '.', "''", 'She', 'left', '.',
  ]);
  expect(wordTokenize("she's a doctor. he's not.")).toEqual(['she', "'s", 'a', 'doctor', '.', 'he', "'s", 'not', '.']);
  // Only the last clitic has a space after it (the padding of the sentence, whose trailing CRLF Punkt drops).
  expect(wordTokenize("won't\r\ncan't\r\nshouldn't\r\n")).toEqual(["won't", "can't", 'should', "n't"]);
});

it('returns no token for an empty text', () => {
  expect(wordTokenize('')).toEqual([]);
});

it(`agrees with nltk ${nltkVersion}'s word_tokenize on all ${nltkCases.length} recorded texts`, () => {
  expect(nltkDisagreements('word', (text) => wordTokenize(text))).toEqual([]);
});
