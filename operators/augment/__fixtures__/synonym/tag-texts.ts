/**
 * Tags texts.json with our POS tagger and writes tagged.json, which make-helm-vectors.py feeds to HELM's
 * SynonymPerturbation in place of spaCy:  npx tsx operators/augment/__fixtures__/synonym/tag-texts.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { posTagger } from '../../perturbations/pos-tag.ts';

const here = new URL('./', import.meta.url);
const { texts } = JSON.parse(readFileSync(new URL('texts.json', here), 'utf8')) as { texts: string[] };
const tag = posTagger();
const tagged = texts.map((text) => tag(text).map(({ text: t, start, pos }) => [t, start, pos]));
writeFileSync(new URL('tagged.json', here), `${JSON.stringify({ source: 'posTagger() (wink-nlp 2.4.0, wink-eng-lite-web-model 1.8.1) on texts.json: [text, start, pos] per token', tagged })}\n`);
