import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { pyFloat } from '../../core/py-float.ts';
import type { RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { babiPath, babiQaSource, babiTasks } from './babi-qa.ts';

/** Stories written for these tests in bAbI's format (`__fixtures__/babi_qa/make-helm-instances.py` says more). */
const fixtures = fileURLToPath(new URL('__fixtures__/babi_qa', import.meta.url));
/** What HELM 0.5.16 read from that fixture (its input_instances.json) for task=1 and task=19. */
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as Record<string, unknown[]>;
const enValid = (dir: string): string => join(dir, 'data', 'tasks_1-20_v1-2', 'en-valid');
const work = mkdtempSync(join(tmpdir(), 'babi-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(args: Record<string, unknown>, cacheDir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of babiQaSource.instances(args, cacheDir)) out.push(instance);
  return out;
}

describe('babiQaSource', () => {
  it("reads HELM's instances for task 1: train, valid, test; stories reset at fact 1; questions left out of later passages", async () => {
    const instances = await read({ task: 1 }, fixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm['task=1'])); // key order too
    expect(instances[1]!.input.text).toBe(
      'John travelled to the hallway.\nDaniel went to the garden.\nSandra went back to the office.\nMary journeyed to the kitchen.\nQuestion: Where is John?',
    );
    // qa1_test.txt ends without a newline: its last fact is followed by nothing but "Question: "
    expect(instances.map((i) => i.split).join(',')).toBe(`${'train,'.repeat(8)}${'valid,'.repeat(4)}${'test,'.repeat(4)}test`);
  });

  it("reads HELM's instances for task 19, whose path answers are spelled out", async () => {
    const instances = await read({ task: '19' }, fixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm['task=19']));
    expect(instances.map((i) => i.references[0]!.output.text)).toEqual(['south east', 'south south', 'east north', 'north east', 'east east south', 'south east']);
    expect(instances[0]!.input.kind).toBe('passage_question');
  });

  it('reads "all" as tasks 1 to 20 in order, and a task as Python int() reads it', () => {
    expect(babiTasks('all')).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect([babiTasks(3), babiTasks(pyFloat(7.9)), babiTasks(' 12 '), babiTasks('+2'), babiTasks('1_9')]).toEqual([[3], [7], [12], [2], [19]]);
    for (const bad of [0, 21, '3.0', 'All', 'x', '']) expect(() => babiTasks(bad)).toThrow('babi_qa: task must be "all" or a task number from 1 to 20');
    expect(() => babiQaSource.instances({}, fixtures)).toThrow('Scenario babi_qa needs argument(s): task.');
  });

  it('spells out paths and refuses an unknown step', () => {
    expect(babiPath('n,w,s,e', 'f')).toBe('north west south east');
    expect(() => babiPath('n,x', 'f:6')).toThrow('f:6: unknown direction "x" in the path answer "n,x" (n, s, e or w).');
  });

  it('takes a fact with "?" for a question, as HELM does, and names the line when it has no answer', async () => {
    const dir = join(work, 'question-mark');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(enValid(dir), 'qa1_train.txt'), '1 Mary went home?\n2 Where is Mary?\thome\t1\n');
    await expect(read({ task: 1 }, dir)).rejects.toThrow(`${join(enValid(dir), 'qa1_train.txt')}:1: a question line is`);
    writeFileSync(join(enValid(dir), 'qa1_train.txt'), '\n');
    await expect(read({ task: 1 }, dir)).rejects.toThrow(':1: expected a line "<number> <fact or question>", got "\\n".');
  });

  it('names a missing task file, and the archive with its URL when offline', async () => {
    await expect(read({ task: 'all' }, fixtures)).rejects.toThrow(`${join(enValid(fixtures), 'qa2_train.txt')} is missing`);
    const options = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };
    const error = await babiQaSource.instances({ task: 1 }, join(work, 'none'), options)[Symbol.asyncIterator]().next().catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain('Could not download http://www.thespermwhale.com/jaseweston/babi/tasks_1-20_v1-2.tar.gz');
    expect((error as Error).message).toContain(`becomes 'tasks_1-20_v1-2'), and place it at ${join(work, 'none', 'data', 'tasks_1-20_v1-2')}`);
  });

  it("writes HELM's scenario.json", () => {
    expect(babiQaSource.metadata).toEqual({
      name: 'babi_qa',
      description: 'Question answering dataset with reasoning questions.',
      tags: ['question_answering'],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/babi_qa_scenario.py',
    });
  });
});
