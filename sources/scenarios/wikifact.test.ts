import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { flattenList, wikifactSource } from './wikifact.ts';

/** Synthetic rows of our own in WikiFact's JSONL shape, in HELM's cache layout. */
const fixtures = fileURLToPath(new URL('__fixtures__/wikifact', import.meta.url));
/** What HELM 0.5.16's WIKIFactScenario(subject=author) gives on that folder (`__fixtures__/make-helm-instances.py`). */
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as { scenario_json: unknown; instances: unknown[] };
const work = mkdtempSync(join(tmpdir(), 'wikifact-test-'));
const offline = { log: () => undefined, download: { lookup: offlineLookup, retries: 0 } };
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(args: Record<string, unknown>, cacheDir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of wikifactSource.instances(args, cacheDir, offline)) out.push(instance);
  return out;
}

describe('wikifactSource', () => {
  it("gives HELM's instances for one relation: train, dev as valid, test; every answer stripped and correct", async () => {
    const instances = await read({ subject: 'author' }, fixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.instances)); // key order too
    expect(instances.map((i) => i.split).join(' ')).toBe('train train train train train train train valid valid test test test test test');
    // " Ivo Danet " and "Ruth Anker\n" from two inner lists; a no-break space and an em space are Python whitespace
    expect(instances[1]!.references.map((r) => r.output.text)).toEqual(['Ivo Danet', 'Ruth Anker']);
    expect(instances.at(-2)!.references.map((r) => r.output.text)).toEqual(['Dana Kohl']);
  });

  it("writes HELM's scenario.json", () => {
    expect(wikifactSource.metadata).toEqual(helm.scenario_json);
  });

  it('keeps only the rows of the named relation', async () => {
    const capitals = await read({ subject: 'capital' }, fixtures);
    expect(capitals.map((i) => [i.split, i.input.text])).toEqual([
      ['train', 'The capital of Ostrava Minor is'],
      ['valid', 'The capital of Varnia is'],
    ]);
    expect(await read({ subject: 'head_of_state' }, fixtures)).toEqual([]);
  });

  it('flattens answer lists as HELM flatten_list does, at any depth', () => {
    expect(flattenList([['a', 'b'], [['c']], 'd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(flattenList('e')).toEqual(['e']);
  });

  it('rejects an unknown relation at once, naming close ones', () => {
    expect(() => wikifactSource.instances({ subject: 'authors' }, fixtures)).toThrow(/invalid subject "authors"\. Did you mean: author/);
    expect(() => wikifactSource.instances({}, fixtures)).toThrow(/needs argument\(s\): subject/);
  });

  it('names the line of an answer that is not text', async () => {
    const dir = join(work, 'bad-answer');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'data', 'dev.jsonl'), '{"property": "P50", "template": "X by", "result_names": [[3]]}\n');
    await expect(read({ subject: 'author' }, dir)).rejects.toThrow(`${join(dir, 'data', 'dev.jsonl')}:1: every answer in 'result_names' must be a string, got 3.`);
  });

  it('names every missing file and its URL when offline', async () => {
    await expect(read({ subject: 'author' }, join(work, 'empty'))).rejects.toThrow(/0x8c3b60eb7c6b462e822a150f194d3b35\/contents\/blob\/train\.jsonl[\s\S]*test\.jsonl/);
  });
});
