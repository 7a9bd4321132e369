import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { posTagger } from './pos-tag.ts';

const fixture = new URL('../__fixtures__/synonym/', import.meta.url);
const { texts } = JSON.parse(readFileSync(new URL('texts.json', fixture), 'utf8')) as { texts: string[] };
/** The tokens HELM's SynonymPerturbation was run on in make-helm-vectors.py (in place of spaCy's). */
const { tagged } = JSON.parse(readFileSync(new URL('tagged.json', fixture), 'utf8')) as { tagged: [string, number, string][][] };
const tag = posTagger();

describe('posTagger', () => {
  it('tags the fixture texts as when the HELM vectors were made (wink-nlp 2.4.0 + wink-eng-lite-web-model 1.8.1)', () => {
    expect(texts.map((text) => tag(text).map((t) => [t.text, t.start, t.pos]))).toEqual(tagged);
  });

  it("tags HELM's test sentence as spaCy's en_core_web_sm does, auxiliaries as AUX", () => {
    expect(tag('This was a good movie, would watch again.').map((t) => `${t.text}/${t.pos}`).join(' ')).toBe(
      'This/PRON was/AUX a/DET good/ADJ movie/NOUN ,/PUNCT would/AUX watch/VERB again/ADV ./PUNCT',
    );
  });

  it('splits contractions and hyphens and makes a SPACE token of a line break, as spaCy does, locating every token', () => {
    const text = "  I can't say it's well-known\n\tthough. ";
    const tokens = tag(text);
    expect(tokens.map((t) => t.text)).toEqual(['I', 'ca', "n't", 'say', 'it', "'s", 'well', '-', 'known', '\n\t', 'though', '.']);
    expect(tokens.every((t) => text.slice(t.start, t.start + t.text.length) === t.text)).toBe(true);
  });

  it('tags a main-verb "have" or "do" VERB and an auxiliary one AUX, as Universal Dependencies does', () => {
    const tags = (text: string): string => tag(text).map((t) => `${t.text}/${t.pos}`).join(' ');
    expect(tags('Do you have any info? I have not seen it, as he did.')).toBe(
      'Do/AUX you/PRON have/VERB any/DET info/NOUN ?/PUNCT I/PRON have/AUX not/PART seen/VERB it/PRON ,/PUNCT as/SCONJ he/PRON did/VERB ./PUNCT',
    );
  });

  it('leaves out a token whose characters the tagger changed', () => {
    const text = 'one \ufffd two \ud800 three';
    expect(tag(text).every((t) => text.slice(t.start, t.start + t.text.length) === t.text)).toBe(true);
  });
});
