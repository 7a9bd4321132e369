import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawInstance } from '../../core/instance.ts';
import { msmarcoSource } from './msmarco.ts';

/**
 * `__fixtures__/msmarco/data/`: MS MARCO's files in HELM's cache layout, with passages and queries of our own
 * (`make-fixture.py`: a quoted passage holding a tab, a repeated passage id, train queries without qrels or with
 * too few top-k passages, TREC qrels separated by spaces with relevance 0..3); `helm-instances.json` holds what
 * HELM 0.5.16's MSMARCOScenario gave on them for both tracks, with and without valid_topk (`helm-instances.py`).
 */
const fixtures = fileURLToPath(new URL('__fixtures__/msmarco', import.meta.url));
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as Record<string, unknown[]>;
const work = mkdtempSync(join(tmpdir(), 'msmarco-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
cpSync(fixtures, join(work, 'ok'), { recursive: true });

async function read(args: Record<string, unknown>, dir = join(work, 'ok')): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of msmarcoSource.instances(args, dir, { log: () => undefined })) out.push(instance);
  return out;
}

const simple = (i: RawInstance) => ({ input: i.input.text, split: i.split, references: i.references.map((r) => [r.output.text, r.tags]) });

describe('msmarcoSource', () => {
  it("gives HELM's instances on both tracks, with and without valid_topk (shuffles, filters, passage order, tags)", async () => {
    for (const [track, validTopk] of [['regular', null], ['regular', 11], ['trec', null], ['trec', 11]] as const) {
      const instances = await read({ track, valid_topk: validTopk });
      expect(instances.map(simple), `${track} ${validTopk}`).toEqual(helm[`${track}:${validTopk ?? 'None'}`]);
    }
  });

  it('gives 8 train queries of one correct and one wrong passage, then the track queries', async () => {
    const instances = await read({ track: 'trec', valid_topk: 11 });
    expect(instances.map((i) => i.split)).toEqual([...Array(8).fill('train'), 'valid', 'valid', 'valid']);
    expect(instances.slice(0, 8).every((i) => i.references.filter((r) => r.tags.includes('correct')).length === 1 && i.references.length === 2)).toBe(true);
  });

  it('refuses a track or valid_topk HELM asserts against, and a row with a field too many', async () => {
    expect(() => msmarcoSource.instances({ track: 'dev' }, work)).toThrow('track="dev" is not a track');
    expect(() => msmarcoSource.instances({ track: 'regular', valid_topk: 10 }, work)).toThrow('valid_topk=10 must be None or an integer from 11 to 1000');
    const dir = join(work, 'bad');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'data', 'regular_topk.tsv'), `${readFileSync(join(fixtures, 'data', 'regular_topk.tsv'), 'utf8')}301\t100\t1\t9\n`);
    await expect(read({ track: 'regular' }, dir)).rejects.toThrow('a row of 4 tab-separated fields where <qid> <docid> <rank> has 3');
  });
});
