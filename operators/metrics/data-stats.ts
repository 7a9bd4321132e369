/**
 * @module summ_eval's DataStatsMetric as HELM reads it (`coverage`, `density`, `compression`): Grusky et al.'s
 * extractive fragments (Newsroom's `fragments.py`, copied into summ_eval as `data_stats_utils.Fragments`) between a
 * summary and its source text, both cut into spaCy tokens (whitespace tokens included) and lower-cased.
 */
import { pyFloat, type PyNumber } from '../../core/py-float.ts';
import type { SpacyTokenize } from './spacy-tokenizer.ts';

/** One extractive fragment: where it starts in the summary and in the text, and how many tokens it spans. */
export interface Fragment {
  readonly summaryStart: number;
  readonly textStart: number;
  readonly length: number;
}

/**
 * `Fragments._match`: for each summary position, the longest run of tokens that also stands in the text (the first
 * such run wins a tie; the scan of the text skips past each run it measured), then the summary moves past it.
 */
export function extractiveFragments(summary: readonly string[], text: readonly string[]): Fragment[] {
  const fragments: Fragment[] = [];
  let summaryStart = 0;
  while (summaryStart < summary.length) {
    let best: Fragment | undefined;
    let textStart = 0;
    while (textStart < text.length) {
      if (summary[summaryStart] !== text[textStart]) {
        textStart += 1;
        continue;
      }
      let length = 0;
      while (summaryStart + length < summary.length && textStart + length < text.length && text[textStart + length] === summary[summaryStart + length]) length++;
      if (length > (best?.length ?? 0)) best = { summaryStart, textStart, length };
      textStart += length;
    }
    if (best === undefined) summaryStart += 1;
    else {
      fragments.push(best);
      summaryStart += best.length;
    }
  }
  return fragments;
}

/** The three statistics HELM keeps, with Python's types (a zero denominator gives the int 0, as summ_eval). */
export interface DataStats {
  readonly coverage: PyNumber;
  readonly density: PyNumber;
  readonly compression: PyNumber;
}

/**
 * `DataStatsMetric().evaluate_example(summary, input_text)` (n_gram=3, case=False, tokenize=True), the part HELM
 * reads: coverage = Σ fragment lengths / summary tokens, density = Σ lengths² / summary tokens, compression =
 * text tokens / summary tokens.
 * @example dataStats(spacyEnglishTokenizer(), 'The cat sat.', 'The cat sat on the mat.') // coverage 1.0, density 2.5, compression 1.75
 */
export function dataStats(tokenize: SpacyTokenize, summary: string, text: string): DataStats {
  const summaryTokens = tokenize(summary).map((t) => t.toLowerCase());
  const textTokens = tokenize(text).map((t) => t.toLowerCase());
  const fragments = extractiveFragments(summaryTokens, textTokens);
  const ratio = (numerator: number, denominator: number): PyNumber => (denominator === 0 ? 0 : pyFloat(numerator / denominator));
  return {
    coverage: ratio(fragments.reduce((sum, f) => sum + f.length, 0), summaryTokens.length),
    density: ratio(fragments.reduce((sum, f) => sum + f.length ** 2, 0), summaryTokens.length),
    compression: ratio(textTokens.length, summaryTokens.length),
  };
}
