/** @module HELM's ExpansionPerturbation (`contraction_expansion_perturbation.py`): "isn't" → "is not". */
import { perturbationDescription } from '../../../core/metric-name.ts';
import { loadContractionMap } from './perturbation-data.ts';
import { caseRule, pythonCase } from '../../../core/python-case.ts';
import { PY_WORD_BOUNDARY } from '../../../core/python-text.ts';
import { pythonIgnoreCase } from './python-regex.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/**
 * Expands contractions: `\b(ain't|aren't|…)\b` with IGNORECASE over CONTRACTION_MAP's keys in order, then
 * `match_case(matched, expansion)`. The first matching key wins, so "can't've" becomes "cannot've".
 * The rng is unused.
 */
export function expansion(): TextPerturbation {
  const { matchCase } = pythonCase();
  const contractions = loadContractionMap();
  const alternation = pythonIgnoreCase([...contractions.keys()].join('|'));
  const pattern = new RegExp(`${PY_WORD_BOUNDARY}(?:${alternation})${PY_WORD_BOUNDARY}`, 'giu');
  return {
    name: 'expansion',
    description: perturbationDescription('expansion', { robustness: true }),
    perturbsReferences: false,
    perturb: (text) =>
      text.replace(pattern, (matched: string) => {
        const expanded = contractions.get(matched) ?? contractions.get(matched.toLowerCase());
        if (expanded !== undefined) return matchCase(matched, expanded);
        // Python's IGNORECASE also matches text that does not lowercase to a key ("ſhe's", "İsn't"). Then HELM
        // 0.5.16's `match_case(matched, None)` either crashes or returns None, which `re.sub` turns into "".
        if (caseRule(matched) === 'keep') return '';
        throw new Error(`expansion: HELM 0.5.16 crashes on '${matched}'`);
      }),
  };
}
