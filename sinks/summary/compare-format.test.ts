import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from './compare.ts';
import { formatComparison, formatNumber } from './compare-format.ts';

// Rows of the fixture suites' comparison (compare.test.ts checks compareSuites gives exactly these).
const { rows } = JSON.parse(
  readFileSync(new URL('./__fixtures__/compare/expected.json', import.meta.url), 'utf8'),
) as { rows: ComparisonRow[] };

describe('formatComparison', () => {
  it('prints an aligned Markdown table, one line per run and metric, with significance marked and a legend', () => {
    const picked = [rows[0]!, rows[1]!, rows[4]!, rows[5]!]; // paired with extras, perturbed, one suite only, several entries
    expect(formatComparison(picked)).toBe(
      [
        '| run                                                        | metric                       | split |           pairs |      A |      B |  B − A | 95% CI           |       p |',
        '| ---------------------------------------------------------- | ---------------------------- | ----- | --------------: | -----: | -----: | -----: | ---------------- | ------: |',
        '| synthetic_reasoning:mode=pattern_match,model=simple_model1 | exact_match                  | test  | 38 (+2 A, +2 B) |    0.5 | 0.8158 | 0.3158 | [0.1316, 0.5263] | 0.006 * |',
        '| synthetic_reasoning:mode=pattern_match,model=simple_model1 | exact_match (typos prob=0.1) | test  |              20 |   0.35 |    0.7 |   0.35 | [0.1, 0.6]       | 0.012 * |',
        '| synthetic_reasoning:mode=pattern_match,model=simple_model1 | quasi_prefix_exact_match     | test  |       0 (+40 B) |      – |  (0.8) |      – | –                |       – |',
        '| the_pile:subset=Ubuntu IRC,model=simple_model1             | logprob                      | test  |              15 | -24.71 | -31.54 | -6.832 | [-15.94, 3.733]  |    0.17 |',
        '',
        "A, B: run-level means (HELM: sum / count) over the instances both suites evaluated; (x): a suite's own run mean " +
          'where nothing pairs. pairs: how many, +n A / +n B: units only one suite has. B − A with its 95% paired-bootstrap ' +
          'percentile interval; p: two-sided paired bootstrap; * p < 0.05.',
        '',
      ].join('\n'),
    );
  });

  it('shows sub-splits, escapes pipes, and takes another significance level', () => {
    const row: ComparisonRow = { ...rows[0]!, run_name: 'a|b', sub_split: 'hard', p_value: 0.02 };
    const [, , line] = formatComparison([row], { alpha: 0.01 }).split('\n');
    expect(line).toBe('| a\\|b | exact_match | test/hard | 38 (+2 A, +2 B) | 0.5 | 0.8158 | 0.3158 | [0.1316, 0.5263] | 0.02 |');
  });

  it('prints NDJSON with every field, or says when there is nothing to compare', () => {
    expect(formatComparison(rows.slice(0, 2), { format: 'json' }).split('\n').map((l) => (l === '' ? null : JSON.parse(l))))
      .toEqual([rows[0], rows[1], null]);
    expect(formatComparison([])).toBe('No run and metric in common between the two suites.\n');
  });
});

describe('formatNumber', () => {
  it('keeps four significant digits and switches to exponents far from 1', () => {
    expect([0.8157894736842105, -24.712962962962962, 0, 1234567, 0.00001234, null].map(formatNumber)).toEqual([
      '0.8158', '-24.71', '0', '1.23e+6', '1.23e-5', '–',
    ]);
  });
});
