/**
 * End-to-end: `node pipelines/run.js` with API keys in HELM_CREDENTIALS, credentials.conf and the environment. No key
 * ever reaches stdout, stderr or any file of the run (outputs, NDJSON, DuckDB, the request cache); a provider that
 * fails every request gives failed results and a finished run, or with --exit-on-error a stopped one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHelmRun } from './__fixtures__/helm-run-child.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'helm-credentials-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CANARIES = ['sk-canary-org-wide-0123456789', 'sk-canary-per-deployment-987654', 'sk-canary-environment-55555'];

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** helm-run as a child process, awaited (a synchronous child would block this worker's event loop). */
const helmRun = (args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> =>
  startHelmRun(args, { ...process.env, ...env }).exited;

/** One row of `helm-sql <db> <query> --json`. */
function helmSql(db: string, query: string): Promise<string> {
  const child = spawn(process.execPath, [join(root, 'pipelines', 'sql.js'), db, query, '--json'], { cwd: root });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.on('close', () => resolve(stdout.trim())));
}

/** Every file under `dir`, binary ones included (DuckDB, LMDB), as bytes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** No canary in the run's stdout, stderr or any file under `dirs`, but the credentials.conf the user wrote. */
function expectNoCanary(run: Run, dirs: readonly string[]): void {
  const files = dirs.flatMap(filesUnder).filter((path) => !path.endsWith('credentials.conf'));
  expect(files.length).toBeGreaterThan(0);
  for (const canary of CANARIES) {
    expect(run.stdout).not.toContain(canary);
    expect(run.stderr).not.toContain(canary);
    for (const file of files) expect(readFileSync(file).includes(canary), `${canary} in ${file}`).toBe(false);
  }
}

describe('helm-run never shows or writes an API key', () => {
  it('keeps keys from HELM_CREDENTIALS and the environment out of a whole run’s output', async () => {
    const out = join(work, 'simple');
    const local = join(out, 'prod_env');
    const env = {
      HELM_CREDENTIALS: `simpleApiKey: "${CANARIES[0]}"\ndeployments { "simple/model1": "${CANARIES[1]}" }\n`,
      OPENAI_API_KEY: CANARIES[2],
    };
    const run = await helmRun(['-r', 'simple_mcqa:model=simple/model1', '-m', '3', '-o', out, '--local-path', local], env);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expectNoCanary(run, [out]);
  });

  it('names the line and column of malformed HELM_CREDENTIALS without echoing it', async () => {
    const out = join(work, 'malformed');
    const env = { HELM_CREDENTIALS: `openaiApiKey: ${CANARIES[0]} }\n` };
    const run = await helmRun(['-r', 'simple_mcqa:model=simple/model1', '-m', '3', '-o', out, '--local-path', join(out, 'prod_env')], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('helm-run: Malformed credentials in HELM_CREDENTIALS:1:45:');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    for (const canary of CANARIES) expect(run.stderr + run.stdout).not.toContain(canary);
  });
});

describe('a provider that refuses every request (an OpenAI-compatible server on 127.0.0.1 answering 401)', () => {
  let server: Server;
  let baseUrl = '';
  let requests = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      request.resume();
      // Like OpenAI, the error quotes the key it got.
      const key = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${key}.`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** An output root whose --local-path declares `local/refusing`, keyed by `localApiKey` in credentials.conf. */
  function setUp(name: string): { out: string; local: string; args: string[] } {
    const out = join(work, name);
    const local = join(out, 'prod_env');
    mkdirSync(local, { recursive: true });
    writeFileSync(join(local, 'credentials.conf'), `localApiKey: "${CANARIES[0]}"\n`);
    writeFileSync(
      join(local, 'model_deployments.yaml'),
      `model_deployments:\n  - name: local/refusing\n    model_name: local/refusing\n    tokenizer_name: simple/tokenizer1\n` +
        `    max_sequence_length: 2048\n    client_spec:\n      class_name: helm.clients.openai_client.OpenAIClient\n` +
        `      args:\n        base_url: ${baseUrl}\n`,
    );
    return { out, local, args: ['-r', 'simple_mcqa:model=local/refusing', '-m', '3', '-o', out, '--local-path', local] };
  }

  it('records each request as a failed result, not retried, counts it, writes the run, and exits 1', async () => {
    const { out, args } = setUp('refused');
    requests = 0;
    const run = await helmRun(args, { HELM_CREDENTIALS: '' });
    // Issue 12: a run where every request failed is written, but it is a failed run.
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Failed runs: ['simple_mcqa:model=local_refusing']");
    expect(requests).toBe(3); // a 401 is fatal: one attempt per request
    expect(run.stderr).toContain('3 of 3 requests still failed after their retries');
    const runDir = join(out, 'runs', 'default', 'simple_mcqa:model=local_refusing');
    const states = (JSON.parse(readFileSync(join(runDir, 'scenario_state.json'), 'utf8')) as { request_states: { result: { success: boolean; error: string } }[] })
      .request_states;
    expect(states.map((s) => s.result.success)).toEqual([false, false, false]);
    expect(states[0]?.result.error).toMatch(/^Failed to make request to local\/refusing \(a fatal error, not retried\)\. Error: /);
    const sql = await helmSql(join(out, 'runs', 'default', 'results.duckdb'), 'select num_request_states, num_failed_requests from runs');
    expect(JSON.parse(sql)).toEqual({ num_request_states: 3, num_failed_requests: 3 });
    expectNoCanary(run, [out]);
  });

  it('stops a deployment’s run before any request when no key is set, naming the key to set', async () => {
    const { out, local, args } = setUp('no-key');
    rmSync(join(local, 'credentials.conf'));
    requests = 0;
    const run = await helmRun(args, { HELM_CREDENTIALS: '', OPENAI_API_KEY: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Run simple_mcqa:model=local_refusing failed: .*localApiKey/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(requests).toBe(0);
    expect(readdirSync(out).includes('runs')).toBe(false);
  });

  it('stops at the first failed request with --exit-on-error, exit 1 and no stack', async () => {
    const { out, args } = setUp('refused-exit');
    const run = await helmRun([...args, '--exit-on-error', '-n', '1'], { HELM_CREDENTIALS: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/helm-run: simple_mcqa:model=local_refusing stopped at its first failed request \(--exit-on-error\): Failed to make request/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const runDir = join(out, 'runs', 'default', 'simple_mcqa:model=local_refusing');
    expect((existsSync(runDir) ? readdirSync(runDir) : []).filter((f) => f.endsWith('.json'))).toEqual([]); // an empty run folder is removed
    expectNoCanary(run, [out]);
  });
});

describe('pacing against an OpenAI-compatible server on 127.0.0.1', () => {
  let server: Server;
  let baseUrl = '';
  const arrivals: number[] = [];
  let rateLimitedAt = -1;
  let inFlight = 0;
  let maxInFlight = 0;
  const ARRIVALS = 9; // 8 requests, the first of them twice (429, then its retry)
  // The answers not sent yet, oldest first. Each waits until the client has a second request in flight (or has sent
  // its last), so the test sees --max-concurrency reached whatever the machine's speed, with no timer; the answer
  // goes out one event-loop turn later, so that a request sent beyond the limit would arrive and be counted first.
  const held: ServerResponse[] = [];
  const answer = (response: ServerResponse): void => {
    inFlight -= 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({
      id: 'chatcmpl-1', object: 'chat.completion', created: 1741569952, model: 'paced',
      choices: [{ index: 0, message: { role: 'assistant', content: 'A', refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 19, completion_tokens: 1, total_tokens: 20 },
    }));
  };
  const release = (): void => {
    if (arrivals.length >= ARRIVALS) held.splice(0).forEach(answer);
    else if (inFlight >= 2 && held.length > 0) answer(held.shift()!);
  };
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      const index = arrivals.push(Date.now()) - 1;
      if (index === 0) {
        rateLimitedAt = Date.now();
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': '600' });
        response.end(JSON.stringify({ error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }));
        return;
      }
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      held.push(response);
      if (inFlight >= 2 || arrivals.length >= ARRIVALS) setImmediate(release);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps --max-concurrency requests in flight, and after a 429 sends nothing until its Retry-After', async () => {
    const out = join(work, 'paced');
    const local = join(out, 'prod_env');
    mkdirSync(local, { recursive: true });
    writeFileSync(
      join(local, 'model_deployments.yaml'),
      `model_deployments:\n  - name: local/paced\n    model_name: local/paced\n    tokenizer_name: simple/tokenizer1\n` +
        `    max_sequence_length: 2048\n    client_spec:\n      class_name: helm.clients.openai_client.OpenAIClient\n` +
        `      args:\n        base_url: ${baseUrl}\n        api_key: EMPTY\n`,
    );
    const args = ['-r', 'simple_mcqa:model=local/paced', '-m', '8', '-n', '8', '--max-concurrency', '2', '-o', out, '--local-path', local];
    const run = await helmRun(args, { HELM_CREDENTIALS: '' });
    expect(run.status).toBe(0);
    expect(arrivals).toHaveLength(ARRIVALS); // 8 requests, one of them twice
    expect(maxInFlight).toBe(2);
    // The 429 paused the deployment: but for the one request already in flight beside it (2 slots), every request
    // came after the 600 ms it asked for (a little slack for timers).
    const early = arrivals.slice(1).filter((at) => at - rateLimitedAt < 580);
    expect(early.length, `arrivals after the 429: ${arrivals.map((at) => at - rateLimitedAt).join(', ')} ms`).toBeLessThanOrEqual(1);
    const states = (JSON.parse(readFileSync(join(out, 'runs', 'default', 'simple_mcqa:model=local_paced', 'scenario_state.json'), 'utf8')) as {
      request_states: { result: { success: boolean } }[];
    }).request_states;
    expect(states.map((s) => s.result.success)).toEqual(new Array(8).fill(true));
  });
});
