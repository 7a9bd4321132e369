/** @module What a tokenizer offers the window service (HELM `Tokenizer`: tokenize/encode and decode). */

/** A tokenizer. Token ids may be numbers or strings, as HELM's TokenizationToken values are. */
export interface Tokenizer {
  /** Token ids of `text`; with `truncation`, at most `maxLength` of them (where the tokenizer honours it). */
  encode(text: string, options?: { truncation?: boolean; maxLength?: number }): readonly (number | string)[];
  /** The text of token ids. */
  decode(tokens: readonly (number | string)[]): string;
  /** The number of tokens of `text`, without building them when the tokenizer can avoid it. */
  countTokens(text: string): number;
}
