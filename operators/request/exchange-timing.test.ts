import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveFetch } from './clients/keep-alive-fetch.ts';
import { exchangeSeconds, withExchangeTiming, type ExchangeTiming } from './exchange-timing.ts';

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((_request, response) => {
    setTimeout(() => response.end('{"ok":true}'), 40);
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => server.close());

const busyFor = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // the client's own work before the request is sent (an SDK's first call, JIT)
  }
};

describe('exchange timing', () => {
  it("measures the HTTP exchange only, not the client's work before it", async () => {
    const timing: ExchangeTiming = {};
    const started = performance.now();
    const body = await withExchangeTiming(timing, async () => {
      busyFor(60);
      return (await keepAliveFetch(url, { method: 'POST', body: '{}' })).json();
    });
    const wall = (performance.now() - started) / 1000;
    expect(body).toEqual({ ok: true });
    const seconds = exchangeSeconds(timing)!;
    expect(seconds).toBeGreaterThanOrEqual(0.039); // the server's 40 ms
    expect(wall - seconds).toBeGreaterThanOrEqual(0.059); // the 60 ms of client work are not in it
  });

  it('leaves the timing empty for a call that makes no HTTP exchange, and marks nothing outside one', async () => {
    const timing: ExchangeTiming = {};
    await withExchangeTiming(timing, async () => 'an in-process model');
    expect(exchangeSeconds(timing)).toBeUndefined();
    await expect(keepAliveFetch(url)).resolves.toBeInstanceOf(Response); // no timing around it: no error
  });
});
