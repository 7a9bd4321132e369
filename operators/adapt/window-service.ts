/** @module HELM's window services (§5.4): LocalWindowService over a tokenizer, and NoTokenizerWindowService. */
import { UserError } from '../../core/errors.ts';
import type { WindowService } from '../../core/window-service.ts';
import type { Tokenizer } from '../request/tokenizers/tokenizer.ts';

/** HELM `window_service.INT_MAX`, the lengths of a deployment without a tokenizer. */
export const INT_MAX = 2 ** 31 - 1;

export interface LocalWindowServiceOptions {
  readonly tokenizerName: string;
  readonly tokenizer: Tokenizer;
  readonly maxSequenceLength: number;
  /** Defaults to maxSequenceLength (HELM: `max_request_length or max_sequence_length`, so 0 too). */
  readonly maxRequestLength?: number;
  /** Prompt + generated tokens limit (Claude, Megatron); defaults to INT_MAX (HELM: `… or INT_MAX`). */
  readonly maxSequenceAndGeneratedTokensLength?: number;
  readonly endOfTextToken?: string;
  readonly prefixToken?: string;
}

/** Every window service is HELM's full interface (the name is kept for the services built here). */
export type LocalWindowService = WindowService;

/** Python `text[:-1]`: drops the last code point (a whole surrogate pair). */
function dropLastCodePoint(text: string): string {
  const last = text.codePointAt(text.length - 2);
  return last !== undefined && last > 0xffff ? text.slice(0, -2) : text.slice(0, -1);
}

/**
 * HELM's LocalWindowService. Counts are the tokenizer's (`len(encode(text))`). Truncation encodes with
 * truncation to `max_request_length − expected`, decodes, then drops one code point at a time from the end
 * until the text fits. Pure, given a pure tokenizer.
 * @example localWindowService({ tokenizerName: 'simple/tokenizer1', tokenizer: simpleTokenizer(), maxSequenceLength: 2048 })
 */
export function localWindowService(options: LocalWindowServiceOptions): LocalWindowService {
  const { tokenizer, tokenizerName } = options;
  const maxRequestLength = options.maxRequestLength || options.maxSequenceLength;
  const countTokens = (text: string): number => tokenizer.countTokens?.(text) ?? tokenizer.encode(text).length;
  const fits = (text: string, expected: number): boolean => countTokens(text) + expected <= maxRequestLength;
  return {
    tokenizerName,
    maxSequenceLength: options.maxSequenceLength,
    maxRequestLength,
    maxSequenceAndGeneratedTokensLength: options.maxSequenceAndGeneratedTokensLength || INT_MAX,
    endOfTextToken: options.endOfTextToken ?? '',
    prefixToken: options.prefixToken ?? '',
    countTokens,
    fits,
    encode: (text) => tokenizer.encode(text),
    decode: (tokens) => tokenizer.decode(tokens),
    truncateFromRight(text, expected) {
      const maxLength = maxRequestLength - expected;
      let result = tokenizer.decode(tokenizer.encode(text, { truncation: true, maxLength }));
      if (tokenizer.isOneTokenPerCodePoint === true && maxLength >= 0) {
        // Where the loop below would end, reached in one step: it drops code points until maxLength remain.
        // (The loop alone is quadratic for a long text.)
        result = Array.from(result).slice(0, maxLength).join('');
      }
      // HELM's character-by-character fallback (issue #1448).
      while (!fits(result, expected)) {
        if (result === '') {
          // HELM 0.5.16 loops forever here: ""[:-1] is "" and never fits.
          throw new UserError(
            `Cannot fit a prompt into the window of tokenizer '${tokenizerName}': even an empty prompt plus ` +
              `${expected} completion tokens exceeds max_request_length ${maxRequestLength}. HELM 0.5.16 would hang ` +
              `in truncate_from_right; lower max_tokens below ${maxRequestLength}.`,
          );
        }
        result = dropLastCodePoint(result);
      }
      return result;
    },
  };
}

function noTokens(): never {
  throw new UserError(
    "This model deployment has no tokenizer, so its texts cannot be split into tokens (HELM's NoTokenizerWindowService " +
      'raises here too). Give the deployment a tokenizer_name and max_sequence_length in model_deployments.yaml.',
  );
}

/** HELM's NoTokenizerWindowService: every text counts as one token and fits; nothing is truncated. */
export function noTokenizerWindowService(): LocalWindowService {
  return {
    tokenizerName: '', // HELM raises NotImplementedError on `tokenizer_name`
    maxSequenceLength: INT_MAX,
    maxRequestLength: INT_MAX,
    maxSequenceAndGeneratedTokensLength: INT_MAX,
    endOfTextToken: '',
    prefixToken: '',
    countTokens: () => 1,
    fits: () => true,
    truncateFromRight: (text) => text,
    encode: noTokens,
    decode: noTokens,
  };
}
