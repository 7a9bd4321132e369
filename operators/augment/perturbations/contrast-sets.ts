/** @module HELM's ContrastSetsPerturbation (`contrast_sets_perturbation.py`): swap in a human-written contrast example. */
import type { Instance } from '../../../core/instance.ts';
import { perturbationDescription } from '../../../core/metric-name.ts';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import type { InstancePerturbation } from './instance-perturbation.ts';

/**
 * An instance that carries contrast sets (`contrast_inputs` and `contrast_references`, e.g. BoolQ's dev questions
 * under `only_contrast`) becomes, with `i = rng.choice(range(len(contrast_inputs)))` from HELM's per-instance rng
 * (`Random(id)` or `Random(str(seed) + id)`), a copy with input `contrast_inputs[i]` and references
 * `contrast_references[i]`; any other instance stays as it is. The copy keeps its id, its contrast sets and every
 * other field, and gets the description `contrast_sets` (robustness) with the seed.
 * @example contrastSets().apply(instance, undefined)
 */
export function contrastSets(): InstancePerturbation {
  const description = perturbationDescription('contrast_sets', { robustness: true });
  return {
    name: 'contrast_sets',
    description,
    apply(instance: Instance, seed: number | undefined): Instance {
      const perturbation = perturbationDescription('contrast_sets', { robustness: true, ...(seed !== undefined && { seed }) });
      const inputs = instance.contrast_inputs;
      const references = instance.contrast_references;
      if (inputs === undefined || references === undefined) return { ...instance, perturbation };
      const rng = new PythonRandom(seed === undefined ? instance.id : String(seed) + instance.id);
      if (inputs.length === 0) throw new Error(`Instance ${instance.id} has an empty contrast_inputs list (HELM's rng.choice fails on it too).`);
      const i = rng.randbelow(inputs.length); // Python `choice(range(n))` draws `_randbelow(n)`
      const chosenReferences = references[i];
      if (chosenReferences === undefined) {
        throw new Error(`Instance ${instance.id} has ${inputs.length} contrast inputs but only ${references.length} contrast reference lists.`);
      }
      return { ...instance, input: inputs[i]!, references: chosenReferences, perturbation };
    },
  };
}
