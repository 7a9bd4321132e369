/** @module The one backpressure primitive: read an async iterable only as fast as credits arrive. */
import { Observable } from 'rxjs';

/**
 * Emits the items of `iterable`, asking for the next one only while unspent credits remain.
 * `credits$` grants credits (each value is a number of items); nothing is read ahead, so memory
 * is bounded by the credits in circulation, not by the source's size. Closes the iterator on teardown.
 *
 * ```
 * credits  3----------1---1--
 * source   (read on demand)
 * output   -a-b-c------d---e-
 * ```
 * @example pull(readInstances(), credits$.pipe(startWith(concurrency)))
 */
export function pull<T>(iterable: AsyncIterable<T>, credits$: Observable<number>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const iterator = iterable[Symbol.asyncIterator]();
    let demand = 0;
    let reading = false;
    let finished = false;

    const readWhileDemanded = async (): Promise<void> => {
      if (reading || finished) return;
      reading = true;
      try {
        while (demand > 0 && !finished && !subscriber.closed) {
          const next = await iterator.next();
          if (next.done === true) {
            finished = true;
            subscriber.complete();
            return;
          }
          demand -= 1;
          subscriber.next(next.value);
        }
      } catch (error) {
        finished = true;
        subscriber.error(error);
      } finally {
        reading = false;
      }
    };

    const creditSubscription = credits$.subscribe({
      next: (credit) => {
        demand += credit;
        void readWhileDemanded();
      },
      error: (error) => subscriber.error(error),
    });

    return () => {
      creditSubscription.unsubscribe();
      if (!finished) {
        finished = true;
        void iterator.return?.();
      }
    };
  });
}
