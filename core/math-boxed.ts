/**
 * @module The answer of a MATH solution: the text inside its last `\boxed{…}` (HELM `math_scenario.py`:
 * `last_boxed_only_string`, `remove_boxed`, `get_answer`, taken from Hendrycks et al.'s MATH code). The
 * scenario reads a reference answer with it, and `math_equiv_chain_of_thought` a model's.
 */

/**
 * The last `\boxed…` (or, with none, the last `\fbox…`) up to the `}` that first brings the count of open braces
 * back to zero; null when there is neither, or the braces never close. A `}` before any `{` makes the count
 * negative, so it closes nothing (as in HELM).
 * @example lastBoxedOnlyString('so $\\boxed{\\frac{1}{2}}$.') // '\\boxed{\\frac{1}{2}}'
 */
export function lastBoxedOnlyString(text: string): string | null {
  let start = text.lastIndexOf('\\boxed');
  if (start < 0) start = text.lastIndexOf('\\fbox');
  if (start < 0) return null;
  let open = 0;
  for (let i = start; i < text.length; i++) {
    // Braces are ASCII, so UTF-16 indices find the same characters Python's code-point indices do.
    if (text[i] === '{') open += 1;
    if (text[i] === '}') {
      open -= 1;
      if (open === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

const BOXED = '\\boxed{';

/** The inside of `\boxed{…}`; null for anything else (an `\fbox{…}` among them, as in HELM). */
export function removeBoxed(boxed: string): string | null {
  if (!boxed.startsWith(BOXED) || !boxed.endsWith('}')) return null;
  return boxed.slice(BOXED.length, -1);
}

/** HELM `get_answer`: the inside of the last `\boxed{…}` of a solution, or null. */
export function boxedAnswer(solution: string | null): string | null {
  if (solution === null) return null;
  const boxed = lastBoxedOnlyString(solution);
  return boxed === null ? null : removeBoxed(boxed);
}
