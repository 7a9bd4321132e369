/**
 * @module What scikit-learn's precision/recall/F1 need of a population, kept as it streams by: the number of rows and,
 * per label, its true positives, predictions and gold occurrences. Rows are dropped once counted.
 */

/** One label's counts (sklearn's `tp_sum`, `pred_sum`, `true_sum`). */
export interface LabelCounts {
  readonly tp: number;
  readonly pred: number;
  readonly gold: number;
}

/** Per-label counts over a stream of (gold labels, predicted labels) rows. */
export interface LabelTally {
  /** Counts one row; each side is a set (a label listed twice counts once, as in a binarized row). */
  add(gold: Iterable<string>, pred: Iterable<string>): void;
  /** The number of rows added. */
  readonly rows: number;
  /** The counts of `label` (zeros if never seen). */
  counts(label: string): LabelCounts;
  /** Every label seen on either side, in first-seen order. */
  labels(): string[];
}

const ZERO: LabelCounts = { tp: 0, pred: 0, gold: 0 };

/**
 * A new LabelTally. Memory: one entry per distinct label text seen, gold or predicted (bounded by the label set
 * when the caller filters predictions to it), never the rows.
 */
export function labelTally(): LabelTally {
  const byLabel = new Map<string, { tp: number; pred: number; gold: number }>();
  let rows = 0;
  const entry = (label: string) => {
    let counts = byLabel.get(label);
    if (counts === undefined) byLabel.set(label, (counts = { tp: 0, pred: 0, gold: 0 }));
    return counts;
  };
  return {
    add(gold, pred) {
      rows += 1;
      const goldSet = new Set(gold);
      for (const label of goldSet) entry(label).gold += 1;
      for (const label of new Set(pred)) {
        const counts = entry(label);
        counts.pred += 1;
        if (goldSet.has(label)) counts.tp += 1;
      }
    },
    get rows() {
      return rows;
    },
    counts: (label) => byLabel.get(label) ?? ZERO,
    labels: () => [...byLabel.keys()],
  };
}

/**
 * sklearn's view of a binarized population (MultiLabelBinarizer columns `classes`): with two or more classes a
 * multilabel-indicator target, one count per class; with a single class the one column is a *binary* target, so
 * sklearn scores the values 0 and 1 that occur in it (sorted) instead of the class — HELM then names the first of
 * those scores after the class. No class at all is sklearn's "unknown is not supported" ValueError.
 */
export function binarizedCounts(tally: LabelTally, classes: readonly string[]): LabelCounts[] {
  if (tally.rows === 0) throw new Error('scikit-learn cannot score an empty population (found array with 0 samples)');
  if (classes.length >= 2) return classes.map((label) => tally.counts(label));
  if (classes.length === 0) throw new Error('scikit-learn cannot score a population without any class (unknown is not supported)');
  const one = tally.counts(classes[0]!);
  const n = tally.rows;
  const zero: LabelCounts = { tp: n - one.pred - one.gold + one.tp, pred: n - one.pred, gold: n - one.gold };
  return [zero, one].filter((c) => c.pred > 0 || c.gold > 0);
}
