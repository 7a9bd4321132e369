/**
 * @module HELM's `math_equiv` and `math_equiv_chain_of_thought` (`math_scenario.py`: `is_equiv`,
 * `is_equiv_chain_of_thought`, `_strip_string` and its helpers, from Hendrycks et al.'s MATH code): two LaTeX
 * answers are equal after the same normalisation of units, fractions, square roots and spacing. Python
 * semantics kept: strings are indexed by code point, and where a helper raises (a `\sqrt` or `\frac` with
 * nothing after it, two `\text{ ` units) the raw texts are compared instead.
 */
import { boxedAnswer } from '../../core/math-boxed.ts';
import { pyFloat, type PyFloat } from '../../core/py-float.ts';

/** What `_strip_string` raising becomes here (HELM catches any Exception and compares the raw texts). */
class NormalisationFailed extends Error {}

/** Python `s[0]` (a code point; IndexError on ""). */
function firstChar(text: string): string {
  const code = text.codePointAt(0);
  if (code === undefined) throw new NormalisationFailed('string index out of range');
  return String.fromCodePoint(code);
}

/** Python `len(s)`: code points. */
const pyLength = (text: string): number => Array.from(text).length;

/** `_remove_right_units`: the text before `\text{ ` (which MATH only uses for units); two of them raise. */
function removeRightUnits(text: string): string {
  if (!text.includes('\\text{ ')) return text;
  const parts = text.split('\\text{ ');
  if (parts.length !== 2) throw new NormalisationFailed('assert len(splits) == 2');
  return parts[0]!;
}

/** `_fix_sqrt`: `\sqrt3` → `\sqrt{3}` (the one character after `\sqrt` is braced). */
function fixSqrt(text: string): string {
  if (!text.includes('\\sqrt')) return text;
  const [head, ...rest] = text.split('\\sqrt');
  let fixed = head!;
  for (const part of rest) {
    const first = firstChar(part);
    fixed += first === '{' ? `\\sqrt${part}` : `\\sqrt{${first}}${part.slice(first.length)}`;
  }
  return fixed;
}

/**
 * `_fix_fracs`: `\frac12` → `\frac{1}{2}`, `\frac1b` → `\frac{1}{b}`, `\frac1{72}` → `\frac{1}{72}`. A `\frac`
 * followed by one character only gives back the whole text unchanged (HELM's early return).
 */
function fixFracs(text: string): string {
  const [head, ...rest] = text.split('\\frac');
  let fixed = head!;
  for (const part of rest) {
    fixed += '\\frac';
    const a = firstChar(part);
    if (a === '{') {
      fixed += part;
      continue;
    }
    if (pyLength(part) < 2) return text;
    const afterA = part.slice(a.length);
    const b = firstChar(afterA);
    const afterB = afterA.slice(b.length);
    fixed += b === '{' ? `{${a}}${b}${afterB}` : `{${a}}{${b}}${afterB}`;
  }
  return fixed;
}

/** Python `int(s)` would read it and `str(int(s)) == s`: a plain decimal integer, at most 4300 digits (CPython's limit). */
const CANONICAL_INT = /^(?:0|-?[1-9][0-9]*)$/;
const isCanonicalInt = (text: string): boolean => CANONICAL_INT.test(text) && text.replace('-', '').length <= 4300;

/** `_fix_a_slash_b`: `2/3` → `\frac{2}{3}`, only when both sides are integers written as Python prints them. */
function fixASlashB(text: string): string {
  const parts = text.split('/');
  if (parts.length !== 2) return text;
  const [a, b] = parts as [string, string];
  return isCanonicalInt(a) && isCanonicalInt(b) ? `\\frac{${a}}{${b}}` : text;
}

/** HELM `_strip_string`: the normalised answer; throws NormalisationFailed where HELM's raises. */
export function stripMathString(answer: string): string {
  let text = answer
    .replaceAll('\n', '')
    .replaceAll('\\!', '') // inverse spaces
    .replaceAll('\\\\', '\\')
    .replaceAll('tfrac', 'frac')
    .replaceAll('dfrac', 'frac')
    .replaceAll('\\left', '')
    .replaceAll('\\right', '')
    .replaceAll('^{\\circ}', '') // degrees
    .replaceAll('^\\circ', '')
    .replaceAll('\\$', '');
  text = removeRightUnits(text);
  text = text.replaceAll('\\%', '').replaceAll(' .', ' 0.').replaceAll('{.', '{0.');
  if (text === '') return text;
  if (text.startsWith('.')) text = `0${text}`;
  // "k = 5" → "5": a left side of at most two characters is dropped
  const sides = text.split('=');
  if (sides.length === 2 && pyLength(sides[0]!) <= 2) text = sides[1]!;
  text = fixSqrt(text).replaceAll(' ', '');
  text = fixFracs(text);
  if (text === '0.5') text = '\\frac{1}{2}';
  return fixASlashB(text);
}

/**
 * HELM `is_equiv`: 1.0 when both answers normalise to the same text (both absent: 1.0; one absent: 0.0). When
 * normalising either raises, HELM compares the raw texts instead.
 * @example mathEquiv('\\frac12', '0.5') // 1.0
 */
export function mathEquiv(gold: string | null, pred: string | null): PyFloat {
  if (gold === null && pred === null) return pyFloat(1);
  if (gold === null || pred === null) return pyFloat(0);
  try {
    return pyFloat(stripMathString(gold) === stripMathString(pred) ? 1 : 0);
  } catch (error) {
    if (!(error instanceof NormalisationFailed)) throw error;
    return pyFloat(gold === pred ? 1 : 0);
  }
}

/** HELM `is_equiv_chain_of_thought`: `mathEquiv` of the last `\boxed{…}` answers of the two solutions. */
export const mathEquivChainOfThought = (gold: string, pred: string): PyFloat => mathEquiv(boxedAnswer(gold), boxedAnswer(pred));
