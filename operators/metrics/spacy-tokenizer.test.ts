import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spacyEnglishTokenizer } from './spacy-tokenizer.ts';

// spaCy 3.8.16's spacy.blank("en") on 1,532 texts (hand-picked ones, then seeded random strings over letters,
// digits, punctuation, quotes, emoji and whitespace): __fixtures__/spacy/make-token-vectors.py.
const { vectors } = JSON.parse(readFileSync(new URL('./__fixtures__/spacy/token-vectors.json', import.meta.url), 'utf8')) as {
  vectors: [string, string[]][];
};
const tokenize = spacyEnglishTokenizer();

describe('spacyEnglishTokenizer', () => {
  it("gives spaCy's tokens for every text of the vectors", () => {
    const differing = vectors.filter(([text, tokens]) => JSON.stringify(tokenize(text)) !== JSON.stringify(tokens));
    expect(differing).toEqual([]);
    expect(vectors).toHaveLength(1532);
  });

  it('splits contractions, keeps abbreviations and URLs, and makes tokens of extra whitespace', () => {
    expect(tokenize("Mr. Smith can't go to the U.S. today -- he's ill.  Really?\n(See http://x.com/a, e-mail.) $5.00 3km 10:30am")).toEqual([
      'Mr.', 'Smith', 'ca', "n't", 'go', 'to', 'the', 'U.S.', 'today', '--', 'he', "'s", 'ill', '.', ' ', 'Really', '?', '\n',
      '(', 'See', 'http://x.com/a', ',', 'e', '-', 'mail', '.', ')', '$', '5.00', '3', 'km', '10:30am',
    ]);
    expect(tokenize('a\n\n b')).toEqual(['a', '\n\n ', 'b']);
    expect(tokenize('(:)')).toEqual(['(', ':)']); // the special case ":)" found again by the last pass
  });
});
