/**
 * @module A `fetch` for the provider SDKs (their `fetch` option) on node:http(s) with keep-alive agents. Node's global
 * fetch (undici) costs a run's thread about a millisecond per request in web streams, header lists and transferable
 * bookkeeping; at hundreds of requests in flight that thread is the bottleneck (bench/README.md, latency-bound).
 * This one sends what the SDKs send (a method, headers, a string or byte body) and answers with a real `Response`
 * holding the whole body; anything else (a stream or form body, a Request object) goes to the global fetch.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
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
// fetch asks for compressed bodies and hands them back decoded; so does this.
const ACCEPT_ENCODING = 'gzip, deflate, br';

/** The connection closed after the response began and before its body was whole. */
export class ConnectionDroppedError extends Error {
  override readonly name = 'ConnectionDroppedError';
}

/** The abort error fetch rejects with: the signal's reason, or a DOMException named AbortError. */
const abortError = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

/** The URL of what `fetch` was given, or undefined for a Request object (left to the global fetch). */
function urlOf(input: Parameters<typeof fetch>[0]): URL | undefined {
  if (typeof input === 'string') return new URL(input);
  return input instanceof URL ? input : undefined;
}

/** Response headers as fetch gives them (repeated fields appended, in order). */
function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
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

/**
 * `fetch` over keep-alive node:http(s) agents for an SDK's plain JSON requests.
 * @example new OpenAI({ apiKey, fetch: keepAliveFetch })
 */
export async function keepAliveFetch(input: Parameters<typeof fetch>[0], init: RequestInit = {}): Promise<Response> {
  const url = urlOf(input);
  const body = init.body ?? undefined;
  const isPlainBody = body === undefined || typeof body === 'string' || body instanceof Uint8Array;
  if (url === undefined || !isPlainBody || (url.protocol !== 'http:' && url.protocol !== 'https:')) return fetch(input, init);
  const signal = init.signal ?? undefined;
  if (signal?.aborted === true) throw abortError(signal);

  const headers: Record<string, string> = { 'accept-encoding': ACCEPT_ENCODING };
  new Headers(init.headers).forEach((value, key) => (headers[key] = value));
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (payload !== undefined) headers['content-length'] = String(payload.byteLength);

  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    markSent();
    const request = send(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] });
    const onAbort = () => request.destroy(abortError(signal!) as Error);
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal?.removeEventListener('abort', onAbort);
    // As fetch: aborts reject with the abort error, network failures (before or during the body) with
    // TypeError('fetch failed', { cause }).
    const fail = (error: unknown) => {
      settle();
      reject(signal?.aborted === true ? abortError(signal) : new TypeError('fetch failed', { cause: error }));
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
        const responseHeaders = headersOf(response);
        const isNullBody = status === 204 || status === 304 || init.method === 'HEAD';
        decoded(Buffer.concat(chunks), isNullBody ? null : responseHeaders.get('content-encoding'))
          .then((bytes) => {
            resolve(new Response(isNullBody ? null : bytes, { status, statusText: response.statusMessage ?? '', headers: responseHeaders }));
          })
          .catch((error: unknown) => reject(new TypeError('fetch failed', { cause: error })));
      });
    });
    request.end(payload);
  });
}
