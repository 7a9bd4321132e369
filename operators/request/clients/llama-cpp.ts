/**
 * @module A local in-process backend for open-weight models: llama.cpp through `node-llama-cpp`, on the CPU, from a
 * GGUF file on disk. Not a HELM class (`helm_stream.clients.LlamaCppClient` is ours); it follows HELM's
 * `HuggingFaceClient` (`clients/huggingface_client.py`): the same raw request (the cache key), completions with
 * each generated token's text and log probability, `truncate_sequence` applied after the fact.
 *
 * The model file is loaded once per process and used by one request at a time. The client reads it from disk and
 * downloads nothing: a deployment whose args name a file of the Hugging Face hub (`hf_repo`, `hf_file`,
 * `hf_revision`, `sha256`) has it fetched by helm-run before its first request (pipelines/run/model-weights.ts), which
 * hands the client that file as `model_path`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Llama, LlamaContext, LlamaModel } from 'node-llama-cpp';
import { UserError } from '../../../core/errors.ts';
import { numberOf, pyFloat, type PyNumber } from '../../../core/py-float.ts';
import type { GeneratedOutput, Request, RequestResult } from '../../../core/request.ts';
import { ProviderError, type CachedResponse, type ClientContext, type FailureKind, type ModelClient } from './model-client.ts';
import { modelEngine } from './openai-raw-request.ts';
import { argsReader } from './openai-sdk.ts';
import { sumLogprobs, truncateSequence } from './openai-truncate.ts';

/** HELM's `HuggingFaceRequest`. */
export interface LlamaCppRawRequest {
  readonly engine: string;
  readonly prompt: string;
  readonly temperature: PyNumber;
  readonly num_return_sequences: number;
  readonly max_new_tokens: number;
  readonly top_p: PyNumber;
  readonly echo_prompt: boolean;
  readonly top_k_per_token: number;
  readonly stop_sequences: readonly string[];
}

/** HELM's HuggingFaceServer answer: per completion its text, token texts and the generated tokens' logprobs. */
export interface LlamaCppResponse {
  readonly completions: readonly { text: string; tokens: readonly string[]; logprobs: readonly number[] }[];
  readonly input_length: number;
}

// hf_* and sha256: where helm-run fetches model_path from (pipelines/run/model-weights.ts HUB_ARGS); unused here.
const ARGS = ['model_path', 'context_size', 'threads', 'end_of_text_token', 'hf_repo', 'hf_revision', 'hf_file', 'sha256'] as const;
const SET_UP = 'README "Local models in process"; configs/examples/local-llama-cpp/';
// HELM's HuggingFaceClient asks for temperature 1e-7 instead of 0 (sampling needs a positive one); 0 here is greedy.
const NEAR_ZERO_TEMPERATURE = 1e-7;

/** HELM's raw request for `request` (HuggingFaceClient.make_request). */
export const llamaCppRawRequest = (request: Request): LlamaCppRawRequest => ({
  engine: modelEngine(request.model),
  prompt: request.prompt,
  temperature: numberOf(request.temperature) === 0 ? pyFloat(NEAR_ZERO_TEMPERATURE) : request.temperature,
  num_return_sequences: request.num_completions,
  max_new_tokens: request.max_tokens,
  top_p: request.top_p,
  echo_prompt: request.echo_prompt,
  top_k_per_token: request.top_k_per_token,
  stop_sequences: request.stop_sequences,
});

/** A failure of the local model: a bad file is fatal, an aborted generation (a timeout) transient. */
class LlamaCppError extends ProviderError {
  override readonly name = 'LlamaCppError';
  constructor(message: string, readonly kind: FailureKind, cause?: unknown) {
    super(message, cause === undefined ? {} : { cause });
  }
}

let llamaRuntime: Promise<Llama> | undefined;
const loadedModels = new Map<string, Promise<{ model: LlamaModel; context: LlamaContext }>>();
/** One generation at a time per model file (one llama.cpp context). */
const queues = new Map<string, Promise<unknown>>();

async function loadModel(path: string, contextSize: number | undefined, threads: number | undefined) {
  const { getLlama } = await import('node-llama-cpp');
  llamaRuntime ??= getLlama({ gpu: false, build: 'never', logLevel: 'error' as never });
  const llama = await llamaRuntime;
  const model = await llama.loadModel({ modelPath: path });
  const context = await model.createContext({
    ...(contextSize === undefined ? {} : { contextSize }),
    ...(threads === undefined ? {} : { threads }),
  });
  return { model, context };
}

/** Generates one completion greedily (temperature 0) or by sampling; stops at end of text, a stop sequence or max_new_tokens. */
async function generate(model: LlamaModel, context: LlamaContext, raw: LlamaCppRawRequest, signal: AbortSignal) {
  const prompt = model.tokenize(raw.prompt, true);
  const sequence = context.getSequence();
  const tokens: string[] = [];
  const logprobs: number[] = [];
  let text = '';
  try {
    if (raw.max_new_tokens === 0) return { text, tokens, logprobs, inputLength: prompt.length };
    const temperature = numberOf(raw.temperature) <= NEAR_ZERO_TEMPERATURE ? 0 : numberOf(raw.temperature);
    const generated = [];
    for await (const output of sequence.evaluateWithMetadata(prompt, { probabilities: true }, { temperature, topP: numberOf(raw.top_p) })) {
      if (signal.aborted) throw new LlamaCppError('llama.cpp: generation aborted (timed out)', 'transient');
      if (model.isEogToken(output.token)) break;
      generated.push(output.token);
      tokens.push(model.detokenize([output.token]));
      logprobs.push(Math.log(output.probabilities.get(output.token) ?? 0));
      text = model.detokenize(generated);
      if (generated.length >= raw.max_new_tokens || raw.stop_sequences.some((stop) => text.includes(stop))) break;
    }
    return { text, tokens, logprobs, inputLength: prompt.length };
  } finally {
    sequence.dispose();
  }
}

/**
 * A client for one local deployment: `model_path` (a GGUF file, absolute or relative to the working directory),
 * optional `context_size` (default: the model's), `threads` (default: llama.cpp's choice; 1 on a machine shared with
 * other busy processes, where llama.cpp's spinning worker threads slow down badly), `end_of_text_token` for
 * truncate_sequence.
 * @example llamaCppClient({ deploymentName: 'huggingface/gpt2', args: { model_path: 'prod_env/models/gpt2.gguf' }, credentials })
 */
export function llamaCppClient(context: ClientContext): ModelClient<LlamaCppRawRequest, LlamaCppResponse> {
  const args = argsReader(context, ARGS);
  const modelPath = args.string('model_path');
  if (modelPath === undefined) {
    throw new UserError(
      `Model deployment '${context.deploymentName}': client_spec args need model_path (the GGUF file to load) or ` +
        `hf_repo and hf_file (a GGUF file of the Hugging Face hub, fetched once into <local-path>/models/) (${SET_UP}).`,
    );
  }
  const path = resolve(modelPath);
  if (!existsSync(path)) {
    throw new UserError(
      `Model deployment '${context.deploymentName}': model_path ${path} does not exist. Put the model's GGUF file there, ` +
        `or name the file on the Hugging Face hub with hf_repo and hf_file (and hf_revision, sha256) for helm-run to fetch it (${SET_UP}).`,
    );
  }
  const contextSize = args.number('context_size');
  const threads = args.number('threads');
  const endOfTextToken = args.string('end_of_text_token');

  return {
    encode: llamaCppRawRequest,

    async send(raw, signal) {
      if (raw.echo_prompt) {
        // HELM's HuggingFaceClient scores the prompt's own tokens here (language modeling); node-llama-cpp exposes
        // no logits of prompt positions, so such requests are refused rather than answered with made-up zeros.
        throw new LlamaCppError('llama.cpp backend: echo_prompt (log probabilities of the prompt tokens) is not supported', 'fatal');
      }
      let loaded = loadedModels.get(path);
      if (loaded === undefined) loadedModels.set(path, (loaded = loadModel(path, contextSize, threads)));
      const { model, context: llamaContext } = await loaded.catch((error: unknown) => {
        loadedModels.delete(path);
        throw new LlamaCppError(`llama.cpp could not load ${path}: ${error instanceof Error ? error.message : String(error)}`, 'fatal', error);
      });
      const previous = queues.get(path) ?? Promise.resolve();
      const mine = previous.catch(() => undefined).then(async (): Promise<LlamaCppResponse> => {
        const completions = [];
        let inputLength = 0;
        for (let i = 0; i < raw.num_return_sequences; i++) {
          const { inputLength: length, ...completion } = await generate(model, llamaContext, raw, signal);
          inputLength = length;
          completions.push(completion);
        }
        return { completions, input_length: inputLength };
      });
      queues.set(path, mine);
      return mine;
    },

    decode(cached: CachedResponse<LlamaCppResponse>, request: Request, wasCached: boolean): RequestResult {
      const completions = cached.response.completions.map((completion): GeneratedOutput => {
        const tokens = completion.tokens.map((text, i) => ({ text, logprob: pyFloat(completion.logprobs[i] ?? 0) }));
        return truncateSequence({ text: completion.text, logprob: sumLogprobs(tokens), tokens }, request, endOfTextToken);
      });
      return { success: true, cached: wasCached, request_time: cached.request_time, request_datetime: cached.request_datetime, completions, embedding: [] };
    },

    classify: (error) => (error instanceof LlamaCppError ? error.kind : 'fatal'),
  };
}
