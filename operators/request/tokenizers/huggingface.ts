/**
 * @module HELM's HuggingFaceTokenizer (`tokenizers/huggingface_tokenizer.py`) on a local `tokenizer.json`, read
 * with @huggingface/tokenizers. Never downloads; GPT-2 without files is served from r50k (huggingface-gpt2.ts).
 */
import { Tokenizer as TokenizersJs } from '@huggingface/tokenizers';
import { UserError } from '../../../core/errors.ts';
import { cleanupToken } from './cleanup-tokens.ts';
import { findTokenizerFiles, missingTokenizerFilesError, readTokenizerJsonFile, type TokenizerFiles } from './huggingface-files.ts';
import { gpt2Tokenizer, GPT2_MODEL_IDS } from './huggingface-gpt2.ts';
import { convertsTokensToString, huggingFaceTruncation } from './huggingface-semantics.ts';
import { lruMemo, TOKEN_COUNT_MEMO } from './lru-memo.ts';
import type { Tokenizer, TokenizerSpecOptions } from './tokenizer.ts';

/** HELM `get_wrapped_tokenizer`: `pretrained_model_name_or_path` if set, else the HELM tokenizer name. */
export function modelIdOf(options: Pick<TokenizerSpecOptions, 'tokenizerName' | 'args'>): string {
  const path = options.args['pretrained_model_name_or_path'];
  if (path === undefined || path === null || path === '') return options.tokenizerName;
  if (typeof path !== 'string') {
    throw new UserError(`Tokenizer '${options.tokenizerName}': tokenizer_spec.args.pretrained_model_name_or_path must be a string.`);
  }
  return path;
}

/**
 * What we use of @huggingface/tokenizers' `Tokenizer` (its published .d.ts files import without extensions, so
 * under NodeNext resolution the class arrives untyped; this is the typed edge).
 */
interface HfTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): { ids: number[] };
  decode(ids: number[], options: { skip_special_tokens: boolean; clean_up_tokenization_spaces: boolean }): string;
  tokenize(text: string): string[];
  readonly decoder: { decode(tokens: string[]): string } | null;
}

function loadHfTokenizer(files: TokenizerFiles, tokenizerName: string): { tokenizer: HfTokenizer; truncationSide: 'left' | 'right' } {
  const json = readTokenizerJsonFile(files.tokenizerJson);
  const config = files.tokenizerConfigJson === undefined ? {} : readTokenizerJsonFile(files.tokenizerConfigJson);
  try {
    const tokenizer = new TokenizersJs({ added_tokens: [], ...json }, config) as HfTokenizer;
    return { tokenizer, truncationSide: config['truncation_side'] === 'left' ? 'left' : 'right' };
  } catch (cause) {
    throw new UserError(`Tokenizer '${tokenizerName}': cannot load ${files.tokenizerJson}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * HELM's HuggingFaceTokenizer. The tokenizer.json is looked up (huggingface-files.ts) and loaded when the
 * factory is called, so a missing file is a UserError before the run starts. Encoding adds no special
 * tokens; decoding keeps them and does not clean up spaces (HELM passes `clean_up_tokenization_spaces=False`);
 * `tokenize` follows HELM (readable strings for "gpt" tokenizers, else `cleanup_tokens`). Token counts are
 * memoized (bounded LRU). Pure once loaded.
 * @example huggingFaceTokenizer({ tokenizerName: 'huggingface/gpt2', args: {}, localPath: 'prod_env', hubCacheDir })
 */
export function huggingFaceTokenizer(options: TokenizerSpecOptions): Tokenizer {
  const { tokenizerName } = options;
  const search = { ...options, modelId: modelIdOf(options) };
  const files = findTokenizerFiles(search);
  if (files === undefined) {
    if (GPT2_MODEL_IDS.has(search.modelId)) return gpt2Tokenizer(tokenizerName);
    throw missingTokenizerFilesError(search);
  }
  const { tokenizer, truncationSide } = loadHfTokenizer(files, tokenizerName);
  const idsOf = (text: string): number[] => tokenizer.encode(text, { add_special_tokens: false }).ids;
  const decode = (tokens: readonly (number | string)[]): string => {
    const ids = tokens.map((token) => {
      if (typeof token !== 'number') throw new TypeError(`A Hugging Face tokenizer decodes token ids, got '${token}'`);
      return token;
    });
    // tokenizers.js refuses an empty list; Python's decode([]) is ''.
    return ids.length === 0 ? '' : tokenizer.decode(ids, { skip_special_tokens: false, clean_up_tokenization_spaces: false });
  };
  // `convert_tokens_to_string([t])` of a fast tokenizer: its decoder on one token, else the token itself.
  const tokenString = (token: string): string => tokenizer.decoder?.decode([token]) ?? token;
  return {
    encode: (text, encodeOptions) => huggingFaceTruncation(idsOf(text), encodeOptions, truncationSide),
    decode,
    tokenize(text) {
      const tokens = tokenizer.tokenize(text);
      return convertsTokensToString(tokenizerName)
        ? tokens.map(tokenString)
        : tokens.map((token) => cleanupToken(token, tokenizerName));
    },
    countTokens: lruMemo((text) => idsOf(text).length, TOKEN_COUNT_MEMO),
  };
}
