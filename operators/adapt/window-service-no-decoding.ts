/** @module HELM's NoDecodingWindowService (`window_services/no_decoding_window_service.py`): for tokenizers without decode. */
import { DEFAULT_MAX_LENGTH, type Tokenizer } from '../request/tokenizers/tokenizer.ts';
import { localWindowService, type LocalWindowService, type LocalWindowServiceOptions } from './window-service.ts';

/**
 * A LocalWindowService whose tokens are the tokenizer's token strings (`encode=False`): counts are their
 * number, and decoding joins them (HELM assumes they concatenate to the text, TODO #2141 there). Pure.
 * @example noDecodingWindowService({ tokenizerName: 'vertexai/gemini', tokenizer, maxSequenceLength: 8192 })
 */
export function noDecodingWindowService(options: LocalWindowServiceOptions): LocalWindowService {
  const { tokenizer } = options;
  const strings: Tokenizer = {
    // HELM asks the tokenizer for truncated strings without a max_length, so its request's default 2048
    // applies first; then it slices `[:max_length]` itself. (A window over 2048 tokens is cut at 2048.)
    encode: (text, encodeOptions) =>
      encodeOptions?.truncation === true
        ? tokenizer.tokenize(text).slice(0, DEFAULT_MAX_LENGTH).slice(0, encodeOptions.maxLength)
        : tokenizer.tokenize(text),
    decode: (tokens) =>
      tokens
        .map((token) => {
          if (typeof token !== 'string') throw new TypeError(`NoDecodingWindowService joins token strings, got ${token}`);
          return token;
        })
        .join(''),
    tokenize: (text) => tokenizer.tokenize(text),
  };
  return localWindowService({ ...options, tokenizer: strings });
}
