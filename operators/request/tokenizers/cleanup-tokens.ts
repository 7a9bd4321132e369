/** @module HELM's `cleanup_tokens` (`tokenizers/tokenizer.py`): space markers of token strings made spaces, by tokenizer. */

/** Tokenizers whose `▁` (SentencePiece) marks a space. */
const SENTENCEPIECE_TOKENIZERS: ReadonlySet<string> = new Set([
  'TsinghuaKEG/ice',
  'bigscience/T0pp',
  'google/t5-11b',
  'google/flan-t5-xxl',
  'google/ul2',
  'Yandex/yalm',
  'ai21/j1',
  'together',
]);

/** HELM `cleanup_str`: `▁` → space for the SentencePiece tokenizers above, `Ġ` → space for `huggingface*` and `anthropic/claude`. */
export function cleanupToken(token: string, tokenizerName: string): string {
  if (SENTENCEPIECE_TOKENIZERS.has(tokenizerName)) return token.replaceAll('▁', ' ');
  if (tokenizerName.startsWith('huggingface') || tokenizerName === 'anthropic/claude') return token.replaceAll('Ġ', ' ');
  return token;
}
