/** @module HELM's choice of in-context examples per train trial (`InContextLearningAdapter.sample_examples`, §5.3). */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import { UserError } from '../../core/errors.ts';
import { isCorrect, type Instance } from '../../core/instance.ts';
import { comparePyStrings } from '../../core/python-text.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';

/** Labels in sampling order: by count descending, each count's labels shuffled from alphabetical order. */
function labelsInSamplingOrder(byLabel: ReadonlyMap<string, readonly Instance[]>, rng: PythonRandom): string[] {
  const labelsByCount = new Map<number, string[]>();
  for (const label of [...byLabel.keys()].sort(comparePyStrings)) {
    const count = byLabel.get(label)!.length;
    labelsByCount.set(count, [...(labelsByCount.get(count) ?? []), label]);
  }
  return [...labelsByCount.keys()]
    .sort((a, b) => b - a)
    .flatMap((count) => {
      const labels = labelsByCount.get(count)!;
      rng.shuffle(labels);
      return labels;
    });
}

/**
 * The train examples of trial `trial`, in prompt order (HELM v0.5.16 in_context_learning_adapter.py).
 * `random.seed(trial)` of Python's global generator becomes `new PythonRandom(trial)`. Instances are grouped by
 * the text of their first correct reference; labels are taken round-robin in `labelsInSamplingOrder`, one
 * `pop(randrange(len))` each; an empty label stops the round-robin; `random.sample` of the unlabeled instances
 * fills the rest. With `sample_train=False`, the trial's consecutive slice. Pure: a fresh generator per call.
 * @example sampleExamples(trainInstances, spec, 0) // the examples shared by every eval instance of trial 0
 */
export function sampleExamples(train: readonly Instance[], spec: AdapterSpec, trial: number): Instance[] {
  let remaining = Math.min(train.length, spec.max_train_instances);
  if (!spec.sample_train) return train.slice(remaining * trial, remaining * (trial + 1));
  const rng = new PythonRandom(trial);

  const unlabeled: Instance[] = [];
  const byLabel = new Map<string, Instance[]>();
  for (const instance of train) {
    // Python `if instance.first_correct_reference:` tests a dataclass, so an empty label still counts.
    const label = instance.references.find(isCorrect)?.output.text;
    if (label === undefined) unlabeled.push(instance);
    else byLabel.set(label, [...(byLabel.get(label) ?? []), instance]);
  }
  const labels = labelsInSamplingOrder(byLabel, rng);

  const examples: Instance[] = [];
  let labeledLeft = train.length - unlabeled.length;
  for (let i = 0; remaining > 0 && labels.length > 0; i = (i + 1) % labels.length) {
    const label = labels[i]!;
    if (label === '') break; // HELM: `if not next_label: break`
    if (labeledLeft === 0) {
      // An empty label would have stopped the loop, and its instances are never taken, so none exists here.
      throw new UserError(
        `In-context sampling for train trial ${trial} needs ${remaining} more of max_train_instances=` +
          `${spec.max_train_instances}, but all ${examples.length} train instances with a correct reference are ` +
          `taken and ${unlabeled.length} without one remain: HELM 0.5.16 loops forever here ` +
          `(in_context_learning_adapter.py sample_examples). Lower max_train_instances to ${examples.length}, ` +
          `or set sample_train=False.`,
      );
    }
    const candidates = byLabel.get(label)!;
    if (candidates.length === 0) continue;
    examples.push(candidates.splice(rng.randrange(candidates.length), 1)[0]!);
    labeledLeft -= 1;
    remaining -= 1;
  }
  if (remaining > unlabeled.length) {
    // Only after an empty label stopped the round-robin: Python's `random.sample` raises ValueError.
    throw new UserError(
      `In-context sampling for train trial ${trial} stopped at a train instance whose correct reference is the ` +
        `empty string, and then needs ${remaining} instances without a correct reference but only ` +
        `${unlabeled.length} exist: HELM 0.5.16 fails here with "ValueError: Sample larger than population" ` +
        `(in_context_learning_adapter.py sample_examples). Lower max_train_instances or set sample_train=False.`,
    );
  }
  return [...examples, ...rng.sample(unlabeled, remaining)];
}
