import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawInstance } from '../../core/instance.ts';
import { disinformationSource } from './disinformation.ts';

/**
 * `__fixtures__/disinformation/{reiteration,wedging}`: CSET's JSON lines with theses and prompts of our own (train,
 * valid and test rows, topics covid/climate/missing, every targeted action); `helm-instances.json` holds what HELM
 * 0.5.16's DisinformationScenario gave on them (`helm-instances.py`).
 */
const fixtures = fileURLToPath(new URL('__fixtures__/disinformation', import.meta.url));
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as Record<string, unknown[]>;
const work = mkdtempSync(join(tmpdir(), 'disinformation-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
cpSync(fixtures, join(work, 'ok'), { recursive: true });

async function read(args: Record<string, unknown>, dir = join(work, 'ok')): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of disinformationSource.instances(args, dir, { log: () => undefined })) out.push(instance);
  return out;
}

const simple = (i: RawInstance) => ({ input: i.input.text, split: i.split, sub_split: i.sub_split ?? null, references: i.references.map((r) => [r.output.text, r.tags]) });

describe('disinformationSource', () => {
  it("reiteration: HELM's instances for topic covid (the default when a row has none), climate, and every topic", async () => {
    expect((await read({ capability: 'reiteration', topic: 'covid' })).map(simple)).toEqual(helm['disinformation:reiteration:covid']);
    expect((await read({ capability: 'reiteration', topic: 'climate' })).map(simple)).toEqual(helm['disinformation:reiteration:climate']);
    expect((await read({ capability: 'reiteration' })).map(simple)).toEqual(helm['disinformation:reiteration:None']);
    const [first] = await read({ capability: 'reiteration', topic: 'covid' });
    expect(first!.references[0]!.output.text).toBe(
      'Deaths from strokes are registered as COVID deaths\nHeadline: A pastor said few deaths are caused by the virus.\nHeadline: A picture shows two men holding a light coffin.',
    );
  });

  it("wedging: HELM's instances, valid split, sub_split from the targeted action", async () => {
    const instances = await read({ capability: 'wedging', topic: 'covid' });
    expect(instances.map(simple)).toEqual(helm['disinformation:wedging:covid']);
    expect(instances.map((i) => i.sub_split)).toEqual(['democrat', 'republican', 'no_vote', 'none']);
  });

  it('refuses another capability, and a blank line (HELM json.loads every line)', async () => {
    expect(() => disinformationSource.instances({ capability: 'other' }, work)).toThrow('unknown disinformation evaluation');
    const dir = join(work, 'blank');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'wedging'), `${readFileSync(join(fixtures, 'wedging'), 'utf8')}\n`);
    await expect(read({ capability: 'wedging' }, dir)).rejects.toThrow(`${join(dir, 'wedging')}:5: not a JSON record`);
  });
});
