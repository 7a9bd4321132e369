/** @module HELM's ExtraSpacePerturbation (`extra_space_perturbation.py`): every space becomes `num_spaces` spaces. */
import { perturbationDescription } from '../../../core/metric-name.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/** Replaces each `" "` with `num_spaces` spaces (rng unused). Description: `extra_space` + `num_spaces` (int). */
export function extraSpace({ num_spaces }: { readonly num_spaces: number }): TextPerturbation {
  const spaces = ' '.repeat(Math.max(0, num_spaces)); // Python: " " * n is "" for n <= 0
  return {
    name: 'extra_space',
    description: perturbationDescription('extra_space', { robustness: true }, { num_spaces }),
    perturbsReferences: false,
    perturb: (text) => text.replaceAll(' ', spaces),
  };
}
