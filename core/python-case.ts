/** @module Python's case rules that HELM's `match_case` relies on: `islower`, `isupper`, `capitalize`. */
import { readFileSync } from 'node:fs';

/** Code points whose Python `str.title()` differs from `str.upper()` (e.g. `ß` → `Ss`, `ǆ` → `ǅ`), from configs/. */
function loadPythonTitlecase(): Map<string, string> {
  const path = new URL('../configs/python_titlecase.json', import.meta.url);
  const data = JSON.parse(readFileSync(path, 'utf8')) as { title: Record<string, string> };
  return new Map(Object.entries(data.title));
}

// Python's per-character `str.islower()` / `str.isupper()` are Unicode's Lowercase / Uppercase properties.
const LOWERCASE = /^\p{Lowercase}$/u;
const UPPERCASE = /^\p{Uppercase}$/u;

/** Which branch HELM's `match_case` takes for a source word. */
export type CaseRule = 'lower' | 'upper' | 'capitalize' | 'keep';

/**
 * HELM `common/general.py: match_case`'s test of the source word: all characters lowercase → `lower`,
 * all uppercase → `upper`, first uppercase → `capitalize`, else `keep`. The tests are per character,
 * so an apostrophe or a space (neither lower nor upper) makes `"don't"` and `"is not"` → `keep`.
 */
export function caseRule(source: string): CaseRule {
  const chars = [...source];
  if (chars.every((c) => LOWERCASE.test(c))) return 'lower';
  if (chars.every((c) => UPPERCASE.test(c))) return 'upper';
  if (chars.length > 0 && UPPERCASE.test(chars[0]!)) return 'capitalize';
  return 'keep';
}

/** Python `str` case operations that JS lacks. */
export interface PythonCase {
  /** Python `str.capitalize()` (3.8+): the first character title-cased, the rest lowercased. */
  readonly capitalize: (text: string) => string;
  /** HELM `match_case(source_word, target_word)`: the target in the source's case (see `caseRule`). */
  readonly matchCase: (source: string, target: string) => string;
}

/** Python's case operations, with the title-case table loaded once for the caller. */
export function pythonCase(): PythonCase {
  const titlecase = loadPythonTitlecase();
  const capitalize = (text: string): string => {
    if (text === '') return '';
    const first = String.fromCodePoint(text.codePointAt(0)!);
    // Lowercase the whole string and drop the first character's lowercase form, so that the rest
    // keeps its context (final sigma), as CPython's `do_capitalize` does.
    const rest = text.toLowerCase().slice(first.toLowerCase().length);
    return (titlecase.get(first) ?? first.toUpperCase()) + rest;
  };
  const matchCase = (source: string, target: string): string => {
    const rule = caseRule(source);
    if (rule === 'lower') return target.toLowerCase();
    if (rule === 'upper') return target.toUpperCase();
    if (rule === 'capitalize') return capitalize(target);
    return target;
  };
  return { capitalize, matchCase };
}
