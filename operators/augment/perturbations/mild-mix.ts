/** @module HELM's MildMixPerturbation (`mild_mix_perturbation.py`): the canonical "robustness" perturbation. */
import { perturbationDescription } from '../../../core/metric-name.ts';
import { pyFloat } from '../../../core/py-float.ts';
import { contraction } from './contraction.ts';
import { lowercase } from './lowercase.ts';
import { misspellings } from './misspellings.ts';
import { space } from './space.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/**
 * lowercase → contraction → misspellings(prob 0.1) → space(max_spaces 3), sharing one rng (only the
 * last two draw). References are not perturbed ("not fair to have to generate broken text").
 */
export function mildMix(): TextPerturbation {
  const steps = [lowercase(), contraction(), misspellings({ prob: pyFloat(0.1) }), space({ max_spaces: 3 })];
  return {
    name: 'mild_mix',
    description: perturbationDescription('mild_mix', { robustness: true }),
    perturbsReferences: false,
    perturb: (text, rng) => steps.reduce((current, step) => step.perturb(current, rng), text),
  };
}
