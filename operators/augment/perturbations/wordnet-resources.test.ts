import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.ts';
import { offlineEnsureFiles } from '../../../sources/__fixtures__/offline-lookup.ts';
import { loadWordnetResources, parseWordnetSynonyms, verifyWordnetZip } from './wordnet-resources.ts';

const fixtureOutput = fileURLToPath(new URL('../__fixtures__/synonym/output', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'wordnet-resources-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const offline = offlineEnsureFiles;

describe('loadWordnetResources', () => {
  it("reads HELM's cache layout: wordnet_synonyms.json and NLTK's corpora/wordnet.zip", async () => {
    const { lexicon, synonyms } = await loadWordnetResources(fixtureOutput, offline);
    expect(synonyms.get('movie:n')).toEqual([
      'movie', 'film', 'picture', 'moving picture', 'moving-picture show', 'motion picture', 'motion-picture show', 'picture show', 'pic', 'flick',
    ]);
    expect([lexicon.lemmas.get('movie'), lexicon.exceptions.v.get('went')]).toEqual([new Set(['n']), ['go']]);
  });

  it('reads an unpacked corpora/wordnet/ as NLTK does, without downloading the zip', async () => {
    const dir = join(work, 'unpacked');
    cpSync(fixtureOutput, dir, { recursive: true });
    const corpora = join(dir, 'perturbations', 'synonym', 'corpora');
    await promisify(execFile)('unzip', ['-q', join(corpora, 'wordnet.zip'), '-d', corpora]);
    rmSync(join(corpora, 'wordnet.zip'));
    const fromDir = await loadWordnetResources(dir, offline);
    const fromZip = await loadWordnetResources(fixtureOutput, offline);
    expect(fromDir.lexicon).toEqual(fromZip.lexicon);
  });

  it('names both files, their URLs and where to put them, when offline', async () => {
    const dir = join(work, 'offline');
    const error = await loadWordnetResources(dir, offline).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Could not download 2 of the 2 dataset files needed:\n/);
    expect(message).toContain(
      '  - https://storage.googleapis.com/crfm-helm-public/source_datasets/augmentations/synonym_perturbation/wordnet_synonyms.json: ' +
        'getaddrinfo ENOTFOUND storage.googleapis.com',
    );
    expect(message).toContain(`place it at ${join(dir, 'perturbations', 'synonym', 'wordnet_synonyms.json')}.`);
    expect(message).toContain('  - https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/corpora/wordnet.zip: ');
    expect(message).toContain(`place it at ${join(dir, 'perturbations', 'synonym', 'corpora', 'wordnet.zip')}.`);
  });

  it('says which WordNet file it could not read', async () => {
    const dir = join(work, 'corrupt');
    cpSync(fixtureOutput, dir, { recursive: true });
    const zip = join(dir, 'perturbations', 'synonym', 'corpora', 'wordnet.zip');
    writeFileSync(zip, 'not a zip');
    await expect(loadWordnetResources(dir, offline)).rejects.toThrow(`Cannot read WordNet's index.noun, index.verb, index.adj, index.adv, noun.exc, verb.exc, adj.exc, adv.exc from ${zip}`);
  });
});

describe('verifyWordnetZip', () => {
  it("removes a download whose MD5 is not NLTK's, and says what to do", async () => {
    const zip = join(work, 'wordnet.zip');
    writeFileSync(zip, 'truncated');
    await expect(verifyWordnetZip(zip)).rejects.toThrow(
      "https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/corpora/wordnet.zip downloaded with MD5 " +
        `ac273a9aa2a7a6e63ef477fa7f6d1980, not NLTK's b3f38606f626e54c6f060548546f71f0 (10775600 bytes): removed. Fetch it again, or place NLTK's WordNet 3.0 package at ${zip}.`,
    );
    expect(existsSync(zip)).toBe(false);
  });
});

describe('parseWordnetSynonyms', () => {
  it('keeps the file order of keys and lists, and refuses other shapes', () => {
    expect([...parseWordnetSynonyms('{"b:n": ["x y", "z"], "a:v": []}', 'f')]).toEqual([['b:n', ['x y', 'z']], ['a:v', []]]);
    expect(() => parseWordnetSynonyms('{"a:n": "x"}', 'f')).toThrow('f: the synonyms of "a:n" must be a list of strings.');
    expect(() => parseWordnetSynonyms('[1]', 'f')).toThrow('f must be a JSON object');
    expect(() => parseWordnetSynonyms('{', 'f')).toThrow(/^f is not valid JSON .*; delete it to download it again\.$/);
  });
});
