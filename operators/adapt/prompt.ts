/**
 * @module Prompt assembly of HELM's in-context-learning adapters (`adaptation/prompt.py` `Prompt.text`, §5.2).
 *
 * ```
 * global_prefix
 * instructions            ┐ blocks joined by instance_prefix (default "\n": the blocks end in
 * train block 1 … k       │ output_suffix "\n", so a blank line separates them); the instructions
 * eval block              ┘ block only when non-empty; the eval block ends in output_prefix.rstrip()
 * global_suffix
 * → then each substitution in order, as Python re.sub over the whole text
 * ```
 */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import { pythonReSub } from './python-re-sub.ts';

/** What a prompt is made of besides the spec: the in-context example blocks and the eval instance's block. */
export interface PromptBlocks {
  readonly trainBlocks: readonly string[];
  readonly evalBlock: string;
}

/** HELM `Prompt.text` for the non-truncated prompt. Pure. */
export type PromptRenderer = (blocks: PromptBlocks) => string;

/**
 * Compiles the spec's layout once; an invalid substitution is a UserError here, before anything runs.
 * @example promptRenderer(spec)({ trainBlocks: ['Input: 1\nOutput: 2\n'], evalBlock: 'Input: 3\nOutput:' })
 */
export function promptRenderer(spec: AdapterSpec): PromptRenderer {
  const substitutions = spec.substitutions.map(({ source, target }) => pythonReSub(source, target));
  const head = spec.instructions === '' ? [] : [spec.instructions];
  return function renderPrompt({ trainBlocks, evalBlock }) {
    let text = spec.global_prefix + [...head, ...trainBlocks, evalBlock].join(spec.instance_prefix) + spec.global_suffix;
    for (const substitute of substitutions) text = substitute(text);
    return text;
  };
}
