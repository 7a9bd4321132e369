/** @module The shape every text perturbation has: HELM's `TextPerturbation` as a small record. */
import type { PerturbationDescription } from '../../../core/metric-name.ts';
import type { PythonRandom } from '../../../core/rng/python-random.ts';

/**
 * One HELM text perturbation (`benchmark/augmentations/perturbation.py: TextPerturbation`).
 * `augment()` seeds the rng per instance (`Random(instance.id)` or `Random(str(seed) + instance.id)`),
 * perturbs the references first when `perturbsReferences`, then the input, all with that one rng.
 */
export interface TextPerturbation {
  /** HELM's `name` attribute, e.g. `extra_space`. */
  readonly name: string;
  /** HELM's `description` property, with `seed` unset (augment sets it per application). */
  readonly description: PerturbationDescription;
  /** HELM's `should_perturb_references`. */
  readonly perturbsReferences: boolean;
  /** HELM's `perturb(text, rng)`: pure apart from the draws it makes on `rng`, in HELM's order. */
  readonly perturb: (text: string, rng: PythonRandom) => string;
}

/** The args of a PerturbationSpec, as found in a run spec (values typed by the factory that reads them). */
export type PerturbationArgs = Readonly<Record<string, unknown>>;
