/**
 * @module GPT-2's Hugging Face tokenizer served from tiktoken's r50k_base ranks, for when no tokenizer.json of
 * `openai-community/gpt2` is on the machine. r50k_base is GPT-2's BPE (same vocabulary, merges and split
 * pattern; tiktoken builds its `gpt2` encoding from GPT-2's own encoder.json/vocab.bpe), so ids agree.
 */
import { bpeCodec } from './bpe-codec.ts';
import { byteLevelAlphabet, byteLevelString } from './byte-level.ts';
import { cleanupToken } from './cleanup-tokens.ts';
import { convertsTokensToString, huggingFaceTruncation } from './huggingface-semantics.ts';
import { lruMemo, TOKEN_COUNT_MEMO } from './lru-memo.ts';
import { tiktokenEncodings } from './tiktoken-encodings.ts';
import type { Tokenizer } from './tokenizer.ts';

/** Hub ids whose tokenizer is GPT-2's. */
export const GPT2_MODEL_IDS: ReadonlySet<string> = new Set(['gpt2', 'openai-community/gpt2']);

/** GPT-2's one added token (`tokenizer.json` `added_tokens`: id 50256, special). */
const ENDOFTEXT = '<|endoftext|>';
const ENDOFTEXT_ID = 50_256;

/**
 * HELM's HuggingFaceTokenizer on GPT-2, without its files. As a fast tokenizer does, `<|endoftext|>` in the
 * text is the added token (split out first, never refused); encoding adds no special tokens
 * (`add_special_tokens=False`); decoding keeps special tokens and does no clean-up of spaces. Pure.
 * @example gpt2Tokenizer('huggingface/gpt2').encode('Hello world') // [15496, 995]
 */
export function gpt2Tokenizer(tokenizerName: string): Tokenizer {
  const codec = bpeCodec(tiktokenEncodings.gpt2);
  const alphabet = byteLevelAlphabet();
  const idsOf = (text: string): number[] =>
    text.split(ENDOFTEXT).flatMap((piece, i) => (i === 0 ? codec.encodeOrdinary(piece) : [ENDOFTEXT_ID, ...codec.encodeOrdinary(piece)]));
  /** `tokenizer.tokenize`: byte-level token strings (`Ġworld`), the added token as itself. */
  const rawTokens = (text: string): string[] =>
    idsOf(text).map((id) => {
      const bytes = codec.tokenBytes(id);
      return bytes === undefined ? ENDOFTEXT : byteLevelString(bytes, alphabet);
    });
  const decode = (tokens: readonly (number | string)[]): string =>
    codec.decode(
      tokens.map((token) => {
        if (typeof token !== 'number') throw new TypeError(`A Hugging Face tokenizer decodes token ids, got '${token}'`);
        return token;
      }),
    );
  return {
    encode: (text, options) => huggingFaceTruncation(idsOf(text), options),
    decode,
    tokenize: (text) =>
      convertsTokensToString(tokenizerName)
        ? idsOf(text).map((id) => decode([id])) // the ByteLevel decoder on one token = its bytes as UTF-8
        : rawTokens(text).map((token) => cleanupToken(token, tokenizerName)),
    countTokens: lruMemo(
      (text) => text.split(ENDOFTEXT).reduce((sum, piece, i) => sum + codec.countOrdinary(piece) + (i === 0 ? 0 : 1), 0),
      TOKEN_COUNT_MEMO,
    ),
  };
}
