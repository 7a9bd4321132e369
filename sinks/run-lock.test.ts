import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireRunLock, ownerState, runLockPath, type RunLockOwner } from './run-lock.ts';

const work = mkdtempSync(join(tmpdir(), 'run-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let dirs = 0;
const freshDir = (): string => mkdtempSync(join(work, `run${dirs++}-`));

const ownerFile = (owner: Partial<RunLockOwner>): string =>
  JSON.stringify({ host: hostname(), started_at: '2026-12-07T00:00:00.000Z', command: 'helm-run …', token: 'theirs', ...owner });

/** A live process of our host that is not this one, and a way to end it. */
function otherProcess(): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return { child, exited: new Promise((resolve) => child.on('exit', () => resolve())) };
}

describe('acquireRunLock', () => {
  it('writes a lock naming this process and host, and removes it on release', async () => {
    const dir = freshDir();
    const lock = await acquireRunLock(dir);
    const owner = JSON.parse(readFileSync(runLockPath(dir), 'utf8')) as RunLockOwner;
    expect(owner.pid).toBe(process.pid);
    expect(owner.host).toBe(hostname());
    expect(ownerState(owner)).toBe('alive');
    await lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('waits while a live process holds the run, naming it, and takes the lock once that process is gone', async () => {
    const dir = freshDir();
    const { child, exited } = otherProcess();
    writeFileSync(runLockPath(dir), ownerFile({ pid: child.pid! }));
    const waitedFor: number[] = [];
    const acquiring = acquireRunLock(dir, {
      pollMs: 20,
      onWait: (owner) => {
        waitedFor.push(owner.pid);
        child.kill('SIGKILL'); // the owner dies while we wait
      },
    });
    await exited;
    const lock = await acquiring;
    expect(waitedFor).toEqual([child.pid]);
    expect((JSON.parse(readFileSync(runLockPath(dir), 'utf8')) as RunLockOwner).pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over at once a lock whose process is dead, or that is garbled', async () => {
    for (const text of [ownerFile({ pid: 2 ** 22 + 12345 }), '{"pid": 1, "ho', '']) {
      const dir = freshDir();
      writeFileSync(runLockPath(dir), text);
      const takenOver: (number | undefined)[] = [];
      const lock = await acquireRunLock(dir, { onTakeOver: (owner) => takenOver.push(owner?.pid), onWait: () => expect.fail('waited') });
      expect(takenOver).toHaveLength(1);
      expect(readdirSync(dir)).toEqual(['helm-run.lock']); // no leftovers of the takeover
      await lock.release();
    }
  });

  it('stops waiting when its signal aborts', async () => {
    const dir = freshDir();
    const { child, exited } = otherProcess();
    writeFileSync(runLockPath(dir), ownerFile({ pid: child.pid! }));
    const abort = new AbortController();
    const acquiring = acquireRunLock(dir, { signal: abort.signal, onWait: () => abort.abort(new Error('Ctrl-C')) });
    await expect(acquiring).rejects.toThrow('Ctrl-C');
    expect((JSON.parse(readFileSync(runLockPath(dir), 'utf8')) as RunLockOwner).pid).toBe(child.pid); // not touched
    child.kill('SIGKILL');
    await exited;
  });

  it('counts an owner on another host as unknown (never taken over) and a reused pid as dead', () => {
    expect(ownerState({ pid: process.pid, host: `not-${hostname()}`, started_at: '', command: '', token: '' })).toBe('unknown');
    const reused = { pid: process.pid, host: hostname(), started_at: '', process_start: '1', command: '', token: '' };
    expect(ownerState(reused)).toBe(existsSync('/proc/self/stat') ? 'dead' : 'alive');
  });

  it('a release leaves a lock that is no longer ours in place', async () => {
    const dir = freshDir();
    const lock = await acquireRunLock(dir);
    writeFileSync(runLockPath(dir), ownerFile({ pid: process.pid, token: 'someone else' }));
    await lock.release();
    expect(existsSync(runLockPath(dir))).toBe(true);
  });
});
