/** @module HELM's PersonNamePerturbation (`person_name_perturbation.py`): names of one class → another, fairness. */
import { UserError } from '../../../core/errors.ts';
import type { Instance, Reference } from '../../../core/instance.ts';
import { perturbationDescription } from '../../../core/metric-name.ts';
import { numberOf, type PyNumber } from '../../../core/py-float.ts';
import { pythonCase } from '../../../core/python-case.ts';
import { PY_WORD_CHARS, pyStrip } from '../../../core/python-text.ts';
import { PythonRandom } from '../../../core/rng/python-random.ts';
import type { InstancePerturbation } from './instance-perturbation.ts';

/** A parsed name file, for one name type: category → value → names (lower-cased, in file order, repeats kept). */
export type NameTable = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

/** What PersonNamePerturbation's constructor takes, with the name file already read. */
export interface PersonNameOptions {
  readonly prob: PyNumber;
  /** Category → value, e.g. `{ race: 'white_american' }`; several categories intersect. */
  readonly source_class: Readonly<Record<string, string>>;
  readonly target_class: Readonly<Record<string, string>>;
  /** The file the names were read from: HELM writes it into the description. */
  readonly name_file_path: string;
  /** `first_name` or `last_name` (any case); the table must have been parsed for it. */
  readonly person_name_type: string;
  readonly preserve_gender: boolean;
  readonly names: NameTable;
}

const TOKEN_SEPARATOR = new RegExp(`([^${PY_WORD_CHARS}])`, 'u'); // HELM: re.split(r"([^\w])", text)
const GENDERS = ['female', 'male', 'neutral'] as const;

/**
 * Parses a name file (`<name>,<name_type>[,<category>,<value>]*` per line) as HELM's `load_name_file` does for
 * one name type: the name is stripped and lower-cased, but the type, categories and values are compared as
 * written (HELM's docstring says otherwise); lines of another type are ignored; a line with no comma fails.
 */
export function parseNameFile(text: string, nameType: string, path: string): NameTable {
  const table = new Map<string, Map<string, string[]>>();
  const lines = text.replace(/\r\n?/g, '\n').split(/(?<=\n)/); // Python's readlines in text mode (universal newlines)
  lines.forEach((line, i) => {
    if (line === '') return;
    const [name = '', type, ...categories] = line.replaceAll('\n', '').split(',');
    if (type === undefined) throw new UserError(`Name file ${path}, line ${i + 1}: expected '<name>,<name_type>[,<category>,<value>]*', got '${line.trimEnd()}'.`);
    if (type !== nameType) return;
    for (let k = 0; k + 1 < categories.length; k += 2) {
      const values = table.get(categories[k]!) ?? new Map<string, string[]>();
      table.set(categories[k]!, values);
      const names = values.get(categories[k + 1]!) ?? [];
      values.set(categories[k + 1]!, names);
      names.push(pyStrip(name).toLowerCase()); // HELM: name.strip().lower()
    }
  });
  return table;
}

/** The names of a class: per category → value, intersected in order (HELM `get_possible_names`, with `reduce`). */
function namesOf(table: NameTable, cls: Readonly<Record<string, string>>, side: string): readonly string[] {
  const lists = Object.entries(cls).map(([category, value]) => {
    const names = table.get(category)?.get(value);
    if (names === undefined || names.length === 0) throw new UserError(`PersonNamePerturbation: the name file has no names for ${side} ${category}=${value}.`);
    return names;
  });
  if (lists.length === 0) throw new UserError(`PersonNamePerturbation: ${side} must name at least one category.`);
  return lists.reduce((kept, next) => kept.filter((name) => next.includes(name)));
}

/** Lower-cased `k=v` pairs joined by commas: the description's source_class / target_class. */
const classText = (cls: Readonly<Record<string, string>>): string =>
  Object.entries(cls).map(([k, v]) => `${k.toLowerCase()}=${v.toLowerCase()}`).join(',');

/**
 * HELM's `apply`, which ignores `seed` (rng = `Random(instance.id)`, description without seed, every seed
 * gives the same copy) and sets no `contrast_inputs`. Tokens are `re.split(r"([^\w])")` pieces; a token
 * whose lower case is a source name and was not seen before in this instance draws `rng.uniform(0, 1) <
 * prob`: on success a target name is chosen (`rng.choice`; with preserve_gender among the target names of
 * the name's gender, and no substitution, and no choice drawn, when there are none: the name then draws
 * again where it recurs) and remembered for the whole instance; on failure the name is never substituted
 * in this instance. References are processed first, then the input, with one rng and one memory.
 */
export function personName(options: PersonNameOptions): InstancePerturbation {
  const { prob, names } = options;
  if (!(numberOf(prob) >= 0 && numberOf(prob) <= 1)) throw new UserError(`PersonNamePerturbation: prob must be in [0, 1], got ${numberOf(prob)}.`);
  const nameType = options.person_name_type.toLowerCase();
  if (nameType !== 'first_name' && nameType !== 'last_name') {
    throw new UserError(`PersonNamePerturbation: person_name_type must be 'first_name' or 'last_name', got '${options.person_name_type}'.`);
  }
  if (names.size === 0) throw new UserError(`PersonNamePerturbation: ${options.name_file_path} has no ${nameType} entries.`);
  // HELM looks classes up as given, though it lower-cases them for the description.
  const sources = new Set(namesOf(names, options.source_class, 'source_class'));
  const targets = namesOf(names, options.target_class, 'target_class');
  const genderTable = names.get('gender');
  if (options.preserve_gender && (nameType !== 'first_name' || genderTable === undefined || genderTable.size === 0)) {
    throw new UserError('PersonNamePerturbation: preserve_gender needs first names with a gender category in the name file.');
  }
  const genderOf = (name: string) => GENDERS.find((g) => genderTable?.get(g)?.includes(name) === true);
  const { matchCase } = pythonCase();
  const p = numberOf(prob);

  const substitute = (token: string, rng: PythonRandom): string | undefined => {
    let candidates = targets;
    const nameGender = options.preserve_gender ? genderOf(token.toLowerCase()) : undefined;
    if (nameGender !== undefined) {
      const gendered = genderTable!.get(nameGender)!;
      candidates = targets.filter((n) => gendered.includes(n));
      if (candidates.length === 0) return undefined;
    }
    return rng.choice(candidates);
  };

  const perturbText = (text: string, rng: PythonRandom, chosen: Map<string, string>, skipped: Set<string>): string =>
    text
      .split(TOKEN_SEPARATOR)
      .map((token) => {
        const lowered = token.toLowerCase();
        if (!chosen.has(lowered) && !skipped.has(lowered) && sources.has(lowered)) {
          if (rng.uniform(0, 1) < p) {
            const name = substitute(token, rng);
            if (name) chosen.set(lowered, name); // HELM: `if name:` (an empty name is no substitution)
          } else skipped.add(lowered);
        }
        const substitution = chosen.get(lowered);
        return substitution === undefined ? token : matchCase(token, substitution);
      })
      .join('');

  const description = perturbationDescription(
    'person_name',
    { fairness: true },
    {
      prob,
      source_class: classText(options.source_class),
      target_class: classText(options.target_class),
      name_file_path: options.name_file_path,
      person_name_type: nameType,
      preserve_gender: options.preserve_gender,
    },
  );
  return {
    name: 'person_name',
    description,
    apply(instance: Instance): Instance {
      const rng = new PythonRandom(instance.id);
      const chosen = new Map<string, string>();
      const skipped = new Set<string>();
      const references = instance.references.map(
        (ref): Reference => ({ ...ref, output: { ...ref.output, text: perturbText(ref.output.text, rng, chosen, skipped) } }),
      );
      const input = { text: perturbText(instance.input.text, rng, chosen, skipped) };
      // HELM's `replace(instance, input=..., references=..., perturbation=...)`: every other field kept, in order.
      return {
        input,
        references,
        split: instance.split,
        ...(instance.sub_split !== undefined && { sub_split: instance.sub_split }),
        id: instance.id,
        perturbation: description,
        ...(instance.contrast_inputs !== undefined && { contrast_inputs: instance.contrast_inputs }),
        ...(instance.contrast_references !== undefined && { contrast_references: instance.contrast_references }),
        ...(instance.extra_data !== undefined && { extra_data: instance.extra_data }),
      };
    },
  };
}
