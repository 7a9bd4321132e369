/** @module HELM's TyposPerturbation (`typos_perturbation.py`): letters swapped for QWERTY neighbours, with prob. */
import { perturbationDescription } from '../../../core/metric-name.ts';
import { numberOf, type PyNumber } from '../../../core/py-float.ts';
import { loadTypoNeighbours } from './perturbation-data.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/**
 * For each character (code point) of the text: lowercase it; if that is a key of the neighbour map,
 * `rng.random() < prob` → `rng.choice(neighbours)`; then, if the lowercase form differed from the
 * character, uppercase the result. Like HELM, this also rewrites characters it never draws for whose
 * lower-then-upper round trip changes them (`İ` → `I\u0307`, `ǅ` → `Ǆ`). Description: `typos` + `prob`.
 */
export function typos({ prob }: { readonly prob: PyNumber }): TextPerturbation {
  const neighbours = new Map([...loadTypoNeighbours()].map(([key, keys]) => [key, [...keys]] as const));
  const p = numberOf(prob);
  return {
    name: 'typos',
    description: perturbationDescription('typos', { robustness: true }, { prob }),
    perturbsReferences: false,
    perturb: (text, rng) => {
      let out = '';
      for (const letter of text) {
        const lower = letter.toLowerCase();
        const options = neighbours.get(lower);
        let replaced = options !== undefined && rng.random() < p ? rng.choice(options) : lower;
        if (lower !== letter) replaced = replaced.toUpperCase();
        out += replaced;
      }
      return out;
    },
  };
}
