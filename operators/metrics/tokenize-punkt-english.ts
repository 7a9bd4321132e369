/**
 * @module The learned parameters of nltk's English Punkt model, which `word_tokenize` and `sent_tokenize` load in the
 * HELM anchor (nltk 3.8: `tokenizers/punkt/english.pickle`, rebuilt there from the same parameters as
 * `configs/punkt-english.json.gz`, a copy of `../shared/tools/helm-anchor/nltk/punkt-english.json.gz`). Read once.
 * With them, abbreviations ("Mr.", "u.s.") and initials keep their period inside a sentence.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { collocationKey, type PunktParameters } from './tokenize-punkt.ts';

/** The file's shape: nltk's PunktParameters as JSON (sets as lists, pairs as two-element lists). */
interface PunktParametersJson {
  readonly abbrev_types: readonly string[];
  readonly collocations: readonly (readonly [string, string])[];
  readonly sent_starters: readonly string[];
  readonly ortho_context: readonly (readonly [string, number])[];
}

const DEFAULT_PATH = new URL('../../configs/punkt-english.json.gz', import.meta.url);

/** Parses a gzipped PunktParameters JSON file (the format of `configs/punkt-english.json.gz`). */
export function loadPunktParameters(path: URL | string): PunktParameters {
  const data = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as PunktParametersJson;
  return {
    abbrevTypes: new Set(data.abbrev_types),
    collocations: new Set(data.collocations.map(([a, b]) => collocationKey(a, b))),
    sentStarters: new Set(data.sent_starters),
    orthoContext: new Map(data.ortho_context),
  };
}

let english: PunktParameters | undefined;

/** nltk's English Punkt parameters, loaded on first use and then shared (they are read-only). */
export function englishPunktParameters(): PunktParameters {
  english ??= loadPunktParameters(DEFAULT_PATH);
  return english;
}
