/**
 * @module HELM's TiktokenTokenizer (`tokenizers/tiktoken_tokenizer.py`): OpenAI's BPE encodings, offline, on the
 * rank tables gpt-tokenizer bundles.
 */
import { UserError, unknownNameMessage } from '../../../core/errors.ts';
import { bpeCodec } from './bpe-codec.ts';
import { lruMemo, TOKEN_COUNT_MEMO } from './lru-memo.ts';
import { tiktokenEncodings, type TiktokenEncodingName } from './tiktoken-encodings.ts';
import { truncateTokens, type Tokenizer, type TokenizerSpecOptions } from './tokenizer.ts';

/** HELM `CachingTokenizer._get_tokenizer_name`: `openai/cl100k_base` → `cl100k_base`. */
export const encodingNameOf = (tokenizerName: string): string => tokenizerName.split('/').at(-1) ?? tokenizerName;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * HELM's TiktokenTokenizer for `openai/<encoding>` (r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base,
 * o200k_harmony, gpt2). As tiktoken's `encode()` with its defaults, a text holding a special-token string
 * (e.g. `<|endoftext|>`) is refused (HELM fails the run there too). `tokenize` decodes each token alone, so a
 * token that is part of a character reads U+FFFD; `decode` turns a string token into its first id, as HELM
 * does. Token counts are memoized (bounded LRU). Pure.
 * @example tiktokenTokenizer({ tokenizerName: 'openai/cl100k_base', … }).encode('hello world') // [15339, 1917]
 */
export function tiktokenTokenizer(options: Pick<TokenizerSpecOptions, 'tokenizerName'>): Tokenizer {
  const { tokenizerName } = options;
  const encodingName = encodingNameOf(tokenizerName);
  if (!Object.hasOwn(tiktokenEncodings, encodingName)) {
    throw new UserError(
      `Tokenizer '${tokenizerName}': ${unknownNameMessage('tiktoken encoding', encodingName, Object.keys(tiktokenEncodings))}`,
    );
  }
  const encoding = tiktokenEncodings[encodingName as TiktokenEncodingName];
  const codec = bpeCodec(encoding);
  const special = new RegExp([...encoding.specialTokens.keys()].map(escapeRegExp).join('|'));
  const refuseSpecialTokens = (text: string): void => {
    const found = text.includes('<|') ? special.exec(text) : null;
    if (found !== null) {
      throw new UserError(
        `Tokenizer '${tokenizerName}': the text contains the special token '${found[0]}', which tiktoken refuses ` +
          `to encode (HELM 0.5.16 fails the same way). The text begins: ${JSON.stringify(text.slice(0, 80))}`,
      );
    }
  };
  const idsOf = (text: string): number[] => {
    refuseSpecialTokens(text);
    return codec.encodeOrdinary(text);
  };
  return {
    encode: (text, encodeOptions) => truncateTokens(idsOf(text), encodeOptions),
    decode(tokens) {
      const ids = tokens.map((token) => {
        if (typeof token === 'number') return token;
        // HELM: "done to support decoding of token strings": the first id of the string's encoding.
        const first = idsOf(token)[0];
        if (first === undefined) throw new RangeError(`Cannot decode the empty token string with ${tokenizerName}`);
        return first;
      });
      return codec.decode(ids);
    },
    tokenize: (text) => idsOf(text).map((id) => codec.decode([id])),
    countTokens: lruMemo((text) => {
      refuseSpecialTokens(text);
      return codec.countOrdinary(text);
    }, TOKEN_COUNT_MEMO),
  };
}
