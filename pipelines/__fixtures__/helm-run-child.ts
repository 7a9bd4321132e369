/**
 * Helpers of the end-to-end tests that start helm-run on HELM's golden MMLU input and watch it as it goes: what it
 * says on stderr (events, no polling), how it ends, and the `runs` rows of its suite database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../sinks/duckdb/open-database.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const golden = join(root, '..', 'shared', 'golden', 'helm-0.5.16', 'mmlu-anatomy');

/** The run directory name of `mmlu:subject=anatomy,model=simple/model1`. */
export const MMLU_RUN = 'mmlu:subject=anatomy,method=multiple_choice_joint,model=simple_model1';

/**
 * A fresh output root at `out` holding the golden MMLU anatomy CSVs in HELM's cache layout; returns `out`. Its
 * directories are made writable: they are copied with the modes of ../shared (r-x), which would bind a test run by a
 * user other than root (helm-run could not create `runs/`, nor rmSync clean up).
 */
export function goldenOutputRoot(out: string): string {
  cpSync(join(golden, 'input'), out, { recursive: true });
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) chmodSync(join(entry.parentPath, entry.name), 0o755);
  }
  chmodSync(out, 0o755);
  return out;
}

/** A helm-run child process. */
export interface HelmRunChild {
  readonly child: ChildProcess;
  readonly exited: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** Resolves with stderr so far once it holds `text`; rejects if the process ends first. */
  said(text: string): Promise<string>;
}

/** Starts `node pipelines/run.js <args>` from the project root. */
export function startHelmRun(args: readonly string[], env: NodeJS.ProcessEnv = process.env): HelmRunChild {
  const child = spawn(process.execPath, [join(root, 'pipelines', 'run.js'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return {
    child,
    exited,
    said: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!stderr.includes(text)) return;
          listeners.delete(check);
          resolve(stderr);
        };
        listeners.add(check);
        void exited.then(() => reject(new Error(`helm-run ended without saying '${text}': ${stderr}`)));
        check();
      }),
  };
}

/** `num_request_states` of each `runs` row of the suite database and its request-state rows in all. */
export async function suiteDatabaseRuns(dbPath: string): Promise<{ runs: number[]; requestStates: number }> {
  const db = await openDatabase(dbPath, { readOnly: true });
  try {
    const read = async (sql: string) => (await (await db.connection.run(sql)).getRows()).flat().map(Number);
    return {
      runs: await read('SELECT num_request_states FROM runs ORDER BY run_name'),
      requestStates: (await read('SELECT count(*) FROM request_states'))[0]!,
    };
  } finally {
    db.close();
  }
}
