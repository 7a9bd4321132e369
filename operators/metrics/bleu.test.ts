import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../core/py-float.ts';
import { bleu1, bleu4, modifiedPrecision, sentenceBleu } from './bleu.ts';
import { englishPunktParameters } from './tokenize-punkt-english.ts';
import { wordTokenize } from './tokenize-word.ts';

const value = (x: unknown): number => (x instanceof PyFloat ? x.value : (x as number));
/** Equal within the last bits: CPython's math.exp/log come from glibc, V8's from fdlibm, and they differ by an ulp. */
const closeToUlp = (actual: unknown, expected: number) => expect(Math.abs(value(actual) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 4e-16);

// nltk's sentence_bleu docstring examples; expected values from nltk 3.8 (repr).
const H1 = 'It is a guide to action which ensures that the military always obeys the commands of the party'.split(' ');
const H2 = 'It is to insure the troops forever hearing the activity guidebook that party direct'.split(' ');
const R1 = 'It is a guide to action that ensures that the military will forever heed Party commands'.split(' ');
const R2 = 'It is the guiding principle which guarantees the military forces always being under the command of the Party'.split(' ');
const R3 = 'It is the practical guide for the army always to heed the directions of the party'.split(' ');

describe('sentenceBleu (nltk 3.8, no smoothing)', () => {
  it("reproduces nltk's docstring examples", () => {
    closeToUlp(sentenceBleu([R1, R2, R3], H1, [0.25, 0.25, 0.25, 0.25]), 0.5045666840058485);
    closeToUlp(sentenceBleu([R1], H1, [0.25, 0.25, 0.25, 0.25]), 0.41180376356915777);
    closeToUlp(sentenceBleu([R1, R2, R3], H1, [0.2, 0.2, 0.2, 0.2, 0.2]), 0.39202634084155785);
    // No 3- or 4-gram in common: method0 uses sys.float_info.min for them, so not quite 0.
    closeToUlp(sentenceBleu([R1, R2, R3], H2, [0.25, 0.25, 0.25, 0.25]), 5.92086005993801e-155);
  });

  it('clips n-gram counts by the references (the "the the the" example) and keeps them unreduced', () => {
    expect(modifiedPrecision(['the cat is on the mat'.split(' '), 'there is a cat on the mat'.split(' ')], 'the the the the the the the'.split(' '), 1)).toEqual([2, 7]);
    expect(modifiedPrecision([R1, R2, R3], H1, 2)).toEqual([10, 17]);
  });

  it('applies the brevity penalty of the closest (then shortest) reference length', () => {
    expect(sentenceBleu([Array(13).fill('a'), Array(11).fill('a')], Array(12).fill('a'), [1, 0, 0, 0])).toEqual(new PyFloat(1));
    closeToUlp(sentenceBleu([Array(28).fill('a')], Array(12).fill('a'), [1, 0, 0, 0]), 0.2635971381157267);
  });

  it('returns the int 0 when no unigram matches, including an empty hypothesis', () => {
    expect(sentenceBleu([['x']], ['y'], [1, 0, 0, 0])).toBe(0);
    expect(sentenceBleu([['x']], [], [0, 0, 0, 1])).toBe(0);
  });
});

describe("HELM's bleu_1 and bleu_4", () => {
  it("passes HELM's test_bleu_1", () => {
    closeToUlp(bleu1('the quick brown fox jumped over the lazy dog', 'the fox jumped over the dog'), 0.6065306597126334);
  });

  it('tokenizes with the English Punkt model, so abbreviations keep their period', () => {
    expect(wordTokenize('Dr. Smith arrived on Jan. 5. He left.', englishPunktParameters())).toEqual(['Dr.', 'Smith', 'arrived', 'on', 'Jan.', '5', '.', 'He', 'left', '.']);
    expect(wordTokenize('J. K. Rowling wrote it.', englishPunktParameters())).toEqual(['J.', 'K.', 'Rowling', 'wrote', 'it', '.']);
    closeToUlp(bleu1('Mr. Smith went home.', 'Mr. Smith'), 0.22313016014842982);
  });

  it("tokenizes as nltk 3.8 (the anchor): a clitic before a newline and a word—dash—word stay whole", () => {
    // Gold He said can't we go vs pred he said ca n't we go: said, we, go → 3/6 (nltk 3.9.4 would give 5/6).
    expect(bleu1("He said can't\nwe go", "he said can't we go")).toEqual(new PyFloat(0.5));
    // Gold a—b c vs pred a — b c: only c → 1/4 (3.9.4 pads the em dash: 1.0).
    expect(bleu1('a\u2014b c', 'a \u2014 b c')).toEqual(new PyFloat(0.25));
  });

  it('bleu_4 puts all weight on 4-grams: a 3-token answer scores about 2.2e-308, not 0', () => {
    closeToUlp(bleu4('a b c', 'a b c'), 2.2250738585072626e-308);
    expect(bleu1('x', '')).toBe(0);
  });
});
