/** @module Tokenizers by the `tokenizer_spec.class_name` HELM writes in tokenizer_configs.yaml. */
import { UserError, unknownNameMessage } from '../../../core/errors.ts';
import { huggingFaceTokenizer } from './huggingface.ts';
import { simpleTokenizer } from './simple-tokenizer.ts';
import { tiktokenTokenizer } from './tiktoken.ts';
import type { Tokenizer, TokenizerSpecOptions } from './tokenizer.ts';

const tokenizers = {
  'helm.tokenizers.simple_tokenizer.SimpleTokenizer': () => simpleTokenizer(),
  'helm.tokenizers.tiktoken_tokenizer.TiktokenTokenizer': tiktokenTokenizer,
  'helm.tokenizers.huggingface_tokenizer.HuggingFaceTokenizer': huggingFaceTokenizer,
} as const satisfies Record<string, (options: TokenizerSpecOptions) => Tokenizer>;

export type TokenizerClassName = keyof typeof tokenizers;

/**
 * The tokenizer of a tokenizer config. An unknown class name, or a tokenizer that cannot be set up (unknown
 * encoding, missing tokenizer.json), is a UserError naming the tokenizer.
 */
export function tokenizerFor(className: string, options: TokenizerSpecOptions): Tokenizer {
  const factory = (tokenizers as Record<string, ((options: TokenizerSpecOptions) => Tokenizer) | undefined>)[className];
  if (factory === undefined) {
    throw new UserError(
      `Tokenizer '${options.tokenizerName}': ${unknownNameMessage('tokenizer class', className, Object.keys(tokenizers))}`,
    );
  }
  return factory(options);
}
