/**
 * @module The pure (gold, pred) → score functions of HELM's `evaluate_reference_metrics.py`, with their
 * Python result types: `exact_match` and friends return the ints `1`/`0`, `f1_score` a float (or the int `0`
 * that nltk returns when nothing overlaps). ROUGE, BLEU and the set matches live in their own files.
 */
import { pyFloat, type PyNumber } from '../../core/py-float.ts';
import { PY_PUNCTUATION, PY_WORD_CHAR, pySplit, pyStrip } from '../../core/python-text.ts';
import { bleu1, bleu4 } from './bleu.ts';
import { mathEquiv, mathEquivChainOfThought } from './math-equiv.ts';
import { rouge1, rouge2, rougeLcs } from './rouge.ts';
import { exactSetMatch, f1SetMatch, iouSetMatch } from './set-match.ts';

const PUNCTUATION = new Set(PY_PUNCTUATION);
const ARTICLES = new RegExp(`(?<!${PY_WORD_CHAR})(?:a|an|the)(?!${PY_WORD_CHAR})`, 'gu');

/**
 * HELM `normalize_text` (from the QuAC scorer): lower-case, drop ASCII punctuation, optionally replace the
 * articles a/an/the by a space, then collapse whitespace. The order matters: punctuation goes first, so
 * "the," loses its comma and then its article.
 */
export function normalizeText(text: string, shouldRemoveArticles = true): string {
  let normalized = [...text.toLowerCase()].filter((ch) => !PUNCTUATION.has(ch)).join('');
  if (shouldRemoveArticles) normalized = normalized.replace(ARTICLES, ' ');
  return pySplit(normalized).join(' ');
}

/** 1 iff the stripped texts are equal; 0 for an empty prediction. */
export function exactMatch(gold: string, pred: string): PyNumber {
  if (!pred) return 0;
  return pyStrip(gold) === pyStrip(pred) ? 1 : 0;
}

/** Exact match after `normalizeText`. */
export function quasiExactMatch(gold: string, pred: string): PyNumber {
  if (!pred) return 0;
  return normalizeText(gold) === normalizeText(pred) ? 1 : 0;
}

/** Exact match after `normalizeText` that keeps the articles. */
export function quasiLeaveArticlesExactMatch(gold: string, pred: string): PyNumber {
  if (!pred) return 0;
  return normalizeText(gold, false) === normalizeText(pred, false) ? 1 : 0;
}

/**
 * 1 iff the stripped prediction starts with the stripped gold: a zero-shot BoolQ model that answers
 * "Yes, Elmendorf" instead of "Yes" still scores.
 */
export function prefixExactMatch(gold: string, pred: string): PyNumber {
  if (!pred) return 0;
  return pyStrip(pred).startsWith(pyStrip(gold)) ? 1 : 0;
}

/** `prefixExactMatch` after `normalizeText`. */
export function quasiPrefixExactMatch(gold: string, pred: string): PyNumber {
  if (!pred) return 0;
  return normalizeText(pred).startsWith(normalizeText(gold)) ? 1 : 0;
}

/**
 * nltk `f_measure` over the **sets** of normalized tokens (not SQuAD's bag of words): None (an empty side,
 * which HELM turns into `0.0`), the int `0` when precision or recall is 0, else the harmonic mean.
 */
export function f1Score(gold: string, pred: string): PyNumber {
  const reference = new Set(pySplit(normalizeText(gold)));
  const test = new Set(pySplit(normalizeText(pred)));
  if (reference.size === 0 || test.size === 0) return pyFloat(0);
  let common = 0;
  for (const token of test) if (reference.has(token)) common += 1;
  const precision = common / test.size;
  const recall = common / reference.size;
  if (precision === 0 || recall === 0) return 0;
  const alpha = 0.5;
  return pyFloat(1.0 / (alpha / precision + (1 - alpha) / recall));
}

/**
 * Exact match of the last space-separated piece of each side, so that "Because of x and y, the answer is
 * ## 7" matches "Given z, the answer is ## 7".
 */
export function exactMatchIndicator(gold: string, pred: string): PyNumber {
  const last = (text: string): string => pyStrip(text.split(' ').at(-1) ?? '');
  return exactMatch(last(gold), last(pred));
}

// Python `-?[\d,]+(?:.\d+)?`: `\d` is any Unicode digit and `.` anything but "\n".
const NUMBER = /-?[\p{Nd},]+(?:[^\n]\p{Nd}+)?/gu;

/** 1 iff the last numbers match: "The answer is 15." vs "The answer is 15 eggs." scores 1. */
export function finalNumberExactMatch(gold: string, pred: string): PyNumber {
  const finalNumber = (text: string): string => (text.match(NUMBER)?.at(-1) ?? '').replaceAll(',', '');
  return exactMatch(finalNumber(gold), finalNumber(pred));
}

/** The reference-comparison functions a BasicGenerationMetric can name, keyed by HELM's names. */
export const referenceMetrics = {
  exact_match: exactMatch,
  quasi_exact_match: quasiExactMatch,
  quasi_leave_articles_exact_match: quasiLeaveArticlesExactMatch,
  prefix_exact_match: prefixExactMatch,
  quasi_prefix_exact_match: quasiPrefixExactMatch,
  exact_match_indicator: exactMatchIndicator,
  final_number_exact_match: finalNumberExactMatch,
  exact_set_match: exactSetMatch,
  iou_set_match: iouSetMatch,
  f1_set_match: f1SetMatch,
  f1_score: f1Score,
  rouge_1: rouge1,
  rouge_2: rouge2,
  rouge_l: rougeLcs,
  bleu_1: bleu1,
  bleu_4: bleu4,
  math_equiv: mathEquiv,
  math_equiv_chain_of_thought: mathEquivChainOfThought,
} as const satisfies Record<string, (gold: string, pred: string) => PyNumber>;

export type ReferenceMetricName = keyof typeof referenceMetrics;

/** Whether `name` is one of the implemented reference metrics. */
export const isReferenceMetricName = (name: string): name is ReferenceMetricName =>
  Object.hasOwn(referenceMetrics, name);
