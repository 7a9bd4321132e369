/** @module The request side of HELM's data model (`common/request.py`, `adaptation/request_state.py`), by stage. */
import type { Instance } from './instance.ts';
import type { PyNumber } from './py-float.ts';

/** HELM's Request; key order of `request()` is the JSON order. */
export interface Request {
  readonly model_deployment: string;
  readonly model: string;
  readonly embedding: boolean;
  readonly prompt: string;
  readonly temperature: PyNumber;
  readonly num_completions: number;
  readonly top_k_per_token: number;
  readonly max_tokens: number;
  readonly stop_sequences: readonly string[];
  readonly echo_prompt: boolean;
  readonly top_p: PyNumber;
  readonly presence_penalty: PyNumber;
  readonly frequency_penalty: PyNumber;
  readonly random?: string;
  readonly messages?: readonly Readonly<Record<string, string>>[];
}

/** A Request with HELM's defaults and `fields` applied. */
export function request(fields: Partial<Request>): Request {
  return {
    model_deployment: '',
    model: '',
    embedding: false,
    prompt: '',
    temperature: 1,
    num_completions: 1,
    top_k_per_token: 1,
    max_tokens: 100,
    stop_sequences: [],
    echo_prompt: false,
    top_p: 1,
    presence_penalty: 0,
    frequency_penalty: 0,
    ...fields,
  };
}

export interface Token {
  readonly text: string;
  readonly logprob: PyNumber;
}

export type FinishReason = 'length' | 'stop' | 'endoftext' | 'unknown';

/** HELM's GeneratedOutput (one completion). */
export interface GeneratedOutput {
  readonly text: string;
  readonly logprob: PyNumber;
  readonly tokens: readonly Token[];
  readonly finish_reason?: { readonly reason: string };
  /** HELM's `Thinking`: a reasoning model's reasoning (summaries) as text, where the client records it. */
  readonly thinking?: { readonly text: string };
}

export interface ErrorFlags {
  readonly is_retriable?: boolean;
  readonly is_fatal?: boolean;
}

/** HELM's RequestResult. */
export interface RequestResult {
  readonly success: boolean;
  readonly embedding: readonly number[];
  readonly completions: readonly GeneratedOutput[];
  readonly cached: boolean;
  readonly request_time?: number;
  readonly request_datetime?: number;
  readonly error?: string;
  readonly error_flags?: ErrorFlags;
  readonly batch_size?: number;
  readonly batch_request_time?: number;
}

export type RequestMode = 'original' | 'calibration';

/** A request state as the adapter makes it: everything of HELM's RequestState but the result. */
export interface PendingRequest {
  readonly instance: Instance;
  readonly reference_index?: number;
  readonly request_mode?: RequestMode;
  readonly train_trial_index: number;
  readonly output_mapping?: Readonly<Record<string, string>>;
  readonly request: Request;
  readonly num_train_instances: number;
  readonly prompt_truncated: boolean;
  readonly num_conditioning_tokens: number;
}

/** A request state after execution (or after a dry run, where `result` stays absent as in HELM). */
export interface CompletedRequest extends PendingRequest {
  readonly result?: RequestResult;
}

/** HELM `Request.model_host`: the organization of the deployment, which is also the cache shard. */
export const modelHost = (r: Request): string => r.model_deployment.split('/')[0] ?? '';
