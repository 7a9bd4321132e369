/**
 * @module One description → its RunSpecs (HELM `run_spec_factory.py: construct_run_specs`): peel the
 * expander args off, append `model=all` when no model is named, call the run-spec function with the rest,
 * apply the expanders in description order, then alter each result for its model.
 */
import { unknownNameMessage, UserError } from '../../core/errors.ts';
import type { RunSpec } from '../../core/run-spec.ts';
import { alterRunSpec } from './alter-run-spec.ts';
import type { ExpanderContext, RunExpander } from './expanders/expander.ts';
import { isExpanderName, RUN_EXPANDERS } from './expanders/registry.ts';
import type { ParsedObjectSpec } from './object-spec.ts';
import type { ArgValue } from './py-text.ts';
import { isRunSpecName, RUN_SPEC_FUNCTIONS } from './run-specs/registry.ts';
import { callRunSpecFunction, DEFAULT_BUILD_CONTEXT } from './run-specs/run-spec-function.ts';

/**
 * The RunSpecs of one parsed description. Expander args take precedence over function params of the same
 * name (they are never passed to the function). Throws UserError for unknown names and bad values.
 * @example constructRunSpecs(parseObjectSpec('mmlu:subject=anatomy,model=simple/model1'), context)
 *   // [{ name: 'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1', … }]
 */
export function constructRunSpecs(spec: ParsedObjectSpec, context: ExpanderContext): RunSpec[] {
  if (!isRunSpecName(spec.name)) {
    throw new UserError(unknownNameMessage('run spec function', spec.name, Object.keys(RUN_SPEC_FUNCTIONS)));
  }
  const expanders: RunExpander[] = [];
  const functionArgs = new Map<string, ArgValue>();
  for (const [key, value] of spec.args) {
    if (isExpanderName(key)) expanders.push(RUN_EXPANDERS[key](value, context));
    else functionArgs.set(key, value);
  }
  if (!spec.args.has('model')) expanders.push(RUN_EXPANDERS.model('all', context));

  let runSpecs = [
    callRunSpecFunction(spec.name, RUN_SPEC_FUNCTIONS[spec.name], functionArgs, Object.keys(RUN_EXPANDERS), {
      outputPath: context.outputPath ?? DEFAULT_BUILD_CONTEXT.outputPath,
    }),
  ];
  for (const expand of expanders) runSpecs = runSpecs.flatMap((runSpec) => expand(runSpec));
  return runSpecs.map((runSpec) => alterRunSpec(runSpec, context));
}
