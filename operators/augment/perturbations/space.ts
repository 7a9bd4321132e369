/** @module HELM's SpacePerturbation (`space_perturbation.py`): each run of spaces becomes 1..max_spaces spaces. */
import { perturbationDescription } from '../../../core/metric-name.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/**
 * `re.sub(r" +", lambda m: " " * rng.randint(1, max_spaces), text)`: one `randint` per run of spaces,
 * left to right. (HELM's docstring says 0–max_spaces; the code's minimum is 1.)
 */
export function space({ max_spaces }: { readonly max_spaces: number }): TextPerturbation {
  return {
    name: 'space',
    description: perturbationDescription('space', { robustness: true }, { max_spaces }),
    perturbsReferences: false,
    perturb: (text, rng) => text.replace(/ +/g, () => ' '.repeat(rng.randint(1, max_spaces))),
  };
}
