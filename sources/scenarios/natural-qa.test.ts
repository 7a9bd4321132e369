import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import type { SourceContext } from '../scenario-source.ts';
import { NATURAL_QA_MODES, naturalQaSource } from './natural-qa.ts';

/**
 * Five NQ dev shards of our own in Google's format (22 records: multi-byte text before the spans, &nbsp; and
 * &#160; and raw U+00A0, entities without ";", a token holding a space, answers repeated across annotations,
 * annotations without a long answer, records with no short answer); `helm-instances-<mode>.json` is what HELM
 * 0.5.16's NaturalQAScenario gave on them (`__fixtures__/make-helm-instances.py`), `helm-cache/` the
 * `-instances.jsonl` files it wrote beside the shards.
 */
const fixtures = new URL('__fixtures__/natural_qa/', import.meta.url);
const helmInstances = (mode: string): unknown[] =>
  (JSON.parse(readFileSync(new URL(`helm-instances-${mode}.json`, fixtures), 'utf8')) as { instances: unknown[] }).instances;
const work = mkdtempSync(join(tmpdir(), 'natural-qa-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh copy of the shards (reading writes caches beside them). */
function freshCopy(name: string): string {
  const dir = join(work, name);
  cpSync(new URL('data', fixtures), join(dir, 'data'), { recursive: true });
  return dir;
}

async function read(args: Record<string, unknown>, cacheDir: string, context?: SourceContext): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of naturalQaSource.instances(args, cacheDir, context)) out.push(instance);
  return out;
}

describe('naturalQaSource', () => {
  it.each(NATURAL_QA_MODES)("gives HELM's instances in mode %s", async (mode) => {
    const instances = await read({ mode }, freshCopy(mode));
    expect(instances.map(instanceJson)).toEqual(helmInstances(mode));
    expect(instances.filter((i) => i.split === 'valid')).toHaveLength(9);
    expect(instances.every((i) => (mode === 'closedbook' ? i.input.kind === undefined : i.input.kind === 'passage_question'))).toBe(true);
  });

  it("writes HELM's -instances.jsonl caches byte for byte, and reads them instead of the shards afterwards", async () => {
    const dir = freshCopy('cache');
    const first = await read({ mode: 'openbook_longans' }, dir);
    const helmCache = new URL('helm-cache/', fixtures);
    for (const file of readdirSync(helmCache)) {
      expect(readFileSync(join(dir, 'data', file), 'utf8')).toBe(readFileSync(new URL(file, helmCache), 'utf8'));
    }
    expect(readdirSync(join(dir, 'data')).filter((f) => f.endsWith('.part'))).toEqual([]);
    const cache = join(dir, 'data', 'nq-dev-00.jsonl.gz-instances.jsonl');
    writeFileSync(cache, readFileSync(cache, 'utf8').replace('who designed the eiffel tower', 'who built the eiffel tower'));
    const again = await read({ mode: 'openbook_longans' }, dir);
    expect(again[0]!.input.text.endsWith('\n\nQuestion: Who built the eiffel tower?')).toBe(true);
    expect(again.slice(1)).toEqual(first.slice(1));
  });

  it('leaves no cache behind when reading stops early', async () => {
    const dir = freshCopy('early');
    for await (const instance of naturalQaSource.instances({ mode: 'closedbook' }, dir)) {
      expect(instance.split).toBe('train');
      break;
    }
    expect(readdirSync(join(dir, 'data')).filter((f) => !f.endsWith('.jsonl.gz'))).toEqual([]);
  });

  it('checks the mode before reading anything', () => {
    expect(() => naturalQaSource.instances({ mode: 'openbook' }, work)).toThrow(
      new UserError('natural_qa: mode=openbook is not one of openbook_wiki, openbook_longans, closedbook.'),
    );
    expect(() => naturalQaSource.instances({}, work)).toThrow(UserError);
  });

  it('names all five shards, with their URLs and paths, when offline', async () => {
    const dir = join(work, 'offline');
    const context: SourceContext = { log: () => undefined, download: { retries: 0, lookup: offlineLookup } };
    const error = await read({ mode: 'closedbook' }, dir, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toContain('Could not download 5 of the 5 dataset files needed:');
    for (const i of [0, 1, 2, 3, 4]) {
      expect(message).toContain(`  - https://storage.googleapis.com/natural_questions/v1.0/dev/nq-dev-0${i}.jsonl.gz: `);
      expect(message).toContain(`place it at ${join(dir, 'data', `nq-dev-0${i}.jsonl.gz`)}.`);
    }
  });

  it('fails on a span that cuts a UTF-8 character, as HELM does', async () => {
    const dir = freshCopy('bad-span');
    const html = '<P>東京</P>';
    const record = {
      document_title: 'T',
      document_html: html,
      document_tokens: [{ token: '東京', start_byte: 3, end_byte: 9, html_token: false }],
      question_text: 'q',
      annotations: [{ long_answer: { start_byte: 0, end_byte: 13 }, short_answers: [{ start_byte: 3, end_byte: 5 }] }],
    };
    writeFileSync(join(dir, 'data', 'nq-dev-02.jsonl.gz'), gzipSync(`${JSON.stringify(record)}\n`));
    const error = await read({ mode: 'closedbook' }, dir).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `${join(dir, 'data', 'nq-dev-02.jsonl.gz')}:1: short_answer: bytes 3..5 of document_html are not whole UTF-8 characters (HELM fails to decode them too).`,
    );
  });
});
