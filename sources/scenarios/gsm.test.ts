import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawInstance } from '../../core/instance.ts';
import { gsmAnswer, gsmSource } from './gsm.ts';

const fixtures = fileURLToPath(new URL('__fixtures__/gsm', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gsm-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(source: AsyncIterable<RawInstance>): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of source) out.push(instance);
  return out;
}

describe('gsmSource', () => {
  it('reads train then test, the question as input and the reworded answer as the one reference', async () => {
    const instances = await read(gsmSource.instances({}, fixtures));
    expect(instances.map((i) => i.split)).toEqual(['train', 'train', 'test', 'test']);
    expect(instances[0]).toEqual({
      input: {
        text:
          'Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. ' +
          'How many clips did Natalia sell altogether in April and May?',
      },
      references: [
        {
          output: {
            // HELM: answer.replace("####", "The answer is").replace("\n", " ") + "."
            text:
              'Natalia sold 48/2 = <<48/2=24>>24 clips in May. Natalia sold 48+24 = <<48+24=72>>72 clips altogether ' +
              'in April and May. The answer is 72.',
          },
          tags: ['correct'],
        },
      ],
      split: 'train',
    });
    expect(instances[2]!.references[0]!.output.text).toBe(
      'Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day. She makes 9 * 2 = $<<9*2=18>>$18 every day at the ' +
        'farmer’s market. The answer is 18.',
    );
  });

  it('rewrites every "####" and newline', () => {
    expect(gsmAnswer('a\n\nb #### 1 #### 2')).toBe('a  b The answer is 1 The answer is 2.');
  });

  it("writes HELM's scenario.json and takes no args", () => {
    expect(gsmSource.metadata).toEqual({
      name: 'gsm',
      description: 'Grade school math dataset with 8.5K examples (GSM8K).',
      tags: ['reasoning', 'math'],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/gsm_scenario.py',
    });
    expect(() => gsmSource.instances({ split: 'test' }, fixtures)).toThrow(/Scenario gsm has no argument 'split'/);
  });

  it('names the line of a record without a string answer', async () => {
    const dir = join(work, 'bad');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'gsm_data_test'), '{"question": "q", "answer": 3}\n');
    await expect(read(gsmSource.instances({}, dir))).rejects.toThrow(`${join(dir, 'gsm_data_test')}:1: expected a string field 'answer'`);
  });

  it('reads the files again on every iteration (the graph reads the eval split once per train trial)', async () => {
    const dir = join(work, 'reread');
    cpSync(fixtures, dir, { recursive: true });
    const instances = gsmSource.instances({}, dir);
    expect(await read(instances)).toHaveLength(4);
    writeFileSync(join(dir, 'gsm_data_test'), '{"question": "1+1?", "answer": "2\\n#### 2"}\n', { flag: 'a' });
    const again = await read(instances);
    expect(again).toHaveLength(5);
    expect(again[4]!.references[0]!.output.text).toBe('2 The answer is 2.');
  });
});
