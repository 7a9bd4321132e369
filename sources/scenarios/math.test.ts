import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { pyFloat } from '../../core/py-float.ts';
import { startHubServer } from '../__fixtures__/hub-server.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, readAll } from './__fixtures__/helm-instances.ts';
import { MATH_HUB_REVISION, mathRepoDir, readMathSplit } from './math-dataset.ts';
import { mathSource } from './math.ts';

/** JSON files in the archive's layout (`__fixtures__/math/data/…/MATH`), written for these tests; see make-helm-instances.py there. */
const fixtures = fixtureDir('math');
/** What HELM 0.5.16's MATHScenario read from them (with a double of `datasets` for load_dataset, sort and shuffle). */
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as Record<string, { args: Record<string, unknown>; instances?: unknown[]; error?: string }>;
const work = mkdtempSync(join(tmpdir(), 'math-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('mathSource', () => {
  it.each(['algebra-1', 'algebra-1-official', 'algebra-1-cot', 'geometry-1', 'geometry-2', 'algebra-4-cot'])(
    "reads HELM's instances for %s: train then test, sorted by problem and shuffled with seed 42, filtered by type and level",
    async (name) => {
      const { args, instances } = helm[name]!;
      const ours = await readAll(mathSource, args, fixtures);
      expect(JSON.stringify(ours.map(instanceJson))).toBe(JSON.stringify(instances)); // key order too
    },
  );

  it('takes the answer inside the last \\boxed{} (nested braces kept), and the whole solution with chain of thought', async () => {
    const plain = await readAll(mathSource, { subject: 'algebra', level: 1 }, fixtures);
    const cot = await readAll(mathSource, { subject: 'algebra', level: '1', use_chain_of_thought: true }, fixtures);
    const answerOf = (problem: string, list: typeof plain) => list.find((i) => i.input.text === problem)?.references[0]?.output.text;
    expect(answerOf('What is $\\sqrt{81}$?', plain)).toBe('9'); // three \boxed, the last counts
    expect(answerOf('Write $0.5$ as a fraction.', plain)).toBe('\\frac{1}{2}');
    expect(answerOf('Write $0.5$ as a fraction.', cot)).toBe('$0.5 = \\boxed{\\frac{1}{2}}$.');
    expect(plain.filter((i) => i.split === 'train')).toHaveLength(15);
    expect(plain.filter((i) => i.split === 'test')).toHaveLength(17);
  });

  it('fails as HELM does (KeyError: answer) on a solution without a \\boxed{} answer, unless with chain of thought', async () => {
    expect(helm['algebra-4']!.error).toBe("KeyError: 'answer'");
    await expect(readAll(mathSource, { subject: 'algebra', level: 4 }, fixtures)).rejects.toThrow(
      'MATH: the train example "Compute $2 + 2$." (Algebra, Level 4) has no \\boxed{…} answer in its solution; HELM 0.5.16 fails on it',
    );
  });

  it('formats the level as Python does ("Level 1.0" for a float) and refuses an unknown subject or CoT with official examples', async () => {
    expect(await readAll(mathSource, { subject: 'geometry', level: pyFloat(1) }, fixtures)).toEqual([]);
    expect(() => mathSource.instances({ subject: 'Algebra', level: 1 }, fixtures)).toThrow(
      'MATH: unknown subject "Algebra"; the subjects are number_theory, intermediate_algebra, algebra, prealgebra, geometry, counting_and_probability, precalculus.',
    );
    expect(() => mathSource.instances({ subject: 'algebra', level: 1, use_official_examples: true, use_chain_of_thought: true }, fixtures)).toThrow(
      'MATH: official examples cannot be used with use_chain_of_thought.',
    );
  });

  it('reads every visible file of <split>/*/* (a .DS_Store skipped), equal problems included', () => {
    const problems = readMathSplit(join(mathRepoDir(fixtures), 'MATH'), 'train').map((e) => e.problem);
    expect(problems).toHaveLength(21);
    expect(problems.filter((p) => p === 'Solve 𝑥 + 1 = 2.')).toHaveLength(2);
  });

  it('downloads competition_math.py from the hub at the pinned revision, then the archive it names', async () => {
    const key = (path: string) => `datasets/hendrycks/competition_math/resolve/${MATH_HUB_REVISION}/${path}`;
    const hub = await startHubServer({
      [key('competition_math.py')]: readFileSync(join(fixtures, 'hub', 'competition_math.py')),
      [key('data/MATH.zip')]: readFileSync(join(fixtures, 'hub', 'MATH.zip')),
    });
    try {
      vi.stubEnv('HF_ENDPOINT', hub.endpoint);
      const dir = join(work, 'download');
      const instances = await readAll(mathSource, { subject: 'algebra', level: 1 }, dir, { log: () => undefined });
      expect(instances.map((i) => [i.split, i.input.text, i.references[0]!.output.text])).toEqual([
        ['train', 'Zip train?', '1'],
        ['test', 'Zip test?', '2'],
      ]);
      expect(hub.requests.filter((r) => !r.startsWith('/cdn/'))).toEqual([`/${key('competition_math.py')}`, `/${key('data/MATH.zip')}`]);
    } finally {
      await hub.close();
    }
  });

  it('offline, names the loading script and where the MATH folder may be placed instead', async () => {
    const dir = join(work, 'offline');
    const context = { log: () => undefined, download: { retries: 0, lookup: offlineLookup, log: () => undefined } };
    const error = await readAll(mathSource, { subject: 'algebra', level: 1 }, dir, context).catch((e: unknown) => e);
    const repo = mathRepoDir(dir);
    expect((error as Error).message).toContain(
      `https://huggingface.co/datasets/hendrycks/competition_math/resolve/${MATH_HUB_REVISION}/competition_math.py`,
    );
    expect((error as Error).message).toContain(`place it at ${join(repo, 'competition_math.py')}.`);
    expect((error as Error).message).toContain(`Or place the dataset itself at ${join(repo, 'MATH')}: its train/<type>/<n>.json and test/<type>/<n>.json files`);
  });

  it('refuses a file that is not a MATH example', async () => {
    const dir = join(work, 'bad');
    cpSync(fixtures, dir, { recursive: true });
    const path = join(mathRepoDir(dir), 'MATH', 'test', 'algebra', '3.json');
    writeFileSync(path, '{"problem": "p", "level": 1, "type": "Algebra", "solution": "s"}');
    await expect(readAll(mathSource, { subject: 'algebra', level: 1 }, dir)).rejects.toThrow(
      `${path}: expected a string field 'level' (MATH's {"problem", "level", "type", "solution"}).`,
    );
    mkdirSync(join(mathRepoDir(dir), 'MATH', 'test', 'algebra', 'folder'));
    writeFileSync(path, '{"problem": "p",');
    await expect(readAll(mathSource, { subject: 'algebra', level: 1 }, dir)).rejects.toThrow(`${path}: not valid JSON`);
  });
});
