/**
 * Many runs: helm-run processes started at the same time on one suite (one output root, one request cache) neither
 * corrupt nor block each other, and the suite's DuckDB database covers all of their runs afterwards; a conf of two
 * dozen entries runs in one process.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeProcess } from './__fixtures__/when-ready.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const golden = join(root, '..', 'shared', 'golden', 'helm-0.5.16', 'mmlu-anatomy');
const work = mkdtempSync(join(tmpdir(), 'helm-concurrent-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const out = join(work, 'out');
cpSync(join(golden, 'input'), out, { recursive: true });
cpSync(join(root, 'pipelines', '__fixtures__', 'scenarios'), join(out, 'scenarios'), { recursive: true });
// Each test has its own suite (one database), so that each passes alone and in any order.
const suiteDir = (suite: string): string => join(out, 'runs', suite);

function helmRun(suite: string, args: string[]): Promise<{ status: number | null; stderr: string }> {
  const all = ['-o', out, '--suite', suite, '--local-path', join(work, 'prod_env'), ...args];
  const child = spawn(process.execPath, [join(root, 'pipelines', 'run.js'), ...all], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

async function sql(suite: string, query: string): Promise<Record<string, unknown>[]> {
  const result = await nodeProcess([join(root, 'pipelines', 'sql.js'), '--json', join(suiteDir(suite), 'results.duckdb'), query], root);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

const requestStatesIn = (suite: string, runName: string): number =>
  (JSON.parse(readFileSync(join(suiteDir(suite), runName, 'scenario_state.json'), 'utf8')) as { request_states: unknown[] }).request_states.length;

describe('helm-run processes of one suite started at the same time', () => {
  const runs = {
    'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1': ['-r', 'mmlu:subject=anatomy,model=simple/model1', '-m', '10'],
    'simple_mcqa:model=simple_model1,data_augmentation=robustness': ['-r', 'simple_mcqa:model=simple/model1,data_augmentation=robustness', '-m', '20'],
    'boolq:model=simple_model1': ['-r', 'boolq:model=simple/model1', '-m', '8'],
    'gsm:model=simple_model1': ['-r', 'gsm:model=simple/model1', '-m', '6'],
  };

  it('all finish, each with its five files, and the suite database holds every run and all its request states', async () => {
    const results = await Promise.all(Object.values(runs).map((args) => helmRun('many', args)));
    for (const result of results) {
      expect(result.stderr).not.toMatch(/Error/);
      expect(result.status).toBe(0);
    }
    for (const name of Object.keys(runs)) {
      for (const file of ['run_spec.json', 'scenario.json', 'scenario_state.json', 'stats.json', 'per_instance_stats.json']) {
        expect(existsSync(join(suiteDir('many'), name, file))).toBe(true);
      }
    }
    const loaded = await sql('many', 'SELECT r.run_name, r.num_request_states, (SELECT count(*) FROM request_states s WHERE s.run_name = r.run_name) AS rows FROM runs r ORDER BY 1');
    expect(loaded.map((row) => row['run_name'])).toEqual(Object.keys(runs).sort());
    for (const row of loaded) {
      const expected = requestStatesIn('many', row['run_name'] as string);
      expect(row['rows']).toBe(expected);
      expect(row['num_request_states']).toBe(expected);
    }
  }, 120_000);

  it('a conf of 24 entries runs in one process, all 24 in the suite database', async () => {
    // max_eval_instances is part of a run's name, so 24 values make 24 distinct runs.
    const entries = Array.from({ length: 24 }, (_, i) => `  {description: "simple_mcqa:model=simple/model1,max_eval_instances=${i + 1}", priority: 1}`);
    const conf = join(work, 'many.conf');
    writeFileSync(conf, `entries: [\n${entries.join('\n')}\n]\n`);
    const result = await helmRun('conf', ['-c', conf, '-m', '5']);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    const [loaded] = await sql('conf', "SELECT count(*) AS runs, sum(num_request_states) AS states FROM runs WHERE run_name LIKE 'simple_mcqa:model=simple_model1,max_eval_instances=%'");
    expect(loaded).toEqual({ runs: 24, states: (24 * 25) / 2 });
  }, 120_000);
});
