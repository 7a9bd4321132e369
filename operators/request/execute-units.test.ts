import { lastValueFrom, of, Subject, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { request, type CompletedRequest, type PendingRequest } from '../../core/request.ts';
import type { UnitStates } from '../flow/unit.ts';
import type { ModelClient } from './clients/model-client.ts';
import { executeUnits } from './execute-units.ts';
import type { RequestCache } from './request-cache.ts';

const pending = (prompt: string): PendingRequest => ({
  instance: { input: { text: prompt }, references: [], split: 'test', id: prompt },
  train_trial_index: 0,
  request: request({ model: 'simple/model1', model_deployment: 'simple/model1', prompt }),
  num_train_instances: 0,
  prompt_truncated: false,
  num_conditioning_tokens: 0,
});
const unit = (seq: number, ...prompts: string[]): UnitStates<PendingRequest> => ({ seq, trial: 0, states: prompts.map(pending) });

function memoryCache(): RequestCache {
  const entries = new Map<string, unknown>();
  return {
    get: async (shard, key) => entries.get(`${shard}|${JSON.stringify(key)}`),
    put: async (shard, key, value) => void entries.set(`${shard}|${JSON.stringify(key)}`, value),
    flush: async () => undefined,
    close: async () => undefined,
  };
}

/** A client whose answers are released by hand: `answer(prompt)` settles that prompt's call (an Error fails it, fatally). */
function handClient() {
  const waiting = new Map<string, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  const sent: string[] = [];
  const client: ModelClient<{ prompt: string }, string> = {
    encode: (r) => ({ prompt: r.prompt }),
    send: (raw) =>
      new Promise<string>((resolve, reject) => {
        sent.push(raw.prompt);
        waiting.set(raw.prompt, { resolve, reject });
      }),
    decode: (cached, _r, wasCached) => ({
      success: true,
      embedding: [],
      completions: [{ text: cached.response, logprob: 0, tokens: [] }],
      cached: wasCached,
    }),
    classify: () => 'fatal',
  };
  const answer = (prompt: string, outcome: string | Error = prompt.toUpperCase()) => {
    const call = waiting.get(prompt)!;
    waiting.delete(prompt);
    if (outcome instanceof Error) call.reject(outcome);
    else call.resolve(outcome);
  };
  return { client: client as ModelClient<unknown, unknown>, sent, answer };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const texts = (u: UnitStates<CompletedRequest>) => [u.seq, u.states.map((s) => s.result?.completions[0]?.text ?? s.result?.error)];

describe('executeUnits', () => {
  it('emits each unit once all its requests are answered, in seq order, holding early ones back', async () => {
    const { client, answer } = handClient();
    const units$ = new Subject<UnitStates<PendingRequest>>();
    const seen: unknown[] = [];
    const done = lastValueFrom(units$.pipe(executeUnits({ client, cache: memoryCache(), concurrency: 4 }), toArray()));
    void done.then((all) => seen.push(...all.map(texts)));
    units$.next(unit(0, 'a', 'b'));
    units$.next(unit(1, 'c'));
    units$.next(unit(2));
    await settle();
    answer('c');
    answer('a');
    await settle();
    expect(seen).toEqual([]); // unit 0 still waits for b; unit 1 is held back behind it
    answer('b');
    units$.complete();
    await done;
    expect(seen).toEqual([
      [0, ['A', 'B']],
      [1, ['C']],
      [2, []],
    ]);
  });

  it('runs at most `concurrency` units at once', async () => {
    const { client, sent, answer } = handClient();
    const units$ = new Subject<UnitStates<PendingRequest>>();
    const done = lastValueFrom(units$.pipe(executeUnits({ client, cache: memoryCache(), concurrency: 2 }), toArray()));
    for (const [seq, prompt] of ['a', 'b', 'c'].entries()) units$.next(unit(seq, prompt));
    units$.complete();
    await settle();
    expect(sent).toEqual(['a', 'b']);
    answer('b');
    await settle();
    expect(sent).toEqual(['a', 'b', 'c']);
    answer('a');
    answer('c');
    expect((await done).map(texts)).toEqual([
      [0, ['A']],
      [1, ['B']],
      [2, ['C']],
    ]);
  });

  it('passes units through unanswered without a client (a dry run)', async () => {
    const units = [unit(0, 'a'), unit(1, 'b', 'c')];
    const out = await lastValueFrom(of(...units).pipe(executeUnits({ cache: memoryCache(), concurrency: 1 }), toArray()));
    expect(out).toEqual(units);
    expect(out[1]).toBe(units[1]);
  });

  it('writes a failed request as a failed result and reports every outcome', async () => {
    const { client, answer } = handClient();
    const outcomes: { cached: boolean; failed: boolean }[] = [];
    const units$ = new Subject<UnitStates<PendingRequest>>();
    const done = lastValueFrom(
      units$.pipe(executeUnits({ client, cache: memoryCache(), concurrency: 2, onDone: (o) => outcomes.push(o) }), toArray()),
    );
    units$.next(unit(0, 'a', 'b'));
    units$.complete();
    await settle();
    answer('a');
    await settle();
    answer('b', new Error('boom'));
    const [only] = await done;
    expect(only!.states.map((s) => s.result?.success)).toEqual([true, false]);
    expect(only!.states[1]!.result?.error).toBe('Failed to make request to simple/model1 (a fatal error, not retried). Error: boom');
    expect(outcomes).toEqual([
      { cached: false, failed: false },
      { cached: false, failed: true },
    ]);
  });

  it('stops with stopOnFailure’s error at the first request that failed for good', async () => {
    const { client, answer } = handClient();
    const units$ = new Subject<UnitStates<PendingRequest>>();
    const done = lastValueFrom(
      units$.pipe(
        executeUnits({
          client,
          cache: memoryCache(),
          concurrency: 2,
          stopOnFailure: (failed) => new Error(`stopped at ${failed.instance.id}: ${failed.result?.error}`),
        }),
      ),
    );
    units$.next(unit(0, 'a'));
    await settle();
    answer('a', new Error('boom'));
    await expect(done).rejects.toThrow('stopped at a: Failed to make request to simple/model1 (a fatal error, not retried). Error: boom');
  });
});
