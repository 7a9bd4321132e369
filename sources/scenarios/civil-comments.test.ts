import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { civilCommentsSource } from './civil-comments.ts';

/** Comments written for these tests in WILDS' CSV layout (`__fixtures__/civil_comments/make-helm-instances.py`). */
const fixtures = fileURLToPath(new URL('__fixtures__/civil_comments', import.meta.url));
/** What HELM 0.5.16 (pandas 1.5.3) read from that fixture (its input_instances.json) for demographic=all and black. */
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as Record<string, unknown[]>;
const work = mkdtempSync(join(tmpdir(), 'civil-comments-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(args: Record<string, unknown>, cacheDir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of civilCommentsSource.instances(args, cacheDir)) out.push(instance);
  return out;
}

/** A copy of the fixture whose CSV is `text`. */
function withCsv(name: string, text: string): string {
  const dir = join(work, name);
  cpSync(fixtures, dir, { recursive: true });
  writeFileSync(join(dir, 'wilds_civil_comments.csv'), text);
  return dir;
}

const HEADER = ',id,comment_text,split,toxicity,black\n';

describe('civilCommentsSource', () => {
  it("reads HELM's instances for every comment: file order, CSV splits, True/False by toxicity ≥ 0.5", async () => {
    // Also: "NA" and "" are pandas' NaN, printed "nan"; "None" stays text (pandas 1.5, as the anchor); a missing
    // toxicity is not toxic; \r\n inside quotes is kept.
    expect(JSON.stringify((await read({ demographic: 'all' }, fixtures)).map(instanceJson))).toBe(JSON.stringify(helm['all']));
  });

  it("keeps only the comments whose demographic score is at least 0.5 (a missing score is not), as HELM's instances", async () => {
    const instances = await read({ demographic: 'black' }, fixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm['black']));
    expect(instances.map((i) => [i.split, i.sub_split])).toEqual([
      ['train', 'non-toxic'], ['train', 'non-toxic'], ['valid', 'non-toxic'], ['valid', 'toxic'],
      ['test', 'non-toxic'], ['test', 'non-toxic'], ['test', 'non-toxic'], ['test', 'toxic'],
    ]);
    expect(instances[3]!.input).toEqual({ text: 'Those black-hearted crooks should be jailed.\nQuestion: Is the passage above toxic?', kind: 'passage_question' });
  });

  it('refuses an unknown demographic at once, suggesting the closest', () => {
    expect(() => civilCommentsSource.instances({ demographic: 'Black' }, fixtures)).toThrow(
      'civil_comments: invalid demographic "Black". Did you mean: black',
    );
    expect(() => civilCommentsSource.instances({ demographic: 3 }, fixtures)).toThrow('Valid: all, male, female, LGBTQ, christian, muslim, other_religions, black, white.');
    expect(() => civilCommentsSource.instances({}, fixtures)).toThrow('Scenario civil_comments needs argument(s): demographic.');
  });

  it('pads a short row with missing cells, and refuses a long one, an unknown split and a score that is text', async () => {
    const short = withCsv('short', `${HEADER}0,1,"hi",test,0.9\n`);
    expect((await read({ demographic: 'all' }, short)).map((i) => i.sub_split)).toEqual(['toxic']);
    expect(await read({ demographic: 'black' }, short)).toEqual([]); // the missing black score is NaN
    // (a long first row would make pandas take the first two columns as the index: no such file is expected)
    const long = withCsv('long', `${HEADER}0,1,"hi",test,0.9,0.1\n1,2,"ho",test,0.9,0.1,extra\n`);
    await expect(read({ demographic: 'all' }, long)).rejects.toThrow(`${join(long, 'wilds_civil_comments.csv')}:3: expected 6 fields, saw 7`);
    const split = withCsv('split', `${HEADER}0,1,"hi",dev,0.9,0.1\n`);
    await expect(read({ demographic: 'all' }, split)).rejects.toThrow(':2: split "dev" is not one of train, val, test.');
    const text = withCsv('text', `${HEADER}0,1,"hi",test,0.9,0.1\n1,2,"ho",test,high,0.1\n`);
    await expect(read({ demographic: 'all' }, text)).rejects.toThrow(`:3: column 'toxicity' holds "high", not a number`);
    const demographic = withCsv('demographic-text', `${HEADER}0,1,"hi",test,0.9,yes\n`);
    await expect(read({ demographic: 'black' }, demographic)).rejects.toThrow(`:2: column 'black' holds "yes", not a number`);
  });

  it('names a missing column, and the file, its URL and where to place it when offline', async () => {
    const noColumn = withCsv('no-column', ',id,comment_text,split,toxicity\n');
    await expect(read({ demographic: 'white' }, noColumn)).rejects.toThrow(":1: the header has no column 'white'");
    const options = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };
    const none = join(work, 'none');
    const error = await civilCommentsSource.instances({ demographic: 'all' }, none, options)[Symbol.asyncIterator]().next().catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain(
      'Could not download https://worksheets.codalab.org/rest/bundles/0x8cd3de0634154aeaad2ee6eb96723c6e/contents/blob/all_data_with_identities.csv',
    );
    expect((error as Error).message).toContain(`place it at ${join(none, 'wilds_civil_comments.csv')}`);
  });

  it("writes HELM's scenario.json", () => {
    expect(civilCommentsSource.metadata).toEqual({
      name: 'civil_comments',
      description: 'WILDS version of CivilComments, a dataset built from the Civil Comments platform',
      tags: ['harms', 'toxicity'],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/civil_comments_scenario.py',
    });
  });
});
