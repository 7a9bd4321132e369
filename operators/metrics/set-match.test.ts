import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../core/py-float.ts';
import { exactSetMatch, extractSetFromText, f1SetMatch, iouSetMatch } from './set-match.ts';

// Expected values from HELM 0.5.16's own functions (evaluate_reference_metrics.py).
describe('extractSetFromText', () => {
  it('reads the items after the last " is ", split on " and ", periods dropped, items not stripped', () => {
    expect(extractSetFromText('The fruit is apple and pear.')).toEqual(new Set(['apple', 'pear']));
    expect(extractSetFromText('big  and red')).toEqual(new Set(['big ', 'red']));
    expect(extractSetFromText('Nothing.')).toEqual(new Set());
    expect(extractSetFromText('Nothing')).toEqual(new Set(['Nothing']));
    expect(extractSetFromText('')).toEqual(new Set(['']));
  });
});

describe('set matches', () => {
  const scores = (gold: string, pred: string) => [iouSetMatch, f1SetMatch, exactSetMatch].map((f) => (f(gold, pred) as PyFloat).value);

  it('scores sets regardless of order, from the first line of the prediction', () => {
    expect(scores('The cat is big and red.', 'The cat is red and big.')).toEqual([1, 1, 1]);
    expect(scores('The cat is big and red.', 'It is big.\nIt is red and big.')).toEqual([0.5, 0.6666666666666666, 0]);
    expect(scores('The fruit is apple and pear and plum.', 'apple and pear')).toEqual([0.6666666666666666, 0.8, 0]);
    expect(scores('It is a and b and c.', 'It is b and d.')).toEqual([0.25, 0.4, 0]);
  });

  it('treats "Nothing." as the empty set on either side', () => {
    expect(scores('Nothing.', 'Nothing.')).toEqual([1, 1, 1]);
    expect(scores('Nothing.', 'It is big.')).toEqual([0, 0, 0]);
    expect(scores('It is big.', 'Nothing.')).toEqual([0, 0, 0]);
  });

  it('returns Python floats', () => {
    expect(exactSetMatch('It is a.', 'It is a.')).toEqual(new PyFloat(1));
    expect(iouSetMatch('Nothing.', 'Nothing.')).toEqual(new PyFloat(1));
  });
});
