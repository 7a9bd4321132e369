/** @module Errors a user can fix (bad input) versus bugs, and close-match suggestions for names. */

/** Bad input: printed without a stack by `pipelines/*`, which then exit 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** Levenshtein distance, used to suggest the valid names closest to a misspelled one. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The valid names closest to `name` (at most `limit`), best first, for "did you mean" messages. */
export function closeMatches(name: string, candidates: Iterable<string>, limit = 5): string[] {
  const scored = [...candidates].map((candidate) => {
    const contains = candidate.includes(name) || name.includes(candidate);
    return { candidate, score: editDistance(name.toLowerCase(), candidate.toLowerCase()) - (contains ? 3 : 0) };
  });
  const cutoff = Math.max(3, Math.floor(name.length / 2));
  return scored
    .filter((s) => s.score <= cutoff)
    .sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** "unknown X 'name'; did you mean: a, b? (valid: …)" as one consistent message. */
export function unknownNameMessage(kind: string, name: string, candidates: readonly string[]): string {
  const close = closeMatches(name, candidates);
  const hint = close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '';
  const all = candidates.length <= 40 ? ` Valid ${kind}s: ${[...candidates].sort().join(', ')}.` : '';
  return `Unknown ${kind} '${name}'.${hint}${all}`;
}
