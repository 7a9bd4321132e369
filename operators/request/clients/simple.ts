/** @module HELM's SimpleClient (`clients/simple_client.py`): the offline test model `simple/model1`. */
import { pySplit } from '../../../core/python-text.ts';
import type { GeneratedOutput, Request, RequestResult } from '../../../core/request.ts';
import type { ModelClient } from './model-client.ts';

export interface SimpleRawRequest {
  readonly engine: string;
  readonly prompt: string;
  readonly num_completions: number;
}

export interface SimpleResponse {
  readonly completions: readonly string[];
}

/**
 * Answers with the prompt's words from last to first, cycled to `num_completions` items; every
 * logprob is the int 0 and there is no finish_reason (so HELM counts `finish_reason_unknown`).
 * It ignores max_tokens, stop sequences, temperature and echo_prompt.
 * @example simpleClient().send({ engine: 'model1', prompt: '7 2 4 6', num_completions: 3 }) // ['6','4','2']
 */
export function simpleClient(): ModelClient<SimpleRawRequest, SimpleResponse> {
  return {
    encode: (request: Request) => ({
      engine: request.model.split('/')[1] ?? '',
      prompt: request.prompt,
      num_completions: request.num_completions,
    }),
    send: async (raw) => {
      const reversed = pySplit(raw.prompt).reverse();
      const completions: string[] = [];
      for (let i = 0; reversed.length > 0 && i < raw.num_completions; i++) {
        completions.push(reversed[i % reversed.length]!);
      }
      return { completions };
    },
    decode: (cached, _request, wasCached): RequestResult => {
      const completions: GeneratedOutput[] = cached.response.completions.map((text) => ({
        text,
        logprob: 0,
        tokens: [{ text, logprob: 0 }],
      }));
      return {
        success: true,
        embedding: [],
        completions,
        cached: wasCached,
        request_time: cached.request_time,
        request_datetime: cached.request_datetime,
      };
    },
    classify: () => 'fatal',
  };
}
