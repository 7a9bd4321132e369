import { describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.ts';
import { helmVectors } from './__fixtures__/helm-test-vectors.ts';
import { encodingNameOf, tiktokenTokenizer } from './tiktoken.ts';

const tiktoken = (name: string) => tiktokenTokenizer({ tokenizerName: name });
const cl100k = tiktoken('openai/cl100k_base');

// HELM v0.5.16 window_services/test_gpt4_window_service.py (openai/gpt-3.5-turbo-0301 → openai/cl100k_base)
describe('tiktokenTokenizer against HELM’s GPT-4 window-service vectors', () => {
  const { TEST_PROMPT, GPT4_TEST_TOKEN_IDS, GPT4_TEST_TOKENS } = helmVectors;

  it('encodes the CRFM prompt to HELM’s 49 cl100k ids', () => {
    expect(cl100k.encode(TEST_PROMPT)).toEqual(GPT4_TEST_TOKEN_IDS);
    expect(cl100k.countTokens?.(TEST_PROMPT)).toBe(49);
  });

  it('decodes them back to the prompt', () => {
    expect(cl100k.decode(GPT4_TEST_TOKEN_IDS)).toBe(TEST_PROMPT);
  });

  it('tokenizes into HELM’s token strings', () => {
    expect(cl100k.tokenize(TEST_PROMPT)).toEqual(GPT4_TEST_TOKENS);
  });
});

// tiktoken tests/test_encoding.py (test_simple, test_simple_regex, test_basic_encode, test_encode_surrogate_pairs)
describe('tiktokenTokenizer against tiktoken’s own test vectors', () => {
  it('encodes "hello world" in every encoding', () => {
    expect(tiktoken('openai/gpt2').encode('hello world')).toEqual([31373, 995]);
    expect(tiktoken('openai/r50k_base').encode('hello world')).toEqual([31373, 995]);
    expect(tiktoken('openai/p50k_base').encode('hello world')).toEqual([31373, 995]);
    expect(cl100k.encode('hello world')).toEqual([15339, 1917]);
    expect(cl100k.decode([15339, 1917])).toBe('hello world');
  });

  it('splits cl100k text as tiktoken’s regex does', () => {
    expect(cl100k.encode('rer')).toEqual([38149]);
    expect(cl100k.encode("'rer")).toEqual([2351, 81]);
    expect(cl100k.encode('today\n ')).toEqual([31213, 198, 220]);
    expect(cl100k.encode('today\n \n')).toEqual([31213, 27907]);
    expect(cl100k.encode('today\n  \n')).toEqual([31213, 14211]);
  });

  it('treats U+0085 as whitespace, as Rust’s \\s does (JavaScript’s does not)', () => {
    expect(cl100k.encode(' \x850')).toEqual([220, 126, 227, 15]);
  });

  it('encodes a surrogate pair as its code point, and a lone surrogate as U+FFFD', () => {
    expect(cl100k.encode('👍')).toEqual([9468, 239, 235]);
    expect(cl100k.encode('\ud83d')).toEqual(cl100k.encode('\ufffd'));
  });

  it('merges runs of digits as GPT-2 does', () => {
    const gpt2 = tiktoken('openai/gpt2');
    expect(gpt2.encode('0')).toEqual([15]);
    expect(gpt2.encode('0000000')).toEqual([24598]);
    expect(gpt2.encode('000000000')).toEqual([10535, 830]);
    expect(gpt2.encode('0000000000000000')).toEqual([25645]);
  });

  it('round-trips text in every encoding', () => {
    for (const name of ['gpt2', 'r50k_base', 'p50k_base', 'p50k_edit', 'cl100k_base', 'o200k_base', 'o200k_harmony']) {
      const tokenizer = tiktoken(`openai/${name}`);
      for (const text of ['hello', ' hello  ', '请考试我的软件！12345', 'a\u00a0b\ufeffc\n\n  x']) {
        expect(tokenizer.decode(tokenizer.encode(text) as number[])).toBe(text);
      }
    }
  });
});

// HELM v0.5.16 tokenizers/tiktoken_tokenizer.py and caching_tokenizer.py
describe('tiktokenTokenizer with HELM’s semantics', () => {
  it('names the encoding by the part of the tokenizer name after the last "/"', () => {
    expect(encodingNameOf('openai/o200k_base')).toBe('o200k_base');
    expect(tiktoken('openai/o200k_base').encode('hello world')).toEqual([24912, 2375]);
  });

  it('refuses an unknown encoding up front with a UserError listing the valid ones', () => {
    expect(() => tiktoken('openai/cl100k')).toThrow(UserError);
    expect(() => tiktoken('openai/cl100k')).toThrow(/Did you mean: cl100k_base/);
  });

  it('truncates to max_length, 2048 by default, and a negative max_length drops from the end (a Python slice)', () => {
    const ids = cl100k.encode(helmVectors.TEST_PROMPT);
    expect(cl100k.encode(helmVectors.TEST_PROMPT, { truncation: true, maxLength: 5 })).toEqual(ids.slice(0, 5));
    expect(cl100k.encode(helmVectors.TEST_PROMPT, { truncation: true, maxLength: -2 })).toEqual(ids.slice(0, 47));
    expect(cl100k.encode('x '.repeat(3000), { truncation: true })).toHaveLength(2048);
    expect(cl100k.encode(helmVectors.TEST_PROMPT, { maxLength: 5 })).toHaveLength(49);
  });

  it('refuses text holding one of tiktoken’s special tokens, but not gpt-tokenizer’s extra chat tokens', () => {
    expect(() => cl100k.encode('a <|endoftext|>')).toThrow(UserError);
    expect(() => cl100k.countTokens?.('x<|fim_prefix|>')).toThrow(/special token '<\|fim_prefix\|>'/);
    expect(cl100k.encode('<|im_start|>')).not.toContain(100264); // gpt-tokenizer's id for it; plain text to tiktoken
    expect(cl100k.encode('<|im_start|>').length).toBeGreaterThan(1);
    expect(cl100k.decode(cl100k.encode('<|im_start|>') as number[])).toBe('<|im_start|>');
  });

  it('decodes special token ids with tiktoken’s numbering', () => {
    expect(cl100k.decode([15339, 100257])).toBe('hello<|endoftext|>');
    expect(tiktoken('openai/o200k_base').decode([199999, 200018])).toBe('<|endoftext|><|endofprompt|>');
    expect(tiktoken('openai/o200k_harmony').decode([200006, 200008, 200012])).toBe('<|start|><|message|><|call|>');
    expect(() => cl100k.decode([100261])).toThrow(RangeError);
  });

  it('tokenizes each token alone, so the pieces of a character read U+FFFD', () => {
    const pieces = cl100k.tokenize('👍');
    expect(pieces).toHaveLength(3);
    expect(pieces.every((piece) => piece.includes('\ufffd'))).toBe(true);
    expect(cl100k.decode([9468])).toContain('\ufffd');
  });

  it('decodes a string token as the first id of its encoding (HELM’s quirk)', () => {
    expect(cl100k.decode(['hello', 1917])).toBe('hello world');
    expect(cl100k.decode([' world wide'])).toBe(' world');
  });

  it('keeps a leading byte-order mark, as Python’s UTF-8 decoding does', () => {
    expect(cl100k.decode(cl100k.encode('\ufeffx') as number[])).toBe('\ufeffx');
  });
});
