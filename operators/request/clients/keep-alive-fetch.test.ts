import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionDroppedError, keepAliveFetch } from './keep-alive-fetch.ts';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly socket: Socket;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  if (server !== undefined) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

/** A 127.0.0.1 server answering with `reply`; returns its base URL and what it received. */
async function serve(reply: (seen: Seen, response: ServerResponse) => void): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString(), socket: request.socket };
      seen.push(entry);
      reply(entry, response);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('keepAliveFetch', () => {
  it('sends the method, headers and body, and answers with status, headers and body as fetch does', async () => {
    const { base, seen } = await serve((_, response) => {
      response.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-request-id': 'req_1' });
      response.end('{"ok":true,"text":"é"}');
    });
    const response = await keepAliveFetch(`${base}/v1/completions`, {
      method: 'POST',
      headers: new Headers({ 'content-type': 'application/json', authorization: 'Bearer k' }),
      body: '{"prompt":"é"}',
    });
    expect([response.status, response.statusText, response.ok]).toEqual([201, 'Made', true]);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(await response.json()).toEqual({ ok: true, text: 'é' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/completions', body: '{"prompt":"é"}' });
    expect(seen[0]!.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer k', 'content-length': '15' });
  });

  it('keeps the connection for the next request', async () => {
    const { base, seen } = await serve((_, response) => response.end('{}'));
    for (let i = 0; i < 3; i++) await (await keepAliveFetch(`${base}/x`, { method: 'POST', body: '{}' })).text();
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
  });

  it('decodes a gzip body and gives 204 a null body', async () => {
    const { base } = await serve((seen, response) => {
      if (seen.url === '/empty') {
        response.writeHead(204).end();
        return;
      }
      expect(seen.headers['accept-encoding']).toContain('gzip');
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('{"zipped":1}'));
    });
    expect(await (await keepAliveFetch(`${base}/zip`)).json()).toEqual({ zipped: 1 });
    const empty = await keepAliveFetch(`${base}/empty`, { method: 'DELETE' });
    expect([empty.status, empty.body]).toEqual([204, null]);
  });

  it('returns error statuses as responses, not rejections', async () => {
    const { base } = await serve((_, response) => response.writeHead(429, { 'retry-after': '2' }).end('{"error":{}}'));
    const response = await keepAliveFetch(`${base}/x`, { method: 'POST', body: '{}' });
    expect([response.status, response.ok, response.headers.get('retry-after')]).toEqual([429, false, '2']);
  });

  it('rejects with the abort reason when aborted before or while waiting', async () => {
    let arrived!: () => void;
    const atServer = new Promise<void>((resolve) => (arrived = resolve));
    const { base, seen } = await serve(() => arrived()); // never answers
    const before = new AbortController();
    before.abort();
    await expect(keepAliveFetch(`${base}/x`, { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(0); // aborted before: nothing sent
    const during = new AbortController();
    const pending = keepAliveFetch(`${base}/y`, { signal: during.signal });
    await atServer; // the request is at the server: the fetch now waits for an answer that never comes
    during.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.map((s) => s.url)).toEqual(['/y']);
  });

  it('rejects like fetch (TypeError "fetch failed") when the connection is refused, drops, or the body is cut short', async () => {
    const refused = await keepAliveFetch('http://127.0.0.1:1/x').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as TypeError).message).toBe('fetch failed');

    const { base } = await serve((seen, response) => {
      if (seen.url === '/hang-up') {
        seen.socket.destroy();
        return;
      }
      response.writeHead(200, { 'content-length': '100' });
      // The headers and part of the body are out; then the connection drops.
      response.write('{"cut":', () => seen.socket.destroy());
    });
    const hangUp = await keepAliveFetch(`${base}/hang-up`).catch((error: unknown) => error);
    expect((hangUp as TypeError).cause).toMatchObject({ code: 'ECONNRESET' });
    const cut = await keepAliveFetch(`${base}/cut`).catch((error: unknown) => error);
    expect(cut).toBeInstanceOf(TypeError);
    expect((cut as TypeError).cause).toBeInstanceOf(ConnectionDroppedError);
  });

  it('leaves what it does not carry (a stream body) to the global fetch', async () => {
    const { base, seen } = await serve((_, response) => response.end('ok'));
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed'));
        controller.close();
      },
    });
    const response = await keepAliveFetch(`${base}/s`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await response.text()).toBe('ok');
    expect(seen[0]!.body).toBe('streamed');
  });
});
