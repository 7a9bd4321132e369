import { describe, expect, it } from 'vitest';
import type { Instance } from '../../core/instance.ts';
import { goldenMmluInstances, goldenMmluState } from '../adapt/__fixtures__/golden-mmlu.ts';
import type { Unit } from '../flow/unit.ts';
import { evalUnits } from './eval-units.ts';

const { train, test } = goldenMmluInstances();
const { spec } = goldenMmluState(); // max_train_instances 5, sample_train, one trial

async function* readCounting(instances: readonly Instance[], log: string[]): AsyncIterable<Instance> {
  for (const instance of instances) {
    log.push(instance.id);
    yield instance;
  }
}

const collect = async (units: AsyncIterable<Unit>): Promise<Unit[]> => {
  const out: Unit[] = [];
  for await (const unit of units) out.push(unit);
  return out;
};

describe('evalUnits', () => {
  it('gives the golden MMLU run its 10 units, all of trial 0 with the examples of its prompts', async () => {
    const picked = test.slice(0, 10);
    const units = await collect(evalUnits({ train, evalInstances: () => readCounting(picked, []), spec }));
    expect(units.map((u) => [u.seq, u.trial, u.repetition, u.instance.id])).toEqual(picked.map((instance, i) => [i, 0, 0, instance.id]));
    // The golden prompts show the dev rows in this order (operators/adapt/in-context-sample.test.ts).
    expect(units[0]!.examples.map((e) => e.id)).toEqual(['id3', 'id4', 'id2', 'id1', 'id0']);
    expect(new Set(units.map((u) => u.examples)).size).toBe(1); // sampled once per trial, shared
  });

  it('orders trials, then repetitions, then eval instances, reading the eval instances again for each pass', async () => {
    const reads: string[] = [];
    const picked = test.slice(0, 2);
    const units = await collect(
      evalUnits({ train, evalInstances: () => readCounting(picked, reads), spec: { ...spec, num_train_trials: 2, num_trials: 2 } }),
    );
    expect(units.map((u) => [u.seq, u.trial, u.repetition, u.instance.id])).toEqual([
      [0, 0, 0, 'id5'],
      [1, 0, 0, 'id6'],
      [2, 0, 1, 'id5'],
      [3, 0, 1, 'id6'],
      [4, 1, 0, 'id5'],
      [5, 1, 0, 'id6'],
      [6, 1, 1, 'id5'],
      [7, 1, 1, 'id6'],
    ]);
    expect(reads).toEqual(['id5', 'id6', 'id5', 'id6', 'id5', 'id6', 'id5', 'id6']);
    // Trial 1 samples with Python's random.seed(1).
    expect(units[4]!.examples.map((e) => e.id)).toEqual(['id3', 'id0', 'id1', 'id2', 'id4']);
  });

  it('reads one eval instance per unit asked for', async () => {
    const reads: string[] = [];
    const iterator = evalUnits({ train, evalInstances: () => readCounting(test, reads), spec })[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    expect(reads).toEqual(['id5', 'id6']);
    await iterator.return?.();
  });

  it('yields nothing when there are no eval instances', async () => {
    expect(await collect(evalUnits({ train, evalInstances: () => readCounting([], []), spec }))).toEqual([]);
  });
});
