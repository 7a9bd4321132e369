import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../core/py-float.ts';
import { boxedAnswer, lastBoxedOnlyString, removeBoxed } from '../../core/math-boxed.ts';
import { mathEquiv, mathEquivChainOfThought, stripMathString } from './math-equiv.ts';

/** HELM 0.5.16's own is_equiv, is_equiv_chain_of_thought and _strip_string on pairs written for this test (make-math-equiv-vectors.py). */
const vectors = JSON.parse(readFileSync(new URL('__fixtures__/math-equiv-vectors.json', import.meta.url), 'utf8')) as {
  math_equiv: [string, string, number][];
  math_equiv_chain_of_thought: [string, string, number][];
  strip: Record<string, string>;
};

describe('math_equiv', () => {
  it.each(vectors.math_equiv)('is_equiv(%j, %j) = %d as in HELM', (gold, pred, expected) => {
    const score = mathEquiv(gold, pred);
    expect(score.value).toBe(expected);
    expect(score).toBeInstanceOf(PyFloat); // HELM returns float(...): written 1.0 / 0.0
  });

  it("normalises as HELM's _strip_string, and raises where it raises (the raw texts are then compared)", () => {
    for (const [text, expected] of Object.entries(vectors.strip)) {
      if (expected.startsWith('!')) expect(() => stripMathString(text), text).toThrow();
      else expect(stripMathString(text), text).toBe(expected);
    }
    expect(vectors.strip['2\\sqrt']).toBe('!IndexError');
    expect(vectors.strip['1\\text{ m}\\text{ s}']).toBe('!AssertionError');
  });

  it('scores 1.0 when both answers are absent and 0.0 when one is', () => {
    expect(mathEquiv(null, null).value).toBe(1);
    expect(mathEquiv('1', null).value).toBe(0);
  });
});

describe('math_equiv_chain_of_thought', () => {
  it.each(vectors.math_equiv_chain_of_thought)('is_equiv_chain_of_thought(%j, %j) = %d as in HELM', (gold, pred, expected) => {
    expect(mathEquivChainOfThought(gold, pred).value).toBe(expected);
  });

  it('takes the last \\boxed{…} with its nested braces, else the last \\fbox (which remove_boxed refuses)', () => {
    expect(lastBoxedOnlyString('a \\boxed{1} b \\boxed{\\frac{1}{2}} c')).toBe('\\boxed{\\frac{1}{2}}');
    expect(lastBoxedOnlyString('x \\fbox{3} y')).toBe('\\fbox{3}');
    expect(removeBoxed('\\fbox{3}')).toBeNull();
    expect(lastBoxedOnlyString('\\boxed{\\{1}')).toBeNull(); // the braces never close
    expect(boxedAnswer('}\\boxed{2}')).toBe('2');
    expect(boxedAnswer(null)).toBeNull();
  });
});
