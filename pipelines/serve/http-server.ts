/**
 * @module The viewer's HTTP server (node:http): HELM's routes (`/config.js`, `/benchmark_output/…`,
 * `/cache/output/…`, the app at `/`) and ours (`/api/…`). Files are served only from under their root
 * (safe-path.ts); GET and HEAD only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_SCHEMA_PATH } from '../../sinks/summary/helm-schema.ts';
import { UserError } from '../../core/errors.ts';
import type { ApiHandler } from './api-routes.ts';
import { NotFound } from './run-catalog.ts';
import { fileUnder } from './safe-path.ts';
import { sendFile } from './static-files.ts';

/** The default schema (configs/schema_classic.yaml) as plain JSON, read once. */
let classicSchemaJson: unknown;
const classicSchema = (): unknown => (classicSchemaJson ??= parseYaml(readFileSync(DEFAULT_SCHEMA_PATH, 'utf8')));

/** The frontend's files. */
export const WEB_DIR = fileURLToPath(new URL('web/', import.meta.url));

export interface ServerSetup {
  readonly outputPath: string;
  readonly cacheOutputPath: string;
  /** The text of `/config.js`. */
  readonly configJs: string;
  readonly api: ReadonlyMap<string, ApiHandler>;
  /** Called with each failed request that is not the user's doing (a bug or an I/O error). */
  readonly onError?: (error: unknown, url: string) => void;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
  'referrer-policy': 'no-referrer',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length, 'cache-control': 'no-store' });
  response.end(bytes);
}

function sendText(response: ServerResponse, status: number, type: string, text: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' });
  response.end(text);
}

/** Answers one request. */
async function answer(setup: ServerSetup, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(request.url ?? '/', 'http://viewer.invalid');
  const path = url.pathname;
  if (path === '/config.js') return sendText(response, 200, 'text/javascript', setup.configJs);
  if (path.startsWith('/api/')) {
    const handler = setup.api.get(path.slice('/api/'.length));
    if (handler === undefined) return sendJson(response, 404, { error: `No API route ${path}: the routes are ${[...setup.api.keys()].map((k) => `/api/${k}`).join(', ')}.` });
    return sendJson(response, 200, await handler(url.searchParams));
  }
  const roots: [string, string][] = [['/benchmark_output/', setup.outputPath], ['/cache/output/', setup.cacheOutputPath]];
  const [prefix, root] = roots.find(([p]) => path.startsWith(p)) ?? ['/', WEB_DIR];
  const rest = path.slice(prefix.length);
  const file = fileUnder(root, prefix === '/' && (rest === '' || rest.endsWith('/')) ? `${rest}index.html` : rest);
  if (file === undefined) return sendJson(response, 403, { error: 'That path leads outside the folder this route serves.' });
  if (await sendFile(response, file, method)) return;
  // HELM's fallback for a suite or release without schema.json: the classic schema, its YAML as JSON.
  if (prefix === '/benchmark_output/' && /^(runs|releases)\/[^/]+\/schema\.json$/.test(rest)) return sendJson(response, 200, classicSchema());
  sendJson(response, 404, { error: `Not found: ${path}` });
}

/** A server (not yet listening) for `setup`. */
export function viewerServer(setup: ServerSetup): Server {
  return createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    answer(setup, request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof UserError) return sendJson(response, error instanceof NotFound ? 404 : 400, { error: error.message });
      setup.onError?.(error, request.url ?? '');
      sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
}
