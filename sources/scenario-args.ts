/** @module Checking a scenario's args the way Python checks keyword arguments. */
import { UserError, closeMatches } from '../core/errors.ts';

/** Throws a UserError for an unknown arg or a missing required one; returns the args unchanged. */
export function checkScenarioArgs(
  scenario: string,
  args: Readonly<Record<string, unknown>>,
  params: { readonly required: readonly string[]; readonly optional: readonly string[] },
): Readonly<Record<string, unknown>> {
  const known = [...params.required, ...params.optional];
  for (const name of Object.keys(args)) {
    if (!known.includes(name)) {
      const close = closeMatches(name, known);
      throw new UserError(
        `Scenario ${scenario} has no argument '${name}'.${close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ''}` +
          ` Its arguments: ${known.length > 0 ? known.join(', ') : '(none)'}.`,
      );
    }
  }
  const missing = params.required.filter((name) => args[name] === undefined);
  if (missing.length > 0) throw new UserError(`Scenario ${scenario} needs argument(s): ${missing.join(', ')}.`);
  return args;
}
