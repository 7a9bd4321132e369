/** @module HELM's run-entry description parser (`common/object_spec.py: parse_object_spec`). */
import { UserError } from '../../core/errors.ts';
import { pyFloat } from '../../core/py-float.ts';
import { parsePyFloat, parsePyInt } from '../../core/python-number.ts';
import { type ArgValue } from './py-text.ts';

/** A parsed description: the run-spec function name and its args in description order. */
export interface ParsedObjectSpec {
  readonly name: string;
  /** Insertion-ordered, as a Python dict: a repeated key keeps its first position and takes the last value. */
  readonly args: ReadonlyMap<string, ArgValue>;
}

/**
 * Python's conversion of a description value: `int(v)`, else `float(v)` (always a PyFloat, so `3.0`
 * stays a float), else the string itself. There is no boolean parsing: `"False"` stays a string.
 */
export function parseArgValue(text: string): ArgValue {
  const asInt = parsePyInt(text);
  if (asInt !== undefined) return asInt;
  const asFloat = parsePyFloat(text);
  if (asFloat !== undefined) return pyFloat(asFloat);
  return text;
}

/**
 * Parses `name:key=value,key=value` exactly as HELM does: split on the first `:`; split the rest on
 * every `,`; split each piece on its first `=`. Nothing is unquoted or escaped, spaces are kept.
 * @example parseObjectSpec('mmlu:subject=anatomy,max_train_instances=3')
 *   // { name: 'mmlu', args: Map { subject → 'anatomy', max_train_instances → 3 } }
 */
export function parseObjectSpec(description: string): ParsedObjectSpec {
  const colon = description.indexOf(':');
  if (colon < 0) return { name: description, args: new Map() };
  const name = description.slice(0, colon);
  const args = new Map<string, ArgValue>();
  for (const piece of description.slice(colon + 1).split(',')) {
    const equals = piece.indexOf('=');
    if (equals < 0) {
      throw new UserError(
        `Malformed run entry '${description}': expected <key>=<value>, got '${piece}' ` +
          `(values cannot contain ',').`,
      );
    }
    args.set(piece.slice(0, equals), parseArgValue(piece.slice(equals + 1)));
  }
  return { name, args };
}
