/**
 * @module HELM's RAFTScenario (`scenarios/raft_scenario.py`): the 11 text-classification tasks of RAFT (Alex et al.,
 * 2021), from the Hugging Face dataset `ought/raft` at HELM's pinned revision, read as its loading script `raft.py`
 * makes `datasets` read them, and split as HELM splits them (`train_test_split(test_size=0.8, seed=42)`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeMatches, UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { pythonAssignedLiteral, type PythonLiteral } from '../../core/python-literal.ts';
import { pyStrip } from '../../core/python-text.ts';
import { NumpyGenerator } from '../../core/rng/numpy-generator.ts';
import { readCsvRows } from '../csv.ts';
import { ensureAllDownloaded, ensureDownloaded } from '../download.ts';
import { hubEndpoint } from '../huggingface-hub.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

/** HELM's SUBSETS, in its order. */
export const RAFT_SUBSETS = [
  'ade_corpus_v2', 'banking_77', 'neurips_impact_statement_risks', 'one_stop_english', 'overruling', 'semiconductor_org_types',
  'systematic_review_inclusion', 'tai_safety_research', 'terms_of_service', 'tweet_eval_hate', 'twitter_complaints',
] as const;
/** The instructions and field order of each subset (two JSON lines), at HELM's path `<cacheDir>/data/<file>`. */
export const RAFT_PROMPT_SETTINGS = {
  url: 'https://www.dropbox.com/s/a5cyevryzw8rt4f/prompt_construction_settings.json?dl=0',
  file: 'prompt_construction_settings.json',
} as const;
/** The dataset repository and the revision HELM pins (`load_dataset("ought/raft", subset, revision=…)`). */
const HUB_REPO = 'ought/raft';
const HUB_REVISION = '9ee50172ea9afda2f1033c6f1b986e568b862fb3';
/** datasets' ClassLabel of RAFT: "Unlabeled" (0, the test rows), then the subset's labels. */
const UNLABELED = 'Unlabeled';

/** HELM asserts the subset is one of its 11; a UserError here, naming the closest. */
export function checkRaftSubset(subset: unknown): string {
  if (typeof subset === 'string' && (RAFT_SUBSETS as readonly string[]).includes(subset)) return subset;
  const close = typeof subset === 'string' ? closeMatches(subset, RAFT_SUBSETS) : [];
  throw new UserError(
    `raft: unknown subset ${JSON.stringify(subset)}.${close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ''} Subsets: ${RAFT_SUBSETS.join(', ')}.`,
  );
}

/** The path of the prompt settings under a scenario folder (`<output>/scenarios/raft`). */
export const raftPromptSettingsPath = (cacheDir: string): string => join(cacheDir, 'data', RAFT_PROMPT_SETTINGS.file);

/**
 * HELM `get_raft_prompt_settings`: a subset's field order and instructions, from the settings file (its two lines are
 * JSON objects keyed by subset). Read synchronously: HELM reads it while building the run spec. A missing file is a
 * UserError giving its URL and where to place it.
 */
export function readRaftPromptSettings(subset: string, path: string): { fields: string[]; instructions: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new UserError(`raft needs ${path} (HELM downloads it from ${RAFT_PROMPT_SETTINGS.url}); place that file there.`, { cause });
  }
  const lines = pyStrip(text).split('\n');
  if (lines.length !== 2) throw new UserError(`${path}: expected two lines (field ordering, instructions), got ${lines.length}.`);
  const [ordering, instructions] = lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch (cause) {
      throw new UserError(`${path}:${i + 1}: not valid JSON (${(cause as Error).message}).`, { cause });
    }
  });
  const fields = (ordering as Record<string, unknown> | null)?.[subset];
  const instruction = (instructions as Record<string, unknown> | null)?.[subset];
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) throw new UserError(`${path}:1: no list of fields for '${subset}'.`);
  if (typeof instruction !== 'string') throw new UserError(`${path}:2: no instructions for '${subset}'.`);
  return { fields, instructions: instruction };
}

/** What `raft.py` declares for a subset: its data columns and its labels (ClassLabel names, "Unlabeled" first). */
interface RaftTask {
  readonly dataColumns: readonly string[];
  readonly labelNames: readonly string[];
}

const entry = (value: PythonLiteral | undefined, key: string): PythonLiteral | undefined => (value instanceof Map ? value.get(key) : undefined);
const isStrings = (value: PythonLiteral | undefined): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The subset's entry of `TASKS` in `raft.py` (the dataset's loading script, read as Python literals). */
export function raftTask(source: string, subset: string, where: string): RaftTask {
  const task = entry(pythonAssignedLiteral(source, 'TASKS', where), subset);
  const dataColumns = entry(task, 'data_columns');
  const labels = entry(entry(task, 'label_columns'), 'Label');
  if (!isStrings(dataColumns) || !isStrings(labels)) throw new UserError(`${where}: TASKS has no data_columns and Label list for '${subset}'.`);
  return { dataColumns, labelNames: [UNLABELED, ...labels] };
}

/** Python `int(text)` for ASCII digits, or undefined. */
function pyInt(text: string): number | undefined {
  const stripped = pyStrip(text);
  return /^[+-]?\d(?:_?\d)*$/.test(stripped) ? Number(stripped.replaceAll('_', '')) : undefined;
}

/** datasets' `ClassLabel.encode_example` of a CSV cell: a label name (as is, then stripped), else an index. */
function encodeLabel(text: string, names: readonly string[], where: string): number {
  let index = names.indexOf(text);
  if (index < 0) index = names.indexOf(pyStrip(text));
  if (index < 0) index = pyInt(text) ?? Number.NaN;
  // int2str, which HELM calls, accepts only 0 ≤ index < len(names) (encode also lets -1 through, then int2str fails)
  if (!(index >= 0 && index < names.length)) throw new UserError(`${where}: invalid class label ${JSON.stringify(text)} (${names.join(', ')} or their index).`);
  return index;
}

/** A row's values as Python prints them (`f"{x[field]}"`), and its label name. */
interface RaftRow {
  readonly values: ReadonlyMap<string, string>;
  readonly label: string;
}

/** One row as `datasets` holds it after `raft.py`: a value per data column (text; ID an int; None when missing) and the label. */
function encodeRow(header: readonly string[], fields: readonly string[], task: RaftTask, where: string): RaftRow {
  const cells = new Map<string, string>();
  header.forEach((name, i) => i < fields.length && cells.set(name, fields[i]!)); // raft.py: dict(zip(column_names, row))
  const values = new Map<string, string>();
  for (const column of task.dataColumns) {
    const cell = cells.get(column);
    if (cell === undefined) values.set(column, 'None');
    else if (column === 'ID') {
      const id = pyInt(cell);
      if (id === undefined || id < -(2 ** 31) || id >= 2 ** 31) throw new UserError(`${where}: ID ${JSON.stringify(cell)} is not an int32.`);
      values.set(column, String(id));
    } else values.set(column, cell);
  }
  const labelCell = cells.get('Label');
  if (labelCell === undefined) throw new UserError(`${where}: no Label (a train row of ${header.join(', ')}).`);
  const labelIndex = encodeLabel(labelCell, task.labelNames, where);
  values.set('Label', String(labelIndex)); // x["Label"] is the class index
  return { values, label: task.labelNames[labelIndex]! };
}

/** `Dataset.train_test_split(test_size=0.8, seed)`: row indices of train then test, in permutation order. */
export function raftSplit(rowCount: number, seed: number): { train: number[]; test: number[] } {
  const testCount = Math.ceil(0.8 * rowCount); // Python ceil(test_size * n_samples), in doubles
  const trainCount = rowCount - testCount;
  if (trainCount <= 0) throw new UserError(`raft: with ${rowCount} labeled rows, test_size=0.8 leaves the train split empty (datasets raises).`);
  const permutation = new NumpyGenerator(seed).permutation(rowCount);
  return { test: permutation.slice(0, testCount), train: permutation.slice(testCount, testCount + trainCount) };
}

/** The URL of a file of a dataset repository on the hub (`<endpoint>/datasets/<repo>/resolve/<revision>/<path>`). */
const hubDatasetUrl = (path: string): string => `${hubEndpoint()}/datasets/${HUB_REPO}/resolve/${HUB_REVISION}/${path}`;

async function* readRaft(cacheDir: string, subset: string, seed: number, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const options = downloadOptionsOf(context);
  const settingsPath = raftPromptSettingsPath(cacheDir);
  await ensureDownloaded({ url: RAFT_PROMPT_SETTINGS.url, targetPath: settingsPath }, options);
  const { fields } = readRaftPromptSettings(subset, settingsPath);
  // The repository's files at the pinned revision, under <cacheDir>/data/ought___raft/<revision>/ (datasets' own
  // cache is not reused: it holds Arrow tables).
  const repoDir = join(cacheDir, 'data', 'ought___raft', HUB_REVISION);
  const files = ['raft.py', `data/${subset}/train.csv`];
  await ensureAllDownloaded(files.map((file) => ({ url: hubDatasetUrl(file), targetPath: join(repoDir, file) })), options);
  const scriptPath = join(repoDir, 'raft.py');
  const task = raftTask(readFileSync(scriptPath, 'utf8'), subset, scriptPath);
  for (const field of fields) {
    if (!task.dataColumns.includes(field) && field !== 'Label') throw new UserError(`raft: the prompt settings name field '${field}', which ${subset} has not.`);
  }

  // All 50 labeled rows are held: the split permutes them as a whole.
  const csvPath = join(repoDir, 'data', subset, 'train.csv');
  let header: readonly string[] | undefined;
  const rows: RaftRow[] = [];
  for await (const { fields: cells, line } of readCsvRows(csvPath)) {
    if (header === undefined) header = cells;
    else rows.push(encodeRow(header, cells, task, `${csvPath}:${line}`));
  }
  const { train, test } = raftSplit(rows.length, seed);
  for (const [split, indices] of [['train', train], ['test', test]] as [Split, number[]][]) {
    for (const index of indices) {
      const row = rows[index]!;
      const text = fields.map((field) => `${field}: ${row.values.get(field)}`).join('\n');
      yield { input: { text }, references: [reference(row.label, true)], split };
    }
  }
}

/**
 * RAFT: a subset's 50 public labeled rows, 10 to train and 40 to test (`train_test_split(test_size=0.8,
 * seed=random_seed)`, NumPy's default_rng permutation), each input the subset's fields as "<field>: <value>" lines in
 * the order of HELM's prompt settings, the reference its label name.
 * @example for await (const instance of raftSource.instances({ subset: 'ade_corpus_v2' }, 'benchmark_output/scenarios/raft')) …
 */
export const raftSource = defineScenario({
  className: 'helm.benchmark.scenarios.raft_scenario.RAFTScenario',
  metadata: scenarioMetadata('raft_scenario', 'raft', 'Real-world Annotated Few-shot Tasks (RAFT)', ['text_classification', 'robustness']),
  params: { required: ['subset'], optional: ['random_seed'] },
  read(args, cacheDir, context) {
    const subset = checkRaftSubset(args['subset']);
    const seed = args['random_seed'] ?? 42;
    if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
      throw new UserError(`raft: random_seed must be a non-negative integer (a NumPy seed), got ${JSON.stringify(seed)}.`);
    }
    return () => readRaft(cacheDir, subset, seed, context);
  },
});
