/**
 * @module Differences between our JSON and HELM's for the summarize tables: key sets and order, strings, booleans and
 * nulls exactly, numbers to 1e-9 relative (`suite-parity`'s rule), paths named. For parity tests and tools.
 */

/** Whether two numbers agree to 1e-9 relative (both NaN agree). */
export const closeEnough = (a: number, b: number): boolean =>
  (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Every difference between `ours` and `theirs` (parsed JSON), as `path: ours … HELM …` lines; none when they agree.
 * `loose(path)` may name paths compared by presence only (timing cells, a Python set's join).
 * @example expect(helmJsonDiffs(JSON.parse(ourText), JSON.parse(helmText), 'groups/mmlu.json')).toEqual([])
 */
export function helmJsonDiffs(ours: unknown, theirs: unknown, path: string, loose?: (path: string) => boolean): string[] {
  const diffs: string[] = [];
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (loose?.(at) === true) {
      if ((a === undefined) !== (b === undefined)) diffs.push(`${at}: present ours=${a !== undefined} HELM=${b !== undefined}`);
      return;
    }
    if (typeof a === 'number' && typeof b === 'number') {
      if (!closeEnough(a, b)) diffs.push(`${at}: ours ${a} HELM ${b}`);
      return;
    }
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) {
      if (a !== b) diffs.push(`${at}: ours ${JSON.stringify(a)} HELM ${JSON.stringify(b)}`);
      return;
    }
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join('\n') !== kb.join('\n')) diffs.push(`${at}: keys ours [${ka.join(', ')}] HELM [${kb.join(', ')}]`);
    for (const key of kb) {
      if (key in a) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    }
  };
  walk(ours, theirs, path);
  return diffs;
}
