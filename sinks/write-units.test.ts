import { lastValueFrom, of, Subject, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { RunWriter } from './run-writer.ts';
import { writeUnits, type WritableUnit } from './write-units.ts';

/** A writer whose writes finish by hand (`finishNext()`), logging each write's start and end. */
function handWriter(log: string[]) {
  const pending: (() => void)[] = [];
  const writer: Pick<RunWriter, 'writeUnit'> = {
    writeUnit: (seq) =>
      new Promise<void>((resolve) => {
        log.push(`start ${seq}`);
        pending.push(() => {
          log.push(`end ${seq}`);
          resolve();
        });
      }),
  };
  return { writer, finishNext: () => pending.shift()!() };
}

const unit = (seq: number): WritableUnit & { trial: number } => ({ seq, trial: 0, states: [], perMetric: [[]] });
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('writeUnits', () => {
  it('writes one unit at a time, in arrival order, and emits each once it is written', async () => {
    const log: string[] = [];
    const { writer, finishNext } = handWriter(log);
    const units$ = new Subject<ReturnType<typeof unit>>();
    units$.pipe(writeUnits(writer)).subscribe((u) => log.push(`emit ${u.seq}`));
    units$.next(unit(0));
    units$.next(unit(1));
    await settle();
    expect(log).toEqual(['start 0']);
    finishNext();
    await settle();
    expect(log).toEqual(['start 0', 'end 0', 'emit 0', 'start 1']);
    finishNext();
    await settle();
    expect(log).toEqual(['start 0', 'end 0', 'emit 0', 'start 1', 'end 1', 'emit 1']);
  });

  it('passes the unit’s seq, states and per-metric stats to the writer, and emits the same unit', async () => {
    const calls: unknown[][] = [];
    const writer: Pick<RunWriter, 'writeUnit'> = { writeUnit: async (...args) => void calls.push(args) };
    const units = [unit(0), unit(1)];
    const out = await lastValueFrom(of(...units).pipe(writeUnits(writer), toArray()));
    expect(out[0]).toBe(units[0]);
    expect(calls).toEqual([
      [0, [], [[]]],
      [1, [], [[]]],
    ]);
  });

  it('fails with the writer’s error and writes nothing after it', async () => {
    const seqs: number[] = [];
    const writer: Pick<RunWriter, 'writeUnit'> = {
      writeUnit: async (seq) => {
        seqs.push(seq);
        if (seq === 1) throw new Error('ENOSPC: no space left on device');
      },
    };
    await expect(lastValueFrom(of(unit(0), unit(1), unit(2)).pipe(writeUnits(writer)))).rejects.toThrow('ENOSPC');
    expect(seqs).toEqual([0, 1]);
  });
});
