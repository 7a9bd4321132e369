import { describe, expect, it } from 'vitest';
import { helmJson } from './helm-json.ts';
import { perturbationDescription } from './metric-name.ts';
import { PyFloat } from './py-float.ts';
import { Stat, StatMap } from './stat.ts';

const typo = perturbationDescription('typos', { robustness: true, computed_on: 'worst', seed: 1 }, { prob: new PyFloat(0.1) });

describe('Stat', () => {
  it('keeps Python types through add and merge: an int sum stays int until a float joins', () => {
    const stat = new Stat({ name: 'exact_match', split: 'test' }).add(1).add(0).add(true);
    expect(helmJson(stat.toJson())).toContain('"sum": 2,');
    stat.merge(new Stat({ name: 'x' }).add(new PyFloat(0.5)));
    expect(stat.toJson()).toMatchObject({ count: 4, sum: new PyFloat(2.5), min: 0, max: 1 });
    expect(stat.mean).toBe(0.625);
  });

  it('keeps the first of equal extremes, with its type (Python min/max)', () => {
    const stat = new Stat({ name: 'a' }).add(new PyFloat(1)).add(1).add(new PyFloat(0)).add(0);
    expect(stat.toJson()).toMatchObject({ min: new PyFloat(0), max: new PyFloat(1) });
  });

  it.each([
    ['an int stat', new Stat({ name: 'num_references', split: 'test' }).add(4)],
    ['a float stat', new Stat({ name: 'logprob', split: 'valid', sub_split: 'x' }).add(new PyFloat(-1e-5)).add(-2.25)],
    ['an empty stat', new Stat({ name: 'ece_10_bin', split: 'test' })],
    ['a stat with a clamped variance', new Stat({ name: 'm' }).add(new PyFloat(0.1)).add(new PyFloat(0.1)).add(new PyFloat(0.1))],
    ['a stat over a perturbation', new Stat({ name: 'exact_match', split: 'test', perturbation: typo }).add(new PyFloat(1))],
    ['a name built in another key order', new Stat({ perturbation: typo, split: 'test', name: 'é' } as never).add(1)],
    ['a stat of non-finite values', new Stat({ name: 'inf' }).add(Number.POSITIVE_INFINITY).add(new PyFloat(Number.NaN))],
    ['a stat of large and tiny floats', new Stat({ name: 'f' }).add(new PyFloat(1e21)).add(new PyFloat(-5e-324)).add(-0)],
  ])('writes %s as helmJson writes its record, fields in HELM order', (_, stat) => {
    for (const level of [0, 3]) {
      const record = stat.toJson();
      const inHelmOrder = { ...record, name: { name: record.name.name, split: record.name.split, sub_split: record.name.sub_split, perturbation: record.name.perturbation } };
      expect(stat.helmJsonText(2, level)).toBe(helmJson(inHelmOrder, 2, level));
      expect(helmJson({ stats: [stat] }, 2, level)).toBe(helmJson({ stats: [inHelmOrder] }, 2, level));
    }
    expect(JSON.parse(JSON.stringify(stat))).toEqual(JSON.parse(JSON.stringify(stat.toJson())));
    expect(stat.ndjsonText()).toBe(JSON.stringify(stat));
  });
});

describe('StatMap', () => {
  it('merges stats of equal names (perturbations equal by value) and keeps insertion order', () => {
    const map = new StatMap();
    map.addAs({ name: 'b', split: 'test' }, 1);
    map.addAs({ name: 'a', split: 'test', perturbation: typo }, 1);
    map.addAs({ name: 'a', split: 'test', perturbation: { ...typo } }, 0);
    map.merge(new Stat({ name: 'b', split: 'test' }).add(3));
    map.mergeAs({ name: 'a', split: 'valid' }, new Stat({ name: 'ignored' }).add(2));
    expect([...map.values()].map((s) => [s.name.name, s.name.split, s.count, s.sum])).toEqual([
      ['b', 'test', 2, 4],
      ['a', 'test', 2, 1],
      ['a', 'valid', 1, 2],
    ]);
    expect(map.get({ name: 'a', split: 'test', perturbation: { ...typo } })?.count).toBe(2);
    expect(map.get({ name: 'a', split: 'test' })).toBeUndefined();
    expect(map.size).toBe(3);
  });
});
