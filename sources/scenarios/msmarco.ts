/**
 * @module HELM's MSMARCOScenario (`scenarios/msmarco_scenario.py`): passage ranking as yes/no questions, one
 * reference per candidate passage. Files (HELM's names, under `<cache>/data/`): the 8.8M passages
 * (`documents.tsv`), the train queries, qrels and BM25 top-20 (`train_*.tsv`), and the track's (`regular_*` or
 * `trec_*`). As HELM: `random.Random(1885)` shuffles the passage ids, then the train query ids, then the track's;
 * the first 1000 train queries with a gold qrel and 20 top-k passages give one correct and one wrong passage
 * (the first top-k passage ranked 11..20 that is not gold); every track query with a gold qrel (and, with
 * `valid_topk`, at least that many top-k passages) gives its judged passages plus its top `valid_topk` ones; the
 * passages of an instance are ordered by their place in the shuffled id list.
 *
 * Memory: HELM loads every file whole. Here the passage ids are held (8 bytes each, ~70 MB for the real
 * collection, for the shuffle), the query ids, the byte ranges of each query's qrels and top-k rows, and the ids
 * of the passages each instance needs; texts are read back from the files when an instance is yielded. Each
 * iteration reads the files again (two passes over the passages).
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { CORRECT_TAG, type RawInstance, type Reference, type Split } from '../../core/instance.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { ensureAllDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { findRows, indexKeyedRows, openFile, readIdOrder, readText, type KeyedRows } from './msmarco-files.ts';

const CODALAB = (bundle: string): string => `https://worksheets.codalab.org/rest/bundles/${bundle}/contents/blob/`;
const MSMARCO = (file: string): string => `https://msmarco.blob.core.windows.net/msmarcoranking/${file}`;

type Track = 'regular' | 'trec';

/** HELM `DATA_URIS`, by the file's name under `<cache>/data/` (`'_'.join(key) + '.tsv'`). */
const DATA_URLS: Readonly<Record<string, string>> = {
  documents: CODALAB('0x50d32fc56ad04dd89510bf86f9c1c9d3'),
  train_queries: MSMARCO('queries.train.tsv'),
  train_qrels: MSMARCO('qrels.train.tsv'),
  train_topk: CODALAB('0x8c43d4ec02ea48d6a727683a9676b77b'),
  regular_queries: CODALAB('0xf5ccf54707b548f9a4c43502c6f15719'),
  regular_qrels: MSMARCO('qrels.dev.small.tsv'),
  regular_topk: CODALAB('0xbc3dfacb2b7746809e582ee01fa5fe70'),
  trec_queries: MSMARCO('msmarco-test2019-queries.tsv.gz'),
  trec_qrels: 'https://trec.nist.gov/data/deep/2019qrels-pass.txt',
  trec_topk: CODALAB('0x2e80572f93b748d594b817249013bdac'),
};

/** HELM `GOLD_RELATIONS`: the qrel values that make a passage correct. */
export const MSMARCO_GOLD_RELATIONS: Readonly<Record<Track, readonly number[]>> = { regular: [1], trec: [2, 3] };
const TRAIN_GOLD = new Set([1]);

const at = (ks: readonly number[], name: string): string[] => ks.map((k) => `${name}.${k}`);
/** HELM `MEASURE_NAMES`: the pytrec_eval measures each track's RankingMetric computes. */
export const MSMARCO_MEASURE_NAMES: Readonly<Record<Track, readonly string[]>> = {
  regular: [...at([1, 2, 3, 5, 10, 20], 'success'), ...at([1, 2, 3, 5, 10, 20], 'recall'), ...at([5, 10, 20], 'recip_rank')],
  trec: [...at([1, 2, 3, 5, 10, 20], 'success'), ...at([1, 2, 3, 5, 10, 20], 'recall'), ...at([5, 10, 20], 'recip_rank'), ...at([5, 10, 20], 'ndcg_cut')],
};

const NUM_TRAIN_QUERIES = 1000;
const MIN_TOPK = 11; // also the lowest rank of a train query's wrong passage
const TRAIN_TOPK = 20;
const MAX_VALID_TOPK = 1000;

/** An instance before its passages are read: the query, and per passage its id, qrel and top-k rank. */
interface Plan {
  readonly qid: number;
  readonly split: Split;
  docids: number[];
  readonly qrels: ReadonlyMap<number, number>;
  readonly topk: ReadonlyMap<number, number> | undefined;
  readonly gold: ReadonlySet<number>;
}

/** HELM's dict of a query's rows: `{key: value}` with Python's dict rules (first position, last value). */
async function dictOf(rows: KeyedRows, qid: number, keyField: number, valueField: number): Promise<Map<number, number>> {
  return new Map((await rows.rows(qid)).map((row) => [row[keyField]!, row[valueField]!]));
}

const hasGold = (qrels: ReadonlyMap<number, number>, gold: ReadonlySet<number>): boolean => [...qrels.values()].some((rel) => gold.has(rel));

/** Python `random.shuffle` of a Float64Array in place. */
function shuffle(rng: PythonRandom, ids: Float64Array): void {
  for (let i = ids.length - 1; i > 0; i--) {
    const j = rng.randbelow(i + 1);
    const held = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = held;
  }
}

/** HELM `get_train_instances`: the first 1000 shuffled train queries that pass the filter, one correct and one wrong passage each. */
async function trainPlans(qids: Float64Array, qrelsRows: KeyedRows, topkRows: KeyedRows, path: string): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const qid of qids) {
    if (plans.length === NUM_TRAIN_QUERIES) break;
    if (!qrelsRows.has(qid)) continue;
    const qrels = await dictOf(qrelsRows, qid, 2, 3);
    if (!hasGold(qrels, TRAIN_GOLD) || !topkRows.has(qid)) continue;
    const topk = await dictOf(topkRows, qid, 1, 2);
    if (topk.size < TRAIN_TOPK) continue;
    // The most relevant judged passage (sorted by relevance, stable), and the best-ranked non-gold one of ranks 11..20.
    const best = Math.max(...qrels.values());
    const correct = [...qrels].find(([, rel]) => rel === best)![0];
    const wrong = [...topk].find(([docid, rank]) => MIN_TOPK <= rank && rank <= TRAIN_TOPK && !TRAIN_GOLD.has(qrels.get(docid) ?? Number.NaN));
    if (wrong === undefined) throw new UserError(`${path}: train query ${qid} has no passage of rank ${MIN_TOPK}..${TRAIN_TOPK} that is not gold (HELM fails with IndexError).`);
    plans.push({ qid, split: 'train', docids: [correct, wrong[0]], qrels, topk, gold: TRAIN_GOLD });
  }
  return plans;
}

/** HELM `get_valid_instances`: every shuffled track query that passes the filter, with its judged and top-k passages. */
async function validPlans(qids: Float64Array, qrelsRows: KeyedRows, topkRows: KeyedRows, track: Track, validTopk: number | null, path: string): Promise<Plan[]> {
  const gold = new Set(MSMARCO_GOLD_RELATIONS[track]);
  const plans: Plan[] = [];
  for (const qid of qids) {
    if (!qrelsRows.has(qid)) continue;
    const qrels = await dictOf(qrelsRows, qid, 2, 3);
    if (!hasGold(qrels, gold)) continue;
    const topk = topkRows.has(qid) ? await dictOf(topkRows, qid, 1, 2) : undefined;
    if (validTopk !== null && (topk === undefined || topk.size < validTopk)) continue;
    if (topk === undefined) throw new UserError(`${path}: track query ${qid} has qrels but no top-k passages (HELM fails with KeyError).`);
    const topkDocids = validTopk === null ? [] : [...topk].filter(([, rank]) => rank <= validTopk).map(([docid]) => docid);
    const docids = [...new Set([...qrels.keys(), ...topkDocids])];
    // Only the ranks of the instance's own passages are kept (a top-k list may hold 1000).
    plans.push({ qid, split: 'valid', docids, qrels, topk: new Map(docids.flatMap((docid) => (topk.has(docid) ? [[docid, topk.get(docid)!]] : []))), gold });
  }
  return plans;
}

/** HELM `create_reference`: tags `docid=…`, `correct` when gold, `relevance=…` and `rank=…` when non-zero. */
function referenceOf(plan: Plan, docid: number, text: string): Reference {
  const rel = plan.qrels.get(docid);
  const rank = plan.topk?.get(docid);
  const tags = [`docid=${docid}`];
  if (rel !== undefined && plan.gold.has(rel)) tags.push(CORRECT_TAG);
  if (rel !== undefined && rel !== 0) tags.push(`relevance=${rel}`);
  if (rank !== undefined && rank !== 0) tags.push(`rank=${rank}`);
  return { output: { text }, tags };
}

async function* readMsmarco(track: Track, validTopk: number | null, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = (name: string): string => join(cacheDir, 'data', `${name}.tsv`);
  const names = ['documents', 'train_queries', 'train_qrels', 'train_topk', `${track}_queries`, `${track}_qrels`, `${track}_topk`];
  await ensureAllDownloaded(
    names.map((name) => ({ url: DATA_URLS[name]!, targetPath: path(name), ...(name === 'trec_queries' ? { unpack: 'gzip' as const } : {}) })),
    downloadOptionsOf(context),
  );
  const docids = await readIdOrder(path('documents'));
  const trainQids = await readIdOrder(path('train_queries'));
  const validQids = await readIdOrder(path(`${track}_queries`));
  const rng = new PythonRandom(1885);
  shuffle(rng, docids);
  shuffle(rng, trainQids);
  shuffle(rng, validQids);

  const keyed: KeyedRows[] = [];
  const index = async (name: string, fields: number, format: string, spaceIsTab = false): Promise<KeyedRows> => {
    const rows = await indexKeyedRows(path(name), fields, format, { spaceIsTab });
    keyed.push(rows);
    return rows;
  };
  let plans: Plan[];
  try {
    const train = await trainPlans(trainQids, await index('train_qrels', 4, '<qid> 0 <docid> <rel>'), await index('train_topk', 3, '<qid> <docid> <rank>'), path('train_topk'));
    // HELM rewrites TREC's space-separated qrels file with tabs; reading spaces as tabs gives the same rows.
    const validQrels = await index(`${track}_qrels`, 4, '<qid> 0 <docid> <rel>', track === 'trec');
    const valid = await validPlans(validQids, validQrels, await index(`${track}_topk`, 3, '<qid> <docid> <rank>'), track, validTopk, path(`${track}_topk`));
    plans = [...train, ...valid];
  } finally {
    await Promise.all(keyed.map((rows) => rows.close()));
  }

  // Each instance's passages in the order of the shuffled id list (HELM sorts by docid_index_dict).
  const needed = new Set(plans.flatMap((plan) => plan.docids));
  const position = new Map<number, number>();
  docids.forEach((docid, i) => needed.has(docid) && position.set(docid, i));
  for (const plan of plans) {
    const missing = plan.docids.find((docid) => !position.has(docid));
    if (missing !== undefined) throw new UserError(`${path('documents')} has no passage ${missing}, which query ${plan.qid} names (HELM fails with KeyError).`);
    plan.docids.sort((a, b) => position.get(a)! - position.get(b)!);
  }
  const rows = await findRows(path('documents'), needed);
  const trainQueries = await findRows(path('train_queries'), new Set(plans.filter((p) => p.split === 'train').map((p) => p.qid)));
  const validQueries = await findRows(path(`${track}_queries`), new Set(plans.filter((p) => p.split === 'valid').map((p) => p.qid)));

  const files = { documents: openFile(path('documents')), train: openFile(path('train_queries')), valid: openFile(path(`${track}_queries`)) };
  try {
    for (const plan of plans) {
      const isTrain = plan.split === 'train';
      const query = readText(isTrain ? files.train : files.valid, (isTrain ? trainQueries : validQueries).get(plan.qid)!);
      // The passages are held for this one instance only.
      const references: Reference[] = plan.docids.map((docid) => referenceOf(plan, docid, readText(files.documents, rows.get(docid)!)));
      yield { input: { text: query }, references, split: plan.split };
    }
  } finally {
    for (const file of Object.values(files)) file.close();
  }
}

/**
 * MS MARCO passage ranking: `track` (regular or trec) and `valid_topk` (None, or MIN_TOPK..MAX_VALID_TOPK).
 * @example for await (const instance of msmarcoSource.instances({ track: 'regular', valid_topk: 30 }, 'benchmark_output/scenarios/msmarco')) …
 */
export const msmarcoSource = defineScenario({
  className: 'helm.benchmark.scenarios.msmarco_scenario.MSMARCOScenario',
  metadata: scenarioMetadata('msmarco_scenario', 'msmarco', 'Microsoft Machine Reading Comprehension', ['information_retrieval']),
  params: { required: ['track'], optional: ['valid_topk'] },
  read(args, cacheDir, context) {
    const track = args['track'];
    if (track !== 'regular' && track !== 'trec') throw new UserError(`msmarco: track=${JSON.stringify(track)} is not a track (HELM asserts regular or trec).`);
    const validTopk = args['valid_topk'] ?? null;
    if (validTopk !== null && !(typeof validTopk === 'number' && Number.isInteger(validTopk) && MIN_TOPK <= validTopk && validTopk <= MAX_VALID_TOPK)) {
      throw new UserError(`msmarco: valid_topk=${JSON.stringify(validTopk)} must be None or an integer from ${MIN_TOPK} to ${MAX_VALID_TOPK} (HELM asserts it).`);
    }
    return () => readMsmarco(track, validTopk, cacheDir, context);
  },
});
