/** @module What a tokenizer offers window services (HELM `Tokenizer`: tokenize, encode and decode). */

/** Options of `Tokenizer.encode`, HELM's `TokenizationRequest(truncation, max_length)`. */
export interface EncodeOptions {
  readonly truncation?: boolean;
  /** Defaults to 2048, as HELM's `TokenizationRequest.max_length` does. */
  readonly maxLength?: number;
}

/** HELM `TokenizationRequest.max_length` when none is given. */
export const DEFAULT_MAX_LENGTH = 2048;

/**
 * A tokenizer. Token ids are numbers or strings, as HELM's `TokenizationToken.value` is `int | str`.
 * Pure: the same text always gives the same tokens.
 */
export interface Tokenizer {
  /** Token ids of `text` (HELM `encode=True`); with `truncation`, at most `maxLength` where the tokenizer honours it. */
  encode(text: string, options?: EncodeOptions): readonly number[] | readonly string[];
  /** The text of token ids (HELM `decode`). */
  decode(tokens: readonly (number | string)[]): string;
  /** The token strings of `text` (HELM `encode=False`). */
  tokenize(text: string): readonly string[];
  /** `encode(text).length`, for tokenizers that can count without building the tokens. */
  countTokens?(text: string): number;
  /** True when every code point is one token (so a text's first n code points are its first n tokens). */
  readonly isOneTokenPerCodePoint?: boolean;
}

/** What a tokenizer factory gets from a tokenizer config (HELM's `TokenizerSpec`), and where local files live. */
export interface TokenizerSpecOptions {
  /** The HELM tokenizer name, e.g. `openai/cl100k_base` or `huggingface/gpt2`. */
  readonly tokenizerName: string;
  /** `tokenizer_spec.args` of the tokenizer config. */
  readonly args: Readonly<Record<string, unknown>>;
  /** `--local-path` (default `prod_env`); Hugging Face files may sit under `<localPath>/tokenizers/<org>/<name>/`. */
  readonly localPath: string;
  /** The Hugging Face hub cache (`$HF_HUB_CACHE`, else `$HF_HOME/hub`, else `~/.cache/huggingface/hub`). */
  readonly hubCacheDir: string;
}

/**
 * HELM's `tokens[:max_length]` under `truncation` (CachingTokenizer and TiktokenTokenizer). Like a Python
 * slice, a negative max_length drops that many tokens from the end.
 */
export function truncateTokens<T>(tokens: readonly T[], options?: EncodeOptions): readonly T[] {
  if (options?.truncation !== true) return tokens;
  return tokens.slice(0, options.maxLength ?? DEFAULT_MAX_LENGTH); // JS slice ends count from the back like Python's
}
