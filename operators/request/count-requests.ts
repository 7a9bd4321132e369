/** @module Running counts of a run's completed requests: states written, failures, cache hits. */
import { scan, type OperatorFunction } from 'rxjs';
import type { CompletedRequest } from '../../core/request.ts';
import type { UnitStates } from '../flow/unit.ts';

export interface RequestCounts {
  readonly numRequestStates: number;
  /** Requests that still failed after their retries (`result.success` false). */
  readonly numFailedRequests: number;
  /** Requests answered from the request cache. */
  readonly numCachedRequests: number;
}

export const NO_REQUESTS: RequestCounts = { numRequestStates: 0, numFailedRequests: 0, numCachedRequests: 0 };

/** The counts after one more unit's states. Pure. A state without a result (a dry run's) counts as a state only. */
export function addRequestCounts(counts: RequestCounts, states: readonly CompletedRequest[]): RequestCounts {
  let { numRequestStates, numFailedRequests, numCachedRequests } = counts;
  numRequestStates += states.length;
  for (const state of states) {
    if (state.result === undefined) continue;
    if (!state.result.success) numFailedRequests += 1;
    if (state.result.cached) numCachedRequests += 1;
  }
  return { numRequestStates, numFailedRequests, numCachedRequests };
}

/**
 * Emits the counts so far after each unit; the last value is the run's.
 *
 * ```
 * units   -a-b-|
 * output  -A-B-|   (B = counts of a's and b's states)
 * ```
 * @example const counts = await lastValueFrom(units$.pipe(countRequests()), { defaultValue: NO_REQUESTS })
 */
export function countRequests(): OperatorFunction<UnitStates<CompletedRequest>, RequestCounts> {
  return function countRequests(units$) {
    return units$.pipe(scan((counts: RequestCounts, unit) => addRequestCounts(counts, unit.states), NO_REQUESTS));
  };
}
