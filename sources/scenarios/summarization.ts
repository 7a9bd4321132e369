/**
 * @module HELM's SummarizationScenario (`scenarios/summarization_scenario.py`): XSum, its sampled subset, and
 * CNN/DailyMail, each a Python pickle of `{"train": [...], "validation": [...], "test": [...]}` whose examples are
 * dicts with the article and summary (`document`/`summary`, or `article`/`highlights` for CNN/DM). Every article
 * and summary loses its newlines and runs of whitespace; the article keeps its first `doc_max_length` words, and
 * train articles outside [sampling_min_length, sampling_max_length] words (and, for XSum, the examples HELM's
 * `_xsum_filter` rejects) are dropped.
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { pySliceBounds } from '../../core/python-slice.ts';
import { pySplit } from '../../core/python-text.ts';
import { ensureDownloaded } from '../download.ts';
import { readPickleFile } from '../python-pickle-file.ts';
import { isPyDict, PyTuple, pyTypeName, type PyValue } from '../python-pickle-values.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const BASE_URL = 'https://storage.googleapis.com/crfm-helm-public/source_datasets/scenarios/summarization_scenario';

/** HELM's datasets: the pickle's name (`data/<tag>.pk`) and the keys of an example's article and summary. */
const DATASETS = {
  xsum: { tag: 'xsum', articleKey: 'document', summaryKey: 'summary' },
  'xsum-sampled': { tag: 'xsum-sampled', articleKey: 'document', summaryKey: 'summary' },
  'cnn-dm': { tag: 'cnndm', articleKey: 'article', summaryKey: 'highlights' },
} as const;
type DatasetName = keyof typeof DATASETS;

/** The pickle's split keys in the order HELM reads them, with HELM's split names. */
const SPLITS: readonly { readonly key: string; readonly split: Split }[] = [
  { key: 'train', split: 'train' },
  { key: 'validation', split: 'valid' },
  { key: 'test', split: 'test' },
];

interface SummarizationArgs {
  readonly dataset: DatasetName;
  readonly samplingMinLength: number | null;
  readonly samplingMaxLength: number | null;
  readonly docMaxLength: number | null;
}

/** HELM `_clean_and_truncate`: newlines become spaces, then the first `maxLength` whitespace-separated words (all for None). */
export function cleanAndTruncate(text: string, maxLength: number | null = null): string {
  const words = pySplit(text.replaceAll('\n', ' '));
  const [from, to] = pySliceBounds(words.length, 0, maxLength ?? words.length);
  return words.slice(from, to).join(' ');
}

/** HELM `_xsum_filter`: true for a train example to drop (media notices, short summaries, summaries > 20% of the article). */
export function xsumFilter(article: string, summary: string): boolean {
  const articleLength = pySplit(article).length;
  const summaryLength = pySplit(summary).length;
  if (article.includes('Media playback is unsupported on your device')) return true;
  if (article.includes('Last updated at')) return true;
  if (summaryLength <= 10) return true;
  if (articleLength === 0) throw new UserError('An XSum train article is empty after cleaning: HELM divides by its length here (ZeroDivisionError).');
  return summaryLength / articleLength > 0.2;
}

/** One example of the pickle as an instance, or undefined when HELM drops it. */
function toInstance(example: PyValue, split: Split, args: SummarizationArgs, where: string): RawInstance | undefined {
  const { articleKey, summaryKey } = DATASETS[args.dataset];
  const field = (key: string): string => {
    const value = isPyDict(example) ? example.get(key) : undefined;
    if (typeof value !== 'string') {
      const got = isPyDict(example) ? (value === undefined ? 'no such key' : `a ${pyTypeName(value)}`) : `the example is a ${pyTypeName(example)}`;
      throw new UserError(`${where}: a ${split} example needs a str under '${key}' (${got}).`);
    }
    return value;
  };
  const article = cleanAndTruncate(field(articleKey), args.docMaxLength);
  const summary = cleanAndTruncate(field(summaryKey));
  if (split === 'train') {
    const length = pySplit(article).length;
    // Python truthiness: a bound of 0 (or None) filters nothing.
    if (args.samplingMaxLength && length > args.samplingMaxLength) return undefined;
    if (args.samplingMinLength && length < args.samplingMinLength) return undefined;
    if (args.dataset === 'xsum' && xsumFilter(article, summary)) return undefined;
  }
  return { input: { text: article }, references: [reference(summary, true)], split };
}

/** The examples of a split held in the pickle's value (a list or tuple), or a UserError naming what is there. */
function examplesIn(value: PyValue, key: string, where: string): readonly PyValue[] {
  const examples = isPyDict(value) ? value.get(key) : undefined;
  if (Array.isArray(examples)) return examples;
  if (examples instanceof PyTuple) return examples.items;
  const got = examples === undefined ? `no '${key}' key (HELM fails with KeyError)` : `a ${pyTypeName(examples)} under '${key}'`;
  throw new UserError(`${where}: HELM's summarization pickle holds a dict of split name → list of examples; this one has ${got}.`);
}

/**
 * The examples in HELM's split order (train, validation, test), streamed from the pickle. A file in that order
 * (as HELM's are written) streams one example at a time; examples of a split that comes early are held until
 * their turn, and so are those that follow a split with no streamed example (an empty list).
 */
async function* readSummarization(cacheDir: string, args: SummarizationArgs, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const { tag } = DATASETS[args.dataset];
  const path = join(cacheDir, 'data', `${tag}.pk`);
  await ensureDownloaded({ url: `${BASE_URL}/${tag}.pk`, targetPath: path }, downloadOptionsOf(context));
  const held = new Map<number, PyValue[]>();
  const seen = new Set<number>();
  let current = 0;
  const convert = function* (index: number, examples: Iterable<PyValue>): Generator<RawInstance> {
    for (const example of examples) {
      const instance = toInstance(example, SPLITS[index]!.split, args, path);
      if (instance !== undefined) yield instance;
    }
  };
  for await (const event of readPickleFile(path)) {
    if (event.kind === 'end') {
      for (let index = current; index < SPLITS.length; index++) {
        yield* convert(index, held.get(index) ?? []);
        yield* convert(index, examplesIn(event.value, SPLITS[index]!.key, path));
      }
      if (!isPyDict(event.value)) examplesIn(event.value, 'train', path);
      return;
    }
    const index = SPLITS.findIndex((s) => s.key === event.key);
    if (index < 0) continue; // HELM reads only these three keys
    seen.add(index);
    if (index > current && [...Array(index - current).keys()].every((k) => seen.has(current + k))) {
      // The splits before this one ended (a pickle writes each list whole): hand out what was held for them.
      for (let skipped = current + 1; skipped <= index; skipped++) yield* convert(skipped, held.get(skipped) ?? []);
      for (let skipped = current + 1; skipped <= index; skipped++) held.delete(skipped);
      current = index;
    }
    if (index === current) yield* convert(index, [event.item]);
    else held.set(index, [...(held.get(index) ?? []), event.item]);
  }
}

const optionalInt = (args: Readonly<Record<string, unknown>>, name: string): number | null => {
  const value = args[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new UserError(`Scenario summarization: ${name} must be an int or None (got ${JSON.stringify(value)}).`);
  return value;
};

/**
 * HELM's summarization scenario for `dataset_name` xsum, xsum-sampled or cnn-dm.
 * @example summarizationSource.instances({ dataset_name: 'xsum', sampling_min_length: 50, sampling_max_length: 150, doc_max_length: 512 }, 'benchmark_output/scenarios/summarization')
 */
export const summarizationSource = defineScenario({
  className: 'helm.benchmark.scenarios.summarization_scenario.SummarizationScenario',
  metadata: scenarioMetadata('summarization_scenario', 'summarization', 'Scenario for summarization tasks', ['summarization']),
  params: { required: ['dataset_name'], optional: ['sampling_min_length', 'sampling_max_length', 'doc_max_length'] },
  read(args, cacheDir, context) {
    const name = args['dataset_name'];
    if (typeof name !== 'string' || !Object.hasOwn(DATASETS, name)) {
      throw new UserError(`Unknown dataset_name: ${String(name)} (HELM's summarization scenario reads ${Object.keys(DATASETS).join(', ')}).`);
    }
    const checked: SummarizationArgs = {
      dataset: name as DatasetName,
      samplingMinLength: optionalInt(args, 'sampling_min_length'),
      samplingMaxLength: optionalInt(args, 'sampling_max_length'),
      docMaxLength: optionalInt(args, 'doc_max_length'),
    };
    return () => readSummarization(cacheDir, checked, context);
  },
});
