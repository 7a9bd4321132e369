/**
 * The local llama.cpp backend on a tiny GGUF model the test writes itself (__fixtures__/tiny-gguf.ts): real
 * llama.cpp inference on the CPU, through node-llama-cpp's prebuilt binary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { numberOf, pyFloat } from '../../../core/py-float.ts';
import { request, type Request } from '../../../core/request.ts';
import { llamaCppClient, llamaCppRawRequest } from './llama-cpp.ts';
import type { ClientContext } from './model-client.ts';
import { tinyVocabulary, writeTinyLlamaGguf } from './__fixtures__/tiny-gguf.ts';
import { tinyLlamaLogSoftmax } from './__fixtures__/tiny-llama-forward.ts';

const dir = mkdtempSync(join(tmpdir(), 'llama-cpp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const modelPath = join(dir, 'tiny.gguf');
writeTinyLlamaGguf(modelPath, 7);

const context = (args: Record<string, unknown> = {}): ClientContext => ({
  deploymentName: 'local/tiny',
  args: { model_path: modelPath, threads: 1, ...args },
  credentials: { apiKey: () => undefined, get: () => undefined },
});
const ask = (fields: Partial<Request>): Request =>
  request({ model_deployment: 'local/tiny', model: 'local/tiny', prompt: 'Question: 2+2?\nAnswer:', temperature: pyFloat(0), max_tokens: 5, ...fields });

async function complete(req: Request, args: Record<string, unknown> = {}, signal = new AbortController().signal) {
  const client = llamaCppClient(context(args));
  const response = await client.send(client.encode(req), signal);
  return { response, result: client.decode({ response, request_time: 0.1, request_datetime: 1700000000 }, req, false) };
}

describe('the llama.cpp backend on a tiny model', () => {
  it("encodes HELM's HuggingFaceClient raw request (temperature 0 asked as 1e-7)", () => {
    expect(llamaCppRawRequest(ask({ stop_sequences: ['\n'] }))).toEqual({
      engine: 'tiny', prompt: 'Question: 2+2?\nAnswer:', temperature: pyFloat(1e-7), num_return_sequences: 1, max_new_tokens: 5,
      top_p: 1, echo_prompt: false, top_k_per_token: 1, stop_sequences: ['\n'],
    });
  });

  it('generates greedily and deterministically, with a real log probability for every token', async () => {
    const first = await complete(ask({}));
    const second = await complete(ask({}));
    expect(second.response).toEqual(first.response);
    const [completion] = first.result.completions;
    expect(completion!.tokens).toHaveLength(5);
    const logprobs = completion!.tokens.map((t) => numberOf(t.logprob));
    for (const logprob of logprobs) {
      expect(Number.isFinite(logprob)).toBe(true);
      expect(logprob).toBeLessThan(0);
    }
    expect(numberOf(completion!.logprob)).toBeCloseTo(logprobs.reduce((a, b) => a + b, 0), 10);
    // As in HELM's HuggingFaceClient, the text is the whole sequence decoded, the tokens each decoded alone.
    expect(completion!.text.length).toBeGreaterThan(0);
  }, 60_000);

  it('picks, at temperature 0, a token at least as likely as any other (greedy)', async () => {
    const { response } = await complete(ask({ max_tokens: 1 }));
    // The tiny model spreads its probability over ~350 tokens: a greedy pick is above the uniform 1/350.
    expect(Math.exp(response.completions[0]!.logprobs[0]!)).toBeGreaterThan(1 / 350);
  }, 60_000);

  it('respects max_tokens and cuts the text at a stop sequence, as truncate_sequence does', async () => {
    const long = await complete(ask({ max_tokens: 12 }));
    const text = long.result.completions[0]!.text;
    expect(long.result.completions[0]!.tokens.length).toBeLessThanOrEqual(12);
    const stop = text.slice(3, 4);
    const cut = await complete(ask({ max_tokens: 12, stop_sequences: [stop] }));
    expect(cut.result.completions[0]!.text).toBe(text.slice(0, text.indexOf(stop)));
  }, 60_000);

  it('makes num_completions completions', async () => {
    const { result } = await complete(ask({ num_completions: 2, max_tokens: 3 }));
    expect(result.completions).toHaveLength(2);
  }, 60_000);

  it('stops when aborted (a timeout), as a transient failure', async () => {
    const abort = new AbortController();
    abort.abort();
    const client = llamaCppClient(context());
    const error = await client.send(client.encode(ask({ max_tokens: 50 })), abort.signal).catch((e: unknown) => e);
    expect(client.classify(error)).toBe('transient');
  }, 60_000);

  it('refuses a missing model file with a clear error', () => {
    expect(() => llamaCppClient(context({ model_path: join(dir, 'missing.gguf') }))).toThrow(
      `Model deployment 'local/tiny': model_path ${join(dir, 'missing.gguf')} does not exist. Put the model's GGUF file there, or name ` +
        'the file on the Hugging Face hub with hf_repo and hf_file (and hf_revision, sha256) for helm-run to fetch it ' +
        '(README "Local models in process"; configs/examples/local-llama-cpp/).',
    );
    expect(() => llamaCppClient(context({ model_path: null }))).toThrow("client_spec args need model_path (the GGUF file to load) or hf_repo and hf_file");
    // The hub's args are the run's (pipelines/run/model-weights.ts): accepted, and the file loaded is model_path.
    expect(() => llamaCppClient(context({ hf_repo: 'a/b', hf_file: 'x.gguf', hf_revision: 'main', sha256: 'f'.repeat(64) }))).not.toThrow();
  });
});

describe('echo_prompt on the tiny model: the prompt tokens with their log probabilities, as HELM\'s HuggingFaceClient', () => {
  const PROMPT = 'Question: 2+2?\nAnswer:';
  // The tiny vocabulary spells the prompt: BOS, the space prefix '▁', then one token per character ('▁' for a space).
  const { tokens: vocabulary } = tinyVocabulary();
  const ids = [1, 3, ...[...PROMPT].map((c) => vocabulary.indexOf(c === ' ' ? '\u2581' : c === '\n' ? '<0x0A>' : c))];
  const logprobsOf = (result: { completions: readonly { tokens: readonly { logprob: unknown }[] }[] }) =>
    result.completions[0]!.tokens.map((t) => numberOf(t.logprob as number));

  it('puts echo_prompt in the raw request, the cache key', () => {
    expect(llamaCppRawRequest(ask({ echo_prompt: true, max_tokens: 0 }))).toMatchObject({ echo_prompt: true, max_new_tokens: 0 });
  });

  it('answers max_tokens 0 with the prompt tokens, the first 0.0, the others their log-softmax (independently checked)', async () => {
    const first = await complete(ask({ echo_prompt: true, max_tokens: 0 }));
    const second = await complete(ask({ echo_prompt: true, max_tokens: 0 }));
    expect(second.response).toEqual(first.response); // deterministic
    expect(first.response.input_length).toBe(PROMPT.length + 2);
    const [completion] = first.result.completions;
    // HELM's text is the sequence decoded with its special tokens; each token is decoded alone (a lone '▁' is '').
    expect(completion!.text).toBe(`<s> ${PROMPT}`);
    expect(completion!.tokens.map((t) => t.text)).toEqual(['<s>', '', ...[...PROMPT].map((c) => (c === ' ' ? '' : c))]);
    const logprobs = logprobsOf(first.result);
    expect(completion!.tokens[0]!.logprob).toEqual(pyFloat(0));
    for (const logprob of logprobs.slice(1)) {
      expect(Number.isFinite(logprob)).toBe(true);
      expect(logprob).toBeLessThan(0);
    }
    expect(numberOf(completion!.logprob)).toBeCloseTo(logprobs.reduce((a, b) => a + b, 0), 10);
    // The model's log-softmax computed in double here; llama.cpp keeps K and V in F16 by default: within 5e-3 (1.7e-3 seen).
    const logSoftmax = tinyLlamaLogSoftmax(modelPath, ids);
    const expected = [0, ...ids.slice(1).map((id, i) => logSoftmax[i]![id]!)];
    for (const [i, logprob] of logprobs.entries()) expect(Math.abs(logprob - expected[i]!)).toBeLessThan(5e-3);
  }, 60_000);

  it('with max_tokens > 0, follows the prompt tokens with the generated ones, as a plain request generates them', async () => {
    const echoed = await complete(ask({ echo_prompt: true, max_tokens: 0 }));
    const plain = await complete(ask({ max_tokens: 3 }));
    const both = await complete(ask({ echo_prompt: true, max_tokens: 3 }));
    const [generated] = plain.result.completions;
    const [completion] = both.result.completions;
    expect(completion!.tokens).toEqual([...echoed.result.completions[0]!.tokens, ...generated!.tokens]);
    expect(completion!.text).toBe(`<s> ${PROMPT}${generated!.text}`);
    expect(numberOf(completion!.logprob)).toBeCloseTo(numberOf(echoed.result.completions[0]!.logprob) + numberOf(generated!.logprob), 10);
    const two = await complete(ask({ echo_prompt: true, max_tokens: 0, num_completions: 2 }));
    expect(two.result.completions).toEqual([echoed.result.completions[0], echoed.result.completions[0]]);
  }, 60_000);
});
