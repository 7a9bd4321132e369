/** @module HELM's DialectPerturbation (`dialect_perturbation.py`): SAE words → AAVE forms, fairness. */
import { UserError } from '../../../core/errors.ts';
import { perturbationDescription } from '../../../core/metric-name.ts';
import { numberOf, type PyNumber } from '../../../core/py-float.ts';
import { pythonCase } from '../../../core/python-case.ts';
import { isOrderedJsonObject, parsePythonJson } from '../../../core/python-json.ts';
import { PY_WORD_CHARS } from '../../../core/python-text.ts';
import type { PythonRandom } from '../../../core/rng/python-random.ts';
import { pythonIgnoreCase } from './python-regex.ts';
import { replaceSeparatedWords } from './separated-words.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/** A dialect mapping: source word → its target forms, in the file's key order (the regex alternation's order). */
export type DialectMapping = ReadonlyMap<string, readonly string[]>;

/** What DialectPerturbation's constructor takes, with the mapping file already read. */
export interface DialectOptions {
  readonly prob: PyNumber;
  /** Upper-cased, as HELM does (e.g. `sae` → `SAE`). */
  readonly source_class: string;
  readonly target_class: string;
  /** The file the mapping was read from: HELM writes it into the description. */
  readonly mapping_file_path: string;
  readonly mapping: DialectMapping;
}

/** Python `re.escape` for a JS `u` pattern: only the characters that are syntax there (the others are literal either way). */
const escapeRegExp = (word: string): string => word.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * Each match of `[^\w-](word1|word2|…)[^\w-]` (IGNORECASE; keys escaped, in file order, so the first listed key
 * that fits wins) draws `rng.uniform(0, 1) < prob`; when it passes, `rng.choice(mapping[word.lower()])` in the
 * word's case replaces it. The word needs a separator other than `-` on both sides: the first and last words
 * of a text never change, and of two words one separator apart only the first can (HELM quirks). References
 * are perturbed too. Like HELM, a match whose lower case is no key (Python's IGNORECASE lets `i` match `İ`
 * and `ı`) fails when drawn (HELM raises KeyError).
 */
export function dialect(options: DialectOptions): TextPerturbation {
  const { prob, mapping } = options;
  if (!(numberOf(prob) >= 0 && numberOf(prob) <= 1)) throw new UserError(`DialectPerturbation: prob must be in [0, 1], got ${numberOf(prob)}.`);
  const { matchCase } = pythonCase();
  const words = [...mapping.keys()].map((word) => pythonIgnoreCase(escapeRegExp(word))).join('|');
  const pattern = new RegExp(`[^${PY_WORD_CHARS}-](${words})[^${PY_WORD_CHARS}-]`, 'giu');
  const p = numberOf(prob);
  const pick = (rng: PythonRandom) => (word: string): string => {
    const forms = mapping.get(word.toLowerCase());
    if (forms === undefined) throw new Error(`DialectPerturbation: '${word.toLowerCase()}' is no key of ${options.mapping_file_path} (HELM raises KeyError here too)`);
    return matchCase(word, rng.choice(forms));
  };
  return {
    name: 'dialect',
    description: perturbationDescription(
      'dialect',
      { fairness: true },
      {
        prob,
        source_class: options.source_class.toUpperCase(),
        target_class: options.target_class.toUpperCase(),
        mapping_file_path: options.mapping_file_path,
      },
    ),
    perturbsReferences: true,
    perturb: (text, rng) => replaceSeparatedWords(text, pattern, p, rng, pick(rng)),
  };
}

/** Parses a dialect mapping file (`Dict[str, List[str]]` JSON, as HELM's `json.load`), keeping its key order. */
export function parseDialectMapping(text: string, path: string): Map<string, readonly string[]> {
  let json: unknown;
  try {
    json = parsePythonJson(text);
  } catch (cause) {
    throw new UserError(`Dialect mapping ${path} is not valid JSON: ${(cause as Error).message}.`, { cause });
  }
  const entries = isOrderedJsonObject(json)
    ? json.entries
    : typeof json === 'object' && json !== null && !Array.isArray(json)
      ? Object.entries(json)
      : undefined;
  if (entries === undefined) throw new UserError(`Dialect mapping ${path} must be a JSON object of word → list of words.`);
  const mapping = new Map<string, readonly string[]>();
  for (const [word, forms] of entries) {
    if (!Array.isArray(forms) || !forms.every((f): f is string => typeof f === 'string')) {
      throw new UserError(`Dialect mapping ${path}: '${word}' must map to a list of strings, got ${JSON.stringify(forms)}.`);
    }
    mapping.set(word, forms); // a repeated key keeps its first place and its last value, as in a Python dict
  }
  return mapping;
}
