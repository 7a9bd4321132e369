import { defineConfig } from 'vitest/config';

/*
 * Load-proofing (issue 12, part 6). `npm test` once exited 1 with every test passed:
 * `[vitest-worker]: Timeout calling "onTaskUpdate"`. The cause, in vitest 3.2.7's own code: the worker reports test
 * progress to the main process over birpc (dist/chunks/rpc.*.js, index.*.js), and every such call starts a
 * *real* 60 s timer (birpc's DEFAULT_TIMEOUT; vitest passes no `timeout`, and no config option sets it). The reply
 * arrives in milliseconds, but the worker reads it only when its event loop turns, and a synchronous test does not
 * let it turn: the runner goes from one test to the next on microtasks alone. When the loop finally turns, Node runs
 * expired timers before it reads the pipe, so once a file's synchronous work since the last turn adds up to 60 s
 * (spawnSync of helm-run in several tests, each well under testTimeout), the timer rejects first — an unhandled
 * error, exit 1, all tests green. run.e2e.test.ts and run.interrupt.test.ts chained spawnSync calls of helm-run;
 * a loaded 2-core machine stretched such a chain past 60 s. Reproduced outside this suite: a file of three tests of
 * `spawnSync('sleep', ['35'])` (or 3 × 25 s) passes every test, and vitest exits 1 with exactly that error.
 * So the fix is in the tests, not in a setting: no test blocks its worker's event loop for long. Child processes
 * (helm-run, helm-sql) are spawned asynchronously and awaited; waits are on events. Keep it so in new tests.
 * The settings below only keep the rest of the runner's timing from turning load into failures:
 */
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'benchmark_output/**'],
    // Child processes, not worker threads: each test file runs in its own process (the native modules DuckDB, LMDB
    // and llama.cpp load per file, process.chdir works), and one that will not stop is killed (tinypool sends
    // SIGKILL 1 s after SIGTERM). vitest 3's default, named here so that it does not change under us. Workers:
    // vitest's default, one fewer than the CPUs (1 on 2 cores), so the e2e files' helm-run children keep a core.
    pool: 'forks',
    // A test waits for real work (a helm-run child process, a DuckDB load): 60 s leaves a loaded machine room.
    testTimeout: 60_000,
    // Hooks start servers and, in the end-to-end files, make the run each test reads (beforeAll): the same room
    // as a test, instead of vitest's 10 s.
    hookTimeout: 60_000,
    // Waiting for workers to close at the end; past it vitest only warns and exits, so more room costs nothing.
    teardownTimeout: 30_000,
  },
});
