/** @module HELM's LowerCasePerturbation (`lowercase_perturbation.py`). */
import { perturbationDescription } from '../../../core/metric-name.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/**
 * Python `text.lower()` (JS `toLowerCase` has the same full mappings, e.g. final sigma and `İ` → `i̇`).
 * The rng is unused. References are not perturbed, although HELM's docstring says they are.
 */
export function lowercase(): TextPerturbation {
  return {
    name: 'lowercase',
    description: perturbationDescription('lowercase', { robustness: true }),
    perturbsReferences: false,
    perturb: (text) => text.toLowerCase(),
  };
}
