/** @module What a tokenizer offers window services (HELM `Tokenizer`: tokenize, encode and decode). */

/** Options of `Tokenizer.encode`, HELM's `TokenizationRequest(truncation, max_length)`. */
export interface EncodeOptions {
  readonly truncation?: boolean;
  readonly maxLength?: number;
}

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
