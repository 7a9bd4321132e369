/**
 * @module How helm-run's requests are paced and retried: each deployment's request pool (`rate_limit` in the
 * deployment YAML, our extension, overridden by `--max-concurrency`, `--requests-per-minute`, `--tokens-per-minute`)
 * and the retry policy (HELM's `HELM_RETRIES` environment variable, `--request-timeout`).
 */
import { UserError } from '../../core/errors.ts';
import { parsePyInt } from '../../core/python-number.ts';
import type { RateLimitPolicy } from '../../operators/request/rate-limit.ts';
import type { RetryPolicy } from '../../operators/request/retry.ts';
import type { RunOptions } from './cli-options.ts';
import type { ModelDeployment } from './model-configs.ts';

type PoolFlags = Pick<RunOptions, 'maxConcurrency' | 'requestsPerMinute' | 'tokensPerMinute'>;

/** Drops absent fields (exactOptionalPropertyTypes). */
const defined = <T extends object>(record: { [K in keyof T]: T[K] | undefined }): T =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;

/**
 * A deployment's pool: its `rate_limit`, each field replaced by the flag of the same meaning when given.
 * @example rateLimitPolicyFor(registry.deployment('openai/gpt-4o'), { requestsPerMinute: 500 })
 */
export function rateLimitPolicyFor(deployment: ModelDeployment | undefined, flags: PoolFlags): RateLimitPolicy {
  const own = deployment?.rate_limit;
  return defined<RateLimitPolicy>({
    maxConcurrency: flags.maxConcurrency ?? own?.max_concurrency,
    requestsPerMinute: flags.requestsPerMinute ?? own?.requests_per_minute,
    tokensPerMinute: flags.tokensPerMinute ?? own?.tokens_per_minute,
  });
}

/**
 * The retry policy of a helm-run: `HELM_RETRIES` attempts in all (HELM `proxy/retry.py`, default 5; 0 still makes one
 * attempt, as the `retrying` package does) and `--request-timeout` seconds per attempt; the rest is the default.
 */
export function retryPolicyFrom(env: NodeJS.ProcessEnv, flags: Pick<RunOptions, 'requestTimeoutSeconds'>): Partial<RetryPolicy> {
  const raw = env['HELM_RETRIES'];
  let maxAttempts: number | undefined;
  if (raw !== undefined) {
    const parsed = parsePyInt(raw);
    if (parsed === undefined) throw new UserError(`HELM_RETRIES must be an integer (attempts per request, default 5), got '${raw}'.`);
    maxAttempts = Math.max(1, parsed);
  }
  return defined<Partial<RetryPolicy>>({
    maxAttempts,
    attemptTimeoutMs: flags.requestTimeoutSeconds === undefined ? undefined : flags.requestTimeoutSeconds * 1000,
  });
}
