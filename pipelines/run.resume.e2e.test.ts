/**
 * Crash-safe resume against a model server on 127.0.0.1 (HELM's OpenAIClient wire format): a run killed with
 * SIGKILL after some answers, then the same command again, finishes with every request answered exactly once and
 * the same outputs as an uninterrupted run (timing fields aside).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { open, type RootDatabase } from 'lmdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmRun, prepareGoldenWork } from '../operators/request/clients/__fixtures__/helm-run.ts';
import { chatCompletion, startOpenAIServer, type OpenAIServer, type ReceivedRequest } from '../operators/request/clients/__fixtures__/openai-server.ts';
import { withoutTiming } from './__fixtures__/run-files.ts';
import { nodeProcess, whenReady } from './__fixtures__/when-ready.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const MODEL = 'local/anatomy-chat';
const RUN_DIR = 'runs/e2e/mmlu:subject=anatomy,method=multiple_choice_joint,model=local_anatomy-chat';
const ANSWERED_BEFORE_KILL = 5;
const work = mkdtempSync(join(tmpdir(), 'helm-resume-'));
const killed = join(work, 'killed');
const straight = join(work, 'straight');
const interrupted = join(work, 'interrupted');

let server: OpenAIServer;
/** The prompts the server answered (wrote a whole response for), in order, since the last runAndKill. */
const answered: string[] = [];
let isHolding = false;
/** Called whenever the server answers a request. */
let onAnswered = (): void => undefined;

const promptOf = (request: ReceivedRequest): string => (request.body as { messages: { content: string }[] }).messages[0]!.content;

function writeDeployment(work: string): void {
  writeFileSync(join(prepareGoldenWork(work), 'model_deployments.yaml'), [
    'model_deployments:',
    `  - name: ${MODEL}`,
    `    model_name: ${MODEL}`,
    '    tokenizer_name: simple/tokenizer1',
    '    max_sequence_length: 2048',
    '    client_spec:',
    '      class_name: "helm.clients.openai_client.OpenAIClient"',
    `      args: {base_url: "${server.baseURL}", api_key: EMPTY}`,
    '',
  ].join('\n'));
}

beforeAll(async () => {
  server = await startOpenAIServer((request) => {
    if (isHolding && answered.length >= ANSWERED_BEFORE_KILL) return { hang: true };
    answered.push(promptOf(request));
    onAnswered();
    return { json: chatCompletion('anatomy-chat', [[' B', 'length']]) };
  });
  writeDeployment(killed);
  writeDeployment(straight);
  writeDeployment(interrupted);
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * Counts the answers committed to the request cache under `local` (every shard) as another process sees them: the keys
 * of each LMDB store that are request hashes. `close()` closes the stores it opened.
 */
function cacheReader(local: string): { committed(): number; close(): Promise<void> } {
  const cache = join(local, 'cache');
  const stores = new Map<string, RootDatabase<unknown, string>>();
  return {
    committed() {
      if (!existsSync(cache)) return 0;
      let count = 0;
      for (const name of readdirSync(cache).filter((f) => f.endsWith('.lmdb'))) {
        let store = stores.get(name);
        if (store === undefined) stores.set(name, (store = open<unknown, string>({ path: join(cache, name), readOnly: true })));
        store.resetReadTxn(); // see the latest commit
        for (const key of store.getKeys()) if (typeof key === 'string' && /^[0-9a-f]{64}$/.test(key)) count += 1;
      }
      return count;
    },
    async close() {
      await Promise.all([...stores.values()].map((store) => store.close()));
    },
  };
}

/**
 * Starts helm-run in `out` and sends it `signal` once the server has answered ANSWERED_BEFORE_KILL requests and those
 * answers are committed in the request cache (seen in the cache files themselves, not guessed with a sleep).
 */
async function runAndKill(out: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  answered.length = 0;
  isHolding = true;
  const enoughAnswered = new Promise<void>((resolve) => {
    onAnswered = () => {
      if (answered.length >= ANSWERED_BEFORE_KILL) resolve();
    };
  });
  const args = ['-o', out, '-r', `mmlu:subject=anatomy,model=${MODEL}`, '--suite', 'e2e', '--local-path', join(out, 'prod_env'), '-m', '10', '-n', '2'];
  const child = spawn(process.execPath, [join(root, 'pipelines', 'run.js'), ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) =>
    child.on('close', (code, received) => resolve({ code, signal: received })));
  await enoughAnswered;
  const cache = cacheReader(join(out, 'prod_env'));
  await whenReady(join(out, 'prod_env'), () => cache.committed() >= ANSWERED_BEFORE_KILL, child).finally(() => cache.close());
  child.kill(signal);
  const exit = await exited;
  isHolding = false;
  onAnswered = () => undefined;
  return { ...exit, stderr };
}

describe('kill -9 in the middle of a run, then the same command again', () => {
  // The killed run and its rerun, made once and observed as they happen; each test below passes alone and in any order.
  let kill: { signal: NodeJS.Signals | null; answered: string[]; files: string[] };
  let rerun: { status: number | null; stderr: string; answered: string[] };
  beforeAll(async () => {
    const killedRun = await runAndKill(killed);
    kill = { signal: killedRun.signal, answered: [...answered], files: readdirSync(join(killed, RUN_DIR)) };
    const run = await helmRun(killed, MODEL);
    rerun = { ...run, answered: [...answered] };
  }, 120_000);

  it('leaves no file that looks complete', () => {
    expect(kill.signal).toBe('SIGKILL');
    expect(kill.answered).toHaveLength(ANSWERED_BEFORE_KILL);
    for (const complete of ['run_spec.json', 'scenario.json', 'scenario_state.json', 'per_instance_stats.json', 'stats.json']) {
      expect(kill.files).not.toContain(complete);
    }
  });

  it('finishes with every request answered once by the server, and no leftovers', () => {
    expect(rerun.stderr).not.toMatch(/Error/);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.answered).toHaveLength(10);
    expect(new Set(rerun.answered).size).toBe(10); // zero repeated model requests
    expect(readdirSync(join(killed, RUN_DIR)).filter((f) => f.endsWith('.tmp') || f === 'staging')).toEqual([]);
  });

  it('writes what an uninterrupted run writes, but for timing', async () => {
    expect(rerun.status).toBe(0);
    const before = answered.length;
    const run = await helmRun(straight, MODEL);
    expect(run.status).toBe(0);
    expect(answered.length - before).toBe(10);
    for (const file of ['scenario_state.json', 'per_instance_stats.json', 'stats.json', 'run_spec.json', 'scenario.json']) {
      expect(withoutTiming(join(killed, RUN_DIR, file))).toBe(withoutTiming(join(straight, RUN_DIR, file)));
    }
    const counts = await nodeProcess([join(root, 'pipelines', 'sql.js'), '--json', join(killed, 'runs', 'e2e', 'results.duckdb'),
      'SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM request_states) AS states'], root);
    expect(JSON.parse(counts.stdout)).toEqual({ runs: 1, states: 10 });
  });
});

describe('Ctrl-C in the middle of a run, then the same command again', () => {
  it('stops with exit code 130, says how to resume, leaves no complete-looking file, and the rerun repeats no request', async () => {
    const stopped = await runAndKill(interrupted, 'SIGINT');
    expect(stopped.code, `signal ${stopped.signal}, stderr: ${stopped.stderr}`).toBe(130);
    expect(stopped.stderr).toContain('Run the same command again to resume');
    const files = existsSync(join(interrupted, RUN_DIR)) ? readdirSync(join(interrupted, RUN_DIR)) : []; // an empty run folder is removed
    expect(files.filter((f) => f.endsWith('.json') || f.endsWith('.tmp') || f === 'staging')).toEqual([]);
    const run = await helmRun(interrupted, MODEL);
    expect(run.status).toBe(0);
    expect(new Set(answered).size).toBe(answered.length);
    expect(answered).toHaveLength(10);
    // A run stopped midway and a whole rerun, each a helm-run process (~3 s of start-up alone): after the suite's
    // heaviest files the machine can still be busy, and 60 s was once not enough (a timeout, no failed expectation).
  }, 180_000);
});
