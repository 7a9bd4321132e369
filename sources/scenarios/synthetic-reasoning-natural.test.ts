// Expected values were printed by HELM 0.5.16's own SRNScenario (/work/anchor's python 3.11): the SHA-256 digests
// are over every instance as `input \x1f reference \x1d tags \x1f split \n`.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RawInstance } from '../../core/instance.ts';
import { specifiedSubject, syntheticReasoningNaturalSource } from './synthetic-reasoning-natural.ts';

async function readAll(args: Record<string, unknown>): Promise<{ digest: string; instances: RawInstance[] }> {
  const hash = createHash('sha256');
  const instances: RawInstance[] = [];
  for await (const instance of syntheticReasoningNaturalSource.instances(args, '/nonexistent')) {
    instances.push(instance);
    const refs = instance.references.map((r) => `${r.output.text}\x1d${r.tags.join(',')}`).join('\x1e');
    hash.update(`${instance.input.text}\x1f${refs}\x1f${instance.split}\n`);
  }
  return { digest: hash.digest('hex'), instances };
}

const counts = (instances: readonly RawInstance[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const { split } of instances) out[split] = (out[split] ?? 0) + 1;
  return out;
};

describe('syntheticReasoningNaturalSource (HELM SRNScenario, random.seed(42))', () => {
  it('generates easy as HELM does: every rule about the subject itself', async () => {
    const { digest, instances } = await readAll({ difficulty: 'easy' });
    expect(counts(instances)).toEqual({ train: 1000, valid: 5000, test: 5000 });
    expect(instances[0]).toEqual({
      input: {
        text:
          'If a poppy is boring and red, then the poppy is big.\nIf a poppy is fast, then the poppy is weak.\n' +
          'If a poppy is smart or hot, then the poppy is good.\nIf a poppy is purple, then the poppy is bad.\n' +
          'If a poppy is beautiful and strong, then the poppy is soft.\nFact:\nThe poppy is beautiful and hot.\n' +
          'The following can be determined about the poppy:',
      },
      references: [{ output: { text: 'The poppy is good.' }, tags: ['correct'] }],
      split: 'train',
    });
    expect(digest).toBe('7988159ca347325e9e7a56faff229d89c7e8ddff1947b7478a38242d4ff496eb');
  });

  it('generates medium as HELM does: rules about the category too, a person named bare ("If person is …")', async () => {
    const { digest, instances } = await readAll({ difficulty: 'medium' });
    expect(instances[0]!.input.text).toBe(
      'If a poppy is boring, then the poppy is red.\nIf a poppy is big or fast, then the poppy is weak.\n' +
        'If a plant is smart, then the plant is hot.\nIf a plant is good, then the plant is purple.\n' +
        'If a plant is bad or beautiful, then the plant is strong.\nFact:\nThe poppy is weak and beautiful.\n' +
        'The following can be determined about the poppy:',
    );
    expect(instances[10999]).toEqual({
      input: {
        text:
          'If person is smart, then person is scary.\nIf Carol is beautiful and purple, then Carol is fast.\n' +
          'If Carol is slow, then Carol is boring.\nIf Carol is soft or weak, then Carol is big.\n' +
          'If Carol is good, then Carol is blue.\nFact:\nCarol is slow and blue.\nThe following can be determined about Carol:',
      },
      references: [{ output: { text: 'Carol is boring.' }, tags: ['correct'] }],
      split: 'test',
    });
    expect(digest).toBe('4c5cd8b3e3db3abe21a4987dae2334d8c34e2b20de17020986a396498fdf9880');
  });

  it('generates hard as HELM does: the fact in synonyms ("fragile" for weak), the same draws as medium', async () => {
    const { digest, instances } = await readAll({ difficulty: 'hard' });
    expect(instances[0]!.input.text).toContain('Fact:\nThe poppy is fragile and beautiful.\n');
    expect(instances[0]!.references[0]!.output.text).toBe('The poppy is strong.');
    expect(digest).toBe('bf73c14ec358163a92b7a46dd60b72fa72e73b1b958f4baf10c183d666a1de0a');
  });

  it('reads any other difficulty as medium, as HELM does (it checks nothing)', async () => {
    expect((await readAll({ difficulty: 'other' })).digest).toBe('4c5cd8b3e3db3abe21a4987dae2334d8c34e2b20de17020986a396498fdf9880');
  });

  it('names subjects as HELM does: a/an by a vowel heuristic, the, capitalized, persons bare', () => {
    expect(specifiedSubject('elephant', 'animal', 'a')).toBe('an elephant');
    expect(specifiedSubject('dog', 'animal', 'a', true)).toBe('A dog');
    expect(specifiedSubject('animal', 'animal', 'a')).toBe('an animal');
    expect(specifiedSubject('tree', 'plant', 'the', true)).toBe('The tree');
    expect(specifiedSubject('Erin', 'person', 'the', true)).toBe('Erin');
    expect(specifiedSubject('person', 'person', 'a')).toBe('person');
  });

  it("writes HELM's scenario.json, its name's typo included", () => {
    expect(syntheticReasoningNaturalSource.metadata).toEqual({
      name: 'sythetic_reasoning_natural',
      description: 'Language Pattern Matching',
      tags: ['reasoning', 'language', 'pattern_matching'],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/synthetic_reasoning_natural_scenario.py',
    });
    expect(() => syntheticReasoningNaturalSource.instances({}, '/x')).toThrow(/needs argument\(s\): difficulty/);
    expect(() => syntheticReasoningNaturalSource.instances({ difficulty: 'easy', random_seed: 1.5 }, '/x')).toThrow(/random_seed=1.5/);
  });
});
