/**
 * @module HTTP exchanges on node:http(s) with keep-alive agents, for the provider clients. Node's global fetch (undici)
 * costs a run's thread about a millisecond per request in web streams, header lists and transferable bookkeeping; at
 * hundreds of requests in flight that thread is the bottleneck (bench/README.md, latency-bound).
 * `keepAliveExchange` sends one request and gives back the whole, decoded body; `keepAliveFetch` wraps it as a `fetch`
 * for the provider SDKs (their `fetch` option): it sends what the SDKs send (a method, headers, a string or byte body)
 * and answers with a real `Response`; anything else (a stream or form body, a Request object) goes to the global fetch.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import { markReceived, markSent } from '../exchange-timing.ts';

// Requests in flight are bounded by the run's own limiter: the agents keep one socket per request in flight. An idle
// socket is closed after 4 s (or the server's Keep-Alive hint, if shorter), before servers drop idle connections
// themselves (usually after 5 s or more), so that a request is rarely sent on a connection the server is closing.
const IDLE_SOCKET_MS = 4000;
const agents = {
  'http:': new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  'https:': new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
};

const DECODERS: Readonly<Record<string, (body: Buffer) => Promise<Buffer>>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/** The first header of every exchange: fetch asks for compressed bodies and hands them back decoded; so do these. */
export const ACCEPT_ENCODING_HEADER: Readonly<Record<string, string>> = { 'accept-encoding': 'gzip, deflate, br' };

/** The connection closed after the response began and before its body was whole. */
export class ConnectionDroppedError extends Error {
  override readonly name = 'ConnectionDroppedError';
}

/** `keepAliveExchange` gave up after its `timeoutMs`. */
export class ExchangeTimeoutError extends Error {
  override readonly name = 'ExchangeTimeoutError';
}

/** The abort error fetch rejects with: the signal's reason, or a DOMException named AbortError. */
const abortError = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

/** The URL of what `fetch` was given, or undefined for a Request object (left to the global fetch). */
function urlOf(input: Parameters<typeof fetch>[0]): URL | undefined {
  if (typeof input === 'string') return new URL(input);
  return input instanceof URL ? input : undefined;
}

/** Response headers as fetch gives them (repeated fields appended, in order), from node's `rawHeaders`. */
export function headersOf(rawHeaders: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) headers.append(rawHeaders[i]!, rawHeaders[i + 1]!);
  return headers;
}

/** A response header's value as `Headers.get` gives it (repeats joined with ", "), or null; `name` in lower case. */
export function headerValue(rawHeaders: readonly string[], name: string): string | null {
  let value: string | null = null;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const key = rawHeaders[i]!;
    if (key.length === name.length && key.toLowerCase() === name) value = value === null ? rawHeaders[i + 1]! : `${value}, ${rawHeaders[i + 1]!}`;
  }
  return value;
}

/** The body, decoded per Content-Encoding (the last coding applied is undone first). */
async function decoded(body: Buffer, contentEncoding: string | null): Promise<Buffer> {
  if (contentEncoding === null) return body;
  const codings = contentEncoding.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
  let out = body;
  for (const coding of codings.reverse()) {
    const decode = DECODERS[coding];
    if (decode === undefined) throw new TypeError(`fetch failed: unsupported Content-Encoding '${coding}'`);
    out = await decode(out);
  }
  return out;
}

/** A whole answer: its status line, node's `rawHeaders` (name, value, name, value, …) and decoded body. */
export interface ExchangeReply {
  readonly status: number;
  readonly statusText: string;
  readonly rawHeaders: readonly string[];
  /** null for the statuses and method that have no body (204, 304, HEAD), as fetch. */
  readonly body: Buffer | null;
}

/** One request of `keepAliveExchange`. */
export interface ExchangeRequest {
  readonly method: string;
  /** An http: or https: URL. */
  readonly url: URL;
  /** Sent as given (the caller puts ACCEPT_ENCODING_HEADER first); Content-Length is added for a payload. */
  readonly headers: Record<string, string>;
  readonly payload?: string | Uint8Array | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Gives up after this many milliseconds (from sending to the body's end) with an ExchangeTimeoutError. */
  readonly timeoutMs?: number | undefined;
}

/**
 * Sends one request over the keep-alive agents and resolves with the whole, decoded answer, whatever its status.
 * Rejects as fetch does: with the abort error when `signal` aborts, with TypeError('fetch failed', { cause }) when
 * the network fails before or during the body (a ConnectionDroppedError cause when the body is cut short); and with
 * an ExchangeTimeoutError after `timeoutMs`.
 * @example await keepAliveExchange({ method: 'POST', url, headers: { ...ACCEPT_ENCODING_HEADER, 'content-type': 'application/json' }, payload: '{}' })
 */
export function keepAliveExchange(exchange: ExchangeRequest): Promise<ExchangeReply> {
  const { method, url, headers, payload, signal } = exchange;
  if (signal?.aborted === true) return Promise.reject(abortError(signal));
  if (payload !== undefined) headers['content-length'] = String(typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<ExchangeReply>((resolve, reject) => {
    markSent();
    const request = send(url, { method, headers, agent: agents[url.protocol as 'http:' | 'https:'] });
    const onAbort = () => request.destroy(abortError(signal!) as Error);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut: ExchangeTimeoutError | undefined;
    const timer = exchange.timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = new ExchangeTimeoutError(`no whole answer within ${exchange.timeoutMs} ms`);
      request.destroy(timedOut);
    }, exchange.timeoutMs);
    const settle = () => {
      signal?.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
    };
    const fail = (error: unknown) => {
      settle();
      if (signal?.aborted === true) reject(abortError(signal));
      else if (timedOut !== undefined) reject(timedOut);
      else reject(new TypeError('fetch failed', { cause: error }));
    };
    request.on('error', fail);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      const dropped = (error?: Error) =>
        fail(new ConnectionDroppedError(`the connection closed in the middle of the body${error === undefined ? '' : `: ${error.message}`}`, { cause: error }));
      response.on('error', dropped);
      response.on('close', () => {
        if (!response.complete) dropped();
      });
      response.on('end', () => {
        markReceived();
        settle();
        const status = response.statusCode ?? 0;
        const { rawHeaders } = response;
        const reply = (body: Buffer | null) => resolve({ status, statusText: response.statusMessage ?? '', rawHeaders, body });
        if (status === 204 || status === 304 || method === 'HEAD') return reply(null);
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const encoding = headerValue(rawHeaders, 'content-encoding');
        if (encoding === null) return reply(body);
        decoded(body, encoding).then(reply, (error: unknown) => reject(new TypeError('fetch failed', { cause: error })));
      });
    });
    request.end(payload);
  });
}

/**
 * `fetch` over keep-alive node:http(s) agents for an SDK's plain JSON requests.
 * @example new OpenAI({ apiKey, fetch: keepAliveFetch })
 */
export async function keepAliveFetch(input: Parameters<typeof fetch>[0], init: RequestInit = {}): Promise<Response> {
  const url = urlOf(input);
  const body = init.body ?? undefined;
  const isPlainBody = body === undefined || typeof body === 'string' || body instanceof Uint8Array;
  if (url === undefined || !isPlainBody || (url.protocol !== 'http:' && url.protocol !== 'https:')) return fetch(input, init);
  const headers: Record<string, string> = { ...ACCEPT_ENCODING_HEADER };
  new Headers(init.headers).forEach((value, key) => (headers[key] = value));
  const reply = await keepAliveExchange({ method: init.method ?? 'GET', url, headers, payload: body, signal: init.signal ?? undefined });
  try {
    return new Response(reply.body, { status: reply.status, statusText: reply.statusText, headers: headersOf(reply.rawHeaders) });
  } catch (error) {
    throw new TypeError('fetch failed', { cause: error }); // a status fetch does not take (e.g. over 599)
  }
}
