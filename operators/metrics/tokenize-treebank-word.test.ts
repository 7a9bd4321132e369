import { describe, expect, it } from 'vitest';
import { vectors } from './__fixtures__/rank-metric-vectors.ts';
import { treebankWordTokenize } from './tokenize-treebank-word.ts';

describe('treebankWordTokenize', () => {
  it("splits as nltk 3.8's TreebankWordTokenizer (HELM's copyright tokenizer)", () => {
    for (const [text, tokens] of vectors.treebank) expect(treebankWordTokenize(text)).toEqual(tokens);
  });
});

describe('treebankWordTokenize against word_tokenize\'s tokenizer', () => {
  it('differs from NLTKWordTokenizer: no curly quotes, commas before digits kept, ellipses only in threes', () => {
    expect(treebankWordTokenize('“curly” 3,5 a..b')).toEqual(['“curly”', '3,5', 'a..b']);
  });
});
