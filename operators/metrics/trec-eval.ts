/**
 * @module The trec_eval measures HELM's RankingMetric asks pytrec_eval 0.5 for (trec_eval 9.0.8 at pytrec_eval's
 * pinned commit: `form_res_rels.c`, `m_recip_rank.c`, `m_success.c`, `m_recall.c`, `m_ndcg_cut.c`), for one query,
 * with pytrec_eval's defaults (relevance_level 1, every retrieved document counted).
 */

/** A query's judgments or a run's scores: document name → value (qrels: relevance; run: similarity). */
export type Relevances = ReadonlyMap<string, number>;

/** trec_eval's RELVALUE_NONPOOL: a retrieved document the qrels do not judge. */
const NONPOOL = -1;
/** trec_eval's RELVALUE_UNJUDGED: a qrel below 0 (in the pool, not judged). */
const UNJUDGED = -2;

const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0); // strcmp on ASCII names

/** What `te_form_res_rels` derives: the relevance of each retrieved document by rank, and the count per relevance level. */
interface RankedRelevances {
  readonly ranked: readonly number[];
  /** Number of judged documents per relevance level ≥ 0 (index = level). */
  readonly levels: readonly number[];
  /** Judged documents with relevance ≥ relevance_level (1). */
  readonly numRelevant: number;
}

/**
 * `te_form_res_rels`: the run sorted by score (descending), ties broken by document name (descending, as
 * `comp_sim_docno` does), each with its qrel (NONPOOL when unjudged, UNJUDGED when negative).
 */
function rankedRelevances(qrels: Relevances, run: Relevances): RankedRelevances {
  const ranked = [...run]
    .sort(([nameA, a], [nameB, b]) => (a > b ? -1 : a < b ? 1 : compareNames(nameB, nameA)))
    .map(([name]) => {
      const rel = qrels.get(name);
      return rel === undefined ? NONPOOL : rel < 0 ? UNJUDGED : rel;
    });
  const levels: number[] = [];
  let numRelevant = 0;
  for (const rel of qrels.values()) {
    if (rel < 0) continue;
    while (levels.length <= rel) levels.push(0);
    levels[rel]!++;
    if (rel >= 1) numRelevant++;
  }
  return { ranked, levels, numRelevant };
}

/** `recip_rank`: 1 / the rank of the first relevant retrieved document; 0 when none is. */
export function recipRank(qrels: Relevances, run: Relevances): number {
  const { ranked } = rankedRelevances(qrels, run);
  const i = ranked.findIndex((rel) => rel >= 1);
  return i < 0 ? 0 : 1 / (i + 1);
}

/** `success.k`: 1 when a relevant document is among the first k retrieved, else 0. */
export function successAt(qrels: Relevances, run: Relevances, k: number): number {
  const { ranked } = rankedRelevances(qrels, run);
  return ranked.slice(0, k).some((rel) => rel >= 1) ? 1 : 0;
}

/** `recall.k`: relevant documents among the first k retrieved / all relevant ones (0 when there are none). */
export function recallAt(qrels: Relevances, run: Relevances, k: number): number {
  const { ranked, numRelevant } = rankedRelevances(qrels, run);
  if (numRelevant === 0) return 0;
  return ranked.slice(0, k).filter((rel) => rel >= 1).length / numRelevant;
}

/**
 * `ndcg_cut.k`: DCG of the first k retrieved (gain = the qrel, over log2(rank + 1)) over the ideal DCG of the
 * judged documents sorted by relevance (levels ≥ 1), both cut at k; the DCG itself when the ideal is 0.
 * Math.log2 agrees with glibc's log2 for every rank below 1375 (checked), which covers HELM's cutoffs.
 */
export function ndcgCutAt(qrels: Relevances, run: Relevances, k: number): number {
  const { ranked, levels } = rankedRelevances(qrels, run);
  let dcg = 0;
  ranked.slice(0, k).forEach((gain, i) => {
    if (gain > 0) dcg += gain / Math.log2(i + 2);
  });
  let ideal = 0;
  let i = 0;
  for (let level = levels.length - 1; level > 0 && i < k; level--) {
    for (let n = 0; n < levels[level]! && i < k; n++, i++) ideal += level / Math.log2(i + 2);
  }
  return ideal > 0 ? dcg / ideal : dcg;
}
