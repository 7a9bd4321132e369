import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawInstance } from '../../core/instance.ts';
import { thePileSource } from './the-pile.ts';

const work = mkdtempSync(join(tmpdir(), 'the-pile-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(source: AsyncIterable<RawInstance>): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of source) out.push(instance);
  return out;
}

// The Pile's test.jsonl, decompressed (as HELM leaves it in <cache>/data).
const line = (text: string, subset: string): string => JSON.stringify({ text, meta: { pile_set_name: subset } }) + '\n';
const DATA =
  line('arxiv 0', 'ArXiv') +
  line('irc, with "quotes"\r\nand a lone\rcarriage return', 'Ubuntu IRC') +
  line('arxiv 1', 'ArXiv') +
  line('', 'Ubuntu IRC') +
  line('arxiv 2', 'ArXiv');

function cacheWithData(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'data'), DATA);
  return dir;
}

describe('thePileSource', () => {
  it("splits the data into one CSV per subset (Python's csv.writer) and reads the subset back with universal newlines", async () => {
    const dir = cacheWithData('split');
    const instances = await read(thePileSource.instances({ subset: 'Ubuntu IRC' }, dir));
    expect(instances).toEqual([
      { input: { text: 'irc, with "quotes"\nand a lone\ncarriage return' }, references: [], split: 'test' },
      { input: { text: '' }, references: [], split: 'test' },
    ]);
    expect(readFileSync(join(dir, 'Ubuntu IRC.csv'), 'utf8')).toBe('"irc, with ""quotes""\r\nand a lone\rcarriage return"\r\n""\r\n');
    // Every subset is written, empty ones too, and no temporary file is left.
    expect(readdirSync(dir).filter((f) => f.endsWith('.csv'))).toHaveLength(22);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(readFileSync(join(dir, 'PhilPapers.csv'), 'utf8')).toBe('');
  });

  it("keeps only the documents of a subset's subsample indices, sorted and without duplicates", async () => {
    const dir = cacheWithData('subsample');
    mkdirSync(join(dir, 'test_subsample_indices', 'arxiv'), { recursive: true });
    writeFileSync(join(dir, 'test_subsample_indices', 'arxiv', 'group0.json'), '[2, 0, 2]');
    const instances = await read(thePileSource.instances({ subset: 'ArXiv' }, dir));
    expect(instances.map((i) => i.input.text)).toEqual(['arxiv 0', 'arxiv 2']);
    // The subset files are a cache: read again without the data file.
    rmSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data'), 'not read again');
    expect((await read(thePileSource.instances({ subset: 'ArXiv' }, dir))).map((i) => i.input.text)).toEqual(['arxiv 0', 'arxiv 2']);
  });

  it('names the subsets when given another, and the file and line of a document of no known subset', async () => {
    expect(() => thePileSource.instances({ subset: 'Ubuntu' }, work)).toThrow(/subset="Ubuntu" is not a subset of The Pile\. Subsets: Github, ArXiv/);
    const dir = join(work, 'bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'data'), line('x', 'Reddit'));
    await expect(read(thePileSource.instances({ subset: 'PhilPapers' }, dir))).rejects.toThrow(/data:1: meta\.pile_set_name must be one of the Pile's subsets .* got "Reddit"/);
    expect(existsSync(join(dir, 'PhilPapers.csv'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['data']);
  });
});
