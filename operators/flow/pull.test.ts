import { Subject, lastValueFrom, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { pull } from './pull.ts';
import { reorderBySeq } from './reorder-by-seq.ts';

async function* counting(log: number[], n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    log.push(i);
    yield i;
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('pull', () => {
  it('reads only as many items as credits were granted', async () => {
    const read: number[] = [];
    const credits$ = new Subject<number>();
    const seen: number[] = [];
    pull(counting(read, 100), credits$).subscribe((x) => seen.push(x));
    credits$.next(3);
    await settle();
    expect(seen).toEqual([0, 1, 2]);
    expect(read).toEqual([0, 1, 2]);
    credits$.next(1);
    await settle();
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(read.length).toBe(4);
  });

  it('completes when the source is exhausted', async () => {
    const credits$ = new Subject<number>();
    const done = lastValueFrom(pull(counting([], 2), credits$).pipe(toArray()));
    credits$.next(10);
    expect(await done).toEqual([0, 1]);
  });

  it('closes the iterator when unsubscribed early', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<number> {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    const credits$ = new Subject<number>();
    const subscription = pull(source(), credits$).subscribe();
    credits$.next(2);
    await settle();
    subscription.unsubscribe();
    await settle();
    expect(closed).toBe(true);
  });
});

describe('reorderBySeq', () => {
  it('keeps HELM order when completions arrive out of order', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ cold, expectObservable, expectSubscriptions }) => {
      const input = cold('-c-a-b---d-|', { a: 0, b: 1, c: 2, d: 3 });
      expectObservable(input.pipe(reorderBySeq((x) => x))).toBe('---a-(bc)d-|', { a: 0, b: 1, c: 2, d: 3 });
      expectSubscriptions(input.subscriptions).toBe('^----------!');
    });
  });

  it('fails loudly if a sequence number never arrives', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(({ cold, expectObservable }) => {
      const input = cold('-b-|', { b: 1 });
      expectObservable(input.pipe(reorderBySeq((x) => x))).toBe(
        '---#',
        undefined,
        new Error('reorderBySeq: 1 items never became ready (next seq 0)'),
      );
    });
  });
});
