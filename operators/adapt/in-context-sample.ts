/** @module HELM's choice of in-context examples per train trial (`InContextLearningAdapter.sample_examples`, §5.3). */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import { UserError } from '../../core/errors.ts';
import { isCorrect, type Instance } from '../../core/instance.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';

const firstCorrectText = (instance: Instance): string | undefined => instance.references.find(isCorrect)?.output.text;

/**
 * The train examples of trial `trial`, in prompt order. HELM seeds Python's global `random` with the trial
 * index; labels (texts of first correct references) are ordered by count, ties shuffled from alphabetical
 * order, then taken round-robin, one random instance each; unlabeled instances fill the rest.
 * Pure: the same train set, spec and trial give the same examples.
 */
export function sampleExamples(train: readonly Instance[], spec: AdapterSpec, trial: number): Instance[] {
  const rng = new PythonRandom(trial);
  let remaining = Math.min(train.length, spec.max_train_instances);
  if (!spec.sample_train) return train.slice(remaining * trial, remaining * (trial + 1));

  const unlabeled: Instance[] = [];
  const byLabel = new Map<string, Instance[]>();
  for (const instance of train) {
    const label = firstCorrectText(instance);
    // Python: `if instance.first_correct_reference:` is a dataclass, so an empty label is still "labeled".
    if (label === undefined) unlabeled.push(instance);
    else byLabel.set(label, [...(byLabel.get(label) ?? []), instance]);
  }
  const labelsByCount = new Map<number, string[]>();
  for (const label of [...byLabel.keys()].sort(comparePythonStrings)) {
    const count = byLabel.get(label)!.length;
    labelsByCount.set(count, [...(labelsByCount.get(count) ?? []), label]);
  }
  const orderedLabels: string[] = [];
  for (const count of [...labelsByCount.keys()].sort((a, b) => b - a)) {
    const labels = labelsByCount.get(count)!;
    rng.shuffle(labels);
    orderedLabels.push(...labels);
  }

  const examples: Instance[] = [];
  let labeledLeft = [...byLabel.values()].reduce((sum, list) => sum + list.length, 0);
  for (let i = 0; remaining > 0 && orderedLabels.length > 0; i = (i + 1) % orderedLabels.length) {
    const label = orderedLabels[i]!;
    if (label === '') break; // HELM: `if not next_label: break`
    if (labeledLeft === 0) {
      throw new UserError(
        `In-context sampling for trial ${trial} needs ${remaining} more examples, but every labeled train instance ` +
          `is used and ${unlabeled.length} unlabeled ones remain: HELM 0.5.16 loops forever here ` +
          `(in_context_learning_adapter.py sample_examples). Lower max_train_instances or set sample_train=False.`,
      );
    }
    const candidates = byLabel.get(label)!;
    if (candidates.length === 0) continue;
    examples.push(candidates.splice(rng.randrange(candidates.length), 1)[0]!);
    labeledLeft -= 1;
    remaining -= 1;
  }
  return [...examples, ...rng.sample(unlabeled, remaining)];
}

/** Python's default string order (by code point), not the locale order. */
function comparePythonStrings(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
