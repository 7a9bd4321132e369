/**
 * Helpers of the clients' end-to-end tests: HELM 0.5.16's golden MMLU anatomy run, `node pipelines/run.js` on it in
 * a child process, and the request states it wrote.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const golden = join(root, '..', 'shared', 'golden', 'helm-0.5.16', 'mmlu-anatomy');

/** The 10 prompts of HELM's own run, in its order. */
export const goldenPrompts: readonly string[] = (
  JSON.parse(readFileSync(join(golden, 'run', 'scenario_state.json'), 'utf8')) as { request_states: { request: { prompt: string } }[] }
).request_states.map((s) => s.request.prompt);

/** Copies the golden run's input (the downloaded dataset) into `work` and makes `work/prod_env`; returns its path. */
export function prepareGoldenWork(work: string): string {
  cpSync(join(golden, 'input'), work, { recursive: true });
  const local = join(work, 'prod_env');
  mkdirSync(local, { recursive: true });
  return local;
}

/**
 * `helm-run -r mmlu:subject=anatomy,model=<model> --suite e2e -m 10` with `work/prod_env` as the local path, in a
 * child process (asynchronously: a server in the test's process must keep answering).
 */
export function helmRun(work: string, model: string, env: NodeJS.ProcessEnv = process.env): Promise<{ status: number | null; stderr: string }> {
  const args = ['-o', work, '--run-entries', `mmlu:subject=anatomy,model=${model}`, '--suite', 'e2e', '--local-path', join(work, 'prod_env'), '-m', '10'];
  const child = spawn(process.execPath, [join(root, 'pipelines', 'run.js'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

/** A request state of scenario_state.json, as far as the tests read it. */
export type WrittenState = { request: { prompt: string }; result: { success: boolean; cached: boolean; completions: unknown[] } };

/** The request states `helmRun(work, model)` wrote; `runModel` is the model as the run directory names it (`/` → `_`). */
export const statesOf = (work: string, runModel: string): WrittenState[] =>
  (
    JSON.parse(
      readFileSync(join(work, 'runs', 'e2e', `mmlu:subject=anatomy,method=multiple_choice_joint,model=${runModel}`, 'scenario_state.json'), 'utf8'),
    ) as { request_states: WrittenState[] }
  ).request_states;
