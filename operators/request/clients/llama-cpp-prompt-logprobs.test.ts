/**
 * Prompt-token log probabilities from llama.cpp, checked against an independent computation: the tiny model's forward
 * pass in double precision (__fixtures__/tiny-llama-forward.ts) and its full-vocabulary log-softmax. The contexts keep
 * their K/V cache in F32 and run without flash attention, so llama.cpp computes in float throughout (by default it
 * stores K and V as F16, which moves these log probabilities by up to ~2e-3: llama-cpp.test.ts).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLlama, type LlamaContext, type Token } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logprobOf, promptLogprobs, PromptScoringAborted } from './llama-cpp-prompt-logprobs.ts';
import { writeTinyLlamaGguf } from './__fixtures__/tiny-gguf.ts';
import { scaleTinyLlamaLogits, tinyLlamaLogSoftmax } from './__fixtures__/tiny-llama-forward.ts';

const dir = mkdtempSync(join(tmpdir(), 'llama-cpp-logprobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plainPath = join(dir, 'tiny.gguf');
writeTinyLlamaGguf(plainPath, 7);
// Logits 60 times larger: gaps of hundreds of nats, so that some prompt tokens are below float's normal range.
const scaledPath = join(dir, 'scaled.gguf');
copyFileSync(plainPath, scaledPath);
scaleTinyLlamaLogits(scaledPath, 60);

const PROMPT = 'Question: Which bone is the longest?\nAnswer: femur';
const signal = new AbortController().signal;

/** A context computing in float, and the prompt's tokens (BOS first, as the model asks). */
async function open(path: string): Promise<{ context: LlamaContext; tokens: Token[] }> {
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: 'error' as never });
  const model = await llama.loadModel({ modelPath: path });
  const context = await model.createContext({ threads: 1, flashAttention: false, experimentalKvCacheKeyType: 'F32', experimentalKvCacheValueType: 'F32' });
  return { context, tokens: [model.tokens.bos!, ...model.tokenize(PROMPT, true)] };
}

/** The reference: 0 for the first token, then each token's entry of the log-softmax at the position before it. */
function reference(path: string, tokens: readonly Token[]): number[] {
  const logSoftmax = tinyLlamaLogSoftmax(path, tokens);
  return [0, ...tokens.slice(1).map((token, i) => logSoftmax[i]![token]!)];
}

/** A softmax computed in float (as llama.cpp does), at a temperature, as node-llama-cpp's token → probability map. */
function floatSoftmax(logits: readonly number[], temperature: number): Map<Token, number> {
  const scaled = logits.map((l) => Math.fround(l / temperature));
  const max = Math.max(...scaled);
  const exps = scaled.map((l) => Math.fround(Math.exp(Math.fround(l - max))));
  const total = Math.fround(exps.reduce((a, b) => Math.fround(a + b), 0));
  return new Map(exps.map((e, i) => [i as Token, Math.fround(e / total)]));
}

describe('logprobOf', () => {
  const logits = [0, -1, -100, -2, -300];
  const exact = (i: number): number => logits[i]! - Math.log(logits.reduce((a, l) => a + Math.exp(l), 0));

  it('is the log of a float probability in the normal range, and undefined below it (imprecise or underflowed)', () => {
    const probabilities = floatSoftmax(logits, 1);
    expect(logprobOf(probabilities, 1 as Token)).toBeCloseTo(exact(1), 6);
    expect(probabilities.get(2 as Token)).toBeGreaterThan(0); // e^-100 is a subnormal float: 5 significant bits
    expect(logprobOf(probabilities, 2 as Token)).toBeUndefined();
    expect(logprobOf(probabilities, 4 as Token)).toBeUndefined(); // 0
  });

  it("recovers the log-softmax from a float softmax at a higher temperature, where the token's probability is normal", () => {
    const probabilities = floatSoftmax(logits, 8);
    expect(logprobOf(probabilities, 2 as Token, 8)).toBeCloseTo(exact(2), 4);
    expect(logprobOf(probabilities, 4 as Token, 8)).toBeCloseTo(exact(4), 4);
    expect(logprobOf(probabilities, 0 as Token, 8)).toBeCloseTo(exact(0), 5);
  });
});

describe('promptLogprobs on the tiny model', () => {
  let plain: Awaited<ReturnType<typeof open>>;
  let scaled: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    plain = await open(plainPath);
    scaled = await open(scaledPath);
  }, 60_000);

  it("agrees with the model's log-softmax computed independently, to 1e-5, over more positions than one call reads", async () => {
    expect(plain.tokens.length).toBeGreaterThan(3 * 16);
    const logprobs = await promptLogprobs(plain.context, plain.tokens, signal);
    const expected = reference(plainPath, plain.tokens);
    expect(logprobs[0]).toBe(0); // no context: HELM's HuggingFaceServer gives the first token 0.0
    for (const [i, logprob] of logprobs.entries()) expect(Math.abs(logprob - expected[i]!)).toBeLessThan(1e-5);
    expect(await promptLogprobs(plain.context, plain.tokens, signal)).toEqual(logprobs); // deterministic
  });

  it('reads the same values from a softmax at temperature 8 (the path of tokens below float range)', async () => {
    const logprobs = await promptLogprobs(plain.context, plain.tokens, signal, 8);
    const expected = reference(plainPath, plain.tokens);
    for (const [i, logprob] of logprobs.entries()) expect(Math.abs(logprob - expected[i]!)).toBeLessThan(1e-5);
  });

  it('scores tokens far below float range (log probabilities down to about -300) to 2e-4', async () => {
    const logprobs = await promptLogprobs(scaled.context, scaled.tokens, signal);
    const expected = reference(scaledPath, scaled.tokens);
    expect(expected.filter((x) => x < -87.4).length).toBeGreaterThan(5); // subnormal or 0 as float probabilities
    expect(expected.filter((x) => x < -103.3).length).toBeGreaterThan(5); // 0 as float probabilities
    for (const [i, logprob] of logprobs.entries()) expect(Math.abs(logprob - expected[i]!)).toBeLessThan(2e-4);
  });

  it('gives a one-token prompt 0.0 and stops when aborted', async () => {
    expect(await promptLogprobs(plain.context, plain.tokens.slice(0, 1), signal)).toEqual([0]);
    const abort = new AbortController();
    abort.abort();
    await expect(promptLogprobs(plain.context, plain.tokens, abort.signal)).rejects.toBeInstanceOf(PromptScoringAborted);
    // The context's sequence was given back: it scores again.
    expect(await promptLogprobs(plain.context, plain.tokens.slice(0, 3), signal)).toHaveLength(3);
  });
});
