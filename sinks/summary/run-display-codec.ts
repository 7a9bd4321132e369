/**
 * @module Instance and Request records as HELM's display files write them: HELM reads scenario_state.json back
 * into its dataclasses (cattrs, `common/codec.py`) and writes them again, so each record comes out with its
 * dataclass's fields in declaration order, typed fields converted (`temperature: 0` → `0.0`), absent fields at
 * their defaults, None fields with a None default left out, and fields the dataclass lacks dropped.
 * Free-form values (`extra_data`, `multimedia_content`, …) pass through as parsed.
 */
import { pyFloat } from '../../core/py-float.ts';
import { helmPerturbation } from './run-display-perturbation.ts';
import { jsonField } from '../../core/python-json.ts';

/** How one field is read: its conversion, and its default (`NONE`: Optional with a None default). */
type FieldSpec = readonly [name: string, convert: (value: unknown) => unknown, defaultValue: unknown];
const NONE = Symbol('None');

const plainNumber = (value: unknown): number => Number((value as { toJSON?: () => unknown }).toJSON?.() ?? value);
const asIs = (value: unknown): unknown => value;
const asFloat = (value: unknown): unknown => pyFloat(plainNumber(value));
const asInt = (value: unknown): unknown => (typeof value === 'bigint' ? value : Math.trunc(plainNumber(value)));
const asBool = (value: unknown): unknown => Boolean(value);
const listOf =
  (convert: (value: unknown) => unknown) =>
  (value: unknown): unknown =>
    Array.isArray(value) ? value.map(convert) : value;

/** cattrs' structure then unstructure of one dataclass, as a plain record in field order. */
function dataclassRecord(raw: unknown, fields: readonly FieldSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, convert, defaultValue] of fields) {
    const value = jsonField(raw, name);
    if (value === undefined || value === null) {
      // A missing field takes its default as declared (unconverted); a None default is left out when written.
      if (defaultValue !== NONE && value === undefined) out[name] = defaultValue;
      continue;
    }
    out[name] = convert(value);
  }
  return out;
}

// HELM v0.5.16 scenario.py: Input, Output, Reference, Instance.
const INPUT: readonly FieldSpec[] = [
  ['text', asIs, ''],
  ['multimedia_content', asIs, NONE],
  ['messages', asIs, NONE],
];
const OUTPUT: readonly FieldSpec[] = [
  ['text', asIs, ''],
  ['multimedia_content', asIs, NONE],
];
const helmInput = (raw: unknown): unknown => dataclassRecord(raw, INPUT);
const helmReference = (raw: unknown): unknown =>
  dataclassRecord(raw, [
    ['output', (value) => dataclassRecord(value, OUTPUT), NONE],
    ['tags', asIs, NONE],
  ]);
const INSTANCE: readonly FieldSpec[] = [
  ['input', helmInput, NONE],
  ['references', listOf(helmReference), NONE],
  ['split', asIs, NONE],
  ['sub_split', asIs, NONE],
  ['id', asIs, NONE],
  ['perturbation', helmPerturbation, NONE],
  ['contrast_inputs', listOf(helmInput), NONE],
  ['contrast_references', listOf(listOf(helmReference)), NONE],
  ['extra_data', asIs, NONE],
];

// HELM v0.5.16 common/request.py: Request. Defaults as declared: `top_p: float = 1` is the int 1.
const REQUEST: readonly FieldSpec[] = [
  ['model_deployment', asIs, ''],
  ['model', asIs, ''],
  ['embedding', asBool, false],
  ['prompt', asIs, ''],
  ['temperature', asFloat, pyFloat(1)],
  ['num_completions', asInt, 1],
  ['top_k_per_token', asInt, 1],
  ['max_tokens', asInt, 100],
  ['stop_sequences', asIs, []],
  ['echo_prompt', asBool, false],
  ['top_p', asFloat, 1],
  ['presence_penalty', asFloat, 0],
  ['frequency_penalty', asFloat, 0],
  ['random', asIs, NONE],
  ['messages', asIs, NONE],
  ['multimodal_prompt', asIs, NONE],
  ['image_generation_parameters', asIs, NONE],
  ['response_format', asIs, NONE],
];

/** An Instance of scenario_state.json as HELM's `instances.json` writes it. */
export const helmInstance = (raw: unknown): Record<string, unknown> => dataclassRecord(raw, INSTANCE);

/** A Request of scenario_state.json as HELM's `display_requests.json` writes it. */
export const helmRequest = (raw: unknown): Record<string, unknown> => dataclassRecord(raw, REQUEST);
