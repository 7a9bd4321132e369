/**
 * @module One request through the wrappers every client shares: cache → client with retry → cache put.
 * A request that still fails after retries becomes a failed RequestResult (a value), never a stream error.
 */
import { defer, from, Observable, of, retry, throwError, timer, map, switchMap, catchError } from 'rxjs';
import type { CompletedRequest, PendingRequest, RequestResult } from '../../core/request.ts';
import { modelHost } from '../../core/request.ts';
import type { AnyModelClient, CachedResponse } from './clients/model-client.ts';
import type { RequestCache } from './request-cache.ts';

export interface ExecuteOptions {
  readonly client: AnyModelClient;
  readonly cache: RequestCache;
  /** Attempts after the first (HELM_RETRIES, default 5). */
  readonly retries?: number;
  /** Wait before retry n (1-based); HELM waits 2**n * 5 s. */
  readonly backoffMs?: (attempt: number) => number;
  /** Called once per request with whether it was answered from the cache, and whether it failed. */
  readonly onDone?: (outcome: { cached: boolean; failed: boolean }) => void;
}

const helmBackoffMs = (attempt: number): number => 2 ** attempt * 5000;

/** HELM's cache key: the client's raw request, plus `random` when the request has one. */
function cacheKeyOf(raw: unknown, random: string | undefined): unknown {
  return random === undefined ? raw : { ...(raw as Record<string, unknown>), random };
}

function failedResult(error: unknown, deployment: string, attempts: number): RequestResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    success: false,
    embedding: [],
    completions: [],
    cached: false,
    error: `Failed to make request to ${deployment} after retrying ${attempts} times. Error: ${message}`,
  };
}

/**
 * Executes one pending request. Answered requests are in the cache before they are emitted.
 * @example pending$.pipe(mergeMap((p) => executeRequest(p, { client, cache })))
 */
export function executeRequest(pending: PendingRequest, options: ExecuteOptions): Observable<CompletedRequest> {
  const { client, cache } = options;
  const retries = options.retries ?? 5;
  const backoffMs = options.backoffMs ?? helmBackoffMs;
  const shard = modelHost(pending.request);
  const raw = client.encode(pending.request);
  const key = cacheKeyOf(raw, pending.request.random);

  const fetchAndStore = (): Observable<CachedResponse<unknown>> =>
    defer(() => {
      const started = performance.now();
      const abort = new AbortController();
      return from(client.send(raw, abort.signal)).pipe(
        map((response) => ({
          response,
          request_time: (performance.now() - started) / 1000,
          request_datetime: Math.floor(Date.now() / 1000),
        })),
      );
    }).pipe(
      retry({
        count: retries,
        delay: (error: unknown, attempt) =>
          client.classify(error) === 'fatal' ? throwError(() => error) : timer(backoffMs(attempt)),
      }),
      switchMap((entry) => from(cache.put(shard, key, entry)).pipe(map(() => entry))),
    );

  return from(cache.get(shard, key)).pipe(
    switchMap((hit) =>
      hit !== undefined
        ? of({ entry: hit as CachedResponse<unknown>, cached: true })
        : fetchAndStore().pipe(map((entry) => ({ entry, cached: false }))),
    ),
    map(({ entry, cached }): CompletedRequest => {
      options.onDone?.({ cached, failed: false });
      return { ...pending, result: client.decode(entry, pending.request, cached) };
    }),
    catchError((error: unknown) => {
      options.onDone?.({ cached: false, failed: true });
      return of({ ...pending, result: failedResult(error, pending.request.model_deployment, retries) });
    }),
  );
}
