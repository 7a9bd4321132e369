// Expected values were printed by HELM 0.5.16's own SyntheticReasoningScenario (/work/anchor's python, numpy 1.24):
// the SHA-256 digests are over every instance as `input \x1f reference \x1d tags \x1f split \n`.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { syntheticReasoningSource } from './synthetic-reasoning.ts';

async function readAll(args: Record<string, unknown>): Promise<{ digest: string; instances: RawInstance[] }> {
  const hash = createHash('sha256');
  const instances: RawInstance[] = [];
  for await (const instance of syntheticReasoningSource.instances(args, '/nonexistent')) {
    instances.push(instance);
    const refs = instance.references.map((r) => `${r.output.text}\x1d${r.tags.join(',')}`).join('\x1e');
    hash.update(`${instance.input.text}\x1f${refs}\x1f${instance.split}\n`);
  }
  return { digest: hash.digest('hex'), instances };
}

const correct = (text: string) => [{ output: { text }, tags: ['correct'] }];

describe('syntheticReasoningSource (HELM SyntheticReasoningScenario, RandomState(42))', () => {
  it('generates variable_substitution as HELM does: 1,000 train, 5,000 valid, 5,000 test, every one equal', async () => {
    const { digest, instances } = await readAll({ mode: 'variable_substitution' });
    expect(instances.map((i) => i.split).join(',')).toBe(
      [...Array<string>(1000).fill('train'), ...Array<string>(5000).fill('valid'), ...Array<string>(5000).fill('test')].join(','),
    );
    expect(instances[0]).toEqual({
      input: { text: 'Rules: + Z = X | Substitutions: X by " horse " , Z by " blueberry "' },
      references: correct('+ blueberry = horse'),
      split: 'train',
    });
    expect(digest).toBe('aff1b97638d4ac2d34f8a853ba98ad4b938d64c655a55ed3e634bd0ecc60e21b');
  });

  it('generates pattern_match (three shuffled negatives drawn after both substitutions) as HELM does', async () => {
    const { digest, instances } = await readAll({ mode: 'pattern_match' });
    expect(instances[0]).toEqual({
      input: { text: 'Rules: + = X Z | X = Z + | + Z = X | X = Z + | Result: + blueberry = horse' },
      references: correct('+ Z = X'),
      split: 'train',
    });
    expect(digest).toBe('50410a23042566c4a90c0495b6771c5e33c641f61ff9a2844404bfb5fb113ba9');
  });

  it('generates induction as HELM does, and takes random_seed', async () => {
    const { digest, instances } = await readAll({ mode: 'induction' });
    expect(instances[0]!.input.text).toBe('Two results: + blueberry = horse | + blueberry cobra = whale stork');
    expect(instances[6000]).toEqual({
      input: { text: 'Two results: * stork - * shark stork | * horse - * buffalo penguin horse' },
      references: correct('Rule: * Y - * X Z'),
      split: 'test',
    });
    expect(digest).toBe('3c45dd7652c46501a2f00aa107d0a0d6c877593d32a3d8aad07346a08c24061a');
    const seeded = await readAll({ mode: 'induction', random_seed: 7 });
    expect(seeded.instances[0]!.references).toEqual(correct('Rule: = = X Z Y ='));
    expect(seeded.digest).toBe('10ffacd7268623ecadcf90ed3a9f813723bdf98ed20f4b7359a07cf5be7d96eb');
  });

  it('generates the same instances on every iteration', async () => {
    const source = syntheticReasoningSource.instances({ mode: 'pattern_match' }, '/nonexistent');
    const firstOf = async (): Promise<RawInstance | undefined> => {
      for await (const instance of source) return instance;
      return undefined;
    };
    expect(await firstOf()).toEqual(await firstOf());
  });

  it("writes HELM's scenario.json and rejects a mode or seed HELM rejects", () => {
    expect(syntheticReasoningSource.metadata).toEqual({
      name: 'synthetic_reasoning',
      description: 'Synthetic reasoning benchmark',
      tags: ['reasoning', 'language', 'pattern_matching'],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/synthetic_reasoning_scenario.py',
    });
    expect(() => syntheticReasoningSource.instances({ mode: 'deduction' }, '/x')).toThrow(UserError);
    expect(() => syntheticReasoningSource.instances({ mode: 'deduction' }, '/x')).toThrow(/unsupported mode "deduction"; expected one of variable_substitution, pattern_match, induction/);
    expect(() => syntheticReasoningSource.instances({}, '/x')).toThrow(/needs argument\(s\): mode/);
    expect(() => syntheticReasoningSource.instances({ mode: 'induction', random_seed: -1 }, '/x')).toThrow(/random_seed=-1/);
  });
});
