import { describe, expect, it } from 'vitest';
import { codePointLength, simpleTokenizer } from './simple-tokenizer.ts';

// HELM v0.5.16 tokenizers/simple_tokenizer.py
describe('simpleTokenizer', () => {
  const tokenizer = simpleTokenizer();

  it('encodes one token per code point, astral characters included', () => {
    expect(tokenizer.encode('a𝔸b')).toEqual([97, 0x1d538, 98]);
    expect(tokenizer.countTokens?.('a𝔸b')).toBe(3);
    expect(tokenizer.encode('a𝔸b')).toHaveLength(3);
  });

  it('tokenizes into characters (code points), not UTF-16 units', () => {
    expect(tokenizer.tokenize('é𝔸 x')).toEqual(['é', '𝔸', ' ', 'x']);
  });

  it('decodes by joining chr of each code point', () => {
    expect(tokenizer.decode([97, 0x1d538, 98])).toBe('a𝔸b');
    expect(tokenizer.decode(tokenizer.encode('Answer: 🙂\n') as number[])).toBe('Answer: 🙂\n');
  });

  it('refuses string tokens, as chr() does', () => {
    expect(() => tokenizer.decode(['a'])).toThrow(TypeError);
  });

  it('ignores truncation and max_length, as HELM does', () => {
    expect(tokenizer.encode('abcdef', { truncation: true, maxLength: 2 })).toHaveLength(6);
  });

  it('counts code points like Python len(), lone surrogates as one each', () => {
    expect(codePointLength('𝔸'.repeat(4))).toBe(4);
    expect('𝔸'.repeat(4).length).toBe(8);
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('\ud835')).toBe(1);
    expect(codePointLength('\udd38\ud835')).toBe(2);
    expect(codePointLength('x\ud835\udd38')).toBe(2);
  });
});
