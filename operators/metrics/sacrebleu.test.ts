import { describe, expect, it } from 'vitest';
import { sentenceBleu, tokenize13a } from './sacrebleu.ts';

describe('sentenceBleu (sacreBLEU 2.6)', () => {
  it("gives HELM's test value for two sentences, 100 for identical ones and 0 with no match", () => {
    expect(sentenceBleu('This is a test', ['This is another test'], true)).toBe(35.35533905932737);
    expect(sentenceBleu('This is a test', ['This is a test'], true)).toBe(100.00000000000004); // as Python: exp(4·log(100)/4)
    expect(sentenceBleu('abc', ['xyz'], true)).toBe(0);
  });
});

describe('tokenize13a', () => {
  it('splits punctuation and symbols, periods and commas away from digits, dashes after digits (sacreBLEU 2.6)', () => {
    expect(tokenize13a('U.S. costs $3.5, or 1,000 -- 9-5 &amp; (yes)!')).toBe('U . S . costs $ 3.5 , or 1,000 -- 9 - 5 & ( yes ) !');
  });
});
