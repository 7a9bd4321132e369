import { describe, expect, it } from 'vitest';
import { nltkCases, nltkDisagreements, nltkVersion } from './__fixtures__/nltk-3.8-tokenize.ts';
import { collocationKey, NO_PUNKT_PARAMETERS, punktSentences, type PunktParameters } from './tokenize-punkt.ts';
import { englishPunktParameters } from './tokenize-punkt-english.ts';
import { wordTokenize } from './tokenize-word.ts';

// Expected sentences are nltk 3.8's `PunktSentenceTokenizer(params).tokenize(text)` on the same strings (the HELM
// anchor's Debian python3-nltk); `sent_tokenize` there is the English model.
describe('punktSentences (nltk 3.8 Punkt, no learned parameters)', () => {
  it.each([
    ['This is a sentence, where foo bar is present.', ['This is a sentence, where foo bar is present.']],
    ['wong met gomez. harris left.', ['wong met gomez.', 'harris left.']],
    // nltk's docstring case for _match_potential_end_contexts: one candidate for "!!!".
    ['Very bad acting!!! I promise.', ['Very bad acting!!!', 'I promise.']],
    // _realign_boundaries' docstring case: the ")" goes with the sentence before.
    ['(Sent1.) Sent2.', ['(Sent1.)', 'Sent2.']],
    ['he said "stop." she did.', ['he said "stop."', 'she did.']],
    // An initial or a number before a lowercase word is not a break (orthographic heuristic).
    ['j. smith met 5. she left.', ['j. smith met 5. she left.']],
    // An initial before a capitalized word seen nowhere in lowercase is not a break either ("J. Bach").
    ['J. Smith met her. "Fine." She left.', ['J. Smith met her.', '"Fine."', 'She left.']],
    ['ok... she left.\n\nhe stayed.', ['ok... she left.', 'he stayed.']],
    ['mr. smith is here. she is a doctor.', ['mr.', 'smith is here.', 'she is a doctor.']],
  ])('splits %j as nltk does', (text, expected) => {
    expect(punktSentences(text)).toEqual(expected);
  });

  it('keeps an empty or blank text as no sentence', () => {
    expect(punktSentences('')).toEqual([]);
    expect(punktSentences(' \n ')).toEqual([]);
  });
});

describe('with the English model (sent_tokenize)', () => {
  it.each([
    ['mr. smith is here. she is a doctor.', ['mr. smith is here.', 'she is a doctor.']],
    ['Dr. Smith arrived on Jan. 5. He left.', ['Dr. Smith arrived on Jan. 5.', 'He left.']],
    ['J. K. Rowling wrote it.', ['J. K. Rowling wrote it.']],
    ['he moved to the u.s. in 1990. then he left.', ['he moved to the u.s. in 1990. then he left.']],
    ["won't\r\ncan't\r\nshouldn't\r\n", ["won't\r\ncan't\r\nshouldn't"]],
  ])('splits %j as nltk does', (text, expected) => {
    expect(punktSentences(text, englishPunktParameters())).toEqual(expected);
  });

  it(`agrees with nltk ${nltkVersion}'s sent_tokenize on all ${nltkCases.length} recorded texts`, () => {
    expect(nltkDisagreements('sent', (text) => punktSentences(text, englishPunktParameters()))).toEqual([]);
  });

  it(`agrees with nltk ${nltkVersion}'s untrained PunktSentenceTokenizer on the same texts`, () => {
    expect(nltkDisagreements('sent0', (text) => punktSentences(text, NO_PUNKT_PARAMETERS))).toEqual([]);
  });
});

describe('where learned parameters change the split', () => {
  // nltk's English model lists ~150 abbreviation types (mr, dr, st, ok, ill, e.g. "u.s").
  const withAbbreviations: PunktParameters = { ...NO_PUNKT_PARAMETERS, abbrevTypes: new Set(['mr', 'dr']) };

  it('does not break after a known abbreviation, so the abbreviation keeps its period', () => {
    const text = 'mr. smith is here. she is a doctor.';
    expect(punktSentences(text, withAbbreviations)).toEqual(['mr. smith is here.', 'she is a doctor.']);
    expect(wordTokenize(text, withAbbreviations).slice(0, 2)).toEqual(['mr.', 'smith']);
    // Without the list the abbreviation loses its period; every other token is the same.
    expect(wordTokenize(text, NO_PUNKT_PARAMETERS)).toEqual(['mr', '.', ...wordTokenize(text, withAbbreviations).slice(1)]);
  });

  it('does not break inside a known collocation', () => {
    const params: PunktParameters = { ...NO_PUNKT_PARAMETERS, collocations: new Set([collocationKey('##number##', 'million')]) };
    expect(punktSentences('It cost 5. Million more came.', params)).toEqual(['It cost 5. Million more came.']);
    expect(punktSentences('It cost 5. Million more came.')).toEqual(['It cost 5.', 'Million more came.']);
  });

  it('breaks after an abbreviation before a frequent sentence starter', () => {
    const params: PunktParameters = { ...withAbbreviations, sentStarters: new Set(['she']) };
    expect(punktSentences('ask the dr. She knows.', params)).toEqual(['ask the dr.', 'She knows.']);
    expect(punktSentences('ask the dr. she knows.', params)).toEqual(['ask the dr. she knows.']);
  });
});
