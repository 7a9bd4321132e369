/** @module HELM's context-window fitting of a prompt (`InContextLearningAdapter._make_prompt_fit`, §5.4). */
import type { WindowService } from '../../core/window-service.ts';
import { codePointLength } from '../request/tokenizers/simple-tokenizer.ts';
import type { PromptBlocks, PromptRenderer } from './prompt.ts';

/** A prompt that fits: its text, the in-context examples left in it, and whether it was cut. */
export interface FittedPrompt {
  readonly text: string;
  /** HELM `num_train_instances`: the train blocks that remain. */
  readonly numTrainInstances: number;
  /** HELM `prompt_truncated`. */
  readonly isTruncated: boolean;
}

/**
 * Drops the LAST train block while tokens(prompt) + max_tokens > max_request_length; with no train block left,
 * truncates the text from the right (HELM keeps the cut only when it is shorter, in code points). Pure.
 * @example fitPrompt(blocks, promptRenderer(spec), windowService, spec.max_tokens)
 */
export function fitPrompt(
  blocks: PromptBlocks,
  render: PromptRenderer,
  windowService: WindowService,
  maxTokens: number,
): FittedPrompt {
  let trainBlocks = blocks.trainBlocks;
  while (trainBlocks.length > 0) {
    const text = render({ trainBlocks, evalBlock: blocks.evalBlock });
    if (windowService.fits(text, maxTokens)) return { text, numTrainInstances: trainBlocks.length, isTruncated: false };
    trainBlocks = trainBlocks.slice(0, -1);
  }
  const text = render({ trainBlocks, evalBlock: blocks.evalBlock });
  const truncated = windowService.truncateFromRight(text, maxTokens);
  if (codePointLength(truncated) >= codePointLength(text)) return { text, numTrainInstances: 0, isTruncated: false };
  // HELM `Prompt.text` returns `truncated_text` only when truthy: a cut down to "" sends the whole text,
  // yet `prompt_truncated` is true.
  return { text: truncated === '' ? text : truncated, numTrainInstances: 0, isTruncated: true };
}
