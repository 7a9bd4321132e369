/** @module Restores adaptation order after out-of-order completion, holding at most the early arrivals. */
import { Observable, type OperatorFunction } from 'rxjs';

/**
 * Emits items in `seq` order (0, 1, 2, …). Items that arrive early wait in a buffer; its size is
 * bounded by the number of items in flight upstream, which the credit loop caps.
 *
 * ```
 * input   -2-0-1-3-|
 * output  ---0-(12)3-|
 * ```
 * @example completed$.pipe(reorderBySeq((unit) => unit.seq))
 */
export function reorderBySeq<T>(seqOf: (item: T) => number, firstSeq = 0): OperatorFunction<T, T> {
  return function reorderBySeq(source$) {
    return new Observable<T>((subscriber) => {
      let waiting = new Map<number, T>();
      let nextSeq = firstSeq;
      const subscription = source$.subscribe({
        next: (item) => {
          waiting.set(seqOf(item), item);
          for (let ready = waiting.get(nextSeq); ready !== undefined; ready = waiting.get(nextSeq)) {
            waiting.delete(nextSeq);
            nextSeq += 1;
            subscriber.next(ready);
          }
        },
        error: (error) => subscriber.error(error),
        complete: () => {
          if (waiting.size > 0) {
            subscriber.error(new Error(`reorderBySeq: ${waiting.size} items never became ready (next seq ${nextSeq})`));
          } else subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        waiting = new Map();
      };
    });
  };
}
