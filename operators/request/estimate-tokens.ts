/** @module A request's estimated tokens, for a deployment's tokens-per-minute budget. */
import type { Request } from '../../core/request.ts';

/** Text of a request's prompt for a token estimate: the prompt, or the chat messages' contents joined by newlines. */
const promptText = (request: Request): string =>
  request.messages === undefined ? request.prompt : request.messages.map((m) => m['content'] ?? '').join('\n');

/**
 * HELM's dry-run estimate of a request's tokens (§10.1): the prompt's tokens plus max_tokens for each completion.
 * @example executeRequest(pending, { client, cache, limiter, estimateTokens: estimateTokens((t) => windowService.countTokens(t)) })
 */
export function estimateTokens(countTokens: (text: string) => number): (request: Request) => number {
  return function estimateTokens(request) {
    return countTokens(promptText(request)) + request.max_tokens * request.num_completions;
  };
}
