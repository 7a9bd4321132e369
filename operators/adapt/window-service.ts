/** @module HELM's window services (§5.4): LocalWindowService over a tokenizer, and NoTokenizerWindowService. */
import type { WindowService } from '../../core/window-service.ts';
import type { Tokenizer } from '../request/tokenizers/tokenizer.ts';

export interface LocalWindowServiceOptions {
  readonly tokenizerName: string;
  readonly tokenizer: Tokenizer;
  readonly maxSequenceLength: number;
  /** Defaults to maxSequenceLength. */
  readonly maxRequestLength?: number;
  readonly endOfTextToken?: string;
  readonly prefixToken?: string;
}

/** Drops the last code point (Python `text[:-1]`). */
function dropLastCodePoint(text: string): string {
  const last = text.codePointAt(text.length - 2);
  return last !== undefined && last > 0xffff ? text.slice(0, -2) : text.slice(0, -1);
}

/**
 * HELM's LocalWindowService: counts with the tokenizer; truncation encodes with truncation, decodes,
 * then drops characters one at a time until the text fits.
 * @example localWindowService({ tokenizerName: 'simple/tokenizer1', tokenizer: simpleTokenizer(), maxSequenceLength: 2048 })
 */
export function localWindowService(options: LocalWindowServiceOptions): WindowService {
  const { tokenizer } = options;
  const maxRequestLength = options.maxRequestLength ?? options.maxSequenceLength;
  const fits = (text: string, expected: number) => tokenizer.countTokens(text) + expected <= maxRequestLength;
  return {
    tokenizerName: options.tokenizerName,
    maxSequenceLength: options.maxSequenceLength,
    maxRequestLength,
    countTokens: (text) => tokenizer.countTokens(text),
    fits,
    truncateFromRight(text, expected) {
      let result = tokenizer.decode(tokenizer.encode(text, { truncation: true, maxLength: maxRequestLength - expected }));
      while (!fits(result, expected) && result !== '') result = dropLastCodePoint(result);
      return result;
    },
  };
}

/** HELM's NoTokenizerWindowService: every text fits and counts as one token. */
export function noTokenizerWindowService(): WindowService {
  return {
    tokenizerName: '',
    maxSequenceLength: Number.MAX_SAFE_INTEGER,
    maxRequestLength: Number.MAX_SAFE_INTEGER,
    countTokens: () => 1,
    fits: () => true,
    truncateFromRight: (text) => text,
  };
}
