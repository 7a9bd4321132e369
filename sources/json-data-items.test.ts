import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.ts';
import { readJsonDataItems, type JsonDataItem } from './json-data-items.ts';

const work = mkdtempSync(join(tmpdir(), 'json-data-items-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function items(text: string): Promise<JsonDataItem[]> {
  const path = join(work, 'file.json');
  writeFileSync(path, text);
  const out: JsonDataItem[] = [];
  for await (const item of readJsonDataItems(path, 'FORMAT')) out.push(item);
  return out;
}

describe('readJsonDataItems', () => {
  const path = join(work, 'file.json');

  it('streams the entries of the top-level "data" list, in order, whatever comes before or after it', async () => {
    const got = await items('{"version": "1", "other": {"data": [9]}, "data": [{"a": 1}, "x", [2, 3]], "after": true}');
    expect(got).toEqual([
      { value: { a: 1 }, where: `${path}: data[0]` },
      { value: 'x', where: `${path}: data[1]` },
      { value: [2, 3], where: `${path}: data[2]` },
    ]);
  });

  it('gives nothing for an empty list, as json.load(f)["data"] does', async () => {
    expect(await items('{"data": []}')).toEqual([]);
  });

  it('names the file and the expected format when "data" is missing or the file is not JSON', async () => {
    await expect(items('{"dat": []}')).rejects.toThrow(new UserError(`${path}: no "data" list; it should hold FORMAT.`));
    await expect(items('{"data": [1,')).rejects.toThrow(UserError);
    await expect(items('<html>')).rejects.toThrow(/cannot read it as JSON .*; it should hold FORMAT\.$/);
    await expect(items('{"data": {"a": 1}}')).rejects.toThrow(/cannot read it as JSON/);
  });

  it('names a missing file', async () => {
    const missing = join(work, 'missing.json');
    const read = async (): Promise<void> => {
      for await (const _ of readJsonDataItems(missing, 'FORMAT')) return;
    };
    await expect(read()).rejects.toThrow(new UserError(`${missing} does not exist; it should hold FORMAT.`));
  });
});
