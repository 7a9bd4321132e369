import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeTestCasesOf } from '../../core/code-reference.ts';
import { instanceJson } from '../../core/helm-records.ts';
import { reference } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, readAll } from './__fixtures__/helm-instances.ts';
import { reindentCode } from './code-reindent.ts';
import { codeSource } from './code.ts';

/** HumanEval.jsonl and APPS/ written for these tests (see `__fixtures__/code/make-helm-instances.py`). */
const fixtures = fixtureDir('code');
/** What HELM 0.5.16's CodeScenario read from them, with each reference's test_cases (APPS roots relative to the folder). */
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as Record<string, { test_cases: Record<string, unknown>[] }[]>;
/** HELM's `_reindent_code` on texts written for this test (`make-reindent-vectors.py`). */
const reindentVectors = JSON.parse(readFileSync(join(fixtures, 'reindent-vectors.json'), 'utf8')) as [string, string][];
const work = mkdtempSync(join(tmpdir(), 'code-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** HELM's instance JSON without the test_cases we added to it. */
const helmInstances = (dataset: string): unknown[] => helm[dataset]!.map(({ test_cases: _testCases, ...instance }) => instance);

describe('codeSource', () => {
  it.each(['humaneval', 'apps'])("reads HELM's %s instances (prompts, references, splits) in HELM's order", async (dataset) => {
    const logged: string[] = [];
    const ours = await readAll(codeSource, { dataset }, fixtures, { log: (m) => logged.push(m) });
    expect(JSON.stringify(ours.map(instanceJson))).toBe(JSON.stringify(helmInstances(dataset))); // key order too
    if (dataset === 'apps') {
      expect(logged).toEqual([
        "Split train, skipped 1/2 problems with no description or solution. Their ids are: ['0002']",
        "Split test, skipped 2/5 problems with no description or solution. Their ids are: ['0003', '0009']",
      ]);
    }
  });

  it('gives each reference the test cases HELM gives it: the HumanEval problem, or the APPS folder as an absolute root', async () => {
    const humaneval = await readAll(codeSource, { dataset: 'humaneval' }, fixtures);
    expect(humaneval.map((i) => i.references.map(codeTestCasesOf))).toEqual(helm['humaneval']!.map((i) => i.test_cases));
    // HELM's APPS test_cases also hold input_output.json's contents; the sandbox reads them from the root folder instead.
    const apps = await readAll(codeSource, { dataset: 'apps' }, fixtures, { log: () => undefined });
    const roots = apps.map((i) => i.references.map((r) => relative(fixtures, codeTestCasesOf(r)!['root'] as string)));
    expect(roots).toEqual(helm['apps']!.map((i) => i.test_cases.map((t) => t['root'])));
    expect(apps[0]!.references.map((r) => Object.keys(codeTestCasesOf(r)!))).toEqual([['root'], ['root']]);
    expect(codeTestCasesOf(reference('x', true))).toBeUndefined();
  });

  it.each(reindentVectors)("re-indents %j as HELM's _reindent_code does", (code, expected) => {
    expect(reindentCode(code)).toBe(expected);
  });

  it('refuses an unknown dataset, and a HumanEval problem without a prompt', async () => {
    expect(() => codeSource.instances({ dataset: 'mbpp' }, fixtures)).toThrow('code: unknown dataset "mbpp"; the datasets are humaneval and apps.');
    const dir = join(work, 'bad');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'HumanEval.jsonl'), '{"task_id": "t", "canonical_solution": "x"}\n');
    await expect(readAll(codeSource, { dataset: 'humaneval' }, dir)).rejects.toThrow(`problem "t" needs a text 'prompt' and 'canonical_solution'.`);
  });

  it('offline, names the file each dataset needs and where it goes', async () => {
    const context = { log: () => undefined, download: { retries: 0, lookup: offlineLookup, log: () => undefined } };
    const humaneval = await readAll(codeSource, { dataset: 'humaneval' }, join(work, 'offline'), context).catch((e: unknown) => e);
    expect((humaneval as Error).message).toContain('https://github.com/openai/human-eval/raw/master/data/HumanEval.jsonl.gz');
    expect((humaneval as Error).message).toContain(`place it at ${join(work, 'offline', 'HumanEval.jsonl')}.`);
    const apps = await readAll(codeSource, { dataset: 'apps' }, join(work, 'offline'), context).catch((e: unknown) => e);
    expect((apps as Error).message).toContain('https://people.eecs.berkeley.edu/~hendrycks/APPS.tar.gz');
    expect((apps as Error).message).toContain(`place it at ${join(work, 'offline', 'APPS')}.`);
  });
});
