import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { morphy, parseWordNetLexicon, type WordNetPos } from './wordnet-morphy.ts';
import { offlineEnsureFiles } from '../../../sources/__fixtures__/offline-lookup.ts';
import { loadWordnetResources } from './wordnet-resources.ts';

const fixture = new URL('../__fixtures__/synonym/', import.meta.url);
/** NLTK's `_morphy` over all of WordNet 3.0 (NLTK 3.8 as installed; 3.9's function patched in), make-helm-vectors.py. */
const { morphy: vectors } = JSON.parse(readFileSync(new URL('helm-synonym-vectors.json', fixture), 'utf8')) as {
  morphy: Record<'nltk38' | 'nltk39', [string, WordNetPos, string[]][]>;
};
const { lexicon } = await loadWordnetResources(fileURLToPath(new URL('output', fixture)), offlineEnsureFiles);

describe('morphy', () => {
  it("gives NLTK >= 3.9's base forms (one pass of the suffix rules)", () => {
    expect(vectors.nltk39.map(([form, pos]) => morphy(form, pos, lexicon))).toEqual(vectors.nltk39.map((v) => v[2]));
  });

  it("gives NLTK 3.8's base forms when recursive", () => {
    expect(vectors.nltk38.map(([form, pos]) => morphy(form, pos, lexicon, { recursive: true }))).toEqual(vectors.nltk38.map((v) => v[2]));
  });

  it('differs between the two only where NLTK 3.8 strips a suffix twice', () => {
    const differs = vectors.nltk38.filter(([form, pos, bases], i) => JSON.stringify(bases) !== JSON.stringify(vectors.nltk39[i]![2]) && form + pos);
    expect(differs.map(([form, pos, bases]) => `${form}:${pos}→${bases.join(',')}`)).toEqual([
      'anchoresses:v→anchor', 'askeses:v→ask', 'catss:n→cat', 'catss:v→cat', 'iss:n→i', 'less:n→le', 'offerings:v→offer', 'possesses:n→posse', 'ramesses:v→ram',
    ]);
    // the exception lists: "geese goose", "best good" (and "best" is a lemma itself), "axes ax axis", "went go"
    const bases = [morphy('geese', 'n', lexicon), morphy('best', 's', lexicon), morphy('axes', 'n', lexicon), morphy('went', 'v', lexicon)];
    expect(bases).toEqual([['goose'], ['best', 'good'], ['ax', 'axis'], ['go']]);
  });
});

describe('parseWordNetLexicon', () => {
  const files = {
    'index.noun': '  1 license header line\ndog n 7 5 @ ~ #m #p %p 7 1 02084071\n',
    'index.verb': 'dog v 1 2 @ ~ 1 0 02005948\n',
    'index.adj': 'good a 21 4 ! & ^ = 21 15 01123148\n',
    'index.adv': '',
    'noun.exc': 'dogs cat\ndogs dog\n',
    'verb.exc': '',
    'adj.exc': 'better good well\n',
    'adv.exc': '',
  };
  it('indexes adjectives as satellites too, and lets a later exception line win', () => {
    const parsed = parseWordNetLexicon(files);
    expect([...parsed.lemmas]).toEqual([['dog', new Set(['n', 'v'])], ['good', new Set(['a', 's'])]]);
    expect(parsed.exceptions.n.get('dogs')).toEqual(['dog']);
    expect(parsed.exceptions.s.get('better')).toEqual(['good', 'well']);
    expect(morphy('better', 's', parsed)).toEqual(['good']);
  });
  it('names a malformed index line', () => {
    expect(() => parseWordNetLexicon({ ...files, 'index.adv': 'lonely\n' })).toThrow('WordNet index.adv: a line without a lemma and part of speech: "lonely"');
  });
});
