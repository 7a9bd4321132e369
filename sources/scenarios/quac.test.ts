import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import type { SourceContext } from '../scenario-source.ts';
import { quacPrompt, quacSource } from './quac.ts';

/**
 * QuAC v0.2's JSON format with dialogues of our own (3 train, 3 val; 3 to 7 questions each, "CANNOTANSWER" turns,
 * repeated answers, non-ASCII text); `helm-instances.json` is what HELM 0.5.16's QuACScenario gave on them
 * (`__fixtures__/make-helm-instances.py`).
 */
const fixtures = fileURLToPath(new URL('__fixtures__/quac', import.meta.url));
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as { scenario_json: unknown; instances: unknown[] };
const work = mkdtempSync(join(tmpdir(), 'quac-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(cacheDir: string, context?: SourceContext): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of quacSource.instances({}, cacheDir, context)) out.push(instance);
  return out;
}

const dialogue = (context: string, questions: number) => ({
  title: 'T',
  background: 'B',
  section_title: 'S',
  paragraphs: [{ context, qas: Array.from({ length: questions }, (_, i) => ({ question: `q${i}`, answers: [{ text: `a${i}` }], orig_answer: { text: `o${i}` } })) }],
});

describe('quacSource', () => {
  it("gives HELM's instances: one prompt per dialogue, the question drawn with random.seed(0)", async () => {
    const instances = await read(fixtures);
    expect(instances.map(instanceJson)).toEqual(helm.instances);
    expect(instances.map((i) => i.split)).toEqual(['train', 'train', 'train', 'valid', 'valid', 'valid']);
  });

  it("writes HELM's scenario.json", () => {
    expect(quacSource.metadata).toEqual(helm.scenario_json);
  });

  it('leaves question k-1 out of the dialogue, as HELM does', () => {
    // random.seed(0); random.randint(3, 6) == 6 in CPython, so k = 5: questions 0-3 shown, 4 skipped, 5 asked.
    const { prompt, answers } = quacPrompt(dialogue('P CANNOTANSWER', 6), new PythonRandom(0), 'd');
    expect(prompt).toBe(
      'Title: T\n\nBackground: B\n\nSection: S\nPassage: P\n\n' +
        'Question: q0\nAnswer: o0\n\nQuestion: q1\nAnswer: o1\n\nQuestion: q2\nAnswer: o2\n\nQuestion: q3\nAnswer: o3\n\nQuestion: q5',
    );
    expect(answers).toEqual(['a5']);
  });

  it('fails where HELM fails: a context without " CANNOTANSWER", fewer than 3 questions', () => {
    expect(() => quacPrompt(dialogue('P', 4), new PythonRandom(0), 'd')).toThrow(
      new UserError('d.paragraphs[0]: the context must end in " CANNOTANSWER" (HELM asserts it).'),
    );
    expect(() => quacPrompt(dialogue('P CANNOTANSWER', 2), new PythonRandom(0), 'd')).toThrow(
      new UserError('d: a dialogue needs at least 3 questions (HELM draws randint(3, n)), got 2.'),
    );
  });

  it('names the file and dialogue of a malformed entry', async () => {
    const dir = join(work, 'bad');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'data', 'val.json'), JSON.stringify({ data: [{ title: 'T', paragraphs: [] }] }));
    const error = await read(dir).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `${join(dir, 'data', 'val.json')}: data[0].paragraphs[0]: expected a string 'context' (QuAC v0.2 JSON ({"data": [{"title", "background", "section_title", "paragraphs": [{"context", "qas"}]}]})).`,
    );
  });

  it('names both files with their URLs and paths when offline', async () => {
    const dir = join(work, 'offline');
    const error = await read(dir, { log: () => undefined, download: { retries: 0, lookup: offlineLookup } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toContain('Could not download 2 of the 2 dataset files needed:');
    expect(message).toContain('  - https://s3.amazonaws.com/my89public/quac/train_v0.2.json: ');
    expect(message).toContain(`place it at ${join(dir, 'data', 'train.json')}.`);
    expect(message).toContain('  - https://s3.amazonaws.com/my89public/quac/val_v0.2.json: ');
    expect(message).toContain(`place it at ${join(dir, 'data', 'val.json')}.`);
  });
});
