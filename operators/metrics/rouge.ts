/**
 * @module google-research `rouge_score` 0.1.2 as HELM calls it (`RougeScorer([type], use_stemmer=True)`, then
 * `.fmeasure`): its default tokenizer (lower-case, runs of anything but `a-z0-9` as separators, nltk's Porter stem
 * of tokens longer than 3 characters) and the rouge-N and rouge-L scores of one target and one prediction.
 */
import { pyFloat, type PyNumber } from '../../core/py-float.ts';
import { porterStem } from './porter-stemmer.ts';

/** rouge_score's `Score`: precision, recall and F-measure, with Python's int/float types. */
export interface RougeScore {
  readonly precision: PyNumber;
  readonly recall: PyNumber;
  readonly fmeasure: PyNumber;
}

/**
 * rouge_score `tokenize.tokenize(text, stemmer)`: Python's `str.lower()`, every run of characters other than
 * `a-z0-9` becomes a space, split, stem the tokens of more than 3 characters, keep the non-empty ones.
 * @example rougeTokens('The quick-brown foxes!', true) // ['the', 'quick', 'brown', 'fox']
 */
export function rougeTokens(text: string, shouldStem: boolean): string[] {
  const tokens = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ');
  // The stemmer only cuts and appends letters, so the final `^[a-z0-9]+$` check only drops empty strings.
  return tokens.map((t) => (shouldStem && t.length > 3 ? porterStem(t) : t)).filter((t) => t !== '');
}

/** rouge_score `scoring.fmeasure`: the harmonic mean, or the float 0.0 when both are 0. */
function fmeasure(precision: number, recall: number): PyNumber {
  return pyFloat(precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0);
}

/** The n-grams of `tokens` with their counts, keyed by the tokens joined with a space (tokens hold no space). */
function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * rouge_score `_score_ngrams`: clipped n-gram overlap over the prediction's n-grams (precision) and the target's
 * (recall), each count at least 1 in the denominator, so every value is a float.
 */
export function rougeN(targetTokens: readonly string[], predictionTokens: readonly string[], n: number): RougeScore {
  const target = ngramCounts(targetTokens, n);
  const prediction = ngramCounts(predictionTokens, n);
  let overlap = 0;
  for (const [ngram, count] of target) overlap += Math.min(count, prediction.get(ngram) ?? 0);
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  const precision = overlap / Math.max(sum(prediction), 1);
  const recall = overlap / Math.max(sum(target), 1);
  return { precision: pyFloat(precision), recall: pyFloat(recall), fmeasure: fmeasure(precision, recall) };
}

/** The length of the longest common subsequence, by rows of rouge_score's DP table (one row kept at a time). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = x === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** rouge_score `_score_lcs` (rougeL): the ints 0 when either side has no token, else LCS / length as floats. */
export function rougeL(targetTokens: readonly string[], predictionTokens: readonly string[]): RougeScore {
  if (targetTokens.length === 0 || predictionTokens.length === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  const lcs = lcsLength(targetTokens, predictionTokens);
  const precision = lcs / predictionTokens.length;
  const recall = lcs / targetTokens.length;
  return { precision: pyFloat(precision), recall: pyFloat(recall), fmeasure: fmeasure(precision, recall) };
}

/** The rouge types HELM asks rouge_score for. */
export type RougeType = 'rouge1' | 'rouge2' | 'rougeL';

/**
 * `RougeScorer([type], use_stemmer=True).score(gold, pred)[type]`, as HELM's `get_rouge_function` builds it.
 * @example rougeScore('rougeL', 'The cat sat.', 'the cats sat down').fmeasure // 0.8571428571428571
 */
export function rougeScore(type: RougeType, gold: string, pred: string): RougeScore {
  const target = rougeTokens(gold, true);
  const prediction = rougeTokens(pred, true);
  if (type === 'rougeL') return rougeL(target, prediction);
  return rougeN(target, prediction, type === 'rouge1' ? 1 : 2);
}

/** HELM `rouge_1`: rouge_score's rouge1 F-measure with the Porter stemmer. */
export const rouge1 = (gold: string, pred: string): PyNumber => rougeScore('rouge1', gold, pred).fmeasure;

/** HELM `rouge_2`: rouge_score's rouge2 F-measure with the Porter stemmer. */
export const rouge2 = (gold: string, pred: string): PyNumber => rougeScore('rouge2', gold, pred).fmeasure;

/** HELM `rouge_l`: rouge_score's rougeL (longest common subsequence) F-measure with the Porter stemmer. */
export const rougeLcs = (gold: string, pred: string): PyNumber => rougeScore('rougeL', gold, pred).fmeasure;
