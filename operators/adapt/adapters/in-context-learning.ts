/**
 * @module What HELM's in-context-learning adapters share (`in_context_learning_adapter.py`): the gold output,
 * the base example block, and prompts built from a trial's examples and fitted to the window.
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import { isCorrect, type Instance } from '../../../core/instance.ts';
import { pyRstrip } from '../../../core/python-text.ts';
import type { WindowService } from '../../../core/window-service.ts';
import { fitPrompt, type FittedPrompt } from '../fit-window.ts';
import { promptRenderer } from '../prompt.ts';

/**
 * HELM `construct_output`: the reference at `referenceIndex` when given; else the first correct reference, all of
 * them joined by ", " with multi_label, or "n/a".
 */
export function constructOutput(spec: AdapterSpec, instance: Instance, referenceIndex?: number): string {
  if (referenceIndex !== undefined) return instance.references[referenceIndex]!.output.text;
  const correct = instance.references.filter(isCorrect);
  if (correct.length === 0) return 'n/a';
  return spec.multi_label ? correct.map((ref) => ref.output.text).join(', ') : correct[0]!.output.text;
}

/**
 * HELM `construct_example_prompt` of the base adapter:
 * `input_prefix + input + input_suffix` + (`output_prefix + output + output_suffix` | `output_prefix.rstrip()`).
 */
export function exampleBlock(spec: AdapterSpec, instance: Instance, includeOutput: boolean, referenceIndex?: number): string {
  const head = spec.input_prefix + instance.input.text + spec.input_suffix;
  return includeOutput
    ? head + spec.output_prefix + constructOutput(spec, instance, referenceIndex) + spec.output_suffix
    : head + pyRstrip(spec.output_prefix);
}

/** A method's example block: with its gold output (train) or ending where the model answers (eval). */
export type ExampleBlock = (instance: Instance, includeOutput: boolean) => string;

/**
 * HELM `construct_prompt(train, eval, include_output=False)`: a trial's examples as train blocks (built once
 * per examples list, which the trial shares), the eval block, then window fitting. Pure per instance.
 * `evalBlock` replaces the eval instance's block (a method whose eval block holds an output, as the separate ones).
 */
export function inContextPrompts(
  spec: AdapterSpec,
  windowService: WindowService,
  block: ExampleBlock,
): (instance: Instance, examples: readonly Instance[], evalBlock?: string) => FittedPrompt {
  const render = promptRenderer(spec);
  const trainBlocksOf = new WeakMap<readonly Instance[], readonly string[]>();
  return function promptFor(instance, examples, evalBlock = block(instance, false)) {
    let trainBlocks = trainBlocksOf.get(examples);
    if (trainBlocks === undefined) {
      trainBlocks = examples.map((example) => block(example, true));
      trainBlocksOf.set(examples, trainBlocks);
    }
    return fitPrompt({ trainBlocks, evalBlock }, render, windowService, spec.max_tokens);
  };
}
