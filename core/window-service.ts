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
}
