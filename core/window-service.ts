/** @module What adaptation needs from a deployment's tokenizer: HELM's window service interface (§5.4). */

/** HELM's WindowService, as used by adapters, metrics and the dry run. Lengths count tokens. */
export interface WindowService {
  readonly tokenizerName: string;
  readonly maxSequenceLength: number;
  readonly maxRequestLength: number;
  /** Number of tokens of `text` (HELM `get_num_tokens`). */
  countTokens(text: string): number;
  /** HELM `fits_within_context_window`: tokens(text) + completion ≤ max request length. */
  fits(text: string, expectedCompletionTokens: number): boolean;
  /** HELM `truncate_from_right`: encode with truncation, decode, then drop characters until it fits. */
  truncateFromRight(text: string, expectedCompletionTokens: number): string;
  /** The tokenizer config's end-of-text and prefix tokens ("" when it has none). */
  readonly endOfTextToken: string;
  readonly prefixToken: string;
  /** Prompt + generated tokens limit (Claude, Megatron); INT_MAX when the deployment sets none. */
  readonly maxSequenceAndGeneratedTokensLength: number;
  /** HELM `encode(text)` (no truncation): the token ids, as the language-modeling adapter windows them. */
  encode(text: string): readonly WindowToken[];
  /** HELM `decode(tokens)` with `clean_up_tokenization_spaces=False`. */
  decode(tokens: readonly WindowToken[]): string;
}

/** A token id (HELM's `TokenizationToken.value`: an int, or a string for tokenizers without ids). */
export type WindowToken = number | string;
