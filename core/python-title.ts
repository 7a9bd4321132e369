/** @module Python's `str.title()` (CPython 3.11 `do_title`), which JS lacks. */
import { readFileSync } from 'node:fs';

// Python's `_PyUnicode_IsCased` and `_PyUnicode_IsCaseIgnorable` are Unicode's Cased and Case_Ignorable properties.
const CASED = /^\p{Cased}$/u;
const CASE_IGNORABLE = /^\p{Case_Ignorable}$/u;
const CAPITAL_SIGMA = 'Σ';

/** Code points whose title case differs from their upper case (`ǆ` → `ǅ`, `ß` → `Ss`), from configs/. */
function loadTitlecase(): ReadonlyMap<string, string> {
  const path = new URL('../configs/python_titlecase.json', import.meta.url);
  const data = JSON.parse(readFileSync(path, 'utf8')) as { title: Record<string, string> };
  return new Map(Object.entries(data.title));
}

let titlecase: ReadonlyMap<string, string> | undefined;

/**
 * CPython's `handle_capital_sigma`: a Σ lowercases to final ς when a cased character precedes it and none
 * follows it (case-ignorable characters such as `'` and `.` are skipped both ways).
 */
function lowerSigma(chars: readonly string[], i: number): string {
  let j = i - 1;
  while (j >= 0 && CASE_IGNORABLE.test(chars[j]!)) j--;
  if (j < 0 || !CASED.test(chars[j]!)) return 'σ';
  let k = i + 1;
  while (k < chars.length && CASE_IGNORABLE.test(chars[k]!)) k++;
  return k === chars.length || !CASED.test(chars[k]!) ? 'ς' : 'σ';
}

/**
 * Python `str.title()`: a character that follows a cased one is lowercased, any other is title-cased, so every
 * run of letters starts with a capital: `"they're UK"` → `"They'Re Uk"`, `"3rd"` → `"3Rd"`, `"BACKGROUND"` →
 * `"Background"`.
 * @example pyTitle('aims_and_OBJECTIVES') // 'Aims_And_Objectives'
 */
export function pyTitle(text: string): string {
  titlecase ??= loadTitlecase();
  const chars = [...text];
  let previousIsCased = false;
  let out = '';
  chars.forEach((c, i) => {
    if (!previousIsCased) out += titlecase!.get(c) ?? c.toUpperCase();
    else out += c === CAPITAL_SIGMA ? lowerSigma(chars, i) : c.toLowerCase();
    previousIsCased = CASED.test(c);
  });
  return out;
}
