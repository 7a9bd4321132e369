/** @module The HELM-side rules of HuggingFaceTokenizer (`tokenizers/huggingface_tokenizer.py`) shared by its back ends. */
import { DEFAULT_MAX_LENGTH, type EncodeOptions } from './tokenizer.ts';

/** Tokenizers whose `tokenize` HELM runs through `convert_tokens_to_string` token by token. */
const CONVERTING_TOKENIZERS: ReadonlySet<string> = new Set(['bigscience/bloom', 'Writer/palmyra-base', 'facebook/opt-66b']);

/** HELM: names containing "gpt", and three more, get readable token strings; the rest get `cleanup_tokens`. */
export const convertsTokensToString = (tokenizerName: string): boolean =>
  tokenizerName.includes('gpt') || CONVERTING_TOKENIZERS.has(tokenizerName);

/**
 * HELM's truncation for Hugging Face: `encode(truncation=True, max_length=max(max_length, 0))` keeps the first
 * tokens (the last ones when `truncation_side` is "left"), then CachingTokenizer slices `[:max_length]` again,
 * so a negative max_length leaves nothing.
 */
export function huggingFaceTruncation<T>(tokens: readonly T[], options?: EncodeOptions, truncationSide: 'left' | 'right' = 'right'): readonly T[] {
  if (options?.truncation !== true) return tokens;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (maxLength <= 0) return [];
  if (tokens.length <= maxLength) return tokens;
  return truncationSide === 'left' ? tokens.slice(tokens.length - maxLength) : tokens.slice(0, maxLength);
}
