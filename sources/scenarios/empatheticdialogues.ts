/**
 * @module HELM's EmpatheticDialoguesScenario (`scenarios/dialogue_scenarios.py`): one instance per situation
 * (`prompt`) and emotion (`context`, the sub_split), its references the conversations about it rendered as
 * "Bob: …\nJen: …\n". The ParlAI tarball's `{train,valid,test}.csv` are read as HELM's pandas call reads them
 * (python engine, no quoting, 8 named columns, extra fields dropped) and grouped as its `groupby`s group them.
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { pandasColumn, type PandasCell } from '../../core/pandas-csv.ts';
import { pyStrip } from '../../core/python-text.ts';
import { ensureDownloaded } from '../download.ts';
import { readLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, logOf, NO_PARAMS, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { comparePandasKeys, conversationText, groupSorted } from './empatheticdialogues-groups.ts';

const DATA_URL = 'https://dl.fbaipublicfiles.com/parlai/empatheticdialogues/empatheticdialogues.tar.gz';
/** HELM's names for the columns (the file's header line is skipped). */
const COLUMNS = ['conv_id', 'utterance_idx', 'context', 'prompt', 'speaker_idx', 'utterance', 'selfeval', 'tags'] as const;
type Column = (typeof COLUMNS)[number];
const SPLITS: readonly Split[] = ['train', 'valid', 'test'];

/** One utterance row: the cells HELM uses, by column name. */
export type DialogueRow = Readonly<Record<Column, PandasCell>>;

/**
 * A split's rows: `pd.read_csv(path, engine="python", quoting=QUOTE_NONE, header=0, names=COLUMNS,
 * index_col=False)` (fields split at every ",", extra fields dropped, missing ones NaN, dtypes inferred per
 * column), then `prompt` and `utterance` with "_comma_" → "," and stripped. Held whole, as HELM's DataFrame is.
 */
export async function readDialogueRows(path: string): Promise<DialogueRow[]> {
  const lines: string[][] = [];
  let isHeader = true;
  for await (const { text } of readLines(path)) {
    const fields = text.split(',');
    if (fields.length === 1 && pyStrip(fields[0]!) === '') continue; // skip_blank_lines (the python engine's test)
    if (isHeader) {
      isHeader = false;
      continue;
    }
    lines.push(fields);
  }
  const columns = COLUMNS.map((_, c) => pandasColumn(lines.map((fields) => fields[c])));
  for (const name of ['prompt', 'utterance'] as const) {
    const column = columns[COLUMNS.indexOf(name)]!;
    if (column.dtype !== 'object') throw new UserError(`${path}: the column '${name}' reads as ${column.dtype}, not text, so HELM's .str.replace fails on it.`);
    column.cells = column.cells.map((cell) => (cell === null ? null : pyStrip((cell as string).replaceAll('_comma_', ','))));
  }
  return lines.map((_, r) => Object.fromEntries(COLUMNS.map((name, c) => [name, columns[c]!.cells[r]!])) as DialogueRow);
}

/** The instances of one split, in the order of HELM's sorted `groupby(["prompt", "context"])`. */
export function dialogueInstances(rows: readonly DialogueRow[], split: Split, where: string): RawInstance[] {
  return groupSorted(rows, ['prompt', 'context']).map(({ key: [prompt, context], rows: situation }) => {
    const references = groupSorted(situation, ['conv_id', 'selfeval']).flatMap(({ rows: conversation }) => {
      if (conversation.length < 2) return []; // HELM keeps conversations with at least two utterances
      // sort_values("utterance_idx"): missing last; a stable sort (pandas' quicksort is stable below 17 rows)
      const ordered = [...conversation].sort((x, y) => comparePandasKeys(x.utterance_idx, y.utterance_idx));
      return [reference(conversationText(ordered, where), true)];
    });
    if (typeof prompt !== 'string' || typeof context !== 'string') {
      throw new UserError(`${where}: prompt and context must be text, got ${JSON.stringify([prompt, context])}.`);
    }
    return { input: { text: prompt }, references, split, sub_split: context };
  });
}

async function* readEmpatheticDialogues(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  await ensureDownloaded({ url: DATA_URL, targetPath: dataPath, unpack: 'tar' }, downloadOptionsOf(context));
  for (const split of SPLITS) {
    const path = join(dataPath, `${split}.csv`);
    let rows: DialogueRow[];
    try {
      rows = await readDialogueRows(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      logOf(context)(`${path} doesn't exist, skipping`); // HELM's words
      continue;
    }
    yield* dialogueInstances(rows, split, path);
  }
}

/**
 * EmpatheticDialogues: train, valid, test; per (situation, emotion) one instance whose references are its
 * conversations (those with a self-evaluation and at least two utterances), the first speaker "Bob", the second "Jen".
 * @example for await (const instance of empatheticDialoguesSource.instances({}, 'benchmark_output/scenarios/empatheticdialogues')) …
 */
export const empatheticDialoguesSource = defineScenario({
  className: 'helm.benchmark.scenarios.dialogue_scenarios.EmpatheticDialoguesScenario',
  metadata: scenarioMetadata(
    'dialogue_scenarios',
    'empatheticdialogues',
    'A dataset of 25k conversations grounded in emotional situations.',
    ['interaction', 'dialogue'],
  ),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readEmpatheticDialogues(cacheDir, context),
});
