/**
 * @module HELM's CivilCommentsScenario (`scenarios/civil_comments_scenario.py`): toxicity of online comments, from
 * the WILDS version of CivilComments (`all_data_with_identities.csv`), optionally only the comments about one
 * demographic. The CSV (about 450,000 comments) is streamed row by row and read as `pandas.read_csv` reads it.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { closeMatches, UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { pandasColumn, PANDAS_NA_STRINGS } from '../../core/pandas-csv.ts';
import { PandasCsvTokenizer, type PandasCsvRow } from '../../core/pandas-csv-tokenizer.ts';
import { ensureDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const DATA_URL = 'https://worksheets.codalab.org/rest/bundles/0x8cd3de0634154aeaad2ee6eb96723c6e/contents/blob/all_data_with_identities.csv';
/** HELM's cache name for it, directly in the scenario's folder. */
const DATA_FILE = 'wilds_civil_comments.csv';
/** The WILDS demographics HELM accepts, in the order its docstring lists them, and "all". */
export const CIVIL_COMMENTS_DEMOGRAPHICS = ['all', 'male', 'female', 'LGBTQ', 'christian', 'muslim', 'other_religions', 'black', 'white'] as const;
const SPLITS: Readonly<Record<string, Split>> = { train: 'train', val: 'valid', test: 'test' };
const QUESTION = 'Is the passage above toxic?';

/** The CSV's rows, decoded as UTF-8 (strictly, as pandas) and split as pandas' C parser splits them. */
async function* pandasRows(path: string): AsyncGenerator<PandasCsvRow> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const tokenizer = new PandasCsvTokenizer(path);
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch (cause) {
      throw new UserError(`${path} is not valid UTF-8 text (${(cause as Error).message}).`, { cause });
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield* tokenizer.push(decode(chunk as Buffer));
  yield* tokenizer.push(decode());
  yield* tokenizer.end();
}

/**
 * A cell of a numeric column as pandas holds it (NaN when missing); text there is a UserError, since HELM's
 * comparison with 0.5 fails on a column pandas kept as text.
 */
function numberCell(text: string | undefined, column: string, where: string): number {
  const { dtype, cells } = pandasColumn([text]);
  if (dtype === 'int64' || dtype === 'float64') return cells[0] === null ? Number.NaN : (cells[0] as number);
  throw new UserError(`${where}: column '${column}' holds ${JSON.stringify(text)}, not a number (HELM compares it with 0.5).`);
}

/** Python `str()` of a text cell: a missing value (NaN) prints as "nan". */
const textCell = (text: string | undefined): string => (text === undefined || PANDAS_NA_STRINGS.has(text) ? 'nan' : text);

async function* readCivilComments(cacheDir: string, demographic: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = join(cacheDir, DATA_FILE);
  await ensureDownloaded({ url: DATA_URL, targetPath: path }, downloadOptionsOf(context));
  let columns: ReadonlyMap<string, number> | undefined;
  let width = 0;
  const needed = ['comment_text', 'split', 'toxicity', ...(demographic === 'all' ? [] : [demographic])];
  for await (const { fields, line } of pandasRows(path)) {
    const where = `${path}:${line}`;
    if (columns === undefined) {
      // The header; `index_col=0` makes the first column the index, so the columns are looked up after it.
      width = fields.length;
      const byName = new Map<string, number>();
      fields.forEach((name, i) => i > 0 && !byName.has(name) && byName.set(name, i));
      const missing = needed.filter((name) => !byName.has(name));
      if (missing.length > 0) throw new UserError(`${where}: the header has no column ${missing.map((m) => `'${m}'`).join(', ')} (WILDS all_data_with_identities.csv).`);
      columns = byName;
      continue;
    }
    if (fields.length > width) throw new UserError(`${where}: expected ${width} fields, saw ${fields.length} (pandas: "Error tokenizing data").`);
    const cell = (name: string): string | undefined => fields[columns!.get(name)!]; // undefined: a short row's missing cell
    const toxicity = numberCell(cell('toxicity'), 'toxicity', where);
    if (demographic !== 'all' && !(numberCell(cell(demographic), demographic, where) >= 0.5)) continue; // NaN is not ≥ 0.5
    const splitName = textCell(cell('split'));
    const split = Object.hasOwn(SPLITS, splitName) ? SPLITS[splitName]! : undefined;
    if (split === undefined) throw new UserError(`${where}: split ${JSON.stringify(splitName)} is not one of train, val, test.`);
    const isToxic = toxicity >= 0.5;
    yield {
      // PassageQuestionInput(comment, question): comment + "\n" + "Question: " + question.
      input: { text: `${textCell(cell('comment_text'))}\nQuestion: ${QUESTION}`, kind: 'passage_question' },
      references: [reference(isToxic ? 'True' : 'False', true)],
      split,
      sub_split: isToxic ? 'toxic' : 'non-toxic',
    };
  }
}

/**
 * CivilComments (WILDS): every comment, or with a demographic only those whose score for it is at least 0.5, in
 * file order; split from the CSV's `split` column (train, val → valid, test); the reference "True" (toxicity ≥ 0.5,
 * sub_split "toxic") or "False" ("non-toxic"). A missing comment reads "nan", as HELM's `str()` of pandas' NaN.
 * @example for await (const instance of civilCommentsSource.instances({ demographic: 'black' }, 'benchmark_output/scenarios/civil_comments')) …
 */
export const civilCommentsSource = defineScenario({
  className: 'helm.benchmark.scenarios.civil_comments_scenario.CivilCommentsScenario',
  metadata: scenarioMetadata('civil_comments_scenario', 'civil_comments', 'WILDS version of CivilComments, a dataset built from the Civil Comments platform', [
    'harms',
    'toxicity',
  ]),
  params: { required: ['demographic'], optional: [] },
  read(args, cacheDir, context) {
    const demographic = args['demographic'];
    if (typeof demographic !== 'string' || !(CIVIL_COMMENTS_DEMOGRAPHICS as readonly string[]).includes(demographic)) {
      const close = typeof demographic === 'string' ? closeMatches(demographic, CIVIL_COMMENTS_DEMOGRAPHICS) : [];
      throw new UserError(
        `civil_comments: invalid demographic ${JSON.stringify(demographic)}.${close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ''}` +
          ` Valid: ${CIVIL_COMMENTS_DEMOGRAPHICS.join(', ')}.`,
      );
    }
    return () => readCivilComments(cacheDir, demographic, context);
  },
});
