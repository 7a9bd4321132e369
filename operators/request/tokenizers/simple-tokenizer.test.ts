import { describe, expect, it } from 'vitest';
import { codePointLength, simpleTokenizer } from './simple-tokenizer.ts';

describe('simpleTokenizer', () => {
  it('makes one token per code point, astral characters included', () => {
    const tokenizer = simpleTokenizer();
    expect(tokenizer.encode('a𝔸b')).toEqual([97, 0x1d538, 98]);
    expect(tokenizer.countTokens('a𝔸b')).toBe(3);
    expect(codePointLength('𝔸'.repeat(4))).toBe(4);
    expect(tokenizer.decode([97, 0x1d538, 98])).toBe('a𝔸b');
  });
  it('ignores truncation, as HELM does', () => {
    expect(simpleTokenizer().encode('abcdef', { truncation: true, maxLength: 2 })).toHaveLength(6);
  });
});
