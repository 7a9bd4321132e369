/**
 * @module One writer per run directory: a lock file naming its owner (process, host, start) that a second
 * helm-run on the same run waits behind. A lock whose process is gone (kill -9, a crash, a reboot) is taken over.
 * Different runs have different locks, so the runs of one suite still go in parallel.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { firstValueFrom, fromEvent, race, timer } from 'rxjs';

/** Who holds a run: written into the lock file as JSON. */
export interface RunLockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started_at: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid from the owner. */
  readonly process_start?: string;
  readonly command: string;
  /** Unique per acquisition: only the holder removes the file. */
  readonly token: string;
}

/** A held lock. */
export interface RunLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

export interface AcquireRunLockOptions {
  /** Aborting stops the wait: `acquireRunLock` then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called once, when the lock is found held by a live process. */
  readonly onWait?: (owner: RunLockOwner, lockPath: string) => void;
  /** Called when a lock of a dead process is taken over. */
  readonly onTakeOver?: (owner: RunLockOwner | undefined, lockPath: string) => void;
  /** Between looks at a held lock (default 250 ms). */
  readonly pollMs?: number;
}

/** The lock file of a run directory. */
export const runLockPath = (runDir: string): string => `${runDir}/helm-run.lock`;

/** Field 22 of /proc/<pid>/stat (start time), or undefined where /proc is not there. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined; // no /proc (macOS) or no such process: the pid check decides
  }
}

/** 'alive', 'dead', or 'unknown' for an owner on another host. */
export function ownerState(owner: RunLockOwner): 'alive' | 'dead' | 'unknown' {
  if (owner.host !== hostname()) return 'unknown';
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'dead';
  }
  const start = processStart(owner.pid);
  if (owner.process_start !== undefined && start !== undefined && start !== owner.process_start) return 'dead';
  return 'alive';
}

const parseOwner = (text: string): RunLockOwner | undefined => {
  try {
    const owner = JSON.parse(text) as Partial<RunLockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string'
      ? (owner as RunLockOwner)
      : undefined;
  } catch {
    return undefined; // not ours, or garbled: treated as a lock of nobody
  }
};

const readIfExists = async (path: string): Promise<string | undefined> => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** Moves a stale lock out of the way, unless it changed since it was read (then the new one is put back). */
async function takeOver(path: string, staleText: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // another waiter took it over first
    throw error;
  }
  const moved = await readFile(aside, 'utf8');
  if (moved !== staleText) await link(aside, path).catch(() => undefined); // a live owner's fresh lock: restore it
  await unlink(aside);
}

/** Creates the lock file whole in one step (hard link of a finished file), or returns false if it exists. */
async function tryCreate(path: string, text: string): Promise<boolean> {
  const draft = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(draft, text);
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(draft);
  }
}

/**
 * Takes the lock of `runDir` (created if missing), waiting while a live process holds it.
 * @example const lock = await acquireRunLock(runDir, { onWait: (o) => console.warn(`held by ${o.pid}`) }); try { … } finally { await lock.release(); }
 */
export async function acquireRunLock(runDir: string, options: AcquireRunLockOptions = {}): Promise<RunLock> {
  const path = runLockPath(runDir);
  const start = processStart(process.pid);
  const owner: RunLockOwner = {
    pid: process.pid,
    host: hostname(),
    started_at: new Date().toISOString(),
    ...(start === undefined ? {} : { process_start: start }),
    command: process.argv.slice(1).join(' '),
    token: randomBytes(8).toString('hex'),
  };
  const text = `${JSON.stringify(owner, null, 2)}\n`;
  let hasSaidWaiting = false;
  for (;;) {
    options.signal?.throwIfAborted();
    await mkdir(runDir, { recursive: true }); // a run that failed before writing removes its empty folder
    if (await tryCreate(path, text)) break;
    const heldText = await readIfExists(path);
    if (heldText === undefined) continue; // released meanwhile
    const holder = parseOwner(heldText);
    const state = holder === undefined ? 'dead' : ownerState(holder);
    if (state === 'dead') {
      options.onTakeOver?.(holder, path);
      await takeOver(path, heldText);
      continue;
    }
    if (holder!.token !== owner.token && holder!.pid === process.pid && holder!.host === owner.host) {
      throw new Error(`${path} is held by this very process: one run must not be run twice at once`);
    }
    if (!hasSaidWaiting) options.onWait?.(holder!, path);
    hasSaidWaiting = true;
    const abort$ = options.signal === undefined ? [] : [fromEvent(options.signal, 'abort')];
    await firstValueFrom(race(timer(options.pollMs ?? 250), ...abort$));
  }
  return {
    path,
    async release() {
      const held = await readIfExists(path);
      if (held !== undefined && parseOwner(held)?.token === owner.token) await unlink(path);
    },
  };
}
