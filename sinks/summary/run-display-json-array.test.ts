import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { readJsonArrayItems } from './run-display-json-array.ts';
import { jsonArrayItems, jsonObjectFields } from './run-display-json-bytes.ts';

const golden = fileURLToPath(new URL('../../../shared/golden/helm-0.5.16/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'json-array-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
async function texts(path: string, options: Parameters<typeof readJsonArrayItems>[1] = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const item of readJsonArrayItems(path, options)) out.push(item.bytes.toString('utf8'));
  return out;
}

describe('readJsonArrayItems', () => {
  it('yields the request states of a HELM scenario_state.json, even read 61 bytes at a time', async () => {
    const path = join(golden, 'commonsense-hellaswag-joint', 'helm', 'scenario_state.json');
    const expected = (JSON.parse(readFileSync(path, 'utf8')) as { request_states: unknown[] }).request_states;
    for (const blockBytes of [61, 1 << 20]) {
      const items = await texts(path, { arrayKey: 'request_states', blockBytes });
      expect(items.map((t) => JSON.parse(t) as unknown)).toEqual(expected);
    }
  });

  it('follows escaped quotes, backslashes, brackets in strings and scalars across every block boundary', async () => {
    const items = ['{"a": "x\\"y]}", "b": ["\\\\", {"c": []}]}', '"s\\\\"', '12.5e-3', 'true', 'null', '[1, [2, "]"]]', '"\u00e9\u{1F600}"'];
    const path = file('mixed.json', `[\n  ${items.join(',\n  ')}\n]`);
    for (let blockBytes = 1; blockBytes <= 9; blockBytes++) expect(await texts(path, { blockBytes })).toEqual(items);
    expect(await texts(file('empty.json', ' [ ] '))).toEqual([]);
  });

  it('reads the array under its key wherever it is in the object, skipping the other fields', async () => {
    const path = file('object.json', '{"head": {"x": "]}"}, "items": [1, 2], "tail": [3]}');
    expect(await texts(path, { arrayKey: 'items', blockBytes: 3 })).toEqual(['1', '2']);
  });

  it('refuses a file that is cut, garbled or without the key, naming the file and the item', async () => {
    const cut = file('cut.json', '[{"a": 1}, {"b": "tw');
    await expect(texts(cut)).rejects.toThrow(UserError);
    await expect(texts(cut)).rejects.toThrow(`${cut} is not a complete HELM JSON file: the file ends inside a value at byte 11 (item 1)`);
    await expect(texts(file('comma.json', '[1 2]'))).rejects.toThrow("expected ',' or ']' after an item at byte 3 (item 1)");
    await expect(texts(file('after.json', '[1] [2]'))).rejects.toThrow('unexpected text after the JSON value');
    await expect(texts(file('nokey.json', '{"a": []}'), { arrayKey: 'request_states' })).rejects.toThrow(
      'no "request_states" field',
    );
  });
});

describe('jsonObjectFields and jsonArrayItems', () => {
  it('give the bytes of each field and of the first items, in file order', () => {
    const fields = jsonObjectFields(Buffer.from(' {"a" : [1, {"b": "}"}], "c": -2.0e1 ,"a": "last"} '));
    expect([...fields].map(([k, v]) => [k, v.toString()])).toEqual([
      ['a', '"last"'],
      ['c', '-2.0e1'],
    ]);
    const list = Buffer.from('[ {"t": "x"} , [1,2], 3 ]');
    expect(jsonArrayItems(list).map(String)).toEqual(['{"t": "x"}', '[1,2]', '3']);
    expect(jsonArrayItems(list, 1).map(String)).toEqual(['{"t": "x"}']);
    expect(jsonArrayItems(Buffer.from('[]'))).toEqual([]);
    expect(() => jsonObjectFields(Buffer.from('{"a": [1}'))).toThrow(SyntaxError);
  });
});
