import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { empatheticDialoguesSource } from './empatheticdialogues.ts';

/** Synthetic conversations of our own in EmpatheticDialogues' CSV layout (`data/{train,valid,test}.csv`). */
const fixtures = fileURLToPath(new URL('__fixtures__/empatheticdialogues', import.meta.url));
/** What HELM 0.5.16's EmpatheticDialoguesScenario gives on that folder (`__fixtures__/make-helm-instances.py`, pandas 1.5.3). */
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as { scenario_json: unknown; instances: unknown[] };
const work = mkdtempSync(join(tmpdir(), 'empatheticdialogues-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(cacheDir: string, log: (message: string) => void = () => undefined): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  const context = { log, download: { lookup: offlineLookup, retries: 0 } };
  for await (const instance of empatheticDialoguesSource.instances({}, cacheDir, context)) out.push(instance);
  return out;
}

describe('empatheticDialoguesSource', () => {
  it("gives HELM's instances: groups sorted by prompt and emotion in code-point order, conversations by conv_id", async () => {
    const instances = await read(fixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.instances)); // key order too
    // U+FF21 sorts before U+1F600 (Python compares code points; JS's default sort, UTF-16 units, would not)
    expect(instances.slice(0, 8).map((i) => i.sub_split)).toEqual(['lonely', 'afraid', 'anxious', 'proud', 'sad', 'grateful', 'joyful', 'excited']);
  });

  it('renders a conversation in utterance order, "_comma_" as ",", first speaker Bob, second Jen', async () => {
    const proud = (await read(fixtures)).find((i) => i.sub_split === 'proud')!;
    expect(proud.input.text).toBe('My daughter finished her first marathon, and I cried at the finish line.');
    expect(proud.references.map((r) => r.output.text)).toEqual([
      // conv_id "hit:10_conv:20" sorts before "hit:2_conv:4"; its rows come in as 2, 1, 3
      'Bob: Guess who finished a marathon today.\nJen: Wow, how long did it take her?\nBob: About five hours, but she never stopped.\n',
      'Bob: My kid just ran a whole marathon!\nJen: That is amazing, you must be so proud.\nBob: I am. She trained for a year.\n',
    ]);
  });

  it('keeps a situation whose conversations all lack a self-evaluation or a second utterance, with no references', async () => {
    const instances = await read(fixtures);
    expect(instances.filter((i) => i.references.length === 0).map((i) => i.sub_split)).toEqual(['lonely', 'sad']);
  });

  it("writes HELM's scenario.json", () => {
    expect(empatheticDialoguesSource.metadata).toEqual(helm.scenario_json);
  });

  it("skips a missing split file with HELM's note", async () => {
    const dir = join(work, 'no-valid');
    cpSync(fixtures, dir, { recursive: true });
    rmSync(join(dir, 'data', 'valid.csv'));
    const notes: string[] = [];
    const instances = await read(dir, (m) => notes.push(m));
    expect([instances.filter((i) => i.split === 'valid').length, notes]).toEqual([0, [`${join(dir, 'data', 'valid.csv')} doesn't exist, skipping`]]);
  });

  it('names a conversation with a third speaker', async () => {
    const dir = join(work, 'third-speaker');
    cpSync(fixtures, dir, { recursive: true });
    const header = 'conv_id,utterance_idx,context,prompt,speaker_idx,utterance,selfeval,tags\n';
    writeFileSync(join(dir, 'data', 'test.csv'), `${header}c,1,sad,p,1,a,5,\nc,2,sad,p,2,b,5,\nc,3,sad,p,3,c,5,\n`);
    await expect(read(dir)).rejects.toThrow(/a conversation has a third speaker \(3\)/);
  });
});
