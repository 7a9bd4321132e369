import { describe, expect, it } from 'vitest';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { selectInstances } from './select-instances.ts';

/** 5 train rows then 50 test rows, as in the golden MMLU run (reference §5.6). */
function goldenLayout(): RawInstance[] {
  const row = (i: number, split: Split): RawInstance => ({ input: { text: `q${i}` }, references: [reference('a', true)], split });
  return [...Array.from({ length: 5 }, (_, i) => row(i, 'train')), ...Array.from({ length: 50 }, (_, i) => row(i + 5, 'test'))];
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const sourceOf = (rows: RawInstance[]) => {
  let passes = 0;
  return {
    passes: () => passes,
    read: async function* () {
      passes += 1;
      yield* rows;
    },
  };
};

describe('selectInstances', () => {
  it('downsamples with NumPy RandomState(0) and keeps the sampled order (golden ids id33, id16, …)', async () => {
    const source = sourceOf(goldenLayout());
    const selection = await selectInstances(source.read, { evalSplits: ['valid', 'test'], maxEvalInstances: 10 });
    expect(selection.train.map((i) => i.id)).toEqual(['id0', 'id1', 'id2', 'id3', 'id4']);
    expect(selection.evalCount).toBe(10);
    expect((await collect(selection.evalInstances())).map((i) => i.id)).toEqual([
      'id33', 'id16', 'id15', 'id46', 'id7', 'id32', 'id43', 'id36', 'id27', 'id9',
    ]);
  });

  it('gives the same sampled order when the picked instances are spilled to disk', async () => {
    const selection = await selectInstances(sourceOf(goldenLayout()).read, {
      evalSplits: ['valid', 'test'],
      maxEvalInstances: 10,
      inMemoryLimit: 3,
    });
    for (let pass = 0; pass < 2; pass++) {
      expect((await collect(selection.evalInstances())).map((i) => [i.id, i.input.text])).toEqual(
        [33, 16, 15, 46, 7, 32, 43, 36, 27, 9].map((i) => [`id${i}`, `q${i}`]),
      );
    }
    selection.close();
  });

  it('streams eval instances in file order when no downsampling is needed, re-reading the source each pass', async () => {
    const source = sourceOf(goldenLayout());
    const selection = await selectInstances(source.read, { evalSplits: ['valid', 'test'], maxEvalInstances: 100 });
    expect(selection.evalCount).toBe(50);
    expect((await collect(selection.evalInstances())).slice(0, 3).map((i) => i.id)).toEqual(['id5', 'id6', 'id7']);
    await collect(selection.evalInstances());
    expect(source.passes()).toBe(3);
  });

  it('drops instances of splits outside eval_splits but still counts them for ids', async () => {
    const rows: RawInstance[] = [
      { input: { text: 't' }, references: [], split: 'train' },
      { input: { text: 'v' }, references: [], split: 'valid' },
      { input: { text: 'x' }, references: [], split: 'test' },
    ];
    const selection = await selectInstances(sourceOf(rows).read, { evalSplits: ['test'], maxEvalInstances: 5 });
    expect((await collect(selection.evalInstances())).map((i) => [i.id, i.input.text])).toEqual([['id2', 'x']]);
  });

  it('keeps ids the scenario gave when every instance has one', async () => {
    const rows: RawInstance[] = [
      { input: { text: 't' }, references: [], split: 'train', id: 'own-train' },
      { input: { text: 'x' }, references: [], split: 'test', id: 'own-test' },
    ];
    const selection = await selectInstances(sourceOf(rows).read, { evalSplits: ['valid', 'test'] });
    expect(selection.train[0]?.id).toBe('own-train');
    expect((await collect(selection.evalInstances()))[0]?.id).toBe('own-test');
  });
});
