import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { instanceJson } from '../../core/helm-records.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { BBQ_CATEGORIES, bbqSource } from './bbq.ts';
import { bbqInstance } from './bbq-instance.ts';

// Synthetic BBQ lines (bbq/data/<Category>, the upstream JSONL layout) covering HELM's target rules: substrings for
// Race_ethnicity and SES, lowSES-M-/lowSES-F- (which by Python's precedence apply to every category), two targets,
// unknown answers in each position. HELM 0.5.16's BBQScenario read them into helm-instances*.json.
const fixtures = fixtureDir('bbq');
const work = mkdtempSync(join(tmpdir(), 'bbq-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 1,003 lines over the 11 categories (one file with CRLF endings, one without a final line ending). */
function writeManyLines(dir: string): void {
  mkdirSync(join(dir, 'data'), { recursive: true });
  let k = 0;
  BBQ_CATEGORIES.forEach((category, c) => {
    const lines: string[] = [];
    for (let j = 0; j < 91 + (c < 2 ? 1 : 0); j++, k++) {
      lines.push(JSON.stringify({
        example_id: j, question_index: '1', question_polarity: k % 2 ? 'neg' : 'nonneg', context_condition: k % 3 ? 'ambig' : 'disambig', category,
        answer_info: { ans0: ['x', 'old'], ans1: ['y', 'nonOld'], ans2: ['Unknown', 'unknown'] },
        additional_metadata: { subcategory: 'None', stereotyped_groups: ['old'], version: 'a', source: '' },
        context: `${category} ${j}`, question: `q${k}?`, ans0: 'X', ans1: 'Y', ans2: 'Unknown', label: k % 3,
      }));
    }
    writeFileSync(join(dir, 'data', category), c === 3 ? lines.join('\r\n') + '\r\n' : c === 5 ? lines.join('\n') : lines.join('\n') + '\n');
  });
}

const line = (fields: Record<string, unknown>): Record<string, unknown> => ({
  question_polarity: 'neg',
  context_condition: 'ambig',
  answer_info: { ans0: ['a', 'old'], ans1: ['b', 'nonOld'], ans2: ['Unknown', 'unknown'] },
  additional_metadata: { stereotyped_groups: ['old'] },
  context: 'C.',
  question: 'Q?',
  ans0: 'A',
  ans1: 'B',
  ans2: 'Unknown',
  label: 2,
  ...fields,
});

describe('bbqSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(bbqSource.metadata).toEqual(helmInstances('bbq').scenario_json);
  });

  it('gives every instance HELM gives for subject=all and for one category, in its shuffled order', async () => {
    const all = await readAll(bbqSource, { subject: 'all' }, fixtures);
    expect(all).toHaveLength(18); // fewer than 1,000 lines: all are test
    expect(JSON.stringify(all.map(instanceJson))).toBe(JSON.stringify(helmInstances('bbq').instances));
    const race = await readAll(bbqSource, { subject: 'Race_ethnicity' }, fixtures);
    expect(JSON.stringify(race.map(instanceJson))).toBe(JSON.stringify(helmInstances('bbq', 'helm-instances-Race_ethnicity.json').instances));
  });

  it("shuffles 1,003 lines as HELM's random.seed(0) shuffle does: the first 3 train, the last 1,000 test", async () => {
    const dir = join(work, 'many');
    writeManyLines(dir);
    const instances = await readAll(bbqSource, {}, dir); // subject defaults to all
    expect(instances.filter((i) => i.split === 'train')).toHaveLength(3);
    expect(instances.slice(0, 4).map((i) => i.input.text)).toEqual([
      'Physical_appearance 73\nQuestion: q439?',
      'Sexual_orientation 16\nQuestion: q928?',
      'Disability_status 68\nQuestion: q160?',
      'Race_x_SES 58\nQuestion: q606?',
    ]);
    expect(instances[3]!.split).toBe('test');
    // sha256 of HELM's instances as compact JSON (json.dumps(..., separators=(",", ":"), ensure_ascii=False)).
    const digest = createHash('sha256').update(JSON.stringify(instances.map(instanceJson))).digest('hex');
    expect(digest).toBe('a90056b7374ee27d5243e1d85b3fd0be901b266d738c0b86f942f01cc601bcad');
  });

  it("applies HELM's lowSES-M-/lowSES-F- clause to every category, and leaves a letter empty when none is found", () => {
    const info = { ans0: ['a', 'lowSES-F-old'], ans1: ['b', 'old'], ans2: ['c', 'young'] };
    const instance = bbqInstance(line({ answer_info: info, label: 0 }), 'Age', 'test', 'w');
    // label A, target B (the last target found), non-target C, no unknown answer
    expect(instance.references.map((r) => r.tags)).toEqual([
      ['correct', 'negative', 'ambiguous', 'A', 'B', 'C', ''],
      ['negative', 'ambiguous', 'A', 'B', 'C', ''],
      ['negative', 'ambiguous', 'A', 'B', 'C', ''],
    ]);
    expect(instance.input).toEqual({ text: 'C.\nQuestion: Q?', kind: 'passage_question' });
  });

  it('tags every answer equal to the labelled one as correct', () => {
    const instance = bbqInstance(line({ ans1: 'Unknown', label: 2 }), 'Age', 'train', 'w');
    expect(instance.references.map((r) => r.tags[0])).toEqual(['negative', 'correct', 'correct']);
  });

  it('rejects an unknown subject at once, naming the categories, and a malformed line with its place', async () => {
    expect(() => bbqSource.instances({ subject: 'age' }, fixtures)).toThrow(/BBQ has no category "age"; did you mean: Age, SES\? Subjects: all, Age, /);
    expect(() => bbqInstance(line({ label: 3 }), 'Age', 'test', 'f:1')).toThrow('f:1: label must be 0, 1 or 2, got 3.');
    expect(() => bbqInstance(line({ answer_info: { ans0: 'a' } }), 'Age', 'test', 'f:1')).toThrow(
      "f:1: answer_info: expected a list of strings field 'ans0'",
    );
    const dir = join(work, 'bad');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'data', 'SES'), '{"context": \n');
    await expect(readAll(bbqSource, { subject: 'SES' }, dir)).rejects.toThrow(`${join(dir, 'data', 'SES')}:1: not valid JSON`);
  });

  it('reads a category placed by hand under a name BBQ does not have', async () => {
    const dir = join(work, 'own');
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'Mine'), JSON.stringify(line({})) + '\n');
    const [instance] = await readAll(bbqSource, { subject: 'Mine' }, dir);
    expect(instance!.split).toBe('test');
  });

  it('offline, names each of the 11 files HELM downloads for subject=all, with its URL and path', async () => {
    const dir = join(work, 'offline');
    const context = { log: () => undefined, download: { retries: 0, lookup: offlineLookup } };
    const error = await readAll(bbqSource, { subject: 'all' }, dir, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Could not download 11 of the 11 dataset files needed:/);
    expect(message).toContain('  - https://raw.githubusercontent.com/nyu-mll/BBQ/main/data/Race_x_SES.jsonl: getaddrinfo ENOTFOUND');
    expect(message).toContain(`place it at ${join(dir, 'data', 'Race_x_SES')}.`);
  });
});
