import { describe, expect, it } from 'vitest';
import { request } from '../../../core/request.ts';
import { simpleClient } from './simple.ts';

describe('simpleClient', () => {
  const client = simpleClient();

  it('answers with the prompt words reversed, as HELM docstring example "7 2 4 6"', async () => {
    const raw = client.encode(request({ model: 'simple/model1', prompt: '7 2 4 6', num_completions: 3 }));
    expect(raw).toEqual({ engine: 'model1', prompt: '7 2 4 6', num_completions: 3 });
    expect((await client.send(raw, new AbortController().signal)).completions).toEqual(['6', '4', '2']);
  });

  it('splits the prompt on Python whitespace (including \\x1c and NBSP, not BOM)', async () => {
    const response = await client.send({ engine: 'model1', prompt: ' a\x1cb\u00a0c\ufeffd \n', num_completions: 3 }, new AbortController().signal);
    expect(response.completions).toEqual(['c\ufeffd', 'b', 'a']);
  });

  it('cycles the reversed words when more completions than words are asked', async () => {
    const response = await client.send({ engine: 'model1', prompt: 'a b', num_completions: 5 }, new AbortController().signal);
    expect(response.completions).toEqual(['b', 'a', 'b', 'a', 'b']);
  });

  it('decodes with int logprobs, no finish reason, and the cached timing', () => {
    const result = client.decode(
      { response: { completions: ['Answer:'] }, request_time: 1.5e-5, request_datetime: 1795414396 },
      request({}),
      true,
    );
    expect(result).toEqual({
      success: true,
      embedding: [],
      completions: [{ text: 'Answer:', logprob: 0, tokens: [{ text: 'Answer:', logprob: 0 }] }],
      cached: true,
      request_time: 1.5e-5,
      request_datetime: 1795414396,
    });
  });
});
