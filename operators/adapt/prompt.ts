/**
 * @module Prompt assembly of HELM's in-context-learning adapters (`adaptation/prompt.py`, §5.2).
 *
 * ```
 * global_prefix
 * instructions            ┐
 * <instance_prefix>       │ blocks joined by instance_prefix
 * train block 1 … k       │ (each ends in output_suffix)
 * <instance_prefix>       │
 * eval block              ┘ (ends in output_prefix.rstrip())
 * global_suffix
 * → then each substitution, as re.sub over the whole text
 * ```
 */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import type { WindowService } from '../../core/window-service.ts';
import { codePointLength } from '../request/tokenizers/simple-tokenizer.ts';
import { pythonReSub } from './python-re-sub.ts';

/** The parts of a prompt; `truncatedText` is set only when the window forced a cut. */
export interface Prompt {
  readonly trainBlocks: readonly string[];
  readonly evalBlock: string;
  readonly truncatedText?: string;
}

/** HELM `Prompt.text`. */
export function promptText(spec: AdapterSpec, prompt: Prompt): string {
  if (prompt.truncatedText) return prompt.truncatedText;
  const blocks = [...(spec.instructions ? [spec.instructions] : []), ...prompt.trainBlocks, prompt.evalBlock];
  let text = blocks.join(spec.instance_prefix);
  if (spec.global_prefix) text = spec.global_prefix + text;
  if (spec.global_suffix) text = text + spec.global_suffix;
  for (const { source, target } of spec.substitutions) text = pythonReSub(source, target, text);
  return text;
}

/**
 * HELM `_make_prompt_fit`: drop the last train block until the prompt plus max_tokens fits; with no train
 * blocks left, truncate from the right.
 */
export function fitPrompt(spec: AdapterSpec, prompt: Prompt, windowService: WindowService): Prompt {
  let fitted = prompt;
  while (fitted.trainBlocks.length > 0) {
    if (windowService.fits(promptText(spec, fitted), spec.max_tokens)) return fitted;
    fitted = { ...fitted, trainBlocks: fitted.trainBlocks.slice(0, -1) };
  }
  const text = promptText(spec, fitted);
  const truncated = windowService.truncateFromRight(text, spec.max_tokens);
  return codePointLength(truncated) < codePointLength(text) ? { ...fitted, truncatedText: truncated } : fitted;
}

/** Python `str.rstrip()` (strips Unicode whitespace). */
export const pyRstrip = (s: string): string =>
  s.replace(/[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/, '');
