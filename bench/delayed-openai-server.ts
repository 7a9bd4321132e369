/**
 * A model server for bench/latency.ts, run as its own process: answers OpenAI-style `POST /v1/completions` and
 * `/v1/chat/completions` on 127.0.0.1 after a fixed delay, with one pre-serialized reply, and counts what it answered.
 * `GET /stats` → {answered, firstArrivalMs, lastReplyMs}; `POST /reset` zeroes them. Prints its port on stdout.
 *
 * usage: node --import tsx bench/delayed-openai-server.ts [delayMs=200]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const delayMs = Number(process.argv[2] ?? 200);
const completion = JSON.stringify({
  id: 'cmpl-bench', object: 'text_completion', created: 1700000000, model: 'bench',
  choices: [{ text: ' B', index: 0, logprobs: { tokens: [' B'], token_logprobs: [-0.5], top_logprobs: [{ ' B': -0.5 }], text_offset: [0] }, finish_reason: 'length' }],
  usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
});
const chat = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1700000000, model: 'bench',
  choices: [{ index: 0, message: { role: 'assistant', content: ' B' }, logprobs: null, finish_reason: 'length' }],
  usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
});
let answered = 0;
let firstArrivalMs: number | undefined;
let lastReplyMs: number | undefined;

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    if (request.url === '/stats') {
      response.end(JSON.stringify({ answered, firstArrivalMs, lastReplyMs }));
      return;
    }
    if (request.url === '/reset') {
      answered = 0;
      firstArrivalMs = undefined;
      lastReplyMs = undefined;
      response.end('{}');
      return;
    }
    firstArrivalMs ??= performance.now();
    const body = request.url?.endsWith('/chat/completions') ? chat : completion;
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
      answered += 1;
      lastReplyMs = performance.now();
    }, delayMs);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
