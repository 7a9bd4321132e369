import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { request, type CompletedRequest, type RequestResult } from '../../core/request.ts';
import type { UnitStates } from '../flow/unit.ts';
import { addRequestCounts, countRequests, NO_REQUESTS } from './count-requests.ts';

const result = (success: boolean, cached: boolean): RequestResult => ({ success, cached, embedding: [], completions: [] });
const state = (r?: RequestResult): CompletedRequest => ({
  instance: { input: { text: 'q' }, references: [], split: 'test', id: 'id1' },
  train_trial_index: 0,
  request: request({ model: 'simple/model1', model_deployment: 'simple/model1', prompt: 'q' }),
  num_train_instances: 0,
  prompt_truncated: false,
  num_conditioning_tokens: 0,
  ...(r === undefined ? {} : { result: r }),
});
const unit = (seq: number, states: CompletedRequest[]): UnitStates<CompletedRequest> => ({ seq, trial: 0, states });

describe('addRequestCounts', () => {
  it('counts states, failures and cache hits; a state without a result (dry run) only as a state', () => {
    const counts = addRequestCounts(NO_REQUESTS, [state(result(true, false)), state(result(false, false)), state(result(true, true)), state()]);
    expect(counts).toEqual({ numRequestStates: 4, numFailedRequests: 1, numCachedRequests: 1 });
    expect(addRequestCounts(counts, [state(result(true, true))])).toEqual({ numRequestStates: 5, numFailedRequests: 1, numCachedRequests: 2 });
    expect(NO_REQUESTS).toEqual({ numRequestStates: 0, numFailedRequests: 0, numCachedRequests: 0 });
  });
});

describe('countRequests', () => {
  it('emits the running counts after each unit', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ cold, expectObservable }) => {
      const units = {
        a: unit(0, [state(result(true, false)), state(result(true, true))]),
        b: unit(1, []),
        c: unit(2, [state(result(false, false))]),
      };
      expectObservable(cold('-a-b--c-|', units).pipe(countRequests())).toBe('-A-B--C-|', {
        A: { numRequestStates: 2, numFailedRequests: 0, numCachedRequests: 1 },
        B: { numRequestStates: 2, numFailedRequests: 0, numCachedRequests: 1 },
        C: { numRequestStates: 3, numFailedRequests: 1, numCachedRequests: 1 },
      });
    });
  });

  it('emits nothing for no units', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ cold, expectObservable }) => {
      expectObservable(cold<UnitStates<CompletedRequest>>('--|').pipe(countRequests())).toBe('--|');
    });
  });
});
