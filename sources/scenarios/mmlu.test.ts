import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { mmluSource } from './mmlu.ts';

const fixtures = fileURLToPath(new URL('__fixtures__/mmlu', import.meta.url));
/** HELM 0.5.16's own scenario.json and instances for `mmlu:subject=anatomy` on these CSVs (see __fixtures__/README.md). */
const golden = JSON.parse(readFileSync(join(fixtures, 'golden-expected.json'), 'utf8')) as {
  scenario_json: unknown;
  instances: (RawInstance & { id: string })[];
};
const work = mkdtempSync(join(tmpdir(), 'mmlu-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(args: Record<string, unknown>, cacheDir: string, notes: string[] = []): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of mmluSource.instances(args, cacheDir, { log: (m) => notes.push(m) })) out.push(instance);
  return out;
}

/** A cache folder holding `data/test/<subject>_test.csv` with the given rows. */
function cacheWithTest(name: string, csv: string, subject = 'x'): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'data', 'test'), { recursive: true });
  writeFileSync(join(dir, 'data', 'test', `${subject}_test.csv`), csv);
  return dir;
}

describe('mmluSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(mmluSource.metadata).toEqual(golden.scenario_json);
    expect(Object.keys(mmluSource.metadata)).toEqual(['name', 'description', 'tags', 'definition_path']);
  });

  it('reads dev as train, then test, skipping the missing auxiliary_train and val files with a note', async () => {
    const notes: string[] = [];
    const instances = await read({ subject: 'anatomy' }, fixtures, notes);
    expect(instances.map((i) => i.split)).toEqual([...Array(5).fill('train'), ...Array(50).fill('test')]);
    expect(notes).toEqual([
      `${join(fixtures, 'data', 'auxiliary_train', 'anatomy_auxiliary_train.csv')} doesn't exist, skipping`,
      `${join(fixtures, 'data', 'val', 'anatomy_val.csv')} doesn't exist, skipping`,
    ]);
  });

  it('gives the first test instance exactly, quoted commas and doubled quotes included', async () => {
    const instances = await read({ subject: 'anatomy' }, fixtures);
    expect(instances[5]).toEqual({
      input: { text: 'The thorax tibia vein is primarily supplied by which structure? (note: "quoted", with comma)' },
      references: [
        { output: { text: 'process tissue canal a' }, tags: [] },
        { output: { text: 'sinus radius organ organ vein b' }, tags: ['correct'] },
        { output: { text: 'process bone c' }, tags: [] },
        { output: { text: 'muscle vein d' }, tags: [] },
      ],
      split: 'test',
    });
  });

  it("matches every instance of HELM's scenario_state.json (ids are positions over train then test)", async () => {
    const instances = await read({ subject: 'anatomy' }, fixtures);
    expect(golden.instances).toHaveLength(10);
    for (const expected of golden.instances) {
      const position = Number(expected.id.slice('id'.length));
      expect({ ...instances[position], id: expected.id }).toEqual(expected);
    }
  });

  it("tags every choice whose text equals the answer's text as correct", async () => {
    const dir = cacheWithTest('duplicates', 'Pick one,same,other,same,C\n');
    const [instance] = await read({ subject: 'x' }, dir);
    expect(instance!.references.map((r) => r.tags)).toEqual([['correct'], [], ['correct']]);
  });

  it('reads a question with a newline inside quotes as one instance', async () => {
    const dir = cacheWithTest('multiline', '"First line\nsecond line, with comma",a,b,B\nnext,c,d,A\n');
    const instances = await read({ subject: 'x' }, dir);
    expect(instances.map((i) => i.input.text)).toEqual(['First line\nsecond line, with comma', 'next']);
  });

  it('names the file and line of a row whose answer letter names no choice', async () => {
    const dir = cacheWithTest('bad-letter', 'ok,a,b,A\nbad,a,b,C\n');
    await expect(read({ subject: 'x' }, dir)).rejects.toThrow(
      new UserError(
        `${join(dir, 'data', 'test', 'x_test.csv')}:2: expected "question, choices…, answer letter" with the letter ` +
          `naming one of the first 2 choices, got ["bad","a","b","C"].`,
      ),
    );
  });

  it('suggests subjects when none of the files exist', async () => {
    const dir = cacheWithTest('subjects', 'q,a,b,A\n', 'anatomy');
    await expect(read({ subject: 'anatomi' }, dir)).rejects.toThrow(/has no files for subject 'anatomi'.*Did you mean: anatomy\?/);
  });

  it('checks its args before reading anything', () => {
    expect(() => mmluSource.instances({}, fixtures)).toThrow(new UserError('Scenario mmlu needs argument(s): subject.'));
    expect(() => mmluSource.instances({ subject: 'anatomy', subjet: 'x' }, fixtures)).toThrow(/Scenario mmlu has no argument 'subjet'/);
  });

  it('reads the files again on every iteration, streaming row by row', async () => {
    const dir = join(work, 'reread');
    cpSync(fixtures, dir, { recursive: true });
    const instances = mmluSource.instances({ subject: 'anatomy' }, dir, { log: () => undefined });
    let count = 0;
    for await (const _ of instances) count++;
    expect(count).toBe(55);
    writeFileSync(join(dir, 'data', 'test', 'anatomy_test.csv'), 'only,a,b,A\n');
    const again: RawInstance[] = [];
    for await (const instance of instances) again.push(instance);
    expect(again.map((i) => i.input.text)).toEqual([
      ...(await read({ subject: 'anatomy' }, fixtures)).slice(0, 5).map((i) => i.input.text),
      'only',
    ]);
  });
});
