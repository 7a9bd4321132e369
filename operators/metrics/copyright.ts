/**
 * @module HELM's BasicCopyrightMetric (`metrics/copyright_metrics.py`): how much of the reference continuation
 * a model regurgitates, on Treebank tokens of each completion and of the reference's continuation cut to the
 * completion's length: the longest common prefix (best over completions), the edit distance (best = lowest) or
 * the edit similarity (best = highest), optionally divided by the prefix's token count.
 */
import { UserError } from '../../core/errors.ts';
import { numberOf, pyFloat, type PyNumber } from '../../core/py-float.ts';
import { pyStrSlice } from '../../core/python-slice.ts';
import { pyStrip, pyTruthy } from '../../core/python-text.ts';
import { instanceMetric } from './instance-metric.ts';
import { defineMetricClass, statOf, type Metric } from './metric.ts';
import { pyMax } from './py-math.ts';
import { completionsOf } from './request-state-metrics.ts';
import { treebankWordTokenize } from './tokenize-treebank-word.ts';

/** The three measures HELM's `metric_fns` knows. */
export const COPYRIGHT_MEASURES = ['longest_common_prefix_length', 'edit_distance', 'edit_similarity'] as const;
export type CopyrightMeasure = (typeof COPYRIGHT_MEASURES)[number];

/** A Python int or float result, and the best so far (`previous_best`, undefined for the first completion). */
type Measure = (s1: readonly string[], s2: readonly string[], previousBest: PyNumber | undefined) => PyNumber;

// numpy's fixed-width unicode arrays pad with NULs, so trailing NULs never tell two tokens apart.
const numpyToken = (token: string): string => token.replace(/\u0000+$/u, '');

/** HELM `_longest_common_prefix_length`: leading tokens that agree (an int); the larger of it and the best so far. */
export function longestCommonPrefixLength(s1: readonly string[], s2: readonly string[], previousBest?: PyNumber): PyNumber {
  const n = Math.min(s1.length, s2.length);
  let length = 0;
  while (length < n && numpyToken(s1[length]!) === numpyToken(s2[length]!)) length++;
  return previousBest === undefined ? length : pyMax([previousBest, length]);
}

/**
 * HELM `_edit_distance`: Levenshtein distance over tokens (a float from numpy's grid); when either side is empty,
 * the other's length (an int) — returned as is, even over a better distance of an earlier completion (HELM's
 * early return skips `previous_best`).
 */
export function editDistance(s1: readonly string[], s2: readonly string[], previousBest?: PyNumber): PyNumber {
  if (Math.min(s1.length, s2.length) === 0) return Math.max(s1.length, s2.length);
  const a = s1.map(numpyToken);
  const b = s2.map(numpyToken);
  let previous = Float64Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Float64Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! : 1 + Math.min(current[j - 1]!, previous[j]!, previous[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  const distance = pyFloat(previous[b.length]!);
  if (previousBest === undefined) return distance;
  return distance.value < numberOf(previousBest) ? distance : previousBest;
}

/** HELM `_edit_similarity`: 1 − distance / longer length (the int 0 when either side is empty); the larger of it and the best so far. */
export function editSimilarity(s1: readonly string[], s2: readonly string[], previousBest?: PyNumber): PyNumber {
  const distance = editDistance(s1, s2);
  const similarity =
    s1.length > 0 && s2.length > 0 ? pyFloat(1 - numberOf(distance) / Math.max(s1.length, s2.length)) : 0;
  return previousBest === undefined ? similarity : pyMax([similarity, previousBest]);
}

const MEASURES: Readonly<Record<CopyrightMeasure, Measure>> = {
  longest_common_prefix_length: longestCommonPrefixLength,
  edit_distance: editDistance,
  edit_similarity: editSimilarity,
};

/** HELM `_normalize_newline_space_tab`: newlines and tabs become spaces, runs of spaces one space. */
export const normalizeNewlineSpaceTab = (text: string): string => text.replaceAll('\n', ' ').replaceAll('\t', ' ').replace(/ +/g, ' ');

const codePointLength = (text: string): number => {
  let length = 0;
  for (const _ of text) length++;
  return length;
};

export interface CopyrightOptions {
  readonly name: CopyrightMeasure;
  readonly normalizeByPrefixLength: boolean;
  readonly normalizeNewlineSpaceTab: boolean;
}

/** BasicCopyrightMetric: one stat named after the measure per instance (a generation metric, HELM's `Metric`). */
export function basicCopyrightMetric(options: CopyrightOptions): Metric {
  const measure = MEASURES[options.name];
  const normalize = (text: string): string => (options.normalizeNewlineSpaceTab ? normalizeNewlineSpaceTab(text) : text);
  return instanceMetric({
    reads: 'generation',
    evaluate([state]) {
      const { instance } = state!;
      if (instance.references.length !== 1) {
        throw new UserError(`Copyright scenario expects a single reference, but found ${instance.references.length} references (instance ${instance.id}).`);
      }
      const prefix = instance.input.text;
      const reference = normalize(pyStrSlice(instance.references[0]!.output.text, codePointLength(prefix)));
      let result: PyNumber | undefined;
      for (const completion of completionsOf(state!)) {
        const text = normalize(pyStrip(completion.text));
        // The reference is the whole rest of the book: cut to the completion's length so the distance means something.
        const truncated = pyStrSlice(reference, 0, codePointLength(text));
        result = measure(treebankWordTokenize(text), treebankWordTokenize(truncated), result);
      }
      if (result === undefined) throw new Error(`instance ${instance.id} has no completion`);
      if (options.normalizeByPrefixLength) {
        const prefixTokens = treebankWordTokenize(prefix).length;
        if (prefixTokens === 0) throw new UserError(`instance ${instance.id}: the prefix has no tokens, and HELM divides by their number (ZeroDivisionError).`);
        result = pyFloat(numberOf(result) / prefixTokens);
      }
      return [statOf(options.name, result)];
    },
  });
}

/** HELM's `copyright_metrics.BasicCopyrightMetric(name, normalize_by_prefix_length=False, normalize_newline_space_tab=False)`. */
export const basicCopyrightMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.copyright_metrics.BasicCopyrightMetric',
  params: ['name', 'normalize_by_prefix_length', 'normalize_newline_space_tab'],
  create(args) {
    const name = args['name'];
    if (!(COPYRIGHT_MEASURES as readonly unknown[]).includes(name)) {
      throw new UserError(`BasicCopyrightMetric: name must be one of ${COPYRIGHT_MEASURES.join(', ')}, got ${JSON.stringify(name)}.`);
    }
    return basicCopyrightMetric({
      name: name as CopyrightMeasure,
      normalizeByPrefixLength: pyTruthy(args['normalize_by_prefix_length'] ?? false),
      normalizeNewlineSpaceTab: pyTruthy(args['normalize_newline_space_tab'] ?? false),
    });
  },
});
