import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { LSAT_TASKS, lsatInstances, lsatQaSource, lsatQuestionTypes } from './lsat-qa.ts';

// Synthetic AR-LSAT files (lsat_qa/data) whose questions carry every subtype tag HELM knows, an empty one, an unknown
// one and "grouping (distribution)"; HELM 0.5.16's LSATScenario read them once per task into helm-instances-<task>.json.
const fixtures = fixtureDir('lsat_qa');
const work = mkdtempSync(join(tmpdir(), 'lsat-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const passage = (questions: unknown[]): unknown => ({ passage: 'P.', questions });
const question = (fields: Record<string, unknown>): Record<string, unknown> => ({
  question: 'Q?',
  options: ['a', 'b', 'c'],
  answer: 'B',
  tags: ['', '', 'simple ordering', ''],
  ...fields,
});

describe('lsatQaSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(lsatQaSource.metadata).toEqual(helmInstances('lsat_qa', 'helm-instances-all.json').scenario_json);
  });

  it.each(LSAT_TASKS)('gives every instance HELM gives for task=%s', async (task) => {
    const instances = await readAll(lsatQaSource, { task }, fixtures);
    const helm = helmInstances('lsat_qa', `helm-instances-${task}.json`);
    expect(instances.length).toBeGreaterThan(0);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.instances));
  });

  it('reads the question type from the third tag as HELM does', () => {
    expect(lsatQuestionTypes(['', '', 'in/out grouping'])).toEqual(['in_out_grouping', 'grouping']);
    expect(lsatQuestionTypes(['', '', 'grouping (distribution)'])).toEqual(['distribution_grouping', 'grouping']);
    expect(lsatQuestionTypes(['', '', ''])).toEqual(['miscellaneous']);
    expect(lsatQuestionTypes(['', '', 'pure sequencing'])).toEqual(['pure_sequencing']);
  });

  it('makes passage-question inputs, and tags no option when the answer letter names none', () => {
    const [instance] = lsatInstances(passage([question({ answer: 'D' })]), 'all', 'test', 'w');
    expect(instance).toEqual({
      input: { text: 'P.\nQuestion: Q?', kind: 'passage_question' },
      references: ['a', 'b', 'c'].map((text) => ({ output: { text }, tags: [] })),
      split: 'test',
    });
  });

  it('checks every question\'s tags, and only the chosen questions\' other fields', () => {
    expect(() => lsatInstances(passage([question({ tags: ['', ''] })]), 'grouping', 'train', 'f[0]')).toThrow(
      'f[0].questions[0]: expected "tags", a list whose third entry is a string',
    );
    expect(lsatInstances(passage([question({ answer: 3 })]), 'grouping', 'train', 'f[0]')).toEqual([]);
    expect(() => lsatInstances(passage([question({ answer: 3 })]), 'ordering', 'train', 'f[0]')).toThrow(
      'f[0].questions[0]: expected "question" (a string), "options" (strings) and "answer" (one letter)',
    );
  });

  it('rejects an unknown task, and a file that is no JSON list', async () => {
    expect(() => lsatQaSource.instances({ task: 'in_out_grouping' }, fixtures)).toThrow(
      'Invalid LSAT task "in_out_grouping": expected one of all, grouping, ordering, assignment, miscellaneous.',
    );
    mkdirSync(join(work, 'bad', 'data'), { recursive: true });
    for (const name of ['Training', 'Development', 'Test']) writeFileSync(join(work, 'bad', 'data', `AR_${name}Data.json`), '[]');
    writeFileSync(join(work, 'bad', 'data', 'AR_DevelopmentData.json'), '{"passage": 1}');
    await expect(readAll(lsatQaSource, { task: 'all' }, join(work, 'bad'))).rejects.toThrow(
      `${join(work, 'bad', 'data', 'AR_DevelopmentData.json')}: not a JSON list as AR-LSAT's files are`,
    );
  });
});

describe('lsatQaSource offline', () => {
  it('names its three files', async () => {
    const offline = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };
    const dir = join(work, 'offline');
    const error = (await readAll(lsatQaSource, { task: 'all' }, dir, offline).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('Could not download 3 of the 3 dataset files needed:');
    for (const name of ['Training', 'Development', 'Test']) {
      expect(error.message).toContain(`  - https://raw.githubusercontent.com/zhongwanjun/AR-LSAT/main/data/AR_${name}Data.json: `);
      expect(error.message).toContain(`place it at ${join(dir, 'data', `AR_${name}Data.json`)}.`);
    }
  });
});
