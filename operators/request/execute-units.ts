/** @module The request stage of a run graph: every request of a unit executed, units emitted in HELM's order. */
import { defaultIfEmpty, forkJoin, map, mergeMap, type Observable, of, type OperatorFunction, tap } from 'rxjs';
import type { CompletedRequest, PendingRequest } from '../../core/request.ts';
import { reorderBySeq } from '../flow/reorder-by-seq.ts';
import type { UnitStates } from '../flow/unit.ts';
import type { AnyModelClient } from './clients/model-client.ts';
import { executeRequest, type ExecuteOptions } from './execute.ts';

export interface ExecuteUnitsOptions extends Omit<ExecuteOptions, 'client'> {
  /** The deployment's client; absent on a dry run, where each unit passes through with its requests unanswered. */
  readonly client?: AnyModelClient;
  /** Units whose requests run at once (at least 1). The credit loop keeps as many in flight. */
  readonly concurrency: number;
  /**
   * `--exit-on-error`: the error the run stops with at the first request that still failed after its retries.
   * Absent: a failed request is a value (a failed result), and the run goes on.
   */
  readonly stopOnFailure?: (failed: CompletedRequest) => Error;
}

/**
 * Executes every request of each unit through `executeRequest` (cache → rate limit → client → retry), up to
 * `concurrency` units at once, and emits each unit once all its requests are done, in `seq` order: a unit that
 * finishes early waits in `reorderBySeq`, whose buffer the credit loop bounds. A unit with no requests passes as is.
 *
 * ```
 * units   -a-b-c-|           (b's requests take longest)
 * output  ---a-----(bc)|
 * ```
 * @example units$.pipe(executeUnits({ client, cache, limiter, concurrency: 8 }))
 */
export function executeUnits(options: ExecuteUnitsOptions): OperatorFunction<UnitStates<PendingRequest>, UnitStates<CompletedRequest>> {
  const { client, concurrency, stopOnFailure, ...executeOptions } = options;
  const stopIfFailed = (state: CompletedRequest): void => {
    if (stopOnFailure !== undefined && state.result?.success === false) throw stopOnFailure(state);
  };
  const executeUnit = (unit: UnitStates<PendingRequest>): Observable<UnitStates<CompletedRequest>> => {
    if (client === undefined) return of(unit);
    const requests = unit.states.map((pending) => executeRequest(pending, { ...executeOptions, client }).pipe(tap(stopIfFailed)));
    return forkJoin(requests).pipe(
      defaultIfEmpty([] as CompletedRequest[]),
      map((states) => ({ seq: unit.seq, trial: unit.trial, states })),
    );
  };
  return function executeUnits(units$) {
    return units$.pipe(
      mergeMap(executeUnit, Math.max(1, concurrency)),
      reorderBySeq((unit) => unit.seq),
    );
  };
}
