/** @module HELM's SimpleTokenizer (`tokenizers/simple_tokenizer.py`): one token per Unicode code point. */
import type { Tokenizer } from './tokenizer.ts';

/** Counts Unicode code points (a surrogate pair is one), as Python's `len(str)` does. */
export function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count -= 1;
        i += 1;
      }
    }
  }
  return count;
}

/**
 * HELM's SimpleTokenizer: encode gives code points (`ord`), tokenize the characters, decode joins `chr` of
 * each. Truncation and max_length are ignored, as in HELM, so window fitting falls back to dropping
 * characters one by one. Pure.
 * @example simpleTokenizer().encode('a𝔸') // [97, 120120]
 */
export function simpleTokenizer(): Tokenizer {
  return {
    encode: (text) => Array.from(text, (c) => c.codePointAt(0)!),
    tokenize: (text) => Array.from(text),
    decode: (tokens) =>
      tokens
        .map((token) => {
          // Python `chr(str)` raises TypeError: a string token is a bug of the caller.
          if (typeof token !== 'number') throw new TypeError(`SimpleTokenizer decodes code points, got '${token}'`);
          return String.fromCodePoint(token);
        })
        .join(''),
    countTokens: codePointLength,
    isOneTokenPerCodePoint: true,
  };
}
