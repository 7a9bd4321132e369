/** @module Loads the HELM data files perturbations read (`configs/perturbations/`), checked at the edge. */
import { readFileSync } from 'node:fs';

const DATA_DIR = new URL('../../../configs/perturbations/', import.meta.url);

/** A parsed data file, as unknown JSON. */
function readJson(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, DATA_DIR), 'utf8')) as unknown;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

function fail(file: string, what: string): never {
  throw new Error(`configs/perturbations/${file}: ${what}`);
}

/** A `{ key: string }` field of a data file, as a Map in file order. */
function stringMap(file: string, field: string | null): Map<string, string> {
  const json = readJson(file);
  const table = field === null ? json : isRecord(json) ? json[field] : undefined;
  if (!isRecord(table)) fail(file, `expected an object${field === null ? '' : ` at '${field}'`}`);
  const entries = Object.entries(table);
  if (!entries.every((e): e is [string, string] => typeof e[1] === 'string')) fail(file, 'expected string values');
  return new Map(entries);
}

/**
 * HELM's `correct_to_misspelling.json`: word → misspellings, in file order (the order of the regex
 * alternation). No key is an integer-like string, so JSON.parse keeps the file's key order.
 */
export function loadMisspellings(): Map<string, readonly string[]> {
  const file = 'correct_to_misspelling.json';
  const json = readJson(file);
  if (!isRecord(json)) fail(file, 'expected an object');
  const out = new Map<string, readonly string[]>();
  for (const [word, misspellings] of Object.entries(json)) {
    if (!isStringArray(misspellings) || misspellings.length === 0) fail(file, `bad entry '${word}'`);
    out.set(word, misspellings);
  }
  return out;
}

/** HELM's `CONTRACTION_MAP` (contraction → expansion), in order. */
export const loadContractionMap = (): Map<string, string> => stringMap('contraction_map.json', 'contractions');

/** The typo perturbation's QWERTY neighbours (`key_approx`): lowercase letter → neighbour letters. */
export const loadTypoNeighbours = (): Map<string, string> => stringMap('typo_neighbours.json', 'key_approx');

/** The three filler phrase lists of `filler_words_perturbation.py`. */
export function loadFillerWords(): { speaker: string[]; uncertain: string[]; fill: string[] } {
  const file = 'filler_words.json';
  const json = readJson(file);
  if (!isRecord(json)) fail(file, 'expected an object');
  const { speaker_phrases: speaker, uncertain_phrases: uncertain, fill_phrases: fill } = json;
  if (!isStringArray(speaker) || !isStringArray(uncertain) || !isStringArray(fill)) fail(file, 'expected string lists');
  return { speaker, uncertain, fill };
}

