/** Helpers of the end-to-end tests that wait on a helm-run child process: events, never a polling loop or a sleep. */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';

/**
 * Resolves once `ready()` holds: checked now and on every change of a file under `dir` (inotify events). Rejects if
 * `child` (when given) exits first, so a run that dies early fails the test at once instead of at its timeout.
 */
export function whenReady(dir: string, ready: () => boolean, child?: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const holds = (): boolean => {
      try {
        return ready();
      } catch {
        return false; // a file read while it is renamed or half written: the next event tells
      }
    };
    const exited = (code: number | null, signal: NodeJS.Signals | null): void =>
      done(new Error(`the child process exited (${code ?? signal}) before the awaited moment`));
    const watcher = watch(dir, { recursive: true }, () => {
      if (holds()) done();
    });
    function done(error?: Error): void {
      watcher.close();
      child?.off('exit', exited);
      if (error === undefined) resolve();
      else reject(error);
    }
    watcher.on('error', (error) => done(error));
    child?.on('exit', exited);
    if (holds()) done();
  });
}

/** What a finished child process returned. */
export interface Finished {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `<command> <args>` from `cwd`, awaited asynchronously. Never spawnSync in a test: a synchronous child blocks the test
 * worker's event loop, and vitest fails a file whose worker stays blocked for 60 s (see vitest.config.ts).
 */
export function childProcess(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Finished> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `node <args>` from `cwd`, awaited asynchronously (see `childProcess`). */
export const nodeProcess = (args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Finished> =>
  childProcess(process.execPath, args, cwd, env);
