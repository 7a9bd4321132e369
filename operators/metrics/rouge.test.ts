import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../core/py-float.ts';
import { rouge1, rouge2, rougeL, rougeLcs, rougeN, rougeScore, rougeTokens } from './rouge.ts';

const value = (x: unknown): number => (x instanceof PyFloat ? x.value : (x as number));

// The first two lines of google-research rouge's testdata/target.txt and prediction.txt, whose scores
// rouge_scorer_test.py takes from manual runs of the Perl ROUGE-1.5.5 (5 decimals).
const TARGETS = [
  "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n",
  "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN\n",
];
const PREDICTIONS = [
  "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi\n",
  'n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB\'wH\'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD\n',
];

describe('rougeTokens (rouge_score tokenize)', () => {
  it('lower-cases, splits on anything but a-z0-9 and stems tokens longer than 3 characters', () => {
    expect(rougeTokens("The runners' café, 2nd-best!", true)).toEqual(['the', 'runner', 'caf', '2nd', 'best']);
    expect(rougeTokens('Running dogs', false)).toEqual(['running', 'dogs']);
    expect(rougeTokens('İ', true)).toEqual(['i']); // Python's lower() gives "i" + U+0307
    expect(rougeTokens(' ... ', true)).toEqual([]);
  });
});

describe('rouge scores', () => {
  it("reproduces rouge_score's README example", () => {
    const [gold, pred] = ['The quick brown fox jumps over the lazy dog', 'The quick brown dog jumps on the log.'];
    expect(rougeScore('rouge1', gold, pred)).toEqual({ precision: new PyFloat(0.75), recall: new PyFloat(2 / 3), fmeasure: new PyFloat(0.7058823529411765) });
    expect(rougeScore('rougeL', gold, pred)).toEqual({ precision: new PyFloat(0.625), recall: new PyFloat(5 / 9), fmeasure: new PyFloat(0.5882352941176471) });
  });

  it("passes rouge_scorer_test.py's small cases", () => {
    expect(value(rouge1('testing one two', 'testing'))).toBeCloseTo(1 / 2, 15);
    expect(value(rouge2('testing one two', 'testing one'))).toBeCloseTo(2 / 3, 15);
    expect(value(rougeLcs('testing one two', 'testing two'))).toBeCloseTo(4 / 5, 15);
  });

  it('agrees with ROUGE-1.5.5 on the rouge_score test data (rouge1/rouge2 stemmed, rougeL unstemmed)', () => {
    const stemmed = (i: number) => [rougeTokens(TARGETS[i]!, true), rougeTokens(PREDICTIONS[i]!, true)] as const;
    const plain = (i: number) => [rougeTokens(TARGETS[i]!, false), rougeTokens(PREDICTIONS[i]!, false)] as const;
    const triple = (s: { precision: unknown; recall: unknown; fmeasure: unknown }) =>
      [s.recall, s.precision, s.fmeasure].map((x) => Math.round(value(x) * 1e5) / 1e5);
    expect(triple(rougeN(...stemmed(0), 1))).toEqual([0.40741, 0.6875, 0.51163]);
    expect(triple(rougeN(...stemmed(1), 1))).toEqual([0.42857, 0.69231, 0.52941]);
    expect(triple(rougeN(...stemmed(0), 2))).toEqual([0.30769, 0.53333, 0.39024]);
    expect(triple(rougeN(...stemmed(1), 2))).toEqual([0.29268, 0.48, 0.36364]);
    expect(triple(rougeL(...plain(0)))).toEqual([0.40741, 0.6875, 0.51163]);
    expect(triple(rougeL(...plain(1)))).toEqual([0.40476, 0.65385, 0.5]);
  });

  it('keeps Python types: rougeL of an empty side is the int 0, rouge-N the float 0.0', () => {
    expect(rougeLcs('testing one two', '')).toBe(0);
    expect(rougeLcs('!!!', 'one')).toBe(0);
    expect(rouge1('testing one two', '')).toEqual(new PyFloat(0));
    expect(rouge2('one', 'one')).toEqual(new PyFloat(0)); // no bigram on either side
  });

  it('clips repeated n-grams to the target count', () => {
    // target {the:2, cat:1}, prediction {the:4}: overlap 2, p = 2/4, r = 2/3
    expect(rouge1('the cat the', 'the the the the')).toEqual(new PyFloat((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3)));
  });
});
