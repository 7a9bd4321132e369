import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { instanceJson } from '../../core/helm-records.ts';
import type { Instance, RawInstance } from '../../core/instance.ts';
import { contrastSets } from '../../operators/augment/perturbations/contrast-sets.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { boolqSource, parseContrastSets } from './boolq.ts';

const fixtures = fileURLToPath(new URL('__fixtures__/boolq', import.meta.url));
/** Real allenai/contrast-sets entries (a subset of boolq_perturbed.json) and dev lines built from them. */
const contrastFixtures = fileURLToPath(new URL('__fixtures__/boolq-contrast', import.meta.url));
/** What HELM 0.5.16 wrote for that fixture (`__fixtures__/boolq-contrast/make-helm-instances.py`). */
const helm = JSON.parse(readFileSync(join(contrastFixtures, 'helm-instances.json'), 'utf8')) as {
  input_instances: unknown[];
  scenario_state_instances: unknown[];
};
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

describe('boolqSource contrast sets', () => {
  it("attaches the contrast sets to dev questions and keeps only those under only_contrast, as HELM's input_instances.json", async () => {
    const instances = await read({ only_contrast: true }, contrastFixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.input_instances)); // key order too
  });

  it('keeps every dev question without only_contrast, and never gives train questions contrast sets', async () => {
    const instances = await read({ only_contrast: false }, contrastFixtures);
    const summary = instances.map((i) => [i.split, (i as Instance).contrast_inputs?.length ?? 0]);
    // the 2nd train question has a contrast set in the file; "is the sky blue …" and the realtor question have none
    expect(summary).toEqual([['train', 0], ['train', 0], ['valid', 1], ['valid', 4], ['valid', 0], ['valid', 0], ['valid', 3]]);
    // HELM has no boolean parsing: only_contrast=False in a run entry is the truthy string "False"
    expect((await read({ only_contrast: 'False' }, contrastFixtures)).length).toBe(5);
    expect(() => boolqSource.instances({ contrast: true }, contrastFixtures)).toThrow(/has no argument 'contrast'.*Did you mean: only_contrast\?/);
  });

  it("gives HELM's scenario_state instances under data_augmentation=contrast_sets (original, then the contrast copy)", async () => {
    const perturbation = contrastSets();
    const instances = (await read({ only_contrast: true }, contrastFixtures)).map((raw, position): Instance => ({ ...raw, id: `id${position}` }));
    const evaluated = instances.filter((i) => i.split === 'valid').flatMap((i) => [i, perturbation.apply(i, undefined)]);
    expect(JSON.stringify(evaluated.map(instanceJson))).toBe(JSON.stringify(helm.scenario_state_instances)); // key order too
  });

  it('drops perturbed questions that are empty or keep the answer, and questions left with none', () => {
    const text = JSON.stringify({
      data: [
        { question: 'Question', answer: 'Gold Answer', perturbed_questions: [] },
        { question: 'is a', answer: 'TRUE', perturbed_questions: [{ perturbed_q: '', answer: 'FALSE' }, { perturbed_q: 'is b', answer: 'TRUE' }] },
        { question: 'is c', answer: 'FALSE', perturbed_questions: [{ perturbed_q: 'is d', answer: 'TRUE' }, { perturbed_q: 'is e', answer: 'no' }] },
      ],
    });
    expect([...parseContrastSets(text, 'f')]).toEqual([['is c', { originalAnswer: 'No', questions: ['is d'], answers: ['Yes'] }]]);
  });

  it('refuses a question listed twice and a dev answer the contrast file contradicts, as HELM asserts', async () => {
    const entry = { question: 'is a', answer: 'TRUE', perturbed_questions: [{ perturbed_q: 'is b', answer: 'FALSE' }] };
    expect(() => parseContrastSets(JSON.stringify({ data: [{}, entry, entry] }), 'f')).toThrow('f: data[2]: the question "is a" has a contrast set already.');
    expect(() => parseContrastSets('{"rows": []}', 'f')).toThrow('f: expected {"data": [...]}');
    const dir = join(work, 'contradicted');
    cpSync(contrastFixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'data', 'dev'), '{"question": "do you pay tax on gambling winnings in australia", "answer": true, "passage": "p"}\n');
    await expect(read({}, dir)).rejects.toThrow(`${join(dir, 'data', 'dev')}:1: answer Yes, but ${join(dir, 'data', 'boolq_perturbed.jsonl')} gives No`);
  });

  it('names the contrast file, its URL and checksum when it cannot be downloaded', async () => {
    const dir = join(work, 'offline');
    cpSync(contrastFixtures, dir, { recursive: true });
    rmSync(join(dir, 'data', 'boolq_perturbed.jsonl'));
    const options = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };
    const instances = boolqSource.instances({}, dir, options);
    await expect(instances[Symbol.asyncIterator]().next()).rejects.toThrow(
      'Could not download https://raw.githubusercontent.com/allenai/contrast-sets/main/BoolQ/boolq_perturbed.json: getaddrinfo ENOTFOUND ' +
        'raw.githubusercontent.com (the host name does not resolve: no internet access?). Without internet access, fetch that URL ' +
        'elsewhere (expected sha256 0b4505e885d99fba40ff3d5a1f70d26839eb444cfe21d07cbf571c52f967c536), and place it at ' +
        `${join(dir, 'data', 'boolq_perturbed.jsonl')}.`,
    );
  });
});
