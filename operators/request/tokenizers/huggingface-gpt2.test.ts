import { describe, expect, it } from 'vitest';
import { helmVectors } from './__fixtures__/helm-test-vectors.ts';
import { gpt2Tokenizer } from './huggingface-gpt2.ts';

const gpt2 = gpt2Tokenizer('huggingface/gpt2');

// HELM v0.5.16 window_services/test_gpt2_window_service.py and test_utils.py (huggingface/gpt2)
describe('gpt2Tokenizer (GPT-2 from r50k_base) against HELM’s GPT-2 vectors', () => {
  const { TEST_PROMPT, GPT2_TEST_TOKEN_IDS, GPT2_TEST_TOKENS } = helmVectors;

  it('encodes the CRFM prompt to HELM’s 51 GPT-2 ids', () => {
    expect(gpt2.encode(TEST_PROMPT)).toEqual(GPT2_TEST_TOKEN_IDS);
    expect(gpt2.countTokens?.(TEST_PROMPT)).toBe(51);
  });

  it('decodes them back, and tokenizes into HELM’s readable token strings', () => {
    expect(gpt2.decode(GPT2_TEST_TOKEN_IDS)).toBe(TEST_PROMPT);
    expect(gpt2.tokenize(TEST_PROMPT)).toEqual(GPT2_TEST_TOKENS);
  });

  it('gives GPT-2’s ids for "Hello world" and "hello world"', () => {
    expect(gpt2.encode('Hello world')).toEqual([15496, 995]);
    expect(gpt2.encode('hello world')).toEqual([31373, 995]);
  });
});

describe('gpt2Tokenizer with a fast tokenizer’s semantics', () => {
  it('encodes <|endoftext|> in the text as the added token 50256 (tiktoken would refuse it)', () => {
    expect(gpt2.encode('hello <|endoftext|>')).toEqual([31373, 220, 50256]);
    expect(gpt2.encode('a<|endoftext|><|endoftext|>b')).toEqual([64, 50256, 50256, 65]);
    expect(gpt2.countTokens?.('a<|endoftext|><|endoftext|>b')).toBe(4);
    expect(gpt2.decode([64, 50256, 65])).toBe('a<|endoftext|>b');
  });

  it('truncates to max(max_length, 0), so a negative max_length leaves nothing', () => {
    expect(gpt2.encode('hello world', { truncation: true, maxLength: 1 })).toEqual([31373]);
    expect(gpt2.encode('hello world', { truncation: true, maxLength: -1 })).toEqual([]);
  });

  it('tokenizes to byte-level strings for names without "gpt", cleaned of Ġ for huggingface/* names', () => {
    expect(gpt2Tokenizer('acme/tok').tokenize('hello world\n')).toEqual(['hello', 'Ġworld', 'Ċ']);
    expect(gpt2Tokenizer('huggingface/tok').tokenize('hello world')).toEqual(['hello', ' world']);
    expect(gpt2Tokenizer('acme/tok').tokenize('x<|endoftext|>')).toEqual(['x', '<|endoftext|>']);
  });

  it('refuses string tokens in decode', () => {
    expect(() => gpt2.decode(['hello'])).toThrow(TypeError);
  });
});
