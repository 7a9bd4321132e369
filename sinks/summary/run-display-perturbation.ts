/**
 * @module A PerturbationDescription as HELM's display files hold it: read back through HELM's codec
 * (`common/codec.py`), which picks the description class by `name` from its own short table and writes that
 * class's fields, in order, with their types. So a registered class's floats come out as floats (`prob: 1.0`),
 * and the extra fields of a class missing from the table (`style`'s `suffix`, `translate`'s `language_code`)
 * are dropped, as HELM drops them.
 */
import { pyFloat } from '../../core/py-float.ts';
import { jsonField } from '../../core/python-json.ts';

type FieldType = 'str' | 'bool' | 'int' | 'float' | 'optional_str' | 'optional_int';
type Field = readonly [name: string, type: FieldType, defaultValue: string | number | boolean | null];

// HELM v0.5.16 perturbation_description.py: PerturbationDescription.
const BASE: readonly Field[] = [
  ['name', 'str', ''],
  ['robustness', 'bool', false],
  ['fairness', 'bool', false],
  ['computed_on', 'str', 'perturbed'],
  ['seed', 'optional_int', null],
];

// HELM v0.5.16 codec.py PERTURBATION_NAME_TO_DESCRIPTION: each registered Description's own fields, in order.
const prob: Field = ['prob', 'float', 0];
const sourceClass: Field = ['source_class', 'str', ''];
const targetClass: Field = ['target_class', 'str', ''];
const DESCRIPTION_FIELDS: Readonly<Record<string, readonly Field[]>> = {
  dialect: [prob, sourceClass, targetClass, ['mapping_file_path', 'optional_str', null]],
  extra_space: [['num_spaces', 'int', 0]],
  filler_words: [['insert_prob', 'float', 0]],
  gender: [['mode', 'str', ''], prob, sourceClass, targetClass, ['bidirectional', 'bool', false]],
  misspellings: [prob],
  person_name: [
    prob,
    sourceClass,
    targetClass,
    ['name_file_path', 'optional_str', null],
    ['person_name_type', 'str', ''],
    ['preserve_gender', 'bool', false],
  ],
  space: [['max_spaces', 'int', 0]],
  synonym: [prob],
  typos: [prob],
  chinese_typos: [prob, ['rare_char_prob', 'float', 0.05], ['consider_tone', 'bool', false], ['word_level_perturb', 'bool', true]],
  chinese_synonym: [prob, ['trial_num', 'int', 10]],
  chinese_gender: [['mode', 'str', ''], prob, sourceClass, targetClass],
  chinese_person_name: [prob, sourceClass, targetClass, ['preserve_gender', 'bool', false]],
};

const plainNumber = (value: unknown): number => Number((value as { toJSON?: () => unknown }).toJSON?.() ?? value);

/** cattrs' conversion of one field's JSON value to its declared type. */
function convert(value: unknown, type: FieldType): unknown {
  if (value === null || value === undefined) return undefined;
  switch (type) {
    case 'float':
      return pyFloat(plainNumber(value));
    case 'int':
    case 'optional_int':
      return typeof value === 'bigint' ? value : Math.trunc(plainNumber(value));
    case 'bool':
      return Boolean(value);
    default:
      return value;
  }
}

/**
 * The description HELM's display files write for `raw` (a perturbation read from scenario_state.json or
 * per_instance_stats.json): the class's fields in order, absent ones at their defaults, None ones left out.
 * `undefined` when there is no perturbation.
 */
export function helmPerturbation(raw: unknown): Readonly<Record<string, unknown>> | undefined {
  if (raw === undefined || raw === null) return undefined;
  const name = jsonField(raw, 'name');
  const fields = [...BASE, ...(typeof name === 'string' ? (DESCRIPTION_FIELDS[name] ?? []) : [])];
  const out: Record<string, unknown> = {};
  for (const [field, type, defaultValue] of fields) {
    const value = jsonField(raw, field);
    const converted = convert(value === undefined ? defaultValue : value, type);
    if (converted !== undefined) out[field] = converted;
  }
  return out;
}

/** A string equal for two descriptions exactly when HELM's dataclass `==` finds them equal. */
export const perturbationIdentity = (p: Readonly<Record<string, unknown>> | undefined): string =>
  p === undefined ? '' : JSON.stringify(p, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
