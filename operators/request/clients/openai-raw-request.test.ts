import { describe, expect, it } from 'vitest';
import { pyFloat } from '../../../core/py-float.ts';
import { request, type Request } from '../../../core/request.ts';
import { chatRawRequest, completionRawRequest, embeddingRawRequest, endpointOf, isReasoningModel, type RawRequestOptions } from './openai-raw-request.ts';

const options: RawRequestOptions = { isVisionLanguageModel: () => false };
const req = (fields: Partial<Request>): Request => request({ prompt: 'Hi', temperature: pyFloat(0.7), ...fields });

describe('chatRawRequest (HELM _make_chat_raw_request)', () => {
  it('puts the prompt in one user message, with HELM keys in HELM order', () => {
    const raw = chatRawRequest(req({ model: 'openai/gpt-3.5-turbo-0125', stop_sequences: ['\n\n'], top_p: 0.9, presence_penalty: 0.5 }), options);
    expect(Object.entries(raw)).toEqual([
      ['model', 'gpt-3.5-turbo-0125'],
      ['messages', [{ role: 'user', content: 'Hi' }]],
      ['temperature', 0.7],
      ['top_p', 0.9],
      ['n', 1],
      ['stop', ['\n\n']],
      ['max_tokens', 100],
      ['presence_penalty', 0.5],
      ['frequency_penalty', 0],
    ]);
  });

  it('sends request.messages as given, and checks them as HELM does', () => {
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }];
    expect(chatRawRequest(req({ model: 'openai/gpt-4o-2024-11-20', prompt: '', messages }), options).messages).toEqual(messages);
    expect(() => chatRawRequest(req({ model: 'openai/x', messages }), options)).toThrow(/More than one of `prompt`, `messages`/);
    expect(() => chatRawRequest(req({ model: 'openai/x', prompt: '', messages: [{ role: 'assistant', content: 'a' }] }), options)).toThrow(
      "Last message must have role 'user'",
    );
    expect(() => chatRawRequest(req({ model: 'openai/x', prompt: '', messages: [{ role: 'user', content: '' }] }), options)).toThrow(
      'All messages must have a role and content',
    );
  });

  it('keeps max_tokens 0 for a reasoning model (HELM moves it only when truthy) and keeps a given stop', () => {
    const raw = chatRawRequest(req({ model: 'openai/o1-2024-12-17', max_tokens: 0, stop_sequences: ['x'] }), options);
    expect(raw).toEqual({ model: 'o1-2024-12-17', messages: [{ role: 'user', content: 'Hi' }], n: 1, stop: ['x'], max_tokens: 0 });
  });

  it('treats the gpt-5 family and o<digit> engines as reasoning models, not gpt-4o', () => {
    expect(['o1-mini', 'o3', 'o4-mini-2025-04-16', 'gpt-5-nano'].map(isReasoningModel)).toEqual([true, true, true, true]);
    expect(['gpt-4o-2024-11-20', 'omni', 'davinci-002'].map(isReasoningModel)).toEqual([false, false, false]);
  });

  it('asks audio-preview models for text only, without stop null', () => {
    const raw = chatRawRequest(req({ model: 'openai/gpt-4o-audio-preview-2024-12-17' }), options);
    expect(raw.modalities).toEqual(['text']);
    expect(raw).not.toHaveProperty('stop');
  });
});

describe('completionRawRequest (HELM _to_raw_completion_request)', () => {
  it('asks for max(top_k_per_token, n) logprobs and best_of, stop null when empty, and echo', () => {
    const raw = completionRawRequest(req({ model: 'openai/davinci-002', num_completions: 3, top_k_per_token: 1, echo_prompt: true }), options);
    expect(raw).toEqual({
      model: 'davinci-002', prompt: 'Hi', temperature: 0.7, n: 3, max_tokens: 100, best_of: 3, logprobs: 3,
      stop: null, top_p: 1, presence_penalty: 0, frequency_penalty: 0, echo: true,
    });
  });

  it('VLLMClient: best_of 1 at temperature 0 only', () => {
    const greedy = req({ model: 'local/llama', temperature: pyFloat(0), top_k_per_token: 5 });
    expect(completionRawRequest(greedy, { ...options, modelName: 'meta-llama/Llama-3.1-8B' }, true)).toMatchObject({ model: 'meta-llama/Llama-3.1-8B', best_of: 1, logprobs: 5 });
    expect(completionRawRequest(greedy, options, false).best_of).toBe(5);
    expect(completionRawRequest(req({ model: 'local/llama', top_k_per_token: 5 }), options, true).best_of).toBe(5);
  });
});

describe('endpointOf', () => {
  it('tells the endpoint from the raw request alone', () => {
    expect(endpointOf(chatRawRequest(req({ model: 'openai/x' }), options))).toBe('chat');
    expect(endpointOf(completionRawRequest(req({ model: 'openai/x' }), options))).toBe('completions');
    expect(endpointOf(embeddingRawRequest(req({ model: 'openai/text-embedding-ada-002' }), options))).toBe('embeddings');
  });
});
