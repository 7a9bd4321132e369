/**
 * @module HELM's set-match scores (`evaluate_reference_metrics.py`), used by synthetic_reasoning_natural: an answer
 * such as "The cat is big and red." names the set {"big", "red"}; "Nothing." is the empty set.
 */
import { pyFloat, type PyNumber } from '../../core/py-float.ts';

/**
 * HELM `extract_set_from_text`: exactly "Nothing." is ∅; otherwise drop every ".", take the text after the last
 * " is " (all of it without one) and split it on " and ". Items are not stripped: "big  and red" gives "big ".
 * @example extractSetFromText('The fruit is apple and pear.') // Set {'apple', 'pear'}
 */
export function extractSetFromText(text: string): Set<string> {
  if (text === 'Nothing.') return new Set();
  const afterIs = text.replaceAll('.', '').split(' is ').at(-1)!;
  return new Set(afterIs.split(' and '));
}

/** HELM `extract_gold_pred_sets`: the gold's set and that of the prediction's first line. */
function goldAndPredSets(gold: string, pred: string): [Set<string>, Set<string>] {
  return [extractSetFromText(gold), extractSetFromText(pred.split('\n')[0]!)];
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

const intersectionSize = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => [...a].filter((x) => b.has(x)).length;

/** HELM `iou_set_match`: |gold ∩ pred| / |gold ∪ pred|; with an empty gold, 1.0 iff the prediction is empty too. */
export function iouSetMatch(gold: string, pred: string): PyNumber {
  const [goldSet, predSet] = goldAndPredSets(gold, pred);
  if (goldSet.size === 0) return pyFloat(sameSet(goldSet, predSet) ? 1 : 0);
  const common = intersectionSize(goldSet, predSet);
  return pyFloat(common / (goldSet.size + predSet.size - common));
}

/** HELM `f1_set_match`: 2·|gold ∩ pred| / (|gold| + |pred|); with an empty gold, 1.0 iff the prediction is empty too. */
export function f1SetMatch(gold: string, pred: string): PyNumber {
  const [goldSet, predSet] = goldAndPredSets(gold, pred);
  if (goldSet.size === 0) return pyFloat(sameSet(goldSet, predSet) ? 1 : 0);
  return pyFloat((2 * intersectionSize(goldSet, predSet)) / (goldSet.size + predSet.size));
}

/** HELM `exact_set_match`: 1.0 iff both texts name the same set. */
export function exactSetMatch(gold: string, pred: string): PyNumber {
  const [goldSet, predSet] = goldAndPredSets(gold, pred);
  return pyFloat(sameSet(goldSet, predSet) ? 1 : 0);
}
