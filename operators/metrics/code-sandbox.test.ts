import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pyFloat } from '../../core/py-float.ts';
import { jobJson, probeSandboxTools, runSandboxed, sandboxCommand, type CodeJob, type SandboxTools } from './code-sandbox.ts';

const fixtures = fileURLToPath(new URL('__fixtures__', import.meta.url));
/** HELM 0.5.16's verdicts on programs written for this test (`__fixtures__/make-code-harness-vectors.py`). */
const vectors = JSON.parse(readFileSync(join(fixtures, 'code-harness-vectors.json'), 'utf8')) as {
  apps: { problem: string; code: string; timeout: number | string; timeout_is_float: boolean; scores: number[] }[];
  humaneval_problem: Record<string, unknown>;
  humaneval: { completion: string; passed: boolean }[];
};
const FAILED_RUN = Array.from({ length: 21 }, () => 0);
const ADD = vectors.humaneval_problem;

let tools: SandboxTools;
const work = mkdtempSync(join(tmpdir(), 'code-sandbox-test-'));
const sandboxDirs = mkdtempSync(join(tmpdir(), 'code-sandbox-dirs-'));
beforeAll(() => {
  tools = probeSandboxTools();
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(sandboxDirs, { recursive: true, force: true });
});

const humanEval = (completion: string, memoryBytes?: number) =>
  runSandboxed({ kind: 'humaneval', problem: ADD, completion, timeoutSeconds: 3 }, { tools, tmpDir: sandboxDirs, ...(memoryBytes === undefined ? {} : { memoryBytes }) });
const apps = (problem: string, code: string, timeout: unknown = 3) =>
  runSandboxed({ kind: 'apps', root: join(fixtures, 'apps-problems', problem), code, timeout }, { tools, tmpDir: sandboxDirs });

// Each test starts a Python process (about a second on a loaded machine); the wall-clock test waits 6 s.
describe.concurrent('the sandbox judges programs as HELM 0.5.16 does', { timeout: 30_000 }, () => {
  it.each(vectors.apps.map((v) => [v.problem, v.code, v.timeout, v] as const))('APPS %s: %j (timeout %j)', async (_problem, code, _timeout, vector) => {
    const timeout = vector.timeout_is_float ? pyFloat(vector.timeout as number) : vector.timeout;
    const { answer } = await apps(vector.problem, code, timeout);
    expect((answer?.['scores'] as number[] | undefined) ?? FAILED_RUN).toEqual(vector.scores);
  });

  it.each(vectors.humaneval.map((v) => [v.completion, v.passed] as const))('HumanEval add: %j passes: %s', async (completion, passed) => {
    const { answer } = await humanEval(completion);
    expect(answer?.['passed'] === true).toBe(passed);
  });
});

describe.concurrent('the sandbox stops what a program must not do, and scores it a failure', { timeout: 30_000 }, () => {
  it('a loop that ignores the alarm is killed at the wall-clock limit (HumanEval: 3 s + 1 s + start-up)', async () => {
    const outcome = await humanEval('import signal\n    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n    while True:\n        pass');
    expect(outcome.ending).toBe('timed_out');
    expect(outcome.answer).toBeUndefined();
  });

  it('allocating without bound meets the address-space limit', async () => {
    // numpy's empty arrays reserve address space without touching it, so the loop is quick; its MemoryError names
    // the size refused, well below what this machine could give: the 512 MiB limit stopped it.
    const grow = 'import numpy as np\n    xs, n = [], 2**20\n    while True:\n        n *= 2\n        xs.append(np.empty(n, dtype=np.uint8))';
    const outcome = await humanEval(grow, 512 * 1024 ** 2);
    expect(outcome.answer?.['passed']).toBe(false);
    expect(outcome.answer?.['result']).toMatch(/^failed: Unable to allocate (128|256|512)\. MiB for an array/);
  });

  it('writing, or removing, outside its directory is refused (and nothing is written)', async () => {
    const outside = join(work, 'written-by-the-program.txt');
    const write = await humanEval(`open(${JSON.stringify(outside)}, 'w').write('x')\n    return a + b`);
    expect(write.answer?.['result']).toBe(`failed: the code sandbox refuses writing '${outside}' outside its folder`);
    // (HELM's run_test gives APPS programs a mock of builtins.open; io.open is the real one)
    const viaApps = await apps('one', `import io\nio.open(${JSON.stringify(outside)}, 'a').write('x')\nprint(1)`);
    expect(viaApps.answer?.['scores']).toEqual([0]); // the runtime error of HELM's run_test (-1)
    const remove = await apps('one', `import os\nos.remove(${JSON.stringify(join(fixtures, 'code-harness-vectors.json'))})\nprint(1)`);
    expect(remove.answer?.['scores']).toEqual([0]);
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(join(fixtures, 'code-harness-vectors.json'))).toBe(true);
  });

  it('writing inside its own directory is allowed, and the directory is gone afterwards', async () => {
    const outcome = await humanEval("open('scratch.txt', 'w').write('x')\n    return a + b");
    expect(outcome.answer?.['passed']).toBe(true);
    const left = readdirSync(sandboxDirs);
    expect(left.every((name) => !existsSync(join(sandboxDirs, name, 'scratch.txt')))).toBe(true);
  });

  it('opening a socket is refused: the server on 127.0.0.1 sees no connection', async () => {
    let connections = 0;
    const server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const outcome = await humanEval(`import socket\n    socket.create_connection(('127.0.0.1', ${port}), timeout=1)\n    return a + b`);
      expect(outcome.answer?.['passed']).toBe(false);
      expect(String(outcome.answer?.['result'])).toContain('the code sandbox refuses socket.');
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('starting a process is refused (APPS programs too, which HELM does not guard)', async () => {
    const marker = join(work, 'made-by-a-subprocess');
    const outcome = await apps('one', `import subprocess\nsubprocess.run(['touch', ${JSON.stringify(marker)}])\nprint(1)`);
    expect(outcome.answer?.['scores']).toEqual([0]);
    expect(existsSync(marker)).toBe(false);
  });

  it('gives the program none of our environment (no credentials)', async () => {
    vi.stubEnv('HELM_SANDBOX_TEST_SECRET', 'sk-do-not-leak');
    try {
      const outcome = await humanEval("import os\n    return a + b if 'HELM_SANDBOX_TEST_SECRET' not in os.environ else 0");
      expect(outcome.answer?.['passed']).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the sandbox command', { timeout: 30_000 }, () => {
  const job: CodeJob = { kind: 'apps', root: '/p', code: 'print(1)', timeout: 3 };

  it('limits CPU time, address space, file size and core dumps, without a network where unshare works', () => {
    const command = sandboxCommand(job, {}, { python: '/usr/bin/python3', hasPrlimit: true, hasNetworkNamespace: true });
    expect(command.slice(0, 8)).toEqual(['unshare', '-rn', 'prlimit', '--as=4294967296', '--cpu=14', '--fsize=67108864', '--core=0', '--']);
    expect(command.slice(8, 10)).toEqual(['/usr/bin/python3', '-B']);
    const fallback = sandboxCommand(job, { memoryBytes: 1024 ** 3 }, { python: 'python3', hasPrlimit: false, hasNetworkNamespace: false });
    expect(fallback.slice(0, 3)).toEqual(['sh', '-c', 'ulimit -v 1048576 -t 14 -c 0 && exec "$@"']);
  });

  it('refuses an interpreter that does not run or has no numpy, naming CODE_SANDBOX_PYTHON', () => {
    expect(() => probeSandboxTools({ python: join(work, 'no-such-python') })).toThrow(
      /^The code metrics run each program with Python 3 and numpy, as HELM does, but `.*no-such-python -c "import numpy"` failed \(spawnSync .*no-such-python ENOENT\)\. Install numpy for that interpreter, or set CODE_SANDBOX_PYTHON to one that has it\.$/,
    );
  });

  it('keeps a float timeout a float for Python (HELM then fails every test, as signal.alarm wants an int)', () => {
    expect(JSON.parse(jobJson({ ...job, timeout: pyFloat(3) }))).toMatchObject({ timeout: 3, timeout_is_float: true });
    expect(JSON.parse(jobJson(job))).toMatchObject({ timeout: 3, timeout_is_float: false });
  });

  it('runs synchronously too (sandboxCodeRunner, as the metrics call it), here in a child process', async () => {
    const script = `
      import { sandboxCodeRunner } from ${JSON.stringify(fileURLToPath(new URL('code-eval.ts', import.meta.url)))};
      const run = sandboxCodeRunner();
      const problem = ${JSON.stringify(ADD)};
      process.stdout.write(JSON.stringify([run({ kind: 'humaneval', problem, completion: 'return a + b', timeoutSeconds: 3 }).answer,
        run({ kind: 'humaneval', problem, completion: 'return 0', timeoutSeconds: 3 }).answer]));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    await new Promise((resolve) => child.on('close', resolve));
    expect(JSON.parse(out)).toEqual([
      { passed: true, result: 'passed' },
      { passed: false, result: 'failed: ' },
    ]);
  });
});
