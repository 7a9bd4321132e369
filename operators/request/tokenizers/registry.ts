/** @module Tokenizers by the `tokenizer_spec.class_name` HELM writes in tokenizer_configs.yaml. */
import { UserError, unknownNameMessage } from '../../../core/errors.ts';
import { simpleTokenizer } from './simple-tokenizer.ts';
import type { Tokenizer } from './tokenizer.ts';

const tokenizers = {
  'helm.tokenizers.simple_tokenizer.SimpleTokenizer': simpleTokenizer,
} as const satisfies Record<string, () => Tokenizer>;

export type TokenizerClassName = keyof typeof tokenizers;

/** The tokenizer of a tokenizer config; an unknown class name is a UserError naming the tokenizer. */
export function tokenizerFor(className: string, tokenizerName: string): Tokenizer {
  const factory = (tokenizers as Record<string, (() => Tokenizer) | undefined>)[className];
  if (factory === undefined) {
    throw new UserError(`Tokenizer '${tokenizerName}': ${unknownNameMessage('tokenizer class', className, Object.keys(tokenizers))}`);
  }
  return factory();
}
