/**
 * @module nltk 3.8's `sentence_bleu(references, hypothesis, weights)` without smoothing (`SmoothingFunction().method0`),
 * and HELM's `bleu_1` / `bleu_4`, which score `word_tokenize(pred)` against `[word_tokenize(gold)]`.
 */
import { pyFloat, type PyNumber } from '../../core/py-float.ts';
import { englishPunktParameters } from './tokenize-punkt-english.ts';
import { wordTokenize } from './tokenize-word.ts';

/** `sys.float_info.min`: what method0 puts in place of a zero precision (with a warning, in nltk). */
const FLOAT_MIN = 2.2250738585072014e-308;

/** The n-grams of `tokens` with their counts, keyed by the tokens joined with U+0000. */
function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * nltk `modified_precision` as its (unreduced) numerator and denominator: the hypothesis n-grams, each clipped to
 * its largest count in one reference, over the number of hypothesis n-grams (at least 1).
 */
export function modifiedPrecision(references: readonly (readonly string[])[], hypothesis: readonly string[], n: number): [number, number] {
  const counts = ngramCounts(hypothesis, n);
  const referenceCounts = references.map((reference) => ngramCounts(reference, n));
  let numerator = 0;
  let total = 0;
  for (const [ngram, count] of counts) {
    const maxReferenceCount = Math.max(0, ...referenceCounts.map((r) => r.get(ngram) ?? 0));
    numerator += Math.min(count, maxReferenceCount);
    total += count;
  }
  return [numerator, Math.max(1, total)];
}

/** nltk `closest_ref_length`: the reference length nearest the hypothesis length, the shorter on a tie. */
function closestReferenceLength(references: readonly (readonly string[])[], hypothesisLength: number): number {
  const key = (length: number): [number, number] => [Math.abs(length - hypothesisLength), length];
  return references
    .map((reference) => reference.length)
    .reduce((best, length) => {
      const [d, l] = key(length);
      const [bestD, bestL] = key(best);
      return d < bestD || (d === bestD && l < bestL) ? length : best;
    });
}

/** nltk `brevity_penalty`: the int 1 for a longer hypothesis, 0 for an empty one, else e^(1 − r/c). */
function brevityPenalty(closestReferenceLength: number, hypothesisLength: number): number {
  if (hypothesisLength > closestReferenceLength) return 1;
  if (hypothesisLength === 0) return 0;
  return Math.exp(1 - closestReferenceLength / hypothesisLength);
}

/**
 * nltk 3.8 `sentence_bleu` with one weight vector and no smoothing: the int 0 when no unigram matches; otherwise
 * bp · exp(Σ wᵢ · log pᵢ) as a float, where a zero precision pᵢ counts as `sys.float_info.min`, so a BLEU-4
 * without any matching 4-gram is about 2.2e-308 (times bp), not 0. Pure.
 * @example sentenceBleu([['the', 'cat']], ['the', 'cat'], [1, 0, 0, 0]) // PyFloat 1.0
 */
export function sentenceBleu(
  references: readonly (readonly string[])[],
  hypothesis: readonly string[],
  weights: readonly number[],
): PyNumber {
  const precisions = weights.map((_, i) => modifiedPrecision(references, hypothesis, i + 1));
  if (precisions[0]![0] === 0) return 0;
  const bp = brevityPenalty(closestReferenceLength(references, hypothesis.length), hypothesis.length);
  // math.fsum of the weighted logs; at most one non-zero term for HELM's weights, so a plain sum is exact there.
  const terms = weights.map((w, i) => {
    const [numerator, denominator] = precisions[i]!;
    return w * Math.log(numerator === 0 ? FLOAT_MIN : numerator / denominator);
  });
  return pyFloat(bp * Math.exp(fsum(terms)));
}

/** Python's `math.fsum`: the correctly rounded sum (Shewchuk's partials, as CPython does it). */
function fsum(xs: readonly number[]): number {
  const partials: number[] = [];
  for (let x of xs) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    if (x !== 0) partials.push(x);
  }
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n]!;
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  // Round half to even across the remaining partials, as CPython's fsum does.
  if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/** HELM's tokenization for BLEU: nltk `word_tokenize` with its English Punkt model. */
const bleuTokens = (text: string): string[] => wordTokenize(text, englishPunktParameters());

/** HELM `bleu_1`: unigram BLEU of the prediction's word tokens against the gold's. */
export const bleu1 = (gold: string, pred: string): PyNumber => sentenceBleu([bleuTokens(gold)], bleuTokens(pred), [1, 0, 0, 0]);

/** HELM `bleu_4`: BLEU with all weight on 4-grams (not the usual uniform BLEU-4). */
export const bleu4 = (gold: string, pred: string): PyNumber => sentenceBleu([bleuTokens(gold)], bleuTokens(pred), [0, 0, 0, 1]);
