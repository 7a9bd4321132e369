// Each downloading scenario on a machine offline: one error, at once, naming every file it needs with its URL and path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import type { ScenarioSource } from '../scenario-source.ts';
import { boolqSource } from './boolq.ts';
import { gsmSource } from './gsm.ts';
import { mmluSource } from './mmlu.ts';

const work = mkdtempSync(join(tmpdir(), 'offline-downloads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The first instance read offline (retries allowed, none taken), as the error it fails with and the notes logged. */
async function readOffline(source: ScenarioSource, args: Record<string, unknown>, cacheDir: string): Promise<{ error: unknown; notes: string[] }> {
  const notes: string[] = [];
  const log = (m: string): void => {
    notes.push(m);
  };
  try {
    for await (const instance of source.instances(args, cacheDir, { log, download: { retries: 5, lookup: offlineLookup, log } })) {
      return { error: new Error(`read ${JSON.stringify(instance)} offline`), notes };
    }
    return { error: new Error('no error offline'), notes };
  } catch (error) {
    return { error, notes };
  }
}

const noResolve = (host: string): string => `getaddrinfo ENOTFOUND ${host} (the host name does not resolve: no internet access?)`;

describe('scenarios offline', () => {
  it('gsm names both of its files, each with its URL and path', async () => {
    const dir = join(work, 'gsm');
    const { error, notes } = await readOffline(gsmSource, {}, dir);
    const base = 'https://raw.githubusercontent.com/openai/grade-school-math/master/grade_school_math/data/';
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      [
        'Could not download 2 of the 2 dataset files needed:',
        `  - ${base}/train.jsonl: ${noResolve('raw.githubusercontent.com')}.`,
        `    To do it by hand, fetch it elsewhere (no checksum is recorded for it), and place it at ${join(dir, 'gsm_data_train')}.`,
        `  - ${base}/test.jsonl: ${noResolve('raw.githubusercontent.com')}.`,
        `    To do it by hand, fetch it elsewhere (no checksum is recorded for it), and place it at ${join(dir, 'gsm_data_test')}.`,
        'Files already in place are not downloaded again: once these are placed, run the same command again.',
      ].join('\n'),
    );
    expect(notes.filter((n) => n.includes('retrying'))).toEqual([]);
  });

  it('boolq names both of its files', async () => {
    const dir = join(work, 'boolq');
    const { error } = await readOffline(boolqSource, {}, dir);
    const base = 'https://huggingface.co/datasets/stanford-crfm/helm-scenarios/resolve/main/boolq';
    expect((error as Error).message).toContain(`  - ${base}/train.jsonl: ${noResolve('huggingface.co')}.\n`);
    expect((error as Error).message).toContain(`place it at ${join(dir, 'data', 'train')}.\n`);
    expect((error as Error).message).toContain(`  - ${base}/dev.jsonl: ${noResolve('huggingface.co')}.\n`);
    expect((error as Error).message).toContain(`place it at ${join(dir, 'data', 'dev')}.\n`);
  });

  it('mmlu names its one tar, and how to unpack it', async () => {
    const dir = join(work, 'mmlu');
    const { error } = await readOffline(mmluSource, { subject: 'anatomy' }, dir);
    expect((error as Error).message).toBe(
      `Could not download https://people.eecs.berkeley.edu/~hendrycks/data.tar: ${noResolve('people.eecs.berkeley.edu')}. ` +
        `Without internet access, fetch that URL elsewhere (no checksum is recorded for it), unpack it (its single ` +
        `top-level folder becomes 'data'), and place it at ${join(dir, 'data')}.`,
    );
  });
});
