/**
 * The commands package.json installs (`bin`): each file starts with a node shebang and is executable, so `npx helm-run`
 * (npm exec runs the project's own bins) and a global install both work; `helm-present`, the older name HELM's tutorial
 * still uses, is helm-run; the lockfile's copy of the list agrees, so `npm ci` sets up the same commands.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
const bins = readJson('package.json')['bin'] as Record<string, string>;

describe('package.json bin', () => {
  it('has helm-run, its tutorial alias helm-present, helm-summarize and helm-sql', () => {
    expect(bins).toMatchObject({
      'helm-run': 'pipelines/run.js',
      'helm-present': 'pipelines/run.js',
      'helm-summarize': 'pipelines/summarize.js',
      'helm-sql': 'pipelines/sql.js',
    });
  });

  it('lists the same commands in package-lock.json', () => {
    const lock = readJson('package-lock.json') as { packages: Record<string, { bin?: Record<string, string> }> };
    expect(lock.packages['']?.bin).toEqual(bins);
  });

  for (const [name, file] of Object.entries(bins)) {
    it(`${name}: ${file} starts with a node shebang and is executable`, () => {
      expect(readFileSync(join(root, file), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
      expect(statSync(join(root, file)).mode & 0o111).toBe(0o111); // mode bits: root's access() would pass any file
    });
  }
});
