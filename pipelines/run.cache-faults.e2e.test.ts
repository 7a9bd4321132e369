/**
 * End-to-end: helm-run on HELM's golden MMLU input when its request cache is damaged (cut in half, garbled,
 * zero-length), when the disk under it fills up (`ulimit -f`, no root needed), and when `--local-path` is read-only
 * (run as `nobody` when the tests run as root, for whom mode bits do not hold). Issue 12, parts 3 and 4.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { open } from 'lmdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutInHalf, garble } from '../operators/request/__fixtures__/cache-files.ts';
import { makeReadOnly, openToUnprivileged, unprivilegedSpawn } from '../operators/request/__fixtures__/unprivileged.ts';
import { lmdbRequestCache } from '../operators/request/request-cache.ts';
import { goldenOutputRoot, MMLU_RUN } from './__fixtures__/helm-run-child.ts';

const RUN_JS = fileURLToPath(new URL('./run.js', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'helm-cache-faults-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Ended {
  readonly status: number | null;
  readonly stderr: string;
}

/** `helm-run -r mmlu:subject=anatomy,model=simple/model1 --suite <suite> -m <max>` on `out`, its cache under `out/prod_env`. */
function helmRun(out: string, suite: string, options: { max?: number; fileLimitKb?: number; spawn?: SpawnOptions; extra?: string[] } = {}): Promise<Ended> {
  const args = [RUN_JS, '-o', out, '-r', 'mmlu:subject=anatomy,model=simple/model1', '--suite', suite, '--local-path', join(out, 'prod_env'), '-m', `${options.max ?? 10}`, ...(options.extra ?? [])];
  // `ulimit -f`: the kernel refuses to grow any file past the limit, as a full disk does (Node ignores SIGXFSZ).
  const [command, argv] =
    options.fileLimitKb === undefined
      ? [process.execPath, args]
      : ['bash', ['-c', `ulimit -f ${options.fileLimitKb} && exec "$0" "$@"`, process.execPath, ...args]];
  const child = spawn(command, argv, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], ...options.spawn });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** Whether each of the run's request states was answered from the cache. */
const cachedFlags = (out: string, suite: string): boolean[] =>
  (JSON.parse(readFileSync(join(out, 'runs', suite, MMLU_RUN, 'scenario_state.json'), 'utf8')) as { request_states: { result: { cached: boolean } }[] }).request_states.map(
    (s) => s.result.cached,
  );

const cacheFile = (out: string) => join(out, 'prod_env', 'cache', 'simple.lmdb');
const ANSWERS_SENT_AGAIN = 'The run goes on with a fresh cache: those requests are sent again as they come up.';

describe('helm-run with a damaged request cache', () => {
  const answered = join(work, 'answered');
  beforeAll(async () => {
    goldenOutputRoot(answered);
    const first = await helmRun(answered, 'first');
    expect(first.status, first.stderr).toBe(0); // 10 answers in the cache
  });
  /** A copy of the answered output root, its cache damaged by `damage`. */
  const damagedCopy = (name: string, damage: (path: string) => void): string => {
    const out = join(work, name);
    cpSync(answered, out, { recursive: true });
    damage(cacheFile(out));
    return out;
  };

  it('cut in half: moves it aside with its lock, says it held 10 answers, and asks them again', async () => {
    const out = damagedCopy('cut', cutInHalf);
    const run = await helmRun(out, 'again');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `The request cache file ${cacheFile(out)} is damaged \\(reading it crashed the reader with SIGBUS; the file is [\\d,]+ bytes, its pages need [\\d,]+\\)\\. ` +
          'Moved it aside as simple\\.lmdb\\.corrupt-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ, with its lock file\\. It held 10 answers, set aside with it\\. ',
      ),
    );
    expect(run.stderr).toContain(ANSWERS_SENT_AGAIN);
    expect(cachedFlags(out, 'again')).toEqual(new Array(10).fill(false));
    const names = readdirSync(join(out, 'prod_env', 'cache'));
    const aside = names.find((n) => n.startsWith('simple.lmdb.corrupt-') && !n.endsWith('-lock'));
    expect(names).toContain(`${aside}-lock`);
    // The fresh cache holds the answers asked again: a third run sends nothing.
    const third = await helmRun(out, 'third');
    expect(third.status, third.stderr).toBe(0);
    expect(cachedFlags(out, 'third')).toEqual(new Array(10).fill(true));
  });

  it('garbled past its meta pages: set aside, its 10 answers counted, the run goes on', async () => {
    const out = damagedCopy('garbled', (path) => garble(path, 2 * 4096, statSync(path).size));
    const run = await helmRun(out, 'again');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`The request cache file ${cacheFile(out)} is damaged \\(.+\\)\\. Moved it aside as .+ It held 10 answers, set aside with it\\. `));
    expect(cachedFlags(out, 'again')).toEqual(new Array(10).fill(false));
  });

  it('garbled over its meta pages: set aside, saying its answers could not be counted', async () => {
    const out = damagedCopy('garbled-meta', (path) => garble(path, 0, 2 * 4096));
    const run = await helmRun(out, 'again');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('How many answers it held could not be counted (its meta pages are unreadable).');
    expect(cachedFlags(out, 'again')).toEqual(new Array(10).fill(false));
  });

  it('zero-length: says it is empty and starts it afresh', async () => {
    const out = damagedCopy('zero', (path) => truncateSync(path, 0));
    const run = await helmRun(out, 'again');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`The request cache file ${cacheFile(out)} is empty (0 bytes, no answers in it): it starts afresh.`);
    expect(cachedFlags(out, 'again')).toEqual(new Array(10).fill(false));
  });
});

/**
 * Fills the cache of `out` with unrelated answers of random bytes (so that it is larger than any other file of the
 * run), then compacts it: no free page left, so the run's first commit must grow the file.
 */
async function bulkUpAndCompact(out: string): Promise<number> {
  const directory = join(out, 'prod_env', 'cache');
  const cache = lmdbRequestCache(directory);
  for (let i = 0; i < 3000; i++) await cache.put('simple', { filler: i }, { text: randomBytes(4096).toString('base64') });
  await cache.close();
  const path = join(directory, 'simple.lmdb');
  const store = open({ path, compression: true, remapChunks: true });
  await store.backup(`${path}.compact`, true);
  await store.close();
  renameSync(`${path}.compact`, path);
  rmSync(`${path}-lock`);
  rmSync(`${path}-checked`);
  return statSync(path).size;
}

describe('helm-run when the disk under the request cache fills up', () => {
  it('stops with a clear message, exit 1 and no stack; the answers received before are kept and a rerun resumes', async () => {
    const out = goldenOutputRoot(join(work, 'full'));
    const five = await helmRun(out, 'five', { max: 5 });
    expect(five.status, five.stderr).toBe(0); // 5 answers in the cache
    const bytes = await bulkUpAndCompact(out);
    expect(bytes).toBeGreaterThan(8 << 20); // larger than the run's other files (its DuckDB is about 1.3 MB)
    // 2 KB of room: the first commit is cut short, as on a disk with a few blocks left.
    const full = await helmRun(out, 'ten', { fileLimitKb: bytes / 1024 + 2 });
    expect(full.status, full.stderr).toBe(1);
    expect(full.stderr).toMatch(
      new RegExp(
        `Run ${MMLU_RUN} failed: The request cache in ${join(out, 'prod_env', 'cache')} could not be written: the disk is full, or a quota or file ` +
          'size limit \\(ulimit -f\\) is reached \\([\\d.]+ \\w+ free there; files limited to [\\d.]+ MB by ulimit -f; LMDB: Input/output error\\)\\. ' +
          'The answers received before this are kept in the cache: free some space \\(or raise the limit\\) and run the same command again to resume\\.\\n',
      ),
    );
    expect(full.stderr).not.toContain('Commit failed');
    expect(full.stderr).not.toMatch(/^\s+at /m); // no stack trace
    const resumed = await helmRun(out, 'ten');
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(cachedFlags(out, 'ten').filter(Boolean)).toHaveLength(5);
  });
});

describe('helm-run with a read-only --local-path', () => {
  it('stops at once with exit 2, naming the cache directory and what to do instead; --disable-cache runs', async () => {
    openToUnprivileged(work);
    const out = goldenOutputRoot(join(work, 'read-only'));
    openToUnprivileged(out);
    mkdirSync(join(out, 'prod_env'));
    makeReadOnly(join(out, 'prod_env'));
    const run = await helmRun(out, 'ro', { spawn: unprivilegedSpawn() });
    expect(run.stderr.trim()).toBe(
      `helm-run: The request cache directory ${join(out, 'prod_env', 'cache')} cannot be created (EACCES). ` +
        'Give another --local-path, or run with --disable-cache (then no answer is kept for a rerun).',
    );
    expect(run.status, run.stderr).toBe(2);
    const uncached = await helmRun(out, 'ro', { spawn: unprivilegedSpawn(), extra: ['--disable-cache'] });
    expect(uncached.status, uncached.stderr).toBe(0);
    expect(cachedFlags(out, 'ro')).toEqual(new Array(10).fill(false));
  });
});
