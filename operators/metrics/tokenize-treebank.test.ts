import { describe, expect, it } from 'vitest';
import { treebankTokenize } from './tokenize-treebank.ts';

// Expected tokens are nltk 3.9.4's `NLTKWordTokenizer().tokenize(text)` (HELM v0.5.16's uv.lock pins nltk 3.9.4),
// run on the same strings; the first case is the docstring of `destructive.py`.
describe('treebankTokenize (nltk 3.9.4 NLTKWordTokenizer)', () => {
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
    // 3.9.4's opening-quote rule pads a quote only before a one-character word ('a), so 'hello stays whole.
    ["'a b 'hello' o'clock rock'n'roll", ["'", 'a', 'b', "'hello", "'", "o'clock", "rock'n'roll"]],
    [
      'naïve café—déjà vu… «quoted» “curly” ‘single’ – x‒y―z',
      ['naïve', 'café', '—', 'déjà', 'vu…', '«', 'quoted', '»', '“', 'curly', '”', '‘', 'single', '’', '–', 'x', '‒', 'y', '―', 'z'],
    ],
    // Whitespace runs become one space before the clitic rules, so a tab or newline after she'll still splits it.
    ["he's\tfine and she'll\nbe", ['he', "'s", 'fine', 'and', 'she', "'ll", 'be']],
    // Python's \b knows é is a word character: écannot is one word; the contraction rules ignore case.
    ['écannot, Cannot; CANNOT', ['écannot', ',', 'Can', 'not', ';', 'CAN', 'NOT']],
    ['[a] {b} <c> x--y *z* @#$%&', ['[', 'a', ']', '{', 'b', '}', '<', 'c', '>', 'x', '--', 'y', '*', 'z', '*', '@', '#', '$', '%', '&']],
    ['What?! Really... yes.. no. . . ok."', ['What', '?', '!', 'Really', '...', 'yes', '..', 'no.', '.', '.', 'ok', '.', "''"]],
    ['5:30, a:b, 1,000 x, y:', ['5:30', ',', 'a', ':', 'b', ',', '1,000', 'x', ',', 'y', ':']],
  ])('tokenizes %j as nltk does', (text, expected) => {
    expect(treebankTokenize(text)).toEqual(expected);
  });
});
