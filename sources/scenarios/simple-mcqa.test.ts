import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { simpleMcqaSource } from './simple-mcqa.ts';

async function read(): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of simpleMcqaSource.instances({}, '/nonexistent')) out.push(instance);
  return out;
}

describe('simpleMcqaSource', () => {
  it("gives HELM's 90 instances: 10..20 train, 21..99 test, Even then Odd", async () => {
    const instances = await read();
    expect(instances).toHaveLength(90);
    expect(instances.filter((i) => i.split === 'train')).toHaveLength(11);
    expect(instances[0]).toEqual({
      input: { text: 'Is 10 even or odd?' },
      references: [
        { output: { text: 'Even' }, tags: ['correct'] },
        { output: { text: 'Odd' }, tags: [] },
      ],
      split: 'train',
    });
    expect(instances[10]!.split).toBe('train');
    expect(instances[11]).toEqual({
      input: { text: 'Is 21 even or odd?' },
      references: [
        { output: { text: 'Even' }, tags: [] },
        { output: { text: 'Odd' }, tags: ['correct'] },
      ],
      split: 'test',
    });
    expect(instances[89]!.input.text).toBe('Is 99 even or odd?');
  });

  it("writes HELM's scenario.json", () => {
    expect(simpleMcqaSource.metadata).toEqual({
      name: 'simple_mcqa',
      description: 'Answer if two-digit numbers are even or odd.',
      tags: ['question answering'],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/simple_scenarios.py',
    });
  });

  it('takes no args', () => {
    expect(() => simpleMcqaSource.instances({ n: 3 }, '/x')).toThrow(UserError);
  });
});
