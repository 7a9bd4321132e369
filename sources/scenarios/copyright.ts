/**
 * @module HELM's CopyrightScenario (`scenarios/copyright_scenario.py`): data extraction attacks. One file per
 * datatag, `<cache>/<datatag>.json` = `{"data": {prefix: prefix_to_end, …}, "metadata": …}`; each entry is a test
 * instance whose input is the prefix and whose one (correct) reference is the prefix with the rest of the book or
 * source file. The entries are streamed (a value is a whole remaining book): only the keys are held.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import pick from 'stream-json/filters/pick.js';
import streamObject from 'stream-json/streamers/stream-object.js';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance } from '../../core/instance.ts';
import { ensureDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

/** HELM `datatag2hash_text`: Google Drive ids of the book datasets. */
const TEXT_DATATAGS: Readonly<Record<string, string>> = {
  pilot: '1NwzDx19uzIwBuw7Lq5CSytG7jIth2wJ-',
  'n_books_1000-extractions_per_book_1-prefix_length_5': '16nQD8Nq3ma4K2EZLXHcahG9fcBDxS-zB',
  'n_books_1000-extractions_per_book_1-prefix_length_25': '108sZcMjzY7mvyy1p5Rw62_A8A1I2zM2S',
  'n_books_1000-extractions_per_book_1-prefix_length_125': '10uC4jM6tgI1pgtq--07FFHQ2Te7-SXGA',
  'n_books_1000-extractions_per_book_3-prefix_length_5': '1byrafXv2iULcZArxguJZp2LyFxswX7fN',
  'n_books_1000-extractions_per_book_3-prefix_length_25': '13QOKOd5Fpu5cVu1HRBYxzRcQzwhcPhjD',
  'n_books_1000-extractions_per_book_3-prefix_length_125': '1Y6QvYStCJVanHaI67Pxep3HakWL2cIRP',
  'popular_books-prefix_length_5.json': '11f5aB8IO_iseVdolvW_D3aZ9xeiLCAuv',
  'popular_books-prefix_length_10.json': '1oG9dMz1WiJZiuoXqw4ahFf1HmKWQtwJh',
  'popular_books-prefix_length_25.json': '1dN208HdBD6koaOHQlSDPkOnBrY3-9AfE',
  'popular_books-prefix_length_50.json': '1W_8C6QnISfFkc0tZtKdXKNhoTfgSCrbP',
  'popular_books-prefix_length_125.json': '1RT29rRKNNXKgZBhXNbqevLwR440g44it',
  'popular_books-prefix_length_250.json': '1KcQ3EJGAZO6fSqYXRH5eK122h1hUKZTp',
  oh_the_places: '1KXqhO14HmCGQ67tuu2ECGbTGloTkBvzt',
};

/** HELM `datatag2hash_code`: Google Drive ids of the Linux kernel source datasets. */
export const CODE_DATATAGS: Readonly<Record<string, string>> = {
  'prompt_num_line_1-min_lines_20.json': '1OLFyW5u7govgIw3ztsZ_5yYV0YpGzi-3',
  'prompt_num_line_5-min_lines_20.json': '1YbDvyAv9hT0BaZ5LV6Y-Y8tGezrBnBAT',
  'prompt_num_line_10-min_lines_20.json': '1Y5piYwil7T6n8toT_-d7NWqVZHh9NVxJ',
};

const DATATAGS: Readonly<Record<string, string>> = { ...TEXT_DATATAGS, ...CODE_DATATAGS };

const FORMAT = 'a JSON object {"data": {prefix: prefix_to_end, …}, "metadata": …}';

interface Entry {
  readonly key: string;
  readonly value: unknown;
}

/** The entries of the top-level `"data"` object of `path`, in file order, duplicates included. */
async function* dataEntries(path: string): AsyncGenerator<Entry> {
  const entries = pipeline(createReadStream(path), pick.withParserAsStream({ filter: 'data' }), streamObject.asStream(), () => undefined);
  try {
    for await (const entry of entries as AsyncIterable<Entry>) yield entry;
  } catch (cause) {
    throw new UserError(`${path}: cannot read it as JSON (${(cause as Error).message}); it should hold ${FORMAT}.`, { cause });
  } finally {
    entries.destroy();
  }
}

/** The value of the entry at `position` (a later duplicate of a key: Python's dict keeps its value). */
async function valueAt(path: string, position: number): Promise<unknown> {
  let index = 0;
  for await (const { value } of dataEntries(path)) if (index++ === position) return value;
  throw new Error(`${path} changed while it was read`);
}

/**
 * HELM `json.load(f)["data"].items()` without holding the values: a first pass finds, for each key, where it
 * first and last appears (Python's dict keeps the first position and the last value); the second yields.
 */
async function* readCopyright(datatag: string, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = join(cacheDir, `${datatag}.json`);
  await ensureDownloaded({ url: `https://drive.google.com/uc?id=${DATATAGS[datatag]}`, targetPath: path }, downloadOptionsOf(context));
  if (!existsSync(path)) throw new UserError(`${path} does not exist; it should hold ${FORMAT}.`);
  const positions = new Map<string, { first: number; last: number }>();
  let count = 0;
  for await (const { key } of dataEntries(path)) {
    const seen = positions.get(key);
    if (seen === undefined) positions.set(key, { first: count, last: count });
    else seen.last = count;
    count++;
  }
  if (count === 0 && !(await hasDataObject(path))) throw new UserError(`${path}: no "data" object; it should hold ${FORMAT}.`);
  let index = 0;
  for await (const { key, value } of dataEntries(path)) {
    const { first, last } = positions.get(key)!;
    const position = index++;
    if (first !== position) continue;
    const text = last === position ? value : await valueAt(path, last);
    if (typeof text !== 'string') throw new UserError(`${path}: data[${JSON.stringify(key)}] must be a string (the prefix and the rest of the text).`);
    yield { input: { text: key }, references: [reference(text, true)], split: 'test' };
  }
}

/** Whether the file has a top-level "data" object at all (an empty one gives no instances, as in HELM). */
async function hasDataObject(path: string): Promise<boolean> {
  const tokens = pipeline(createReadStream(path), pick.withParserAsStream({ filter: 'data' }), () => undefined);
  try {
    for await (const token of tokens as AsyncIterable<{ name: string }>) return token.name === 'startObject';
    return false;
  } finally {
    tokens.destroy();
  }
}

/** Whether `datatag` names one of the code datasets (HELM's group is then `copyright_code`). */
export const isCodeDatatag = (datatag: unknown): boolean => typeof datatag === 'string' && Object.hasOwn(CODE_DATATAGS, datatag);

/**
 * Copyright: `datatag=…` (default `pilot`), test instances only.
 * @example for await (const instance of copyrightSource.instances({ datatag: 'pilot' }, 'benchmark_output/scenarios/copyright')) …
 */
export const copyrightSource = defineScenario({
  className: 'helm.benchmark.scenarios.copyright_scenario.CopyrightScenario',
  metadata: scenarioMetadata(
    'copyright_scenario',
    'copyright',
    'Data extraction attacks based on the original BookCorpus, curated popular books, and GPL source code.',
    ['harms', 'copyright'],
  ),
  params: { required: [], optional: ['datatag'] },
  read(args, cacheDir, context) {
    const datatag = args['datatag'] ?? 'pilot';
    if (typeof datatag !== 'string' || !Object.hasOwn(DATATAGS, datatag)) {
      throw new UserError(`copyright: datatag=${JSON.stringify(datatag)} is not a dataset of HELM's (HELM fails with KeyError). Datatags: ${Object.keys(DATATAGS).join(', ')}.`);
    }
    return () => readCopyright(datatag, cacheDir, context);
  },
});
