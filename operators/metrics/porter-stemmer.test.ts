import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { porterStem } from './porter-stemmer.ts';

// [word, nltk 3.8 PorterStemmer().stem(word)] for 17,842 words (see __fixtures__/make-porter-vectors.py).
const VECTORS = JSON.parse(
  gunzipSync(readFileSync(new URL('./__fixtures__/porter-nltk-3.8.json.gz', import.meta.url))).toString('utf8'),
) as [string, string][];

describe('porterStem (nltk PorterStemmer, NLTK_EXTENSIONS)', () => {
  it('stems the examples of Porter 1980 as nltk does', () => {
    const stems = ['caresses', 'ponies', 'ties', 'cats', 'agreed', 'plastered', 'motoring', 'hopping', 'filing', 'relational', 'triplicate', 'adoption', 'controll']
      .map(porterStem);
    expect(stems).toEqual(['caress', 'poni', 'tie', 'cat', 'agre', 'plaster', 'motor', 'hop', 'file', 'relat', 'triplic', 'adopt', 'control']);
  });

  it("applies nltk's extensions: irregular forms, 4-letter ies/ied, y→i after a consonant, alli, logi", () => {
    expect(['dying', 'skies', 'news', 'ties', 'tied', 'enjoy', 'happy', 'spy', 'radicalli', 'archaeology'].map(porterStem)).toEqual([
      'die', 'sky', 'news', 'tie', 'tie', 'enjoy', 'happi', 'spi', 'radic', 'archaeolog',
    ]);
  });

  it('lower-cases, keeps words of up to two characters, and counts code points', () => {
    expect(porterStem('Running')).toBe('run');
    expect(porterStem('SKIES')).toBe('ski'); // the irregular-form lookup uses the word as given
    expect(porterStem('At')).toBe('at');
    expect(porterStem('ab𝒜ly')).toBe('ab𝒜li'); // 𝒜 (one code point, two UTF-16 units) is a consonant
  });

  it(`matches nltk 3.8 on all ${VECTORS.length} fixture words`, () => {
    const mismatches = VECTORS.filter(([word, stem]) => porterStem(word) !== stem);
    expect(mismatches).toEqual([]);
  });
});
