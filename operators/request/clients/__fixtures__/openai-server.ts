/**
 * A server on 127.0.0.1 that speaks OpenAI's documented wire format (`POST /v1/chat/completions`,
 * `POST /v1/completions`, `POST /v1/responses`, error bodies `{"error": {message, type, param, code}}`), records every request body
 * exactly as received, and answers from a script: a JSON body, an error, garbage, or a dropped connection.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body as sent, byte for byte. */
  readonly rawBody: string;
  readonly body: unknown;
}

export type Reply =
  | { readonly status?: number; readonly headers?: Record<string, string>; readonly json: unknown }
  | { readonly status?: number; readonly headers?: Record<string, string>; readonly text: string; readonly contentType?: string }
  /** Closes the socket before any response byte. */
  | { readonly drop: 'before-headers' }
  /** Sends headers and half the JSON body, then closes the socket. */
  | { readonly drop: 'mid-body'; readonly json: unknown }
  /** Never answers (the connection stays open until the client gives up or the server closes). */
  | { readonly hang: true };

export type Script = (request: ReceivedRequest, index: number) => Reply;

export interface OpenAIServer {
  /** e.g. http://127.0.0.1:41234/v1 */
  readonly baseURL: string;
  readonly requests: ReceivedRequest[];
  /** Replaces the script for the next requests. */
  script(next: Script): void;
  close(): Promise<void>;
}

/** A chat completion as OpenAI documents it; `choices` are `[content, finish_reason]` pairs. */
export function chatCompletion(model: string, choices: readonly (readonly [string | null, string | null])[]): unknown {
  return {
    id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
    object: 'chat.completion',
    created: 1741569952,
    model,
    choices: choices.map(([content, finish_reason], index) => ({
      index,
      message: { role: 'assistant', content, refusal: null, annotations: [] },
      logprobs: null,
      finish_reason,
    })),
    usage: { prompt_tokens: 19, completion_tokens: 10, total_tokens: 29 },
    service_tier: 'default',
    system_fingerprint: 'fp_44709d6fcb',
  };
}

/** A legacy text completion with logprobs; each choice is `[tokens, token_logprobs, finish_reason]`. */
export function textCompletion(
  model: string,
  choices: readonly (readonly [readonly string[], readonly (number | null)[], string])[],
): unknown {
  return {
    id: 'cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7',
    object: 'text_completion',
    created: 1589478378,
    model,
    system_fingerprint: 'fp_44709d6fcb',
    choices: choices.map(([tokens, token_logprobs, finish_reason], index) => ({
      text: tokens.join(''),
      index,
      logprobs: {
        tokens,
        token_logprobs,
        top_logprobs: tokens.map((t, i) => ({ [t]: token_logprobs[i] ?? null })),
        text_offset: tokens.map((_, i) => tokens.slice(0, i).join('').length),
      },
      finish_reason,
    })),
    usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
  };
}

export interface ResponseObjectOptions {
  /** Reasoning summary texts: one reasoning item with them comes first when given (an empty list: no summary). */
  readonly summary?: readonly string[];
  /** `completed` by default; `incomplete` comes with `incomplete_details: {reason}`. */
  readonly status?: 'completed' | 'incomplete';
  readonly incompleteReason?: 'max_output_tokens' | 'content_filter';
  /** The message's content parts; default one `output_text` part per text given. */
  readonly content?: readonly unknown[];
}

/**
 * A Responses API object (`POST /v1/responses`) as OpenAI documents it: an optional reasoning item, then one assistant
 * message with an `output_text` part per text (none when `texts` is empty and no `content` is given).
 */
export function responseObject(model: string, texts: readonly string[], options: ResponseObjectOptions = {}): unknown {
  const status = options.status ?? 'completed';
  const content = options.content ?? texts.map((text) => ({ type: 'output_text', text, annotations: [], logprobs: [] }));
  const reasoning =
    options.summary === undefined
      ? []
      : [{ id: 'rs_6890e972fa7c819ca8bc561526b989170694874912ae0ea6', type: 'reasoning', summary: options.summary.map((text) => ({ type: 'summary_text', text })) }];
  const message =
    content.length === 0
      ? []
      : [{ id: 'msg_6890e975e86c819c9338825b3e1994810694874912ae0ea6', type: 'message', status, role: 'assistant', content }];
  return {
    id: 'resp_6890e972bdbc819cbcd8c2ce6ce4bbc50694874912ae0ea6',
    object: 'response',
    created_at: 1754327410,
    status,
    background: false,
    error: null,
    incomplete_details: status === 'incomplete' ? { reason: options.incompleteReason ?? 'max_output_tokens' } : null,
    instructions: null,
    max_output_tokens: 16,
    model,
    output: [...reasoning, ...message],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: 'medium', summary: 'detailed' },
    service_tier: 'default',
    store: false,
    temperature: 1.0,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: 'auto',
    tools: [],
    top_p: 1.0,
    truncation: 'disabled',
    usage: {
      input_tokens: 42,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 16,
      output_tokens_details: { reasoning_tokens: reasoning.length > 0 ? 12 : 0 },
      total_tokens: 58,
    },
    user: null,
    metadata: {},
  };
}

/** OpenAI's error body. */
export const errorBody = (message: string, type: string, code: string | null): unknown => ({
  error: { message, type, param: null, code },
});

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, reply: Reply): void {
  if ('hang' in reply) return;
  if ('drop' in reply) {
    if (reply.drop === 'before-headers') {
      response.socket?.destroy();
      return;
    }
    const text = JSON.stringify(reply.json);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
    response.write(text.slice(0, Math.floor(text.length / 2)), () => response.socket?.destroy());
    return;
  }
  const isJson = 'json' in reply;
  const text = isJson ? JSON.stringify(reply.json) : reply.text;
  const contentType = isJson ? 'application/json' : (reply.contentType ?? 'application/json');
  response.writeHead(reply.status ?? 200, { 'content-type': contentType, ...reply.headers });
  response.end(text);
}

/** Starts the server on an ephemeral port of 127.0.0.1. */
export async function startOpenAIServer(initial: Script): Promise<OpenAIServer> {
  let script = initial;
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    readBody(request).then(
      (rawBody) => {
        let body: unknown;
        try {
          body = rawBody === '' ? undefined : JSON.parse(rawBody);
        } catch (error) {
          body = { unparsable: rawBody, error: String(error) };
        }
        const received: ReceivedRequest = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, rawBody, body };
        requests.push(received);
        answer(response, script(received, requests.length - 1));
      },
      (error: unknown) => response.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (next) => {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
