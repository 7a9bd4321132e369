/**
 * @module The data HELM's SynonymPerturbation reads, fetched into its cache layout under
 * `<output_path>/perturbations/synonym/`: HELM's `wordnet_synonyms.json` ("base:pos" → synonyms) and NLTK's
 * WordNet 3.0 package (`corpora/wordnet.zip`, as `nltk.download("wordnet", download_dir=…)` leaves it), of which
 * the lemma index and exception lists are read for `_morphy`. Operators import no sources but this one
 * downloader, as `perturbation-resources.ts` does.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../../../core/errors.ts';
import type { EnsureFiles, RemoteFile } from '../../../core/remote-file.ts';
import { parseWordNetLexicon, WORDNET_FILES, type WordNetFiles, type WordNetLexicon } from './wordnet-morphy.ts';

/** HELM `SynonymPerturbation.SOURCE_URI`; not versioned, and no checksum is published (HELM checks none). */
export const WORDNET_SYNONYMS_URL =
  'https://storage.googleapis.com/crfm-helm-public/source_datasets/augmentations/synonym_perturbation/wordnet_synonyms.json';

/** NLTK's `wordnet` package (WordNet 3.0) as its downloader index lists it: URL, size and MD5 (the index has no SHA-256). */
export const NLTK_WORDNET = {
  url: 'https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/corpora/wordnet.zip',
  bytes: 10_775_600,
  md5: 'b3f38606f626e54c6f060548546f71f0',
} as const;

/** What SynonymPerturbation looks words up in. */
export interface WordnetResources {
  /** WordNet's lemma index and exception lists, for `morphy`. */
  readonly lexicon: WordNetLexicon;
  /** `wordnet_synonyms.json`: `"<base>:<pos>"` → synonyms (multi-word ones with spaces), in the file's order. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
}

/** Where HELM keeps the synonym perturbation's files for an output path (`get_benchmark_output_path()`). */
export const synonymCacheDir = (outputPath: string): string => join(outputPath, 'perturbations', 'synonym');

const md5Of = async (path: string): Promise<string> => createHash('md5').update(await readFile(path)).digest('hex');

/** Checks a downloaded `wordnet.zip` against NLTK's MD5; a mismatch removes it and is a UserError saying what to do. */
export async function verifyWordnetZip(zipPath: string): Promise<void> {
  const md5 = await md5Of(zipPath);
  if (md5 === NLTK_WORDNET.md5) return;
  await rm(zipPath, { force: true });
  throw new UserError(
    `${NLTK_WORDNET.url} downloaded with MD5 ${md5}, not NLTK's ${NLTK_WORDNET.md5} (${NLTK_WORDNET.bytes} bytes): ` +
      `removed. Fetch it again, or place NLTK's WordNet 3.0 package at ${zipPath}.`,
  );
}

/** The eight WordNet files, from an unpacked `corpora/wordnet/` when there is one, else from `corpora/wordnet.zip`. */
async function readWordNetFiles(corpora: string): Promise<WordNetFiles> {
  const dir = join(corpora, 'wordnet');
  const zip = join(corpora, 'wordnet.zip');
  const unzip = promisify(execFile);
  const read = (name: string): Promise<string> =>
    existsSync(dir)
      ? readFile(join(dir, name), 'utf8')
      : unzip('unzip', ['-p', zip, `wordnet/${name}`], { maxBuffer: 64 << 20, encoding: 'utf8' }).then((r) => r.stdout);
  try {
    const texts = await Promise.all(WORDNET_FILES.map(read));
    return Object.fromEntries(WORDNET_FILES.map((name, i) => [name, texts[i]!])) as WordNetFiles;
  } catch (cause) {
    const from = existsSync(dir) ? dir : zip;
    throw new UserError(`Cannot read WordNet's ${WORDNET_FILES.join(', ')} from ${from}: ${(cause as Error).message.trim()}.`, { cause });
  }
}

/** `wordnet_synonyms.json` (HELM reads it with `json.load` as `Dict[str, List[str]]`). */
export function parseWordnetSynonyms(text: string, path: string): Map<string, readonly string[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new UserError(`${path} is not valid JSON (${(cause as Error).message}); delete it to download it again.`, { cause });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UserError(`${path} must be a JSON object of "word:pos" → list of synonyms.`);
  const out = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(json)) {
    if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
      throw new UserError(`${path}: the synonyms of ${JSON.stringify(key)} must be a list of strings.`);
    }
    out.set(key, value as string[]);
  }
  return out;
}

/**
 * Downloads what is missing (HELM's `wordnet_synonyms.json`, NLTK's `wordnet.zip`; an unpacked `corpora/wordnet/`
 * also counts, as it does for HELM), checks a freshly downloaded `wordnet.zip` against NLTK's MD5, and reads both.
 * Files already in place are used as they are. Offline, one UserError names each URL and where to put the file.
 * Reading takes about a second and ~100 MB: load once per run.
 * @example const resources = await loadWordnetResources('benchmark_output'); synonym({ prob: pyFloat(0.5), resources })
 */
export async function loadWordnetResources(outputPath: string, ensureFiles: EnsureFiles): Promise<WordnetResources> {
  const dir = synonymCacheDir(outputPath);
  const synonymsPath = join(dir, 'wordnet_synonyms.json');
  const corpora = join(dir, 'corpora');
  const zipPath = join(corpora, 'wordnet.zip');
  const fetchZip = !existsSync(join(corpora, 'wordnet')) && !existsSync(zipPath);
  const specs: RemoteFile[] = [{ url: WORDNET_SYNONYMS_URL, targetPath: synonymsPath }];
  if (fetchZip) specs.push({ url: NLTK_WORDNET.url, targetPath: zipPath });
  await ensureFiles(specs);
  if (fetchZip) await verifyWordnetZip(zipPath);
  const [synonymsText, files] = await Promise.all([readFile(synonymsPath, 'utf8'), readWordNetFiles(corpora)]);
  return { lexicon: parseWordNetLexicon(files), synonyms: parseWordnetSynonyms(synonymsText, synonymsPath) };
}
