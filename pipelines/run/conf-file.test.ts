import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { collectRunEntries, parseConf, readConfFiles } from './conf-file.ts';
import { findStructuralProblem } from './conf-scan.ts';

const FIXTURE = join(import.meta.dirname, '__fixtures__', 'run_entries_lite_excerpt.conf');

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('readConfFiles', () => {
  it('reads the stock conf format: comments, newline or comma separators, priority, groups, `=`', async () => {
    const entries = await readConfFiles([FIXTURE]);
    expect(entries).toHaveLength(10);
    expect(entries[0]).toEqual({ description: 'boolq:model=text,data_augmentation=canonical', priority: 1 });
    expect(entries[5]).toEqual({ description: 'mmlu:model=text,subject=anatomy,data_augmentation=canonical', priority: 3 });
    expect(entries[6]).toEqual({
      description: 'boolq:model=text,only_contrast=True,data_augmentation=contrast_sets',
      priority: 2,
      groups: ['robustness_contrast_sets'],
    });
    expect(entries[7]).toEqual({ description: 'gsm:model=text,max_train_instances=0', priority: 1 });
    expect(entries[8]).toEqual({ description: 'simple_mcqa:model=simple/model1' });
    expect(entries[9]).toEqual({ description: 'gsm', groups: [] });
  });

  it('concatenates several files in order', async () => {
    const entries = await readConfFiles([FIXTURE, FIXTURE]);
    expect(entries).toHaveLength(20);
    expect(entries[10]!.description).toBe(entries[0]!.description);
  });

  it('names a missing file', async () => {
    const error = await errorOf(readConfFiles(['/nonexistent/run_specs.conf']));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/Cannot read conf file \/nonexistent\/run_specs\.conf/);
  });
});

describe('parseConf errors', () => {
  it('gives file, line and column of an unclosed bracket', async () => {
    const text = 'entries: [\n  {description: "gsm", priority: 1}\n';
    const error = await errorOf(parseConf(text, 'a.conf'));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe("Malformed conf file a.conf:1:10: this '[' is never closed.");
  });

  it('catches a stray closing brace the parser would accept silently', async () => {
    const text = 'entries: [\n  {description: "gsm", priority: 1}}\n]\n';
    const error = await errorOf(parseConf(text, 'b.conf'));
    expect(error.message).toBe("Malformed conf file b.conf:2:36: '}' does not match the '[' opened at line 1, column 10.");
  });

  it('reports an unclosed string and a parser error with line and column', async () => {
    expect((await errorOf(parseConf('entries: [\n {description: "gsm, priority: 1}\n]', 'c.conf'))).message).toBe(
      'Malformed conf file c.conf:2:16: the quoted string starting here is not closed on its line.',
    );
    const missingComma = await errorOf(parseConf('entries: [\n {description: "gsm" priority: 1}\n]', 'd.conf'));
    expect(missingComma).toBeInstanceOf(UserError);
    expect(missingComma.message).toBe(
      "Malformed conf file d.conf:2:30: unexpected ':': a key takes one value, so a comma or a line break is probably missing " +
        "before this key (quote a value that holds ':').",
    );
  });

  it('names the entry with a missing or ill-typed field', async () => {
    expect((await errorOf(parseConf('entries: [ {priority: 1} ]', 'e.conf'))).message).toBe(
      `e.conf: entry #1 needs a string 'description' ("name:key=value,..."), got none.`,
    );
    expect((await errorOf(parseConf('entries: [ {description: "gsm", priority: "1"} ]', 'e.conf'))).message).toBe(
      `e.conf: entry #1 ('gsm'): 'priority' must be an integer (1 highest … 5 lowest), got string "1".`,
    );
    expect((await errorOf(parseConf('entries: [ {description: "gsm", priority: 1.5} ]', 'e.conf'))).message).toMatch(
      /'priority' must be an integer/,
    );
    expect((await errorOf(parseConf('entries: [ {description: "gsm", groups: "g"} ]', 'e.conf'))).message).toBe(
      `e.conf: entry #1 ('gsm'): 'groups' must be a list of strings, got "g".`,
    );
    expect((await errorOf(parseConf('entries: [ {description: "gsm", priorty: 2} ]', 'e.conf'))).message).toBe(
      "e.conf: entry #1 ('gsm') has an unknown field 'priorty'. Did you mean: priority? Valid fields: description, priority, groups.",
    );
  });

  it('needs an entries list', async () => {
    expect((await errorOf(parseConf('runs: []', 'f.conf'))).message).toMatch(/must define a list 'entries:/);
    expect((await errorOf(parseConf('entries: {description: "gsm"}', 'f.conf'))).message).toMatch(/'entries' is an object/);
  });

  it('treats null optional fields as absent, like dacite', async () => {
    expect(await parseConf('entries: [ {description: "gsm", priority: null, groups: null} ]', 'g.conf')).toEqual([
      { description: 'gsm' },
    ]);
  });
});

describe('findStructuralProblem', () => {
  it('ignores brackets inside strings, triple-quoted strings and comments', () => {
    expect(findStructuralProblem('a: "x]}"\nb: """ { """ # ]\n// }\nc: [1]')).toBeUndefined();
  });
});

describe('collectRunEntries', () => {
  it('puts conf entries first, then -r, then --run-specs, the latter with priority 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conf-'));
    const path = join(dir, 'x.conf');
    writeFileSync(path, 'entries: [ {description: "gsm:model=simple/model1", priority: 3, groups: ["g"]} ]');
    expect(await collectRunEntries({ confPaths: [path], runEntries: ['a'], runSpecs: ['b'] })).toEqual([
      { description: 'gsm:model=simple/model1', priority: 3, groups: ['g'] },
      { description: 'a', priority: 1 },
      { description: 'b', priority: 1 },
    ]);
  });
});
