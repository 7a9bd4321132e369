/** @module The sink stage of a run graph: each unit written through the run's writer, one at a time, in order. */
import { concatMap, from, map, type OperatorFunction } from 'rxjs';
import type { PerInstanceStats } from '../core/per-instance-stats.ts';
import type { CompletedRequest } from '../core/request.ts';
import type { RunWriter } from './run-writer.ts';

/** What a unit must carry to be written: its position, its completed request states and each metric's stats of it. */
export interface WritableUnit {
  readonly seq: number;
  readonly states: readonly CompletedRequest[];
  readonly perMetric: readonly (readonly PerInstanceStats[])[];
}

/**
 * Writes each unit with `writer.writeUnit` and emits it once that write is done. Writes never overlap: the next
 * unit waits (the credit loop bounds how many) until the previous one is written. Not pure: it writes files.
 *
 * ```
 * units   -ab-|         (each write takes 2 frames)
 * output  ---a-(b|)
 * ```
 * @example evaluated$.pipe(writeUnits(writer), tap(() => credits$.next(1)))
 */
export function writeUnits<U extends WritableUnit>(writer: Pick<RunWriter, 'writeUnit'>): OperatorFunction<U, U> {
  return function writeUnits(units$) {
    return units$.pipe(concatMap((unit) => from(writer.writeUnit(unit.seq, unit.states, unit.perMetric)).pipe(map(() => unit))));
  };
}
