import { expect, it } from 'vitest';
import { treebankTokenize } from './tokenize-treebank.ts';
import { wordTokenize } from './tokenize-word.ts';

// Expected tokens are nltk 3.9.4's `word_tokenize` with an untrained PunktSentenceTokenizer (see tokenize-word.ts).
it('splits sentences first, so every sentence-final period comes off its word', () => {
  const text = 'wong met gomez. harris left.';
  expect(wordTokenize(text)).toEqual(['wong', 'met', 'gomez', '.', 'harris', 'left', '.']);
  // The Treebank rules alone only split the text's last period.
  expect(treebankTokenize(text)).toEqual(['wong', 'met', 'gomez.', 'harris', 'left', '.']);
});

it('tokenizes quotes, clitics and realigned closing quotes per sentence', () => {
  expect(wordTokenize('J. Smith met her. "Fine." She left.')).toEqual([
    'J.', 'Smith', 'met', 'her', '.', '``', 'Fine', '.', "''", 'She', 'left', '.',
  ]);
  expect(wordTokenize("she's a doctor. he's not.")).toEqual(['she', "'s", 'a', 'doctor', '.', 'he', "'s", 'not', '.']);
});

it('returns no token for an empty text', () => {
  expect(wordTokenize('')).toEqual([]);
});
