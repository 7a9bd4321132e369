/** @module HELM's MisspellingPerturbation (`misspelling_perturbation.py`): common misspellings, per word, with prob. */
import { perturbationDescription } from '../../../core/metric-name.ts';
import { numberOf, type PyNumber } from '../../../core/py-float.ts';
import { loadMisspellings } from './perturbation-data.ts';
import { pythonCase } from '../../../core/python-case.ts';
import { PY_WORD_BOUNDARY } from '../../../core/python-text.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/**
 * `\b(word1|word2|…)\b` over `correct_to_misspelling.json`'s keys in file order (case-sensitive, unescaped,
 * so the first listed key that fits wins: keys such as "about a" and "countries'" take part). For each
 * match, left to right: `rng.random() < prob` → `match_case(word, rng.choice(misspellings[word]))`, else
 * the word unchanged (one draw, or two when it is replaced). Description: `misspellings` + `prob`.
 */
export function misspellings({ prob }: { readonly prob: PyNumber }): TextPerturbation {
  const { matchCase } = pythonCase();
  const table = loadMisspellings();
  const pattern = new RegExp(`${PY_WORD_BOUNDARY}(${[...table.keys()].join('|')})${PY_WORD_BOUNDARY}`, 'gu');
  const p = numberOf(prob);
  return {
    name: 'misspellings',
    description: perturbationDescription('misspellings', { robustness: true }, { prob }),
    perturbsReferences: false,
    perturb: (text, rng) =>
      text.replace(pattern, (_whole, word: string) =>
        rng.random() < p ? matchCase(word, rng.choice(table.get(word)!)) : word,
      ),
  };
}
