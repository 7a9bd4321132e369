/**
 * One writer per run: identical helm-run commands started at once neither crash nor corrupt the run (each waits
 * for the one writing it), a process waiting on a run names its owner, and the lock of a killed owner is taken over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../sinks/duckdb/open-database.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const golden = join(root, '..', 'shared', 'golden', 'helm-0.5.16', 'mmlu-anatomy');
const RUN = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1';
const work = mkdtempSync(join(tmpdir(), 'helm-ownership-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function outputRoot(name: string): string {
  const out = join(work, name);
  cpSync(join(golden, 'input'), out, { recursive: true });
  return out;
}

interface Started {
  readonly child: ChildProcess;
  readonly exited: Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Resolves when stderr holds `text`. */
  said(text: string): Promise<string>;
}

function helmRun(out: string, env: NodeJS.ProcessEnv = process.env): Started {
  const args = ['-o', out, '-r', 'mmlu:subject=anatomy,model=simple/model1', '--suite', 'v1', '--local-path', join(out, 'prod_env'), '-m', '10'];
  const child = spawn(process.execPath, [join(root, 'pipelines', 'run.js'), ...args], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  return {
    child,
    exited: new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stderr }))),
    said: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!stderr.includes(text)) return;
          listeners.delete(check);
          resolve(stderr);
        };
        listeners.add(check);
        child.on('close', () => reject(new Error(`exited without saying '${text}': ${stderr}`)));
        check();
      }),
  };
}

async function runRow(out: string): Promise<number[]> {
  const db = await openDatabase(join(out, 'runs', 'v1', 'results.duckdb'), { readOnly: true });
  try {
    const rows = await (await db.connection.run('SELECT num_request_states::INTEGER, (SELECT count(*) FROM request_states)::INTEGER FROM runs')).getRows();
    return rows.flat().map(Number);
  } finally {
    db.close();
  }
}

describe('one writer per run', () => {
  it('three identical commands started at once all finish, one after the other, and leave one whole run', async () => {
    const out = outputRoot('three');
    const results = await Promise.all([helmRun(out), helmRun(out), helmRun(out)].map((run) => run.exited));
    for (const result of results) {
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/Error|ENOENT|malformed/);
    }
    const runDir = join(out, 'runs', 'v1', RUN);
    for (const file of ['scenario_state.json', 'per_instance_stats.json', 'stats.json', 'run_spec.json', 'scenario.json']) {
      expect(() => JSON.parse(readFileSync(join(runDir, file), 'utf8')), file).not.toThrow();
    }
    expect(readdirSync(runDir).filter((f) => f.endsWith('.tmp') || f.includes('lock') || f === 'staging')).toEqual([]);
    expect(await runRow(out)).toEqual([10, 10]);
  }, 180_000);

  it('a second process waits behind the owner, naming it, and takes the run over once the owner is killed', async () => {
    const out = outputRoot('owner');
    const owner = helmRun(out, { ...process.env, HELM_PAUSE_AT: 'run-locked' });
    await owner.said('paused at run-locked');
    const waiter = helmRun(out);
    const said = await waiter.said('is being written by process');
    expect(said).toContain(`process ${owner.child.pid} on `);
    expect(said).toContain('helm-run.lock');
    owner.child.kill('SIGKILL');
    expect((await owner.exited).signal).toBe('SIGKILL');
    const result = await waiter.exited;
    expect(result.status, result.stderr).toBe(0);
    expect(await runRow(out)).toEqual([10, 10]);
    expect(existsSync(join(out, 'runs', 'v1', RUN, 'helm-run.lock'))).toBe(false);
  }, 180_000);
});
