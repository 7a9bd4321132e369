/**
 * A server on 127.0.0.1 that speaks OpenAI's documented wire format (`POST /v1/chat/completions`,
 * `POST /v1/completions`, error bodies `{"error": {message, type, param, code}}`), records every request body
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
