import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../core/py-float.ts';
import {
  exactMatch,
  exactMatchIndicator,
  f1Score,
  finalNumberExactMatch,
  normalizeText,
  prefixExactMatch,
  quasiExactMatch,
  quasiLeaveArticlesExactMatch,
  quasiPrefixExactMatch,
  referenceMetrics,
} from './reference-metrics.ts';

describe('normalizeText', () => {
  it('lower-cases, drops punctuation, then articles, then collapses whitespace (QuAC order)', () => {
    expect(normalizeText('The  Cat, sat on a mat!')).toBe('cat sat on mat');
    expect(normalizeText('"An" apple-pie')).toBe('applepie');
    expect(normalizeText('The Cat', false)).toBe('the cat');
  });

  it('treats non-ASCII letters as word characters, as Python\'s Unicode \\b does', () => {
    expect(normalizeText('éa the')).toBe('éa');
    expect(normalizeText('théa a')).toBe('théa');
  });

  it("splits on Python's whitespace (\\x1c–\\x1f, \\x85) and keeps U+FEFF", () => {
    expect(normalizeText('a\x1cb\x85c')).toBe('b c');
    expect(normalizeText('x\ufeffy')).toBe('x\ufeffy');
  });
});

describe('exact match family', () => {
  it('returns the Python ints 1/0 and 0 for an empty prediction', () => {
    expect(exactMatch(' Paris ', 'Paris\n')).toBe(1);
    expect(exactMatch('Paris', 'paris')).toBe(0);
    expect(exactMatch('', '')).toBe(0);
    expect(quasiExactMatch('The Paris!', 'paris')).toBe(1);
    expect(quasiLeaveArticlesExactMatch('The Paris!', 'paris')).toBe(0);
    expect(quasiLeaveArticlesExactMatch('The Paris!', 'the paris')).toBe(1);
  });

  it('prefix_exact_match: the BoolQ zero-shot "Yes, Elmendorf" still matches "Yes" (HELM docstring)', () => {
    expect(prefixExactMatch('Yes', ' Yes, Elmendorf')).toBe(1);
    expect(prefixExactMatch('Yes', 'No')).toBe(0);
    expect(quasiPrefixExactMatch('yes.', 'YES, Elmendorf')).toBe(1);
  });

  it('exact_match_indicator compares the last space-separated piece (HELM docstring)', () => {
    expect(exactMatchIndicator('the answer is ## 7', 'Because of x and y, the answer is ## 7')).toBe(1);
    expect(exactMatchIndicator('the answer is ## 7', 'Given x and a, the answer is ## 8')).toBe(0);
  });

  it('final_number_exact_match: "The answer is 15." vs "The answer is 15 eggs." (HELM docstring)', () => {
    expect(finalNumberExactMatch('The answer is 15.', 'The answer is 15 eggs.')).toBe(1);
    expect(finalNumberExactMatch('1,000', 'I think 1000')).toBe(1);
    expect(finalNumberExactMatch('-3.5', 'x = -3.5')).toBe(1);
    expect(finalNumberExactMatch('12', 'no number')).toBe(0);
  });
});

describe('f1_score', () => {
  it('is nltk f_measure over sets of normalized tokens, a float', () => {
    const score = f1Score('the cat sat', 'cat cat sat down');
    expect(score).toBeInstanceOf(PyFloat);
    // reference {cat, sat}, test {cat, sat, down}: p = 2/3, r = 1 → 0.8
    expect((score as PyFloat).value).toBe(1.0 / (0.5 / (2 / 3) + 0.5 / 1));
    expect(f1Score('Paris', 'paris')).toEqual(new PyFloat(1));
  });

  it('returns the int 0 without overlap and the float 0.0 for an empty side', () => {
    expect(f1Score('Paris', 'London')).toBe(0);
    expect(f1Score('Paris', 'the')).toEqual(new PyFloat(0));
  });
});

it('the table names every implemented function by its HELM name', () => {
  expect(Object.keys(referenceMetrics)).toEqual([
    'exact_match',
    'quasi_exact_match',
    'quasi_leave_articles_exact_match',
    'prefix_exact_match',
    'quasi_prefix_exact_match',
    'exact_match_indicator',
    'final_number_exact_match',
    'exact_set_match',
    'iou_set_match',
    'f1_set_match',
    'f1_score',
    'rouge_1',
    'rouge_2',
    'rouge_l',
    'bleu_1',
    'bleu_4',
    'math_equiv',
    'math_equiv_chain_of_thought',
  ]);
});

interface VectorCase {
  readonly gold: string;
  readonly pred: string;
  /** name → [value, Python type]. */
  readonly scores: Readonly<Record<string, [number, 'int' | 'float']>>;
}

// 225 (gold, pred) pairs scored by HELM 0.5.16 (see __fixtures__/make-reference-metric-vectors.py): BLEU and set
// matches by HELM's functions under nltk 3.8, ROUGE by HELM's helper around a copy of rouge_score's source.
const VECTORS = JSON.parse(
  readFileSync(new URL('./__fixtures__/reference-metric-vectors.json', import.meta.url), 'utf8'),
) as VectorCase[];

describe.each(['rouge_1', 'rouge_2', 'rouge_l', 'bleu_1', 'bleu_4', 'exact_set_match', 'iou_set_match', 'f1_set_match'] as const)(
  '%s on HELM-scored pairs',
  (name) => {
    // CPython's math.exp/log (glibc) and V8's (fdlibm) differ in the last bit for some inputs; only BLEU uses them.
    const ulps = name.startsWith('bleu') ? 4e-16 : 0;
    it(`matches HELM's values and Python types on ${VECTORS.length} pairs`, () => {
      const misses = VECTORS.flatMap(({ gold, pred, scores }) => {
        const [expected, type] = scores[name]!;
        const actual = referenceMetrics[name](gold, pred);
        const actualType = actual instanceof PyFloat ? 'float' : 'int';
        const actualValue = actual instanceof PyFloat ? actual.value : actual;
        const ok = actualType === type && Math.abs(actualValue - expected) <= Math.abs(expected) * ulps;
        return ok ? [] : [{ gold, pred, expected, type, actual }];
      });
      expect(misses.map((m) => m.gold)).toEqual([]);
    });
  },
);
