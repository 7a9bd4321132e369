import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TrialKey } from './run-display-key-order.ts';
import { indexedStatsJoin, mergedStatsJoin } from './run-display-stats-join.ts';
import { readTrialStats, trialStatsSegments, type TrialStats } from './run-display-trial-stats.ts';

const fixtures = fileURLToPath(new URL('./__fixtures__/run-display/', import.meta.url));
const key = (instance: string, trial = 0): TrialKey => ({ instance, trial });
const entry = (instance: string, stats: Array<[string, number]>, trial = 0): TrialStats => ({ key: key(instance, trial), stats });
async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
const plain = (stats: ReadonlyMap<string, number> | undefined) => (stats === undefined ? undefined : [...stats]);

describe('mergedStatsJoin', () => {
  it('merges a key over the passes in file order, as dict.update: a later value keeps the first place', async () => {
    const join = mergedStatsJoin([
      each([entry('a', [['x', 1], ['y', 2]]), entry('b', [['x', 3]])]),
      each([entry('a', [['z', 4], ['x', 5]]), entry('c', [['z', 6]])]),
    ]);
    expect(plain(await join.statsFor(key('a')))).toEqual([['x', 5], ['y', 2], ['z', 4]]);
    expect(plain(await join.statsFor(key('a')))).toEqual([['x', 5], ['y', 2], ['z', 4]]); // the same key again
    expect(plain(await join.statsFor(key('b')))).toEqual([['x', 3]]);
    expect(plain(await join.statsFor(key('x')))).toEqual([]); // a key without entries
    expect(plain(await join.statsFor(key('c')))).toEqual([['z', 6]]);
    expect(await join.finish()).toBe(true);
  });

  it('merges a key\u2019s adjacent entries (language modeling writes one per document chunk)', async () => {
    const join = mergedStatsJoin([each([entry('a', [['x', 1]]), entry('a', [['x', 2], ['y', 3]]), entry('b', [])])]);
    expect(plain(await join.statsFor(key('a')))).toEqual([['x', 2], ['y', 3]]);
    expect(plain(await join.statsFor(key('b')))).toEqual([]);
    expect(await join.finish()).toBe(true);
  });

  it('gives up when the keys come back, when an entry is behind, or when entries are left over', async () => {
    const revisit = mergedStatsJoin([each([entry('a', []), entry('b', [])])]);
    await revisit.statsFor(key('a'));
    await revisit.statsFor(key('b'));
    expect(await revisit.statsFor(key('a'))).toBeUndefined();

    const behind = mergedStatsJoin([each([entry('b', [['x', 1]]), entry('a', [['x', 2]])])]);
    expect(plain(await behind.statsFor(key('a')))).toEqual([]); // b is ahead: a has no entry yet
    expect(await behind.statsFor(key('b'))).toBeUndefined(); // then a's entry is behind

    const leftOver = mergedStatsJoin([each([entry('a', []), entry('z', []), entry('b', [])])]);
    await leftOver.statsFor(key('a'));
    await leftOver.statsFor(key('b'));
    expect(await leftOver.finish()).toBe(false);
  });

  it('tells train trials apart', async () => {
    const join = mergedStatsJoin([each([entry('a', [['x', 1]], 0), entry('a', [['x', 2]], 1)])]);
    expect(plain(await join.statsFor(key('a', 0)))).toEqual([['x', 1]]);
    expect(plain(await join.statsFor(key('a', 1)))).toEqual([['x', 2]]);
    expect(await join.finish()).toBe(true);
  });
});

describe('indexedStatsJoin', () => {
  it('answers in any order from every entry merged by key', async () => {
    const join = await indexedStatsJoin(each([entry('b', [['x', 1]]), entry('a', [['x', 2]]), entry('b', [['y', 3], ['x', 4]])]));
    expect(plain(await join.statsFor(key('a')))).toEqual([['x', 2]]);
    expect(plain(await join.statsFor(key('b')))).toEqual([['x', 4], ['y', 3]]);
    expect(plain(await join.statsFor(key('c')))).toEqual([]);
    expect(await join.finish()).toBe(true);
  });
});

describe('per_instance_stats.json entries', () => {
  const path = join(fixtures, 'separate-original', 'per_instance_stats.json');

  it('are split into the metrics\u2019 passes (3 instance keys \u00d7 2 train trials each)', async () => {
    const segments = await trialStatsSegments(path);
    expect(segments.map((s) => s.index)).toEqual([0, 6]);
    const secondPass: TrialStats[] = [];
    for await (const e of readTrialStats(path, new Set(['num_output_tokens']), { from: segments[1]! })) secondPass.push(e);
    expect(secondPass.map((e) => [e.key.instance.slice(0, 3), e.key.trial, e.stats])).toEqual(
      [0, 1].flatMap((trial) => ['id1', 'id1', 'id2'].map((id) => [id, trial, [['num_output_tokens', 0]]])),
    );
  });

  it('keep the display stats that have a mean, keyed with the perturbation as HELM\u2019s codec reads it', async () => {
    const entries: TrialStats[] = [];
    for await (const e of readTrialStats(path, new Set(['exact_match', 'num_prompt_tokens', 'predicted_index']), { to: 3 })) {
      entries.push(e);
    }
    expect(entries.slice(1)).toEqual([
      {
        key: {
          instance:
            'id1\u0000{"name":"dialect","robustness":false,"fairness":true,"computed_on":"perturbed","seed":7,"prob":1,"source_class":"SAE","target_class":"AAVE"}',
          trial: 0,
        },
        stats: [
          ['predicted_index', 1],
          ['exact_match', 1],
        ],
      },
      {
        key: { instance: 'id2\u0000{"name":"style","robustness":true,"fairness":false,"computed_on":"perturbed"}', trial: 0 },
        stats: [
          ['predicted_index', 2],
          ['exact_match', 0],
        ],
      },
    ]);
  });
});
