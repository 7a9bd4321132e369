/**
 * @module HELM's ThePileScenario (`scenarios/the_pile_scenario.py`): the documents of one Pile subset, for
 * language modeling. The test file (`test.jsonl.zst`, JSON lines `{"text", "meta": {"pile_set_name"}}`) is
 * decompressed to `<cache>/data`, split once into one `<cache>/<subset>.csv` per subset (Python's csv.writer
 * format, as HELM caches them), and the subset's file is read back with Python's csv reader rules (universal
 * newlines: a document's `\r\n` and lone `\r` come back as `\n`, as in HELM). Most subsets then keep only the
 * documents of EleutherAI's `test_subsample_indices/<short name>/group0.json`.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { access, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { readCsvRows } from '../csv.ts';
import { pythonCsvRow } from '../csv-write.ts';
import { ensureDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, logOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const DATA_URL = 'https://the-eye.eu/public/AI/pile/test.jsonl.zst';
const INDICES_URL = 'https://raw.githubusercontent.com/EleutherAI/lm_perplexity/main/assets/test_subsample_indices';

/** Each subset's short name in lm_perplexity's subsample indices (HELM `DATASET_NAMES_DICT`). */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  Github: 'github',
  ArXiv: 'arxiv',
  'Wikipedia (en)': 'wikipedia',
  OpenSubtitles: 'opensubtitles',
  OpenWebText2: 'openwebtext2',
  'Gutenberg (PG-19)': 'gutenberg',
  'DM Mathematics': 'dm-mathematics',
  'Enron Emails': 'enron',
  Books3: 'bibliotik',
  'PubMed Abstracts': 'pubmed-abstracts',
  YoutubeSubtitles: 'youtubesubtitles',
  HackerNews: 'hackernews',
  'Pile-CC': 'commoncrawl',
  EuroParl: 'europarl',
  'USPTO Backgrounds': 'uspto',
  FreeLaw: 'freelaw',
  'NIH ExPorter': 'nih-exporter',
  StackExchange: 'stackexchange',
  'PubMed Central': 'pubmed-central',
  'Ubuntu IRC': 'ubuntu-irc',
  BookCorpus2: 'bookcorpus',
  PhilPapers: 'philpapers',
};
const SUBSETS = Object.keys(SHORT_NAMES);
/** Subsets too small to be split ten ways: every document is used. */
const WITHOUT_SUBSAMPLE = new Set(['ubuntu-irc', 'bookcorpus', 'philpapers']);

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** Writes `text` to `stream`, waiting while its buffer is full (so the split never holds more than a chunk). */
async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * HELM `load_and_cache_all_subsets`: every subset's documents, one per row, to `<cacheDir>/<subset>.csv`, streamed
 * from the JSONL; every file is written under a temporary name and renamed once all are complete.
 */
async function splitIntoSubsets(dataPath: string, cacheDir: string, log: (message: string) => void): Promise<void> {
  log(`the_pile: splitting ${dataPath} into one CSV file per subset in ${cacheDir}`);
  const suffix = `.tmp-${process.pid}`;
  const streams = new Map(SUBSETS.map((subset) => [subset, createWriteStream(join(cacheDir, subset + '.csv' + suffix))]));
  try {
    for await (const { record, where } of readJsonLines(dataPath)) {
      const meta = record['meta'];
      const subset = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)['pile_set_name'] : undefined;
      const stream = typeof subset === 'string' ? streams.get(subset) : undefined;
      if (stream === undefined) {
        throw new UserError(`${where}: meta.pile_set_name must be one of the Pile's subsets (${SUBSETS.join(', ')}), got ${JSON.stringify(subset)}.`);
      }
      const text = record['text'];
      if (typeof text !== 'string') throw new UserError(`${where}: expected a string field 'text' (The Pile's {"text", "meta"}).`);
      await write(stream, pythonCsvRow([text]));
    }
    await Promise.all([...streams.values()].map((stream) => new Promise((resolve, reject) => stream.end(resolve).once('error', reject))));
    for (const subset of SUBSETS) await rename(join(cacheDir, subset + '.csv' + suffix), join(cacheDir, subset + '.csv'));
  } finally {
    for (const [subset, stream] of streams) {
      stream.destroy();
      await rm(join(cacheDir, subset + '.csv' + suffix), { force: true });
    }
  }
}

/** HELM `sorted(set(indices))` of a subset's group0.json; a file that is not a list of integers is a UserError. */
async function subsampleIndices(path: string): Promise<readonly number[]> {
  const json = JSON.parse(await readFile(path, 'utf8')) as unknown;
  if (!Array.isArray(json) || !json.every((i) => Number.isSafeInteger(i) && i >= 0)) {
    throw new UserError(`${path}: expected a JSON list of document indices (lm_perplexity's group0.json).`);
  }
  return [...new Set(json as number[])].sort((a, b) => a - b);
}

async function* readThePile(subset: string, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  await ensureDownloaded({ url: DATA_URL, targetPath: dataPath, unpack: 'zstd' }, downloadOptionsOf(context));
  const subsetPath = join(cacheDir, subset + '.csv');
  if (!(await exists(subsetPath))) await splitIntoSubsets(dataPath, cacheDir, logOf(context));

  const shortName = SHORT_NAMES[subset]!;
  let kept: readonly number[] | undefined;
  if (!WITHOUT_SUBSAMPLE.has(shortName)) {
    // HELM fetches this list on every run and caches nothing; we keep it beside the subset files.
    const indicesPath = join(cacheDir, 'test_subsample_indices', shortName, 'group0.json');
    await ensureDownloaded({ url: `${INDICES_URL}/${shortName}/group0.json`, targetPath: indicesPath }, downloadOptionsOf(context));
    kept = await subsampleIndices(indicesPath);
  }
  let index = 0;
  let next = 0; // position in `kept` of the next index to yield
  for await (const { fields, line } of readCsvRows(subsetPath)) {
    if (kept === undefined || kept[next] === index) {
      if (fields.length === 0) throw new UserError(`${subsetPath}:${line}: a blank line (HELM fails on row[0] here); remove the file to split the data again.`);
      yield { input: { text: fields[0]! }, references: [], split: 'test' };
      next++;
    }
    index++;
  }
  if (kept !== undefined && next < kept.length) {
    throw new UserError(`${subsetPath} has ${index} documents, but the subsample indices name document ${kept[next]} (HELM fails with IndexError).`);
  }
}

/**
 * The Pile: one subset (`subset=…`, one of the 22 names HELM lists), test split, no references.
 * @example for await (const instance of thePileSource.instances({ subset: 'Ubuntu IRC' }, 'benchmark_output/scenarios/the_pile')) …
 */
export const thePileSource = defineScenario({
  className: 'helm.benchmark.scenarios.the_pile_scenario.ThePileScenario',
  metadata: scenarioMetadata('the_pile_scenario', 'the_pile', 'The Pile', ['language_modeling']),
  params: { required: ['subset'], optional: [] },
  read(args, cacheDir, context) {
    const subset = args['subset'];
    if (typeof subset !== 'string' || !Object.hasOwn(SHORT_NAMES, subset)) {
      throw new UserError(`the_pile: subset=${JSON.stringify(subset)} is not a subset of The Pile. Subsets: ${SUBSETS.join(', ')}.`);
    }
    return () => readThePile(subset, cacheDir, context);
  },
});
