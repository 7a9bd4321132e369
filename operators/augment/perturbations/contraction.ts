/** @module HELM's ContractionPerturbation (`contraction_expansion_perturbation.py`): "is not " → "isn't ". */
import { perturbationDescription } from '../../../core/metric-name.ts';
import { loadContractionMap } from './perturbation-data.ts';
import { pythonCase } from '../../../core/python-case.ts';
import { PY_WORD_BOUNDARY } from '../../../core/python-text.ts';
import { pythonIgnoreCase } from './python-regex.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/**
 * Contracts expansions that are followed by a space (`\b(expansion|…)\b ` with IGNORECASE; so nothing at
 * the end of the text), then `match_case`s the contraction to the matched text. The reverse map is
 * `{expansion: contraction}` built in CONTRACTION_MAP order, so a repeated expansion keeps its first
 * position and its last contraction ("is not" → "isn't", not "ain't"). The rng is unused.
 */
export function contraction(): TextPerturbation {
  const { matchCase } = pythonCase();
  const reverse = new Map<string, string>();
  for (const [contracted, expanded] of loadContractionMap()) reverse.set(expanded, contracted);
  const alternation = pythonIgnoreCase([...reverse.keys()].join('|'));
  const pattern = new RegExp(`${PY_WORD_BOUNDARY}(${alternation})${PY_WORD_BOUNDARY} `, 'giu');
  return {
    name: 'contraction',
    description: perturbationDescription('contraction', { robustness: true }),
    perturbsReferences: false,
    perturb: (text) =>
      text.replace(pattern, (_whole, matched: string) => {
        const contracted = reverse.get(matched) ?? reverse.get(matched.toLowerCase());
        // Python's IGNORECASE also matches text that does not lowercase to a key ("ſhe is ", "İs not ");
        // HELM 0.5.16 then crashes (`match_case(…, None) + " "`), and so do we.
        if (contracted === undefined) throw new Error(`contraction: HELM 0.5.16 crashes on '${matched} '`);
        return `${matchCase(matched, contracted)} `;
      }),
  };
}
