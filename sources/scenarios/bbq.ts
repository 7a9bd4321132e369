/**
 * @module HELM's BBQScenario (`scenarios/bbq_scenario.py`): the Bias Benchmark for QA, one JSONL file per
 * category (`<cacheDir>/data/<Category>`), all lines shuffled together with `random.seed(0)`; the last 1,000 are
 * test, the rest train. Each reference carries the tags BBQMetric reads: polarity, ambiguity and the letters of
 * the label, the stereotyped target, the non-target and the "unknown" answer.
 */
import { existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { closeMatches, UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { ensureAllDownloaded } from '../download.ts';
import { lineSpans, readSpan, type LineSpan } from '../line-spans.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { bbqInstance } from './bbq-instance.ts';

/** HELM's categories for `subject=all`, in its order. */
export const BBQ_CATEGORIES = [
  'Age',
  'Disability_status',
  'Gender_identity',
  'Nationality',
  'Physical_appearance',
  'Race_ethnicity',
  'Race_x_SES',
  'Race_x_gender',
  'Religion',
  'SES',
  'Sexual_orientation',
] as const;

/** HELM `DEFAULT_TEST_SIZE`: the last 1,000 shuffled lines are the test split. */
const TEST_SIZE = 1000;
const urlOf = (category: string): string => `https://raw.githubusercontent.com/nyu-mll/BBQ/main/data/${category}.jsonl`;

/**
 * The categories a subject reads. HELM takes any other subject as a category name and downloads
 * `<subject>.jsonl`; so do we, but one that is not BBQ's and not in place is a UserError naming the categories.
 */
export function bbqCategories(subject: unknown, dataPath: string): readonly string[] {
  if (subject === 'all') return BBQ_CATEGORIES;
  if (typeof subject === 'string' && ((BBQ_CATEGORIES as readonly string[]).includes(subject) || existsSync(join(dataPath, subject)))) return [subject];
  const close = typeof subject === 'string' ? closeMatches(subject, [...BBQ_CATEGORIES]) : [];
  throw new UserError(
    `BBQ has no category ${JSON.stringify(subject)}` +
      (close.length > 0 ? `; did you mean: ${close.join(', ')}?` : '.') +
      ` Subjects: all, ${BBQ_CATEGORIES.join(', ')} (or place <subject>'s JSONL file at ${join(dataPath, '<subject>')}).`,
  );
}

interface ShuffledLine extends LineSpan {
  readonly category: number;
}

/**
 * Reads every category's lines in HELM's order, shuffles them as `random.seed(0); random.shuffle(lines)` does
 * (the permutation depends only on their count), then yields them in shuffled order. Memory: the byte offsets
 * of each line, never the lines themselves; each line is read again from its file when its turn comes.
 */
async function* readBbq(subject: unknown, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  const categories = bbqCategories(subject, dataPath);
  const paths = categories.map((category) => join(dataPath, category));
  await ensureAllDownloaded(
    categories.map((category, i) => ({ url: urlOf(category), targetPath: paths[i]! })),
    downloadOptionsOf(context),
  );
  const lines: ShuffledLine[] = [];
  for (const [category, path] of paths.entries()) {
    for (const span of await lineSpans(path)) lines.push({ ...span, category });
  }
  new PythonRandom(0).shuffle(lines);
  const trainSize = lines.length - TEST_SIZE; // negative with fewer than 1,000 lines: then all are test
  const files: FileHandle[] = [];
  try {
    for (const path of paths) files.push(await open(path, 'r'));
    for (const [index, line] of lines.entries()) {
      const where = `${paths[line.category]}:${line.line}`;
      const text = await readSpan(files[line.category]!, line, where);
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch (error) {
        throw new UserError(`${where}: not valid JSON (${(error as Error).message}).`, { cause: error });
      }
      yield bbqInstance(record, categories[line.category]!, index < trainSize ? 'train' : 'test', where);
    }
  } finally {
    await Promise.all(files.map((file) => file.close()));
  }
}

/**
 * BBQ: `subject` is `all` (the 11 categories) or one category; every line shuffled with seed 0, the last 1,000
 * test and the rest train.
 * @example for await (const instance of bbqSource.instances({ subject: 'Age' }, 'benchmark_output/scenarios/bbq')) …
 */
export const bbqSource = defineScenario({
  className: 'helm.benchmark.scenarios.bbq_scenario.BBQScenario',
  metadata: scenarioMetadata('bbq_scenario', 'bbq', 'Bias analysis of LM question-answering.', ['harms', 'bias']),
  params: { required: [], optional: ['subject'] },
  read(args, cacheDir, context) {
    const subject = args['subject'] ?? 'all';
    bbqCategories(subject, join(cacheDir, 'data')); // an unknown subject fails at once
    return () => readBbq(subject, cacheDir, context);
  },
});
