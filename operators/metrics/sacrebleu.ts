/**
 * @module sacreBLEU 2.6's sentence-level BLEU (`BLEU(...).sentence_score(hypothesis, references)`, the version
 * HELM 0.5.16 locks) with its defaults: the `13a` tokenizer (mteval-v13a), up to 4-grams, `exp` smoothing (NIST's
 * method 3), the closest reference length (the shorter on a tie), and `effective_order` as asked. A score from 0
 * to 100. `math.log`/`math.exp` may differ from V8's in the last bit, within HELM parity's 1e-9.
 */
import { pyRstrip, pySplit } from '../../core/python-text.ts';

const MAX_ORDER = 4;

// tokenizer_re.TokenizerRegexp, in its order.
const POST_RULES: readonly (readonly [RegExp, string])[] = [
  [/([{-~[-` -&(-+:-@/])/g, ' $1 '], // punctuation and symbols (Western languages)
  [/([^0-9])([.,])/g, '$1 $2 '], // a period or comma not after a digit
  [/([.,])([^0-9])/g, ' $1 $2'], // a period or comma not before a digit
  [/([0-9])(-)/g, '$1 $2 '], // a dash after a digit
];

/** sacreBLEU's `Tokenizer13a`: the mteval-v13a tokenization, tokens joined by single spaces. */
export function tokenize13a(text: string): string {
  let line = text.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (line.includes('&')) line = line.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  line = POST_RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), ` ${line} `);
  return pySplit(line).join(' ');
}

/** `extract_all_word_ngrams(line, 1, 4)`: n-gram counts (keyed by their tokens joined by a space) and the length. */
function ngrams(line: string): { counts: Map<string, number>; length: number } {
  const tokens = pySplit(line);
  const counts = new Map<string, number>();
  for (let n = 1; n <= MAX_ORDER; n++) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const key = `${n}:${tokens.slice(i, i + n).join(' ')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return { counts, length: tokens.length };
}

/** `utils.my_log`: log, with log(0) floored to −9999999999. */
const myLog = (x: number): number => (x === 0 ? -9999999999 : Math.log(x));

/** `BLEU.compute_bleu` with `exp` smoothing. */
function computeBleu(correct: readonly number[], total: readonly number[], sysLen: number, refLen: number, effectiveOrder: boolean): number {
  let bp = 1.0;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0.0;
  if (!correct.some((c) => c !== 0)) return 0.0;
  const precisions = new Array<number>(MAX_ORDER).fill(0);
  let smooth = 1.0;
  let order = MAX_ORDER;
  for (let n = 1; n <= MAX_ORDER; n++) {
    if (total[n - 1] === 0) break;
    if (effectiveOrder) order = n;
    if (correct[n - 1] === 0) {
      smooth *= 2;
      precisions[n - 1] = 100 / (smooth * total[n - 1]!);
    } else precisions[n - 1] = (100 * correct[n - 1]!) / total[n - 1]!;
  }
  let logSum = 0;
  for (const p of precisions.slice(0, order)) logSum += myLog(p);
  return bp * Math.exp(logSum / order);
}

/**
 * `BLEU(effective_order=…).sentence_score(hypothesis, references).score`. Pure.
 * @example sentenceBleu('This is a test', ['This is another test'], true) // 35.35533905932737
 */
export function sentenceBleu(hypothesis: string, references: readonly string[], effectiveOrder: boolean): number {
  const refCounts = new Map<string, number>();
  const refLengths: number[] = [];
  for (const reference of references) {
    const { counts, length } = ngrams(tokenize13a(pyRstrip(reference)));
    refLengths.push(length);
    for (const [key, count] of counts) refCounts.set(key, Math.max(refCounts.get(key) ?? 0, count));
  }
  const hyp = ngrams(tokenize13a(pyRstrip(hypothesis)));
  let closestDiff = -1;
  let refLen = -1;
  for (const length of refLengths) {
    const diff = Math.abs(hyp.length - length);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      refLen = length;
    } else if (diff === closestDiff && length < refLen) refLen = length;
  }
  const correct = new Array<number>(MAX_ORDER).fill(0);
  const total = new Array<number>(MAX_ORDER).fill(0);
  for (const [key, count] of hyp.counts) {
    const n = Number(key.slice(0, key.indexOf(':'))) - 1;
    total[n]! += count;
    const matched = refCounts.get(key);
    if (matched !== undefined) correct[n]! += Math.min(count, matched);
  }
  return computeBleu(correct, total, hyp.length, refLen, effectiveOrder);
}
