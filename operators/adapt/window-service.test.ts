import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { simpleTokenizer } from '../request/tokenizers/simple-tokenizer.ts';
import type { Tokenizer } from '../request/tokenizers/tokenizer.ts';
import { INT_MAX, localWindowService, noTokenizerWindowService } from './window-service.ts';

const simple = (maxSequenceLength: number, maxRequestLength?: number) =>
  localWindowService({
    tokenizerName: 'simple/tokenizer1',
    tokenizer: simpleTokenizer(),
    maxSequenceLength,
    ...(maxRequestLength === undefined ? {} : { maxRequestLength }),
    endOfTextToken: '</s>',
    prefixToken: '<s>',
  });

// HELM v0.5.16 window_services/local_window_service.py
describe('localWindowService', () => {
  it('counts code points with the simple tokenizer', () => {
    const ws = simple(2048);
    expect(ws.countTokens('Answer: 𝔸')).toBe(9);
    expect(ws.maxRequestLength).toBe(2048);
    expect(ws.prefixToken).toBe('<s>');
    expect(ws.endOfTextToken).toBe('</s>');
  });

  it('fits when tokens + expected completion ≤ max_request_length', () => {
    const ws = simple(10);
    expect(ws.fits('abcdefgh', 2)).toBe(true);
    expect(ws.fits('abcdefghi', 2)).toBe(false);
    expect(ws.fits('𝔸𝔸𝔸𝔸𝔸𝔸𝔸𝔸', 2)).toBe(true);
  });

  it('uses max_request_length over max_sequence_length, and falls back to it when 0 or unset', () => {
    expect(simple(10, 20).fits('x'.repeat(18), 2)).toBe(true);
    expect(simple(10, 0).maxRequestLength).toBe(10);
  });

  it('truncates from the right one code point at a time, never splitting a surrogate pair', () => {
    const ws = simple(5);
    expect(ws.truncateFromRight('abcdefgh', 2)).toBe('abc');
    expect(ws.truncateFromRight('a𝔸𝔸𝔸𝔸', 1)).toBe('a𝔸𝔸𝔸');
    expect(ws.truncateFromRight('ab', 1)).toBe('ab');
  });

  it('cuts a long text in one step to what the per-character loop gives', () => {
    const { isOneTokenPerCodePoint: _skip, ...loopOnly } = simpleTokenizer();
    const slow = localWindowService({ tokenizerName: 'slow', tokenizer: loopOnly, maxSequenceLength: 50 });
    const text = 'a𝔸b\u00e9c'.repeat(40);
    for (const expected of [0, 1, 7, 50]) {
      expect(simple(50).truncateFromRight(text, expected)).toBe(slow.truncateFromRight(text, expected));
    }
    expect(simple(50).truncateFromRight(text, 7)).toBe('a𝔸b\u00e9c'.repeat(8) + 'a𝔸b');
    expect(simple(2048).truncateFromRight('x'.repeat(200_000), 0)).toHaveLength(2048);
  });

  it('honours a real tokenizer’s truncation before the character loop', () => {
    const words: Tokenizer = {
      encode: (text, options) => {
        const tokens = text.split(' ');
        return options?.truncation === true && options.maxLength !== undefined ? tokens.slice(0, options.maxLength) : tokens;
      },
      decode: (tokens) => tokens.join(' '),
      tokenize: (text) => text.split(' '),
    };
    const ws = localWindowService({ tokenizerName: 'words', tokenizer: words, maxSequenceLength: 4 });
    expect(ws.countTokens('a b c d e f')).toBe(6);
    expect(ws.truncateFromRight('a b c d e f', 1)).toBe('a b c');
  });

  it('throws a UserError where HELM would loop forever (completion longer than the window)', () => {
    expect(() => simple(3).truncateFromRight('abc', 4)).toThrow(UserError);
    expect(() => simple(3).truncateFromRight('abc', 4)).toThrow(/would hang/);
  });
});

// HELM v0.5.16 window_services/no_tokenizer_window_service.py
describe('noTokenizerWindowService', () => {
  it('counts every text as one token, fits everything and never truncates', () => {
    const ws = noTokenizerWindowService();
    expect(ws.countTokens('a long text')).toBe(1);
    expect(ws.fits('x'.repeat(10_000), 10_000)).toBe(true);
    expect(ws.truncateFromRight('abc', 5)).toBe('abc');
    expect(ws.maxRequestLength).toBe(INT_MAX);
    expect(ws.maxSequenceLength).toBe(2147483647);
  });
});
