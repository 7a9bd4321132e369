import { describe, expect, it } from 'vitest';
import type { Tokenizer } from '../request/tokenizers/tokenizer.ts';
import { noDecodingWindowService } from './window-service-no-decoding.ts';

// HELM v0.5.16 window_services/no_decoding_window_service.py
describe('noDecodingWindowService', () => {
  const words: Tokenizer = {
    encode: () => {
      throw new Error('NoDecodingWindowService never asks for ids');
    },
    decode: () => {
      throw new Error('NoDecodingWindowService never decodes');
    },
    tokenize: (text) => text.match(/\S+\s*/g) ?? [],
  };
  const ws = noDecodingWindowService({ tokenizerName: 'words', tokenizer: words, maxSequenceLength: 4 });

  it('counts token strings', () => {
    expect(ws.countTokens('a b c d e')).toBe(5);
    expect(ws.fits('a b c', 1)).toBe(true);
    expect(ws.fits('a b c d', 1)).toBe(false);
  });

  it('truncates by joining the first token strings, then dropping characters until it fits', () => {
    expect(ws.truncateFromRight('a b c d e f', 1)).toBe('a b c ');
  });
});
