import { describe, expect, it } from 'vitest';
import { pyFloat } from '../../../core/py-float.ts';
import { request, type GeneratedOutput, type Request } from '../../../core/request.ts';
import { sumLogprobs, truncateSequence } from './openai-truncate.ts';

// HELM v0.5.16 clients/test_client.py: truncate_sequence_helper — tokens each with logprob -1.
function truncated(tokens: string[], fields: Partial<Request>, endOfText?: string): GeneratedOutput {
  const sequence: GeneratedOutput = {
    text: tokens.join(''),
    tokens: tokens.map((text) => ({ text, logprob: -1 })),
    logprob: -tokens.length,
    finish_reason: { reason: 'stop' },
  };
  return truncateSequence(sequence, request({ model: 'openai/gpt2', model_deployment: 'huggingface/gpt2', ...fields }), endOfText);
}
const texts = (output: GeneratedOutput) => output.tokens.map((t) => t.text);

describe('truncateSequence (HELM truncate_sequence)', () => {
  it('truncates nothing with echo_prompt, and keeps the finish reason', () => {
    const out = truncated(['a', 'b', 'c'], { prompt: 'abc', echo_prompt: true });
    expect(out).toEqual({ text: 'abc', tokens: ['a', 'b', 'c'].map((text) => ({ text, logprob: -1 })), logprob: -3, finish_reason: { reason: 'stop' } });
  });

  it('truncates nothing when the stop sequence is absent, but drops the finish reason as HELM does', () => {
    const out = truncated(['hello', ' world'], { stop_sequences: ['#'] });
    expect(texts(out)).toEqual(['hello', ' world']);
    expect(out.text).toBe('hello world');
    expect(out.logprob).toBe(-2);
    expect(out).not.toHaveProperty('finish_reason');
  });

  it('truncates at stop sequences', () => {
    const out = truncated(['hello', ' world', '\n', 'what'], { stop_sequences: ['\n'] });
    expect(texts(out)).toEqual(['hello', ' world']);
    expect(out.text).toBe('hello world');
    expect(out.logprob).toBe(-2);
  });

  it('truncates at max_tokens, rebuilding the text from the kept tokens', () => {
    const out = truncated(['a', 'b', 'c'], { max_tokens: 2 });
    expect(texts(out)).toEqual(['a', 'b']);
    expect(out.text).toBe('ab');
    expect(out.logprob).toBe(-2);
  });

  it('keeps the finish reason when there is nothing to do (no stop sequences, few tokens)', () => {
    expect(truncated(['a'], { max_tokens: 1 }).finish_reason).toEqual({ reason: 'stop' });
  });

  it('cuts the text mid-token but tokens only at a token that starts with the stop (HELM only warns)', () => {
    const out = truncated(['Paris.', ' Next'], { stop_sequences: ['.'] });
    expect(out.text).toBe('Paris');
    expect(texts(out)).toEqual(['Paris.', ' Next']);
  });

  it('adds the end-of-text token to the stop sequences', () => {
    expect(texts(truncated([' B', '<|endoftext|>', 'x'], {}, '<|endoftext|>'))).toEqual([' B']);
  });
});

describe('sumLogprobs (Python sum)', () => {
  it('is the int 0 for no tokens and a float once a float logprob is summed', () => {
    expect(sumLogprobs([])).toBe(0);
    expect(sumLogprobs([{ text: 'a', logprob: 0 }])).toBe(0);
    expect(sumLogprobs([{ text: 'a', logprob: 0 }, { text: 'b', logprob: pyFloat(-1) }])).toEqual(pyFloat(-1));
  });
});
