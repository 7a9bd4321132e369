import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { pyFloat } from '../../core/py-float.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { syntheticEfficiencyFileName, syntheticEfficiencySource } from './synthetic-efficiency.ts';

const fixtures = fileURLToPath(new URL('__fixtures__/synthetic_efficiency', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'synthetic-efficiency-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ARGS = { num_prompt_tokens: 16, num_instances: 10, tokenizer: 'huggingface/gpt2' };
const offline = { retries: 0, lookup: offlineLookup, log: () => undefined };

async function read(args: Record<string, unknown>, dir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of syntheticEfficiencySource.instances(args, dir, { log: () => undefined, download: offline })) out.push(instance);
  return out;
}

describe('syntheticEfficiencySource (HELM SyntheticEfficiencyScenario)', () => {
  it('reads the prompt files by id, as Python text mode reads them: all test, one empty correct reference', async () => {
    const instances = await read(ARGS, fixtures);
    expect(instances).toHaveLength(10);
    expect(instances[0]).toEqual({
      input: { text: 'the quick brown fox jumps over the lazy dog while a small synthetic prompt keeps counting' },
      references: [{ output: { text: '' }, tags: ['correct'] }],
      split: 'test',
    });
    // The same texts HELM 0.5.16 read from these files (/work/anchor): \r\n and a lone \r become \n.
    expect(instances.slice(1, 4).map((i) => i.input.text)).toEqual([
      'quick brown fox jumps over\nthe lazy dog while a small synthetic prompt keeps counting tokens',
      'brown fox jumps over the lazy\ndog while a small synthetic prompt keeps counting tokens the',
      'Café fox jumps over the lazy dog while a small synthetic prompt keeps counting tokens the quick\n',
    ]);
    expect(instances.every((i) => i.split === 'test')).toBe(true);
  });

  it("names files as HELM does: str() of the token count, the tokenizer's '/' as '_'", () => {
    expect(syntheticEfficiencyFileName('1536', 'eleutherai/gptneox', 9)).toBe('num_prompt_tokens=1536,tokenizer=eleutherai_gptneox,id=9.txt');
  });

  it('offline, names every missing file with its CodaLab URL and where to place it', async () => {
    const dir = join(work, 'partial');
    cpSync(fixtures, dir, { recursive: true });
    rmSync(join(dir, 'num_prompt_tokens=16,tokenizer=huggingface_gpt2,id=0.txt'));
    rmSync(join(dir, 'num_prompt_tokens=16,tokenizer=huggingface_gpt2,id=7.txt'));
    const failure = read(ARGS, dir);
    await expect(failure).rejects.toThrow(UserError);
    const message = await failure.catch((error: unknown) => (error as Error).message);
    expect(message).toContain('Could not download 2 of the 10 dataset files needed:');
    expect(message).toContain(
      '  - https://worksheets.codalab.org/rest/bundles/0x17a361bc066b4b0e87d968069759d361/contents/blob/num_prompt_tokens=16,tokenizer=huggingface_gpt2,id=0.txt: ',
    );
    expect(message).toContain(`place it at ${join(dir, 'num_prompt_tokens=16,tokenizer=huggingface_gpt2,id=7.txt')}.`);
  });

  it('writes None and floats into file names as Python str() does', async () => {
    const failure = read({ ...ARGS, num_prompt_tokens: null, num_instances: 1 }, join(work, 'none'));
    await expect(failure).rejects.toThrow(/blob\/num_prompt_tokens=None,tokenizer=huggingface_gpt2,id=0\.txt/);
    const float = read({ ...ARGS, num_prompt_tokens: pyFloat(16), num_instances: 1 }, join(work, 'float'));
    await expect(float).rejects.toThrow(/blob\/num_prompt_tokens=16\.0,tokenizer=/);
  });

  it("writes HELM's scenario.json and rejects a tokenizer HELM's assert rejects (None included)", () => {
    expect(syntheticEfficiencySource.metadata).toEqual({
      name: 'synthetic_efficiency',
      description: 'Synthetic scenario for benchmarking efficiency metrics',
      tags: [],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/synthetic_efficiency_scenario.py',
    });
    expect(() => syntheticEfficiencySource.instances({ ...ARGS, tokenizer: null }, fixtures)).toThrow(/tokenizer=None has no prompts/);
    expect(() => syntheticEfficiencySource.instances({ ...ARGS, tokenizer: 'openai/cl100k_base' }, fixtures)).toThrow(
      /give one of huggingface\/gpt2, ai21\/j1, /,
    );
    expect(() => syntheticEfficiencySource.instances({ num_instances: 10 }, fixtures)).toThrow(/needs argument\(s\): num_prompt_tokens, tokenizer/);
  });
});
