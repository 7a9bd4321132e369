/** @module HELM's SimpleTokenizer (`tokenizers/simple_tokenizer.py`): one token per Unicode code point. */
import type { Tokenizer } from './tokenizer.ts';

/** Counts Unicode code points (a surrogate pair is one), as Python's `len(str)` does. */
export function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
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
 * Encodes to code points (`ord`), decodes with `chr`; truncation and max_length are ignored, as in HELM
 * (so window fitting falls back to dropping characters one by one).
 */
export function simpleTokenizer(): Tokenizer {
  return {
    encode: (text) => Array.from(text, (c) => c.codePointAt(0)!),
    decode: (tokens) => tokens.map((t) => (typeof t === 'number' ? String.fromCodePoint(t) : t)).join(''),
    countTokens: codePointLength,
  };
}
