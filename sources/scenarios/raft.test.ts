import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { checkRaftSubset, raftSource, raftSplit, raftTask, readRaftPromptSettings } from './raft.ts';

/** Settings, a stand-in raft.py and train.csv files written for these tests (`__fixtures__/raft/make-helm-instances.py`). */
const fixtures = fileURLToPath(new URL('__fixtures__/raft', import.meta.url));
/** What HELM 0.5.16's RAFTScenario read from them (input_instances.json), with a double of `datasets` (see there). */
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as Record<string, unknown[]>;
const REVISION = '9ee50172ea9afda2f1033c6f1b986e568b862fb3';
const repoDir = (dir: string): string => join(dir, 'data', 'ought___raft', REVISION);
const work = mkdtempSync(join(tmpdir(), 'raft-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(args: Record<string, unknown>, cacheDir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of raftSource.instances(args, cacheDir)) out.push(instance);
  return out;
}

describe('raftSource', () => {
  it.each(['ade_corpus_v2', 'tai_safety_research', 'semiconductor_org_types'])(
    "reads HELM's instances for %s: 10 train then 40 test in default_rng(42) permutation order, fields in the settings' order",
    async (subset) => {
      const instances = await read({ subset }, fixtures);
      expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm[subset])); // key order too
      expect(instances.filter((i) => i.split === 'train')).toHaveLength(10);
    },
  );

  it('writes a missing cell as None and an ID as Python prints its int, and names the label by index or name', async () => {
    const dir = join(work, 'cells');
    cpSync(fixtures, dir, { recursive: true });
    const settings = '{"semiconductor_org_types": ["ID", "Organization name", "Paper title", "Label"]}\n{"semiconductor_org_types": "x"}\n';
    writeFileSync(join(dir, 'data', 'prompt_construction_settings.json'), settings);
    const rows = Array.from({ length: 5 }, (_, i) => `"t${i}"," 00${i}","${i === 0 ? ' university ' : String(1 + (i % 3))}"`);
    writeFileSync(join(repoDir(dir), 'data', 'semiconductor_org_types', 'train.csv'), `"Paper title","ID","Label"\n${rows.join('\n')}\n`);
    const instances = await read({ subset: 'semiconductor_org_types' }, dir);
    // n=5: ceil(0.8·5) = 4 test rows, 1 train row; default_rng(42).permutation(5) = [4, 2, 3, 1, 0] (the last is train)
    expect(instances.map((i) => [i.split, i.input.text, i.references[0]!.output.text])).toEqual([
      ['train', 'ID: 0\nOrganization name: None\nPaper title: t0\nLabel: 3', 'university'], // " university " stripped
      ['test', 'ID: 4\nOrganization name: None\nPaper title: t4\nLabel: 2', 'research institute'],
      ['test', 'ID: 2\nOrganization name: None\nPaper title: t2\nLabel: 3', 'university'],
      ['test', 'ID: 3\nOrganization name: None\nPaper title: t3\nLabel: 1', 'company'],
      ['test', 'ID: 1\nOrganization name: None\nPaper title: t1\nLabel: 2', 'research institute'],
    ]);
  });

  it('splits as datasets does, and refuses a split that leaves train empty', () => {
    expect(raftSplit(50, 42).train).toEqual([0, 12, 14, 48, 2, 36, 33, 1, 13, 8]); // default_rng(42).permutation(50)[40:]
    expect([raftSplit(7, 42).test.length, raftSplit(7, 42).train.length]).toEqual([6, 1]); // ceil(0.8 · 7) = 6
    expect(() => raftSplit(1, 42)).toThrow('with 1 labeled rows, test_size=0.8 leaves the train split empty');
  });

  it('refuses an unknown subset, a bad label or ID, and a field the subset has not', async () => {
    expect(() => checkRaftSubset('ade_corpus')).toThrow('raft: unknown subset "ade_corpus". Did you mean: ade_corpus_v2?');
    expect(() => raftSource.instances({ subset: 'overruling', random_seed: 1.5 }, fixtures)).toThrow('random_seed must be a non-negative integer');
    const dir = join(work, 'bad');
    cpSync(fixtures, dir, { recursive: true });
    const csv = join(repoDir(dir), 'data', 'ade_corpus_v2', 'train.csv');
    writeFileSync(csv, '"Sentence","ID","Label"\n"a","1","3"\n');
    await expect(read({ subset: 'ade_corpus_v2' }, dir)).rejects.toThrow(`${csv}:2: invalid class label "3" (Unlabeled, ADE-related, not ADE-related or their index).`);
    writeFileSync(csv, '"Sentence","ID","Label"\n"a","1.0","1"\n');
    await expect(read({ subset: 'ade_corpus_v2' }, dir)).rejects.toThrow(`${csv}:2: ID "1.0" is not an int32.`);
    writeFileSync(join(dir, 'data', 'prompt_construction_settings.json'), '{"ade_corpus_v2": ["Text"]}\n{"ade_corpus_v2": "x"}\n');
    await expect(read({ subset: 'ade_corpus_v2' }, dir)).rejects.toThrow("raft: the prompt settings name field 'Text', which ade_corpus_v2 has not.");
  });

  it("reads raft.py's TASKS table and the two lines of the prompt settings", () => {
    const script = join(repoDir(fixtures), 'raft.py');
    expect(raftTask(readFileSync(script, 'utf8'), 'semiconductor_org_types', script)).toEqual({
      dataColumns: ['Paper title', 'Organization name', 'ID'],
      labelNames: ['Unlabeled', 'company', 'research institute', 'university'],
    });
    expect(() => raftTask('TASKS = {}', 'overruling', 'raft.py')).toThrow("raft.py: TASKS has no data_columns and Label list for 'overruling'.");
    const settings = readRaftPromptSettings('tai_safety_research', join(fixtures, 'prompt_construction_settings.json'));
    expect(settings.fields).toEqual(['Title', 'Abstract Note', 'Publication Title', 'Item Type', 'Publication Year']);
    expect(settings.instructions).toContain('AI safety research.\nAnswer');
    expect(() => readRaftPromptSettings('overruling', join(work, 'none.json'))).toThrow(
      `raft needs ${join(work, 'none.json')} (HELM downloads it from https://www.dropbox.com/s/a5cyevryzw8rt4f/prompt_construction_settings.json?dl=0); place that file there.`,
    );
  });

  it('names the hub files at the pinned revision and where to place them when offline', async () => {
    const dir = join(work, 'offline');
    cpSync(fixtures, dir, { recursive: true });
    rmSync(repoDir(dir), { recursive: true });
    const options = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };
    const error = await raftSource.instances({ subset: 'ade_corpus_v2' }, dir, options)[Symbol.asyncIterator]().next().catch((e: unknown) => e as Error);
    const message = (error as Error).message;
    expect(message).toContain('Could not download 2 of the 2 dataset files needed');
    expect(message).toContain(`https://huggingface.co/datasets/ought/raft/resolve/${REVISION}/raft.py`);
    expect(message).toContain(`place it at ${join(repoDir(dir), 'data', 'ade_corpus_v2', 'train.csv')}`);
  });

  it("writes HELM's scenario.json", () => {
    expect(raftSource.metadata).toEqual({
      name: 'raft',
      description: 'Real-world Annotated Few-shot Tasks (RAFT)',
      tags: ['text_classification', 'robustness'],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/raft_scenario.py',
    });
  });
});
