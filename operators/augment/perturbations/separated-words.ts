/**
 * @module The substitution HELM's dialect and gender perturbations share: words caught between two separator
 * characters by one `re.sub(pattern, fn, text, flags=re.IGNORECASE)`, each replaced with probability `prob`.
 */
import type { PythonRandom } from '../../../core/rng/python-random.ts';

/** Python `s.replace(old, new)`: every occurrence; an empty `old` inserts `new` around every character. */
export function pyReplace(s: string, old: string, replacement: string): string {
  if (old === '') return replacement + [...s].join(replacement) + (s === '' ? '' : replacement);
  return s.split(old).join(replacement);
}

/**
 * For each match of `pattern` (global; group 1 = the word, the whole match = separator + word + separator),
 * left to right: one draw `rng.uniform(0, 1) < prob`; when it passes, `pick(word)` (which may draw more)
 * gives the replacement, and every occurrence of the word inside the whole match is replaced (HELM's
 * `match_str.replace(word, synonym)`). Matches do not overlap, so two words with one separator between them
 * share it and only the first can match; a word at the start or end of the text never matches.
 */
export function replaceSeparatedWords(
  text: string,
  pattern: RegExp,
  prob: number,
  rng: PythonRandom,
  pick: (word: string) => string,
): string {
  return text.replace(pattern, (whole: string, word: string) =>
    rng.uniform(0, 1) < prob ? pyReplace(whole, word, pick(word)) : whole,
  );
}
