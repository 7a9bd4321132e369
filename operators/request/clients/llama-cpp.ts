/**
 * @module A local in-process backend for open-weight models: llama.cpp through `node-llama-cpp`, on the CPU, from a
 * GGUF file on disk. Not a HELM class (`helm_stream.clients.LlamaCppClient` is ours); it follows HELM's
 * `HuggingFaceClient` (`clients/huggingface_client.py`): the same raw request (the cache key), the prompt encoded with
 * the model's special tokens (a BOS token where the model asks for one), completions with each generated token's text
 * and log probability, `truncate_sequence` applied after the fact. With `echo_prompt` a completion starts with the
 * prompt's tokens, each with its log probability given the tokens before it (the first: 0.0), as HELM's client answers
 * the language-modeling and separate multiple-choice requests (`max_tokens` 0); HELM gives the prompt's tokens 0.0
 * when it also generates, this client their log probabilities in every case.
 *
 * The model file is loaded once per process and used by one request at a time. The client reads it from disk and
 * downloads nothing: a deployment whose args name a file of the Hugging Face hub (`hf_repo`, `hf_file`,
 * `hf_revision`, `sha256`) has it fetched by helm-run before its first request (pipelines/run/model-weights.ts), which
 * hands the client that file as `model_path`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Llama, LlamaContext, LlamaModel, Token } from 'node-llama-cpp';
import { UserError } from '../../../core/errors.ts';
import { numberOf, pyFloat, type PyNumber } from '../../../core/py-float.ts';
import type { GeneratedOutput, Request, RequestResult } from '../../../core/request.ts';
import { promptLogprobs, PromptScoringAborted } from './llama-cpp-prompt-logprobs.ts';
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

/**
 * One completion of HELM's HuggingFaceServer answer: its text and token texts (with echo_prompt, the prompt's first),
 * the generated tokens' logprobs, and with echo_prompt the prompt tokens' logprobs (absent in answers cached before
 * this client scored prompts, which had no echo).
 */
export interface LlamaCppCompletion {
  readonly text: string;
  readonly tokens: readonly string[];
  readonly logprobs: readonly number[];
  readonly prompt_logprobs?: readonly number[];
}

/** HELM's HuggingFaceServer answer: the completions and the prompt's length in tokens. */
export interface LlamaCppResponse {
  readonly completions: readonly LlamaCppCompletion[];
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

/** The prompt's tokens as HELM's tokenizer call gives them: special tokens parsed, a BOS token first if the model wants one. */
function promptTokens(model: LlamaModel, prompt: string): Token[] {
  const tokens = model.tokenize(prompt, true);
  const bos = model.tokens.bos;
  return model.tokens.shouldPrependBosToken && bos !== null ? [bos, ...tokens] : tokens;
}

/**
 * Generates one completion greedily (temperature 0) or by sampling; stops at end of text, a stop sequence or
 * max_new_tokens. Returns the generated tokens, each one's text and logprob, and the text.
 */
async function generate(model: LlamaModel, context: LlamaContext, prompt: Token[], raw: LlamaCppRawRequest, signal: AbortSignal) {
  const generated: Token[] = [];
  const tokens: string[] = [];
  const logprobs: number[] = [];
  let text = '';
  if (raw.max_new_tokens === 0) return { generated, text, tokens, logprobs };
  const sequence = context.getSequence();
  try {
    const temperature = numberOf(raw.temperature) <= NEAR_ZERO_TEMPERATURE ? 0 : numberOf(raw.temperature);
    // `confidence`: the chosen token's probability, computed as the full `probabilities` map would have it, without the map.
    for await (const output of sequence.evaluateWithMetadata(prompt, { confidence: true }, { temperature, topP: numberOf(raw.top_p) })) {
      if (signal.aborted) throw new LlamaCppError('llama.cpp: generation aborted (timed out)', 'transient');
      if (model.isEogToken(output.token)) break;
      generated.push(output.token);
      tokens.push(model.detokenize([output.token]));
      logprobs.push(Math.log(output.confidence));
      text = model.detokenize(generated);
      if (generated.length >= raw.max_new_tokens || raw.stop_sequences.some((stop) => text.includes(stop))) break;
    }
    return { generated, text, tokens, logprobs };
  } finally {
    await sequence.dispose(); // awaited: the context has one sequence, free again only once this settles
  }
}

/**
 * Answers `raw` with one model: the prompt scored once when echoed, then each completion generated. An echoed
 * completion is HELM's whole sequence: its text the prompt and generated tokens decoded together, its tokens each
 * decoded alone (special tokens by their text, as Hugging Face's decode writes them).
 */
async function answer(model: LlamaModel, context: LlamaContext, raw: LlamaCppRawRequest, signal: AbortSignal): Promise<LlamaCppResponse> {
  const prompt = promptTokens(model, raw.prompt);
  const promptScores = raw.echo_prompt ? await promptLogprobs(context, prompt, signal) : [];
  const completions: LlamaCppCompletion[] = [];
  for (let i = 0; i < raw.num_return_sequences; i++) {
    const { generated, text, tokens, logprobs } = await generate(model, context, prompt, raw, signal);
    if (!raw.echo_prompt) {
      completions.push({ text, tokens, logprobs });
      continue;
    }
    const sequence = [...prompt, ...generated];
    completions.push({
      text: model.detokenize(sequence, true),
      tokens: sequence.map((token) => model.detokenize([token], true)),
      logprobs,
      prompt_logprobs: promptScores,
    });
  }
  return { completions, input_length: prompt.length };
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
      let loaded = loadedModels.get(path);
      if (loaded === undefined) loadedModels.set(path, (loaded = loadModel(path, contextSize, threads)));
      const { model, context: llamaContext } = await loaded.catch((error: unknown) => {
        loadedModels.delete(path);
        throw new LlamaCppError(`llama.cpp could not load ${path}: ${error instanceof Error ? error.message : String(error)}`, 'fatal', error);
      });
      const previous = queues.get(path) ?? Promise.resolve();
      const mine = previous.catch(() => undefined).then(() => answer(model, llamaContext, raw, signal));
      queues.set(path, mine);
      return mine;
    },

    decode(cached: CachedResponse<LlamaCppResponse>, request: Request, wasCached: boolean): RequestResult {
      const inputLength = cached.response.input_length;
      const completions = cached.response.completions.map((completion): GeneratedOutput => {
        // HELM: with echo_prompt the first input_length tokens are the prompt's, with their logprobs (0.0 if none).
        const promptLength = request.echo_prompt ? inputLength : 0;
        const tokens = completion.tokens.map((text, i) => {
          const logprob = i < promptLength ? completion.prompt_logprobs?.[i] : completion.logprobs[i - promptLength];
          return { text, logprob: pyFloat(logprob ?? 0) };
        });
        return truncateSequence({ text: completion.text, logprob: sumLogprobs(tokens), tokens }, request, endOfTextToken);
      });
      return { success: true, cached: wasCached, request_time: cached.request_time, request_datetime: cached.request_datetime, completions, embedding: [] };
    },

    classify: (error) => (error instanceof LlamaCppError ? error.kind : error instanceof PromptScoringAborted ? 'transient' : 'fatal'),
  };
}
