import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { readFileSync } from 'node:fs';
import { copyrightSource, isCodeDatatag } from './copyright.ts';

/**
 * `__fixtures__/copyright/pilot.json`: HELM's `{"data": {prefix: prefix_to_end}}` with entries of our own (a
 * character past U+FFFF, tabs and newlines, a repeated key: Python keeps its first place and its last value);
 * `__fixtures__/disinformation/helm-instances.json` holds what HELM 0.5.16's CopyrightScenario gave on it.
 */
const fixtures = fileURLToPath(new URL('__fixtures__', import.meta.url));
const helm = JSON.parse(readFileSync(join(fixtures, 'disinformation', 'helm-instances.json'), 'utf8')) as Record<string, unknown[]>;
const work = mkdtempSync(join(tmpdir(), 'copyright-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(datatag: string, dir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of copyrightSource.instances({ datatag }, dir, { log: () => undefined })) out.push(instance);
  return out;
}

const simple = (i: RawInstance) => ({ input: i.input.text, split: i.split, sub_split: i.sub_split ?? null, references: i.references.map((r) => [r.output.text, r.tags]) });

describe('copyrightSource', () => {
  it("gives HELM's instances: test split, the prefix as input, prefix + rest as the one correct reference", async () => {
    const dir = join(work, 'pilot');
    cpSync(join(fixtures, 'copyright'), dir, { recursive: true });
    const instances = await read('pilot', dir);
    expect(instances.map(simple)).toEqual(helm['copyright:pilot']);
    expect(instances[0]!.references[0]!.output.text).toBe('a a a a a b a a'); // the repeated key's last value, in its first place
  });

  it('refuses an unknown datatag and a file without a "data" object; knows the code datatags', async () => {
    expect(() => copyrightSource.instances({ datatag: 'nope' }, work)).toThrow(UserError);
    const dir = join(work, 'bad');
    cpSync(join(fixtures, 'copyright'), dir, { recursive: true });
    writeFileSync(join(dir, 'oh_the_places.json'), '{"metadata": {}}');
    await expect(read('oh_the_places', dir)).rejects.toThrow('no "data" object');
    expect(isCodeDatatag('prompt_num_line_5-min_lines_20.json')).toBe(true);
    expect(isCodeDatatag('pilot')).toBe(false);
  });
});
