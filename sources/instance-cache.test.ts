import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawInstance } from '../core/instance.ts';
import { readInstanceCache } from './instance-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'instance-cache-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const helmInstances = new URL('scenarios/__fixtures__/boolq-contrast/helm-instances.json', import.meta.url);

async function read(path: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of readInstanceCache(path)) out.push(instance);
  return out;
}

describe('readInstanceCache', () => {
  it("reads HELM's input_instances.json back whole, contrast sets included (boolq only_contrast, written by HELM)", async () => {
    const { input_instances: saved } = JSON.parse(readFileSync(helmInstances, 'utf8')) as { input_instances: unknown[] };
    const path = join(work, 'input_instances.json');
    writeFileSync(path, JSON.stringify(saved, null, 2));
    const instances = await read(path);
    expect(JSON.parse(JSON.stringify(instances))).toEqual(saved);
    expect(instances.filter((i) => i.contrast_inputs !== undefined).length).toBeGreaterThan(0);
  });

  it("keeps a chat input's messages", async () => {
    const path = join(work, 'chat.json');
    const messages = [{ role: 'user', content: 'Hi' }];
    writeFileSync(path, JSON.stringify([{ input: { text: '', messages }, references: [], split: 'test', id: 'id0' }]));
    expect((await read(path))[0]!.input).toEqual({ text: '', messages });
  });
});
