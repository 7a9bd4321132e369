// Expected values were printed by HELM 0.5.16's own DyckLanguageScenario (/work/anchor's python 3.11, numpy 1.24):
// the SHA-256 digests are over every instance as `input \x1f reference \x1d tags \x1f split \n`.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { dyckLanguageSource } from './dyck-language.ts';

async function readAll(args: Record<string, unknown>): Promise<{ digest: string; instances: RawInstance[] }> {
  const hash = createHash('sha256');
  const instances: RawInstance[] = [];
  for await (const instance of dyckLanguageSource.instances(args, '/nonexistent')) {
    instances.push(instance);
    const refs = instance.references.map((r) => `${r.output.text}\x1d${r.tags.join(',')}`).join('\x1e');
    hash.update(`${instance.input.text}\x1f${refs}\x1f${instance.split}\n`);
  }
  return { digest: hash.digest('hex'), instances };
}

const instance = (input: string, output: string, split: 'train' | 'test'): RawInstance => ({
  input: { text: input },
  references: [{ output: { text: output }, tags: ['correct'] }],
  split,
});

describe('dyckLanguageSource (HELM DyckLanguageScenario, random.seed(42) and np.random.seed(42))', () => {
  it('generates Dyck-2 as HELM does: 3 train then 500 test, the target a space then the missing closers', async () => {
    const { digest, instances } = await readAll({ num_parenthesis_pairs: 2 });
    expect(instances).toHaveLength(503);
    expect(instances.slice(0, 3)).toEqual([
      instance('[ [ [ [ [ [ ] ] ] ]', ' ] ]', 'train'),
      instance('( [ ( [ [ ( [ ( [ ] ) ] ) [ ( [ ] ) ] ( ) ] ] ) ] [ ( ( ) ) ] [ ] [ ] ( [ ]', ' ) )', 'train'),
      instance('( ( [ ( )', ' ] ) )', 'train'),
    ]);
    expect(instances.slice(3).every((i) => i.split === 'test')).toBe(true);
    expect(new Set(instances.map((i) => i.input.text)).size).toBe(503); // no input twice
    expect(digest).toBe('54ae22c5504e07401007bfaa2c8e63d395ec94bf6f97f8decd6510371b1aa9eb');
  });

  it('generates Dyck-1, Dyck-3 and Dyck-4 as HELM does (one pair draws nothing from NumPy)', async () => {
    const one = await readAll({ num_parenthesis_pairs: 1 });
    expect(one.instances[0]).toEqual(instance('( ( ( ( ( ( ) ) ) )', ' ) )', 'train'));
    expect(one.digest).toBe('3217f18d084f39ededb43ab4e64906496cc6f19815bec1a2838023a6f22ca487');
    const three = await readAll({ num_parenthesis_pairs: 3 });
    expect(three.instances[2]).toEqual(instance('[ ( { { }', ' } ) ]', 'train'));
    expect(three.digest).toBe('63936e261d63b3e20403f229459f5f37716c6d80b0a7e84c4a85186006df0a56');
    const four = await readAll({ num_parenthesis_pairs: 4 });
    expect(four.instances[502]).toEqual(
      instance(
        '[ ( { ( ( < < > > ) ) } [ ( { } ) ] ) ] [ < [ ] > ] { } < < > [ < [ < < > > ] > ] { ( ) } > ( [ ] ) < ( ) > [ [ ( { } ) ] < { } > < ( ) ( { } )',
        ' > ]',
        'test',
      ),
    );
    expect(four.digest).toBe('1221f08c96c6c564934f5e44cc2176f431440fa4a7e95465a4319babe42005ea');
  });

  it('takes HELM’s other keyword parameters', async () => {
    const { instances } = await readAll({ num_parenthesis_pairs: 2, num_train_instances: 1, num_test_instances: 2 });
    expect(instances.map((i) => i.split)).toEqual(['train', 'test', 'test']);
    expect(instances[0]).toEqual(instance('[ [ [ [ [ [ ] ] ] ]', ' ] ]', 'train'));
  });

  it("writes HELM's scenario.json and rejects what HELM rejects (and 0 pairs, on which HELM fails later)", () => {
    expect(dyckLanguageSource.metadata).toEqual({
      name: 'dyck_language',
      description: 'Generate the closing parentheses of a Dyck-n prefix',
      tags: ['reasoning', 'language', 'hierarchy'],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/dyck_language_scenario.py',
    });
    expect(() => dyckLanguageSource.instances({ num_parenthesis_pairs: 5 }, '/x')).toThrow(UserError);
    expect(() => dyckLanguageSource.instances({ num_parenthesis_pairs: 0 }, '/x')).toThrow(/between 1 and 4 \(inclusive\), got 0/);
    expect(() => dyckLanguageSource.instances({ num_parenthesis_pairs: 2, prob_p: 0.8 }, '/x')).toThrow(/0 < prob_p, prob_q < 1/);
    expect(() => dyckLanguageSource.instances({ num_parenthesis_pairs: '2' }, '/x')).toThrow(/must be an integer/);
  });
});
