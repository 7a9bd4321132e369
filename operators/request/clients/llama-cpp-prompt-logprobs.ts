/**
 * @module The log probability of each prompt token given the tokens before it, from llama.cpp (through
 * node-llama-cpp): what HELM's HuggingFaceServer computes for an `echo_prompt` request with `max_new_tokens` 0 (a
 * log-softmax of the model's logits at each position, read at the next token), for separate and calibrated multiple
 * choice and language modeling. The first token has no context and gets 0.0, as in HELM.
 *
 * node-llama-cpp gives no logits, but for each position the softmax over the whole vocabulary that llama.cpp
 * computes in float (greedy sampling leaves the logits untouched); a token's log probability is the log of its entry.
 * A probability below float's smallest normal number (a log probability below about -87.3, where float loses
 * precision and then underflows to 0) is computed again from a softmax at a higher temperature T, where it is a normal
 * number: log p = T·(log p_T(token) − log p_T(top)) − log Σ_j (p_T(j) / p_T(top))^T.
 */
import type { ControlledEvaluateInputItem, LlamaContext, LlamaContextSequence, Token } from 'node-llama-cpp';

/** Positions whose vocabulary-sized probability maps are held at once (16 × 152k entries for Qwen's vocabulary). */
const POSITIONS_PER_CALL = 16;
/** float's smallest normal number, 2^-126: below it a probability has fewer than 24 significant bits. */
const FLOAT_MIN_NORMAL = 2 ** -126;
/** The temperature of the second pass: a float softmax at T leaves the normal numbers only below -87.3·T nats. */
const UNDERFLOW_TEMPERATURE = 8;
/** With a temperature T > 0 and top-k, top-p and min-p off, llama.cpp's softmax of logits / T over the whole vocabulary. */
const AT_SOFTMAX = { topK: 0, topP: 1, minP: 0 } as const;

/** Thrown when generation was aborted (the request's timeout): the caller classifies it as transient. */
export class PromptScoringAborted extends Error {
  override readonly name = 'PromptScoringAborted';
}

/**
 * log p(token) from the probabilities of one position computed at `temperature` (1: the model's own distribution):
 * undefined when its probability is below float's normal range (imprecise, or 0).
 */
export function logprobOf(probabilities: ReadonlyMap<Token, number>, token: Token, temperature = 1): number | undefined {
  const p = probabilities.get(token) ?? 0;
  if (p < FLOAT_MIN_NORMAL) return undefined;
  if (temperature === 1) return Math.log(p);
  let top = 0;
  for (const q of probabilities.values()) if (q > top) top = q;
  const logTop = Math.log(top);
  let total = 0;
  for (const q of probabilities.values()) if (q > 0) total += Math.exp(temperature * (Math.log(q) - logTop));
  return temperature * (Math.log(p) - logTop) - Math.log(total);
}

/**
 * Evaluates `tokens[0..end)` into a fresh state of `sequence`, reading the next-token probabilities at the positions
 * of `wanted` (each < end - 1 is read for the token after it), `POSITIONS_PER_CALL` positions per call.
 */
async function scorePositions(
  sequence: LlamaContextSequence,
  tokens: readonly Token[],
  wanted: ReadonlySet<number>,
  temperature: number,
  signal: AbortSignal,
): Promise<Map<number, number | undefined>> {
  const end = Math.max(...wanted) + 1;
  const scores = new Map<number, number | undefined>();
  await sequence.clearHistory();
  let start = 0;
  while (start < end) {
    if (signal.aborted) throw new PromptScoringAborted('llama.cpp: prompt scoring aborted (timed out)');
    // Up to POSITIONS_PER_CALL wanted positions in this call, and every token up to the last of them.
    let stop = start;
    for (let count = 0; stop < end && count < POSITIONS_PER_CALL; stop++) if (wanted.has(stop)) count++;
    const generateNext = temperature === 1 ? { probabilities: true } : { probabilities: true, options: { ...AT_SOFTMAX, temperature } };
    const input = tokens.slice(start, stop).map((token, i): ControlledEvaluateInputItem => (wanted.has(start + i) ? [token, { generateNext }] : token));
    const outputs = await sequence.controlledEvaluate(input);
    for (let i = 0; i < input.length; i++) {
      const position = start + i;
      if (!wanted.has(position)) continue;
      const probabilities = outputs[i]?.next.probabilities;
      if (probabilities === undefined) throw new Error(`llama.cpp gave no probabilities at prompt position ${position}`);
      scores.set(position, logprobOf(probabilities, tokens[position + 1]!, temperature));
    }
    start = stop;
  }
  return scores;
}

/**
 * The log probability of each of `tokens` given those before it (the first: 0.0), in a sequence of `context` that is
 * disposed of afterwards. `temperature` (tests): read every position from the softmax at that temperature.
 * @example await promptLogprobs(context, model.tokenize('The cat sat'), signal) // [0, -9.1, -4.3]
 */
export async function promptLogprobs(context: LlamaContext, tokens: readonly Token[], signal: AbortSignal, temperature = 1): Promise<number[]> {
  if (tokens.length <= 1) return tokens.map(() => 0);
  const sequence = context.getSequence();
  try {
    const all = new Set(tokens.slice(0, -1).map((_, i) => i));
    const scores = await scorePositions(sequence, tokens, all, temperature, signal);
    const underflowed = new Set([...scores].flatMap(([position, score]) => (score === undefined ? [position] : [])));
    if (underflowed.size > 0) {
      for (const [position, score] of await scorePositions(sequence, tokens, underflowed, UNDERFLOW_TEMPERATURE, signal)) {
        if (score === undefined) throw new Error(`llama.cpp: the probability of prompt token ${position + 1} is below float's range even at temperature ${UNDERFLOW_TEMPERATURE}`);
        scores.set(position, score);
      }
    }
    return [0, ...tokens.slice(1).map((_, i) => scores.get(i)!)];
  } finally {
    await sequence.dispose(); // awaited: the context has one sequence, free again only once this settles
  }
}
