import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { boolqSource } from './boolq.ts';

const fixtures = fileURLToPath(new URL('__fixtures__/boolq', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'boolq-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(args: Record<string, unknown>, cacheDir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of boolqSource.instances(args, cacheDir)) out.push(instance);
  return out;
}

// Expected texts: HELM's `get_context` (`question.strip().capitalize()` + "?", PassageQuestionInput) run in CPython 3.11.
describe('boolqSource', () => {
  it('reads train then dev (valid) as passage-question inputs with a Yes/No reference', async () => {
    const instances = await read({}, fixtures);
    expect(instances.map((i) => [i.split, i.references])).toEqual([
      ['train', [{ output: { text: 'Yes' }, tags: ['correct'] }]],
      ['train', [{ output: { text: 'No' }, tags: ['correct'] }]],
      ['train', [{ output: { text: 'Yes' }, tags: ['correct'] }]],
      ['valid', [{ output: { text: 'No' }, tags: ['correct'] }]],
      ['valid', [{ output: { text: 'Yes' }, tags: ['correct'] }]],
    ]);
    expect(instances[0]!.input).toEqual({
      text:
        'Persian (/ˈpɜːrʒən, -ʃən/), also known by its endonym Farsi, is one of the Western Iranian languages within the ' +
        'Indo-Iranian branch of the Indo-European language family.\nQuestion: Do iran and afghanistan speak the same language?',
      kind: 'passage_question',
    });
  });

  it("capitalizes questions as Python's str.strip().capitalize() does", async () => {
    const questions = (await read({ only_contrast: false }, fixtures)).map((i) => i.input.text.split('\nQuestion: ').at(-1));
    expect(questions).toEqual([
      'Do iran and afghanistan speak the same language?',
      "Is nasa's budget part of the federal budget?", // stripped; the rest lowercased
      'ǅungla is a word in the croatian language?', // ǆ title-cases to the digraph ǅ, not Ǆ
      'Sseyond the straße is there a road?', // ß title-cases to "Ss"
      'Does i̇stanbul straddle two continents?', // İ lowercases to i + combining dot
    ]);
  });

  it("writes HELM's scenario.json", () => {
    expect(boolqSource.metadata).toEqual({
      name: 'boolq',
      description: 'Question answering dataset with naturally occurring Yes/No questions.',
      tags: ['question_answering'],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/boolq_scenario.py',
    });
  });

  it('accepts a falsy only_contrast and refuses a truthy one (contrast sets are not supported yet)', () => {
    expect(() => boolqSource.instances({ only_contrast: 0 }, fixtures)).not.toThrow();
    expect(() => boolqSource.instances({ only_contrast: true }, fixtures)).toThrow(/contrast sets, which are not supported yet/);
    // HELM has no boolean parsing: `only_contrast=False` in a run entry is the truthy string "False".
    expect(() => boolqSource.instances({ only_contrast: 'False' }, fixtures)).toThrow(UserError);
    expect(() => boolqSource.instances({ contrast: true }, fixtures)).toThrow(/has no argument 'contrast'.*Did you mean: only_contrast\?/);
  });

  it('names the line of a question that already ends in "?"', async () => {
    const dir = join(work, 'question-mark');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'data', 'dev'), '{"question": "is it?", "title": "t", "answer": true, "passage": "p"}\n');
    await expect(read({}, dir)).rejects.toThrow(`${join(dir, 'data', 'dev')}:1: BoolQ questions are stored without a final "?"`);
  });

  it('reads the files again on every iteration', async () => {
    const dir = join(work, 'reread');
    cpSync(fixtures, dir, { recursive: true });
    const instances = boolqSource.instances({}, dir);
    let count = 0;
    for await (const _ of instances) count++;
    writeFileSync(join(dir, 'data', 'dev'), '{"question": "new", "answer": false, "passage": "p"}\n');
    const again: string[] = [];
    for await (const instance of instances) again.push(instance.input.text);
    expect([count, again.length, again.at(-1)]).toEqual([5, 4, 'p\nQuestion: New?']);
  });
});
