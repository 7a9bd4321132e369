/**
 * How often our tagger's WordNet class (VERB→v, NOUN→n, ADV→r, ADJ→s, else none: what SynonymPerturbation looks up)
 * agrees with gold Universal Dependencies tags, as a stand-in for agreement with spaCy, which cannot run here.
 *   npx tsx operators/augment/__fixtures__/synonym/measure-ud-agreement.ts FILE.conllu…
 * (Figures in the report: the 148 distinct EWT test sentences of allenai/contrast-sets UD_English/*.original_only.*.conllu.)
 */
import { readFileSync } from 'node:fs';
import { posTagger } from '../../perturbations/pos-tag.ts';

const CLASS: Readonly<Record<string, string>> = { VERB: 'v', NOUN: 'n', ADV: 'r', ADJ: 's' };
const tag = posTagger();
const texts = new Set<string>();
const count = { sentences: 0, sentencesAgreeing: 0, tokens: 0, aligned: 0, sameUpos: 0, sameClass: 0, contentTokens: 0, contentSame: 0 };
for (const file of process.argv.slice(2)) {
  for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
    const text = /^# text = (.*)$/m.exec(block)?.[1];
    if (text === undefined || texts.has(text)) continue;
    texts.add(text);
    count.sentences++;
    const ours = new Map(tag(text).map((t) => [`${t.start}:${t.text}`, t.pos]));
    let cursor = 0;
    let agrees = true;
    for (const line of block.split('\n')) {
      const [id, form, , gold] = line.split('\t');
      if (id === undefined || !/^\d+$/.test(id) || form === undefined || gold === undefined) continue;
      const start = text.indexOf(form, cursor);
      if (start < 0) continue;
      cursor = start + form.length;
      count.tokens++;
      const pos = ours.get(`${start}:${form}`);
      const goldClass = CLASS[gold] ?? '-';
      const ourClass = pos === undefined ? '?' : (CLASS[pos] ?? '-');
      if (pos !== undefined) {
        count.aligned++;
        if (pos === gold) count.sameUpos++;
        if (ourClass === goldClass) count.sameClass++;
      }
      if (goldClass !== '-' || (ourClass !== '-' && ourClass !== '?')) {
        count.contentTokens++;
        if (ourClass === goldClass) count.contentSame++;
        else agrees = false;
      }
    }
    if (agrees) count.sentencesAgreeing++;
  }
}
const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)}%`;
console.log(count);
console.log(`UPOS ${pct(count.sameUpos, count.aligned)}; WordNet class ${pct(count.sameClass, count.aligned)}; on content tokens ${pct(count.contentSame, count.contentTokens)}; sentences with every content token agreeing ${count.sentencesAgreeing}/${count.sentences}`);
