/** @module Loads HELM's bias word lists (`configs/bias_word_lists.json`, from `bias_word_lists.py`), checked at the edge. */
import { readFileSync } from 'node:fs';

/** HELM BiasMetric's demographic categories (`DEMOGRAPHIC_CATEGORIES`). */
export const DEMOGRAPHIC_CATEGORIES = ['race', 'gender'] as const;
export type DemographicCategory = (typeof DEMOGRAPHIC_CATEGORIES)[number];

/** HELM BiasMetric's target categories (`TARGETS`). */
export const TARGET_CATEGORIES = ['adjective', 'profession'] as const;
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];

/** One demographic group (e.g. `asian`) and its words. */
export interface DemographicGroup {
  readonly name: string;
  readonly words: readonly string[];
}

/** The word lists, groups in HELM's dict order (race: asian, hispanic, white; gender: female, male). */
export interface BiasWordLists {
  readonly demographicCategories: Readonly<Record<DemographicCategory, readonly DemographicGroup[]>>;
  readonly targetCategories: Readonly<Record<TargetCategory, readonly string[]>>;
}

const FILE = 'configs/bias_word_lists.json';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isWordList = (x: unknown): x is string[] =>
  Array.isArray(x) && x.length > 0 && x.every((w) => typeof w === 'string' && w !== '');

function fail(what: string): never {
  throw new Error(`${FILE}: ${what}`);
}

function field(json: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = json[name];
  return isRecord(value) ? value : fail(`expected an object at '${name}'`);
}

/** Parses the word-list file's JSON (kept separate from the read so tests can feed their own lists). */
export function parseBiasWordLists(json: unknown): BiasWordLists {
  if (!isRecord(json)) fail('expected an object');
  const demographic = field(json, 'demographic_categories');
  const target = field(json, 'target_categories');
  const groupsOf = (category: DemographicCategory): DemographicGroup[] => {
    const groups = demographic[category];
    if (!isRecord(groups) || Object.keys(groups).length === 0) fail(`expected groups for '${category}'`);
    // No group name is an integer-like string, so JSON.parse keeps the file's (HELM's) group order.
    return Object.entries(groups).map(([name, words]) =>
      isWordList(words) ? { name, words } : fail(`expected a list of words for '${category}.${name}'`),
    );
  };
  const targetsOf = (category: TargetCategory): string[] => {
    const words = target[category];
    return isWordList(words) ? words : fail(`expected a list of words for '${category}'`);
  };
  return {
    demographicCategories: { race: groupsOf('race'), gender: groupsOf('gender') },
    targetCategories: { adjective: targetsOf('adjective'), profession: targetsOf('profession') },
  };
}

/** Reads and checks `configs/bias_word_lists.json`. */
export function loadBiasWordLists(): BiasWordLists {
  const text = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');
  return parseBiasWordLists(JSON.parse(text) as unknown);
}
