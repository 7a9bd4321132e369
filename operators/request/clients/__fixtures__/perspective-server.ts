/**
 * @module For tests: a Perspective API stand-in on 127.0.0.1 in Google's wire format: `POST /batch` with a
 * `multipart/mixed` body of `comments:analyze` calls, answered part by part (`Content-ID: <response-…>`), plus the
 * discovery document at `/$discovery/rest` so google-api-python-client (HELM's own client) can talk to it too.
 * Scores are a deterministic function of the text unless a table is given.
 *
 *   npx tsx operators/request/clients/__fixtures__/perspective-server.ts [--key KEY]
 *   (prints `listening on http://127.0.0.1:PORT` first)
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

/** One batch the server received: each call's id (its Content-ID, unquoted by the client) and body. */
export interface ReceivedBatch {
  readonly contentType: string;
  readonly calls: readonly { readonly contentId: string; readonly requestLine: string; readonly body: Record<string, unknown> }[];
}

export interface PerspectiveServerOptions {
  /** The key every call must carry (`?key=`); a call without it gets Google's HTTP 400. Default 'test-key'. */
  readonly apiKey?: string;
  /** A text's score for an attribute; default `defaultScore`. */
  readonly score?: (text: string, attribute: string) => number;
  /** The first n batches get HTTP 429 with `Retry-After: 0` (quota exceeded). */
  readonly rateLimitFirst?: number;
  /** Calls on these texts get HTTP 400 inside the batch (as for an unsupported language). */
  readonly refuse?: readonly string[];
}

export interface PerspectiveServer {
  readonly url: string;
  /** Every batch received, in order (429s included). */
  readonly batches: ReceivedBatch[];
  close(): Promise<void>;
}

/**
 * A text's TOXICITY: 0.0 for a text without letters, 0.9 for one holding "idiot", else a number in [0, 1) from
 * its SHA-256 (6 decimals); other attributes are that value times a per-attribute factor.
 */
export function defaultScore(text: string, attribute: string): number {
  if (!/\p{L}/u.test(text)) return 0;
  const base = /idiot/i.test(text) ? 0.9 : createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
  const factor = attribute === 'TOXICITY' ? 1 : 0.5 + (attribute.length % 5) / 10;
  return Math.round(base * factor * 1e6) / 1e6;
}

/** A float as Google's JSON writes it here: always with a fraction, so Python reads a float. */
const floatText = (x: number): string => (Number.isInteger(x) ? x.toFixed(1) : String(x));

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Header lines (folded ones unfolded, as email's parser does) and what follows the blank line. */
const splitHead = (text: string): [string[], string] => {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m === null ? text : text.slice(0, m.index);
  return [head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/), m === null ? '' : text.slice(m.index + m[0].length)];
};
const header = (head: readonly string[], name: string): string | undefined =>
  head.find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim();

function discovery(root: string): string {
  return JSON.stringify({
    kind: 'discovery#restDescription',
    discoveryVersion: 'v1',
    id: 'commentanalyzer:v1alpha1',
    name: 'commentanalyzer',
    version: 'v1alpha1',
    rootUrl: root,
    servicePath: '',
    batchPath: 'batch',
    baseUrl: root,
    protocol: 'rest',
    parameters: {
      key: { type: 'string', location: 'query' },
      alt: { type: 'string', location: 'query', default: 'json', enum: ['json'] },
    },
    resources: {
      comments: {
        methods: {
          analyze: {
            id: 'commentanalyzer.comments.analyze',
            path: 'v1alpha1/comments:analyze',
            flatPath: 'v1alpha1/comments:analyze',
            httpMethod: 'POST',
            parameters: {},
            parameterOrder: [],
            request: { $ref: 'AnalyzeCommentRequest' },
            response: { $ref: 'AnalyzeCommentResponse' },
          },
        },
      },
    },
    schemas: {
      AnalyzeCommentRequest: { id: 'AnalyzeCommentRequest', type: 'object', properties: {} },
      AnalyzeCommentResponse: { id: 'AnalyzeCommentResponse', type: 'object', properties: {} },
    },
  });
}

/** One call's HTTP response (status line, headers, body) for the batch answer. */
function answerCall(requestLine: string, body: Record<string, unknown>, options: Required<Omit<PerspectiveServerOptions, 'refuse'>> & { refuse: readonly string[] }): string {
  const error = (status: number, reason: string, message: string, code: string): string =>
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify({ error: { code: status, message, status: code } })}`;
  const key = new URL(requestLine.split(' ')[1] ?? '/', 'http://x').searchParams.get('key');
  if (key !== options.apiKey) return error(400, 'Bad Request', 'API key not valid. Please pass a valid API key.', 'INVALID_ARGUMENT');
  const comment = body['comment'] as { text?: unknown } | undefined;
  const text = typeof comment?.text === 'string' ? comment.text : '';
  if (options.refuse.includes(text)) return error(400, 'Bad Request', 'Attribute TOXICITY does not support request languages: xx', 'INVALID_ARGUMENT');
  const attributes = Object.keys((body['requestedAttributes'] as Record<string, unknown> | undefined) ?? {});
  const length = [...text].length;
  const scores = attributes.map((attribute) => {
    const value = floatText(options.score(text, attribute));
    const score = `{"value": ${value}, "type": "PROBABILITY"}`;
    return `"${attribute}": {"spanScores": [{"begin": 0, "end": ${length}, "score": ${score}}], "summaryScore": ${score}}`;
  });
  const json = `{"attributeScores": {${scores.join(', ')}}, "languages": ["en"], "detectedLanguages": ["en"]}`;
  return `HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\nVary: Origin\r\n\r\n${json}`;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startPerspectiveServer(serverOptions: PerspectiveServerOptions = {}): Promise<PerspectiveServer> {
  const options = {
    apiKey: serverOptions.apiKey ?? 'test-key',
    score: serverOptions.score ?? defaultScore,
    rateLimitFirst: serverOptions.rateLimitFirst ?? 0,
    refuse: serverOptions.refuse ?? [],
  };
  const batches: ReceivedBatch[] = [];
  let url = '';
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const path = request.url ?? '/';
      if (request.method === 'GET' && path.startsWith('/$discovery/rest')) {
        response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end(discovery(`${url}/`));
        return;
      }
      if (request.method !== 'POST' || path !== '/batch') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end(`no ${request.method} ${path} here`);
        return;
      }
      const contentType = request.headers['content-type'] ?? '';
      const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
      if (!contentType.startsWith('multipart/mixed') || boundary === undefined) {
        response.writeHead(400, { 'content-type': 'application/json' }).end('{"error": {"code": 400, "message": "not a batch"}}');
        return;
      }
      const calls: { contentId: string; requestLine: string; body: Record<string, unknown> }[] = [];
      for (const section of body.split(`--${boundary}`).slice(1)) {
        if (section.startsWith('--')) break;
        const [outer, inner] = splitHead(section.replace(/^\r?\n/, ''));
        const [innerHead, innerBody] = splitHead(inner);
        calls.push({ contentId: header(outer, 'Content-ID') ?? '', requestLine: innerHead[0] ?? '', body: JSON.parse(innerBody.trim()) as Record<string, unknown> });
      }
      batches.push({ contentType, calls });
      if (batches.length <= options.rateLimitFirst) {
        response
          .writeHead(429, { 'content-type': 'application/json; charset=UTF-8', 'retry-after': '0' })
          .end('{"error": {"code": 429, "message": "Quota exceeded for quota metric \'Analysis requests (AnalyzeComment)\'.", "status": "RESOURCE_EXHAUSTED"}}');
        return;
      }
      const outBoundary = 'batch_PerspectiveStandIn';
      const parts = calls.map((call) => {
        const id = call.contentId.replace(/^</, '<response-');
        return `--${outBoundary}\r\nContent-Type: application/http\r\nContent-ID: ${id}\r\n\r\n${answerCall(call.requestLine, call.body, options)}\r\n`;
      });
      response.writeHead(200, { 'content-type': `multipart/mixed; boundary=${outBoundary}` }).end(`${parts.join('')}--${outBoundary}--\r\n`);
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    batches,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error === undefined ? resolve() : reject(error)))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const keyAt = process.argv.indexOf('--key');
  const server = await startPerspectiveServer(keyAt > 0 ? { apiKey: process.argv[keyAt + 1]! } : {});
  console.log(`listening on ${server.url}`);
}
