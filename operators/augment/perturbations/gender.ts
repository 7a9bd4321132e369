/** @module HELM's GenderPerturbation (`gender_perturbation.py`): gender terms or pronouns, source → target, fairness. */
import { UserError } from '../../../core/errors.ts';
import { pythonFloatRepr } from '../../../core/helm-json.ts';
import { perturbationDescription } from '../../../core/metric-name.ts';
import { numberOf, PyFloat, type PyNumber } from '../../../core/py-float.ts';
import { pythonCase } from '../../../core/python-case.ts';
import { parsePythonJson } from '../../../core/python-json.ts';
import { PY_WORD_CHARS } from '../../../core/python-text.ts';
import { GENDER_PRONOUN_MAPPINGS, GENDER_TERM_MAPPINGS, GENDERS } from './gender-tables.ts';
import { pythonIgnoreCase } from './python-regex.ts';
import { replaceSeparatedWords } from './separated-words.ts';
import type { TextPerturbation } from './text-perturbation.ts';

/** HELM's modes and their built-in tables. */
const MODE_TABLES = { terms: GENDER_TERM_MAPPINGS, pronouns: GENDER_PRONOUN_MAPPINGS } as const;

/** A mapping file's rows (words in the order of `genders`) and its genders, all lower-cased. */
export interface GenderMapping {
  readonly rows: readonly (readonly string[])[];
  readonly genders: readonly string[];
}

/** What GenderPerturbation's constructor takes, with a mapping file (if any) already read. */
export interface GenderOptions {
  /** `terms` or `pronouns`. */
  readonly mode: string;
  readonly prob: PyNumber;
  /** Lower-cased, as HELM does. */
  readonly source_class: string;
  readonly target_class: string;
  /** Also substitute target → source, after all source → target pairs. Default false. */
  readonly bidirectional?: boolean;
  /** Replaces the mode's built-in table (HELM: only when both mapping_file_path and mapping_file_genders are set). */
  readonly mapping?: GenderMapping | undefined;
}

/**
 * For each (source word, target word) pair in table order (then, when bidirectional, each reversed pair),
 * one `re.sub` of `[^\w](word)[^\w]` (IGNORECASE, the word not escaped) over the text so far: each match
 * draws `rng.uniform(0, 1) < prob` and takes the target word in the match's case. Passes are sequential,
 * so a later pair sees (and may undo) what an earlier one wrote, e.g. bidirectional with prob 1 turns
 * "queen" into "king" and back. The first and last words never match, nor the second of two words one
 * separator apart within one pass (HELM quirks, tests skipped upstream as #1958). References too.
 */
export function gender(options: GenderOptions): TextPerturbation {
  const { mode, prob } = options;
  if (mode !== 'terms' && mode !== 'pronouns') throw new UserError(`GenderPerturbation: mode must be 'terms' or 'pronouns', got '${mode}'.`);
  if (!(numberOf(prob) >= 0 && numberOf(prob) <= 1)) throw new UserError(`GenderPerturbation: prob must be in [0, 1], got ${numberOf(prob)}.`);
  const source = options.source_class.toLowerCase();
  const target = options.target_class.toLowerCase();
  const bidirectional = options.bidirectional ?? false;
  const rows = options.mapping?.rows ?? MODE_TABLES[mode];
  const genders: readonly string[] = options.mapping?.genders ?? GENDERS;
  const where = options.mapping === undefined ? `the built-in ${mode} table` : 'the mapping file';
  if (rows.length === 0) throw new UserError(`GenderPerturbation: ${where} has no rows.`);
  for (const cls of [source, target]) {
    if (!genders.includes(cls)) throw new UserError(`GenderPerturbation: '${cls}' is not one of the genders of ${where} (${genders.join(', ')}).`);
  }
  const bad = rows.find((row) => row.length !== genders.length);
  if (bad !== undefined) throw new UserError(`GenderPerturbation: row ${JSON.stringify(bad)} of ${where} does not have one word per gender (${genders.join(', ')}).`);

  const column = (cls: string) => rows.map((row) => row[genders.indexOf(cls)]!);
  const [sources, targets] = [column(source), column(target)];
  const pairs = sources.map((word, i) => [word, targets[i]!] as const);
  if (bidirectional) pairs.push(...targets.map((word, i) => [word, sources[i]!] as const));
  const separator = `[^${PY_WORD_CHARS}]`;
  const passes = pairs.map(([word, synonym]) => {
    try {
      return { pattern: new RegExp(`${separator}(${pythonIgnoreCase(word)})${separator}`, 'giu'), synonym };
    } catch (cause) {
      throw new UserError(`GenderPerturbation: '${word}' of ${where} is not a pattern JS can read: ${(cause as Error).message}.`, { cause });
    }
  });
  const { matchCase } = pythonCase();
  const p = numberOf(prob);
  return {
    name: 'gender',
    description: perturbationDescription('gender', { fairness: true }, { mode, prob, source_class: source, target_class: target, bidirectional }),
    perturbsReferences: true,
    perturb: (text, rng) =>
      passes.reduce((current, { pattern, synonym }) => replaceSeparatedWords(current, pattern, p, rng, (word) => matchCase(word, synonym)), text),
  };
}

/** Python `str(e)` of a JSON scalar. */
function pyStr(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof PyFloat) {
    return Number.isFinite(value.value) ? pythonFloatRepr(value.value) : Number.isNaN(value.value) ? 'nan' : value.value > 0 ? 'inf' : '-inf';
  }
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null) return 'None';
  throw new UserError(`Gender mapping ${path}: expected words, got ${JSON.stringify(value)}.`);
}

/** Parses a gender mapping file (`List[List[str]]` JSON), each entry `str(e).lower()` as HELM's `load_mappings`. */
export function parseGenderMapping(text: string, path: string, genders: readonly string[]): GenderMapping {
  let json: unknown;
  try {
    json = parsePythonJson(text);
  } catch (cause) {
    throw new UserError(`Gender mapping ${path} is not valid JSON: ${(cause as Error).message}.`, { cause });
  }
  if (!Array.isArray(json) || !json.every((row): row is unknown[] => Array.isArray(row))) {
    throw new UserError(`Gender mapping ${path} must be a JSON list of lists of words, one word per gender.`);
  }
  const rows = json.map((row) => row.map((word) => pyStr(word, path).toLowerCase()));
  return { rows, genders: genders.map((g) => g.toLowerCase()) };
}
