import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../core/py-float.ts';
import { dataStats, extractiveFragments } from './data-stats.ts';
import { spacyEnglishTokenizer } from './spacy-tokenizer.ts';
import { removeBraces, summarizationMetricClass, summarizationStats } from './summarization.ts';

// HELM 0.5.16's SummarizationMetric (_remove_braces, _compute_rouge, _compute_data_stats) on made-up cases:
// __fixtures__/summarization/make-stats.py, with rouge-score 0.1.2 and summ_eval's DataStatsMetric over spaCy.
interface Case {
  readonly references: string[];
  readonly input: string;
  readonly completion: string;
  readonly stats: Record<string, number>;
}
const { cases } = JSON.parse(readFileSync(new URL('./__fixtures__/summarization/stats.json', import.meta.url), 'utf8')) as { cases: Case[] };
const tokenize = spacyEnglishTokenizer();

describe('summarizationStats', () => {
  it("gives HELM's ROUGE-1/2/L, coverage, density and compression, in HELM's order, as floats", () => {
    expect(cases).toHaveLength(9);
    for (const { references, input, completion, stats } of cases) {
      const ours = summarizationStats(tokenize, references, input, completion);
      expect(ours.map((s) => s.name.name)).toEqual(Object.keys(stats));
      expect(ours.map((s) => s.toJson().sum)).toEqual(Object.values(stats).map((v) => new PyFloat(v)));
    }
  });

  it('takes the best reference, strips the completion, and drops one brace at each end', () => {
    expect(removeBraces('{a}')).toBe('a');
    expect(removeBraces('{{a}}')).toBe('{a}');
    expect(removeBraces('a}')).toBe('a');
    const [rouge1] = summarizationStats(tokenize, ['zebra', '{the cat sat}'], 'x', ' {the cat sat}\n');
    expect(rouge1!.toJson().sum).toEqual(new PyFloat(1));
  });
});

describe('dataStats', () => {
  it('finds the longest fragment at each summary position, first one on a tie', () => {
    // summary: a b c x a b; text: a b z a b c
    expect(extractiveFragments(['a', 'b', 'c', 'x', 'a', 'b'], ['a', 'b', 'z', 'a', 'b', 'c'])).toEqual([
      { summaryStart: 0, textStart: 3, length: 3 },
      { summaryStart: 4, textStart: 0, length: 2 },
    ]);
  });

  it('counts spaCy tokens, lower-cased, whitespace tokens included; an empty summary gives the int 0', () => {
    expect(dataStats(tokenize, 'The cat sat.', 'The cat sat on the mat.')).toEqual({ coverage: new PyFloat(1), density: new PyFloat(2.5), compression: new PyFloat(1.75) });
    expect(dataStats(tokenize, 'THE  cat', 'the cat')).toEqual({ coverage: new PyFloat(2 / 3), density: new PyFloat(2 / 3), compression: new PyFloat(2 / 3) });
    expect(dataStats(tokenize, '', 'the cat')).toEqual({ coverage: 0, density: 0, compression: 0 });
  });
});

describe('summarizationMetricClass', () => {
  it('needs a task', () => {
    expect(() => summarizationMetricClass.create({ device: 'cpu' }, {} as never)).toThrow('SummarizationMetric needs args.task');
  });
});
