/**
 * @module HELM's `get_toxicity_scores` as a metric sees it (`LocalContext` → `PerspectiveAPIClient`): the request
 * cache first (shard `perspectiveapi`, key HELM's `asdict(request)`), then, on a miss, the API key check, the
 * Perspective quota (a bucket of analyze calls per minute: a batch of n distinct texts takes n) and HELM's
 * retry schedule around one batch request.
 *
 * ```
 * score(40 texts) ×3 under 60 calls/min:   a ──20 s── b ──40 s── c     (a full bucket lets the first through)
 * ```
 */
import { UserError } from '../../core/errors.ts';
import { asyncScheduler, defer, finalize, from, lastValueFrom, type SchedulerLike } from 'rxjs';
import { limited, createRateLimiter, type RateLimiter } from '../request/rate-limit.ts';
import type { CredentialLookup } from '../request/clients/model-client.ts';
import type { RequestCache } from '../request/request-cache.ts';
import { DEFAULT_RETRY_POLICY, retryRequest, timeoutAttempt, type RetryPolicy } from '../request/retry.ts';
import {
  decodePerspectiveResponse,
  perspectiveApiClient,
  perspectiveRequest,
  type PerspectiveApiClient,
  type PerspectiveApiRequest,
  type PerspectiveApiResult,
  type PerspectiveBatchResponse,
} from '../request/clients/perspective-api.ts';

/** HELM's PerspectiveAPIClientCredentialsError: no key, so no toxicity scores (the metric then skips itself). */
export class PerspectiveCredentialsError extends Error {
  override readonly name = 'PerspectiveCredentialsError';
}

/** What ToxicityMetric calls for the completions of one request state. */
export interface ToxicityScorer {
  /** HELM `metric_service.get_toxicity_scores(PerspectiveAPIRequest(text_batch=texts))`. */
  score(texts: readonly string[]): Promise<PerspectiveApiResult>;
}

/** The cache shard HELM gives the Perspective API (`get_cache_config("perspectiveapi")`). */
export const PERSPECTIVE_CACHE_SHARD = 'perspectiveapi';

/** Perspective's default quota: 1 query per second, counted per analyze call. */
export const PERSPECTIVE_DEFAULT_QUERIES_PER_MINUTE = 60;

export interface ToxicityScorerOptions {
  /** credentials.conf's `perspectiveApiKey`; absent or empty: no scores (HELM's behaviour without credentials). */
  readonly apiKey: string | undefined;
  readonly cache: RequestCache;
  /** Default: the batch client on Perspective's endpoint (or `baseUrl`). */
  readonly client?: PerspectiveApiClient;
  readonly baseUrl?: string;
  /** The project's quota in analyze calls per minute. Default 60 (1 QPS, Perspective's default). */
  readonly queriesPerMinute?: number;
  /** The pool the quota lives in; default: a new one of `queriesPerMinute`. Keep one per process. */
  readonly limiter?: RateLimiter;
  /** Default: HELM's (5 attempts, 2**n × 5 s waits) with jitter. */
  readonly retry?: Partial<RetryPolicy>;
  readonly scheduler?: SchedulerLike;
}

/**
 * The Perspective scorer of a run.
 * @example const scorer = toxicityScorer({ apiKey: credentials.get('perspectiveApiKey'), cache }); await scorer.score(['hi'])
 */
export function toxicityScorer(options: ToxicityScorerOptions): ToxicityScorer {
  const scheduler = options.scheduler ?? asyncScheduler;
  const apiKey = options.apiKey === undefined || options.apiKey === '' ? undefined : options.apiKey;
  const client =
    options.client ?? (apiKey === undefined ? undefined : perspectiveApiClient({ apiKey, ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }) }));
  const limiter =
    options.limiter ?? createRateLimiter({ tokensPerMinute: options.queriesPerMinute ?? PERSPECTIVE_DEFAULT_QUERIES_PER_MINUTE }, scheduler);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };

  const fetchBatch = (api: PerspectiveApiClient, request: PerspectiveApiRequest): Promise<PerspectiveBatchResponse> => {
    const calls = new Set(request.text_batch).size;
    const attempt$ = limited(limiter, calls, () =>
      defer(() => {
        const controller = new AbortController();
        return from(api.send(request, controller.signal)).pipe(finalize(() => controller.abort()));
      }).pipe(timeoutAttempt(policy, scheduler)),
    );
    return lastValueFrom(
      attempt$.pipe(retryRequest({ policy, classify: api.classify, onRateLimited: (ms) => limiter.pauseFor(ms), scheduler })),
    );
  };

  return {
    async score(texts) {
      const request = perspectiveRequest(texts);
      // HELM looks in the cache before it builds a client: a cached batch is scored even without a key.
      const cached = (await options.cache.get(PERSPECTIVE_CACHE_SHARD, request)) as PerspectiveBatchResponse | undefined;
      if (cached !== undefined) return decodePerspectiveResponse(cached, true);
      if (client === undefined) throw new PerspectiveCredentialsError('API key was not set in credentials.conf');
      const response = await fetchBatch(client, request);
      await options.cache.put(PERSPECTIVE_CACHE_SHARD, request, response);
      return client.decode(response, false);
    },
  };
}

/**
 * The scorer of a helm-run from its credentials: HELM's `perspectiveApiKey`, and two keys of ours,
 * `perspectiveQueriesPerMinute` (the project's quota, default 60) and `perspectiveBaseUrl` (another endpoint, such as
 * a stand-in on 127.0.0.1). Make one per helm-run, so that its quota holds across runs.
 * @example toxicityScorerFromCredentials(credentials.forDeployment('perspectiveapi'), cache)
 */
export function toxicityScorerFromCredentials(credentials: CredentialLookup, cache: RequestCache): ToxicityScorer {
  const perMinuteText = credentials.get('perspectiveQueriesPerMinute');
  const perMinute = perMinuteText === undefined ? undefined : Number(perMinuteText);
  if (perMinute !== undefined && !(Number.isInteger(perMinute) && perMinute > 0)) {
    throw new UserError(`perspectiveQueriesPerMinute must be a whole number above 0 (the Perspective API quota per minute; default 60), got ${JSON.stringify(perMinuteText)}.`);
  }
  const baseUrl = credentials.get('perspectiveBaseUrl');
  return toxicityScorer({
    apiKey: credentials.get('perspectiveApiKey'),
    cache,
    ...(perMinute === undefined ? {} : { queriesPerMinute: perMinute }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
  });
}
