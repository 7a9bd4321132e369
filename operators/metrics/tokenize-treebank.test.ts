import { describe, expect, it } from 'vitest';
import { nltkCases, nltkDisagreements, nltkVersion } from './__fixtures__/nltk-3.8-tokenize.ts';
import { treebankTokenize } from './tokenize-treebank.ts';

// Expected tokens are nltk 3.8's `NLTKWordTokenizer().tokenize(text)` (the HELM anchor's Debian python3-nltk), run on
// the same strings; the first case is the docstring of `destructive.py`.
describe('treebankTokenize (nltk 3.8 NLTKWordTokenizer)', () => {
  const muffins = 'Good muffins cost $3.88 (roughly 3,36 euros)\nin New York.  Please buy me\ntwo of them.\nThanks.';

  it("reproduces nltk's docstring example: only the final period is split off", () => {
    expect(treebankTokenize(muffins)).toEqual([
      'Good', 'muffins', 'cost', '$', '3.88', '(', 'roughly', '3,36', 'euros', ')', 'in', 'New', 'York.',
      'Please', 'buy', 'me', 'two', 'of', 'them.', 'Thanks', '.',
    ]);
  });

  it('converts parentheses to PTB symbols on request', () => {
    const tokens = treebankTokenize(muffins, { convertParentheses: true });
    expect(tokens.slice(4, 10)).toEqual(['3.88', '-LRB-', 'roughly', '3,36', 'euros', '-RRB-']);
  });

  it.each([
    [
      "I cannot go, can't we? 'Tis fine; gonna wanna gimme more'n d'ye.",
      ['I', 'can', 'not', 'go', ',', 'ca', "n't", 'we', '?', "'T", 'is', 'fine', ';', 'gon', 'na', 'wan', 'na', 'gim', 'me', 'more', "'n", 'd', "'ye", '.'],
    ],
    ['She said "hi" and \'bye\'.', ['She', 'said', '``', 'hi', "''", 'and', "'bye", "'", '.']],
    // The opening-quote rule pads a quote only before a one-character word ('a), so 'hello stays whole.
    ["'a b 'hello' o'clock rock'n'roll", ["'", 'a', 'b', "'hello", "'", "o'clock", "rock'n'roll"]],
    // 3.8 has no dash rule: em, en, figure dashes and the horizontal bar stay inside words (3.9.4 pads them).
    [
      'naïve café—déjà vu… «quoted» “curly” ‘single’ – x‒y―z',
      ['naïve', 'café—déjà', 'vu…', '«', 'quoted', '»', '“', 'curly', '”', '‘', 'single', '’', '–', 'x‒y―z'],
    ],
    // The clitic rules need a space after the clitic: before a tab or newline it stays whole (3.9.4 splits it).
    ["he's\tfine and she'll\nbe", ["he's", 'fine', 'and', "she'll", 'be']],
    ["can't\nwe won't", ["can't", 'we', 'wo', "n't"]],
    // Python's \b knows é is a word character: écannot is one word; the contraction rules ignore case.
    ['écannot, Cannot; CANNOT', ['écannot', ',', 'Can', 'not', ';', 'CAN', 'NOT']],
    ['[a] {b} <c> x--y *z* @#$%&', ['[', 'a', ']', '{', 'b', '}', '<', 'c', '>', 'x', '--', 'y', '*', 'z', '*', '@', '#', '$', '%', '&']],
    ['What?! Really... yes.. no. . . ok."', ['What', '?', '!', 'Really', '...', 'yes', '..', 'no.', '.', '.', 'ok', '.', "''"]],
    ['5:30, a:b, 1,000 x, y:', ['5:30', ',', 'a', ':', 'b', ',', '1,000', 'x', ',', 'y', ':']],
  ])('tokenizes %j as nltk does', (text, expected) => {
    expect(treebankTokenize(text)).toEqual(expected);
  });

  it(`agrees with nltk ${nltkVersion} on all ${nltkCases.length} recorded texts`, () => {
    expect(nltkDisagreements('nltk', (text) => treebankTokenize(text))).toEqual([]);
  });
});
