import { describe, expect, it } from 'vitest';
import { request } from '../../core/request.ts';
import { codePointLength } from './tokenizers/simple-tokenizer.ts';
import { estimateTokens } from './estimate-tokens.ts';

// SimpleTokenizer counts one token per code point.
const estimate = estimateTokens(codePointLength);

describe('estimateTokens', () => {
  it('adds max_tokens for each completion to the prompt’s tokens', () => {
    expect(estimate(request({ prompt: 'Answer: B', max_tokens: 1, num_completions: 1 }))).toBe(10);
    expect(estimate(request({ prompt: 'a𝔸', max_tokens: 5, num_completions: 3 }))).toBe(17);
  });

  it('counts a chat request’s message contents joined by newlines, not its prompt', () => {
    const chat = request({ prompt: 'ignored', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], max_tokens: 10 });
    expect(estimate(chat)).toBe('Be brief.\nHi'.length + 10);
    expect(estimate(request({ messages: [{ role: 'user' }], max_tokens: 0 }))).toBe(0);
  });
});
