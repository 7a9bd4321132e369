/**
 * Crash-safe resume against a model server on 127.0.0.1 (HELM's OpenAIClient wire format): a run killed with
 * SIGKILL after some answers, then the same command again, finishes with every request answered exactly once and
 * the same outputs as an uninterrupted run (timing fields aside).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmRun, prepareGoldenWork } from '../operators/request/clients/__fixtures__/helm-run.ts';
import { chatCompletion, startOpenAIServer, type OpenAIServer, type ReceivedRequest } from '../operators/request/clients/__fixtures__/openai-server.ts';
import { withoutTiming } from './__fixtures__/run-files.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const MODEL = 'local/anatomy-chat';
const RUN_DIR = 'runs/e2e/mmlu:subject=anatomy,method=multiple_choice_joint,model=local_anatomy-chat';
const ANSWERED_BEFORE_KILL = 5;
const work = mkdtempSync(join(tmpdir(), 'helm-resume-'));
const killed = join(work, 'killed');
const straight = join(work, 'straight');
const interrupted = join(work, 'interrupted');

let server: OpenAIServer;
/** The prompts the server answered (wrote a whole response for), in order, over every run. */
const answered: string[] = [];
let isHolding = false;

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

/** Starts helm-run in `out` and sends it `signal` once the server has answered ANSWERED_BEFORE_KILL more requests. */
async function runAndKill(out: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  answered.length = 0;
  isHolding = true;
  const args = ['-o', out, '-r', `mmlu:subject=anatomy,model=${MODEL}`, '--suite', 'e2e', '--local-path', join(out, 'prod_env'), '-m', '10', '-n', '2'];
  const child = spawn(process.execPath, [join(root, 'pipelines', 'run.js'), ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) =>
    child.on('close', (code, received) => resolve({ code, signal: received })));
  while (answered.length < ANSWERED_BEFORE_KILL) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 500)); // the answers' cache commit is a few milliseconds away
  child.kill(signal);
  const exit = await exited;
  isHolding = false;
  return { ...exit, stderr };
}

describe('kill -9 in the middle of a run, then the same command again', () => {
  it('leaves no file that looks complete', async () => {
    expect((await runAndKill(killed)).signal).toBe('SIGKILL');
    expect(answered).toHaveLength(ANSWERED_BEFORE_KILL);
    const files = readdirSync(join(killed, RUN_DIR));
    for (const complete of ['run_spec.json', 'scenario.json', 'scenario_state.json', 'per_instance_stats.json', 'stats.json']) {
      expect(files).not.toContain(complete);
    }
  });

  it('finishes with every request answered once by the server, and no leftovers', async () => {
    const run = await helmRun(killed, MODEL);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(answered).toHaveLength(10);
    expect(new Set(answered).size).toBe(10); // zero repeated model requests
    expect(readdirSync(join(killed, RUN_DIR)).filter((f) => f.endsWith('.tmp') || f === 'staging')).toEqual([]);
  });

  it('writes what an uninterrupted run writes, but for timing', async () => {
    const before = answered.length;
    const run = await helmRun(straight, MODEL);
    expect(run.status).toBe(0);
    expect(answered.length - before).toBe(10);
    for (const file of ['scenario_state.json', 'per_instance_stats.json', 'stats.json', 'run_spec.json', 'scenario.json']) {
      expect(withoutTiming(join(killed, RUN_DIR, file))).toBe(withoutTiming(join(straight, RUN_DIR, file)));
    }
    const counts = spawnSync(process.execPath, [join(root, 'pipelines', 'sql.js'), '--json', join(killed, 'runs', 'e2e', 'results.duckdb'),
      'SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM request_states) AS states'], { encoding: 'utf8' });
    expect(JSON.parse(counts.stdout)).toEqual({ runs: 1, states: 10 });
  });
});

describe('Ctrl-C in the middle of a run, then the same command again', () => {
  it('stops with exit code 130, says how to resume, leaves no complete-looking file, and the rerun repeats no request', async () => {
    const stopped = await runAndKill(interrupted, 'SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('Run the same command again to resume');
    const files = readdirSync(join(interrupted, RUN_DIR));
    expect(files.filter((f) => f.endsWith('.json') || f.endsWith('.tmp') || f === 'staging')).toEqual([]);
    const run = await helmRun(interrupted, MODEL);
    expect(run.status).toBe(0);
    expect(new Set(answered).size).toBe(answered.length);
    expect(answered).toHaveLength(10);
  });
});
