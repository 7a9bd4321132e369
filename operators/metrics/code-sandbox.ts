/**
 * @module Running a model's program against its tests, never in this process: a `python3` child (the harness
 * `code-sandbox/harness.py`, which checks as HELM 0.5.16 does) in a throw-away working directory, with a CPU-time,
 * address-space and file-size limit (`prlimit`, else the shell's `ulimit`), a wall-clock limit after which the
 * whole process group is killed, no network where the system lets us make a network namespace (`unshare -rn`),
 * and, inside, an audit hook refusing sockets, new processes, ctypes and writes outside the directory.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../core/errors.ts';
import { PyFloat } from '../../core/py-float.ts';

const HARNESS = fileURLToPath(new URL('code-sandbox/harness.py', import.meta.url));

/** One program and its tests, as the harness takes them. */
export type CodeJob =
  | {
      readonly kind: 'humaneval';
      /** HELM's problem dict (`prompt`, `test`, `entry_point`, …). */
      readonly problem: Readonly<Record<string, unknown>>;
      /** The completion, stripped (HELM indents it by four spaces after the prompt). */
      readonly completion: string;
      /** Seconds for the whole check (HELM: 3.0); the process is killed a second later. */
      readonly timeoutSeconds: number;
    }
  | {
      readonly kind: 'apps';
      /** The problem folder (its `input_output.json` holds the tests). */
      readonly root: string;
      readonly code: string;
      /** APPSMetric's `timeout` as the run spec gives it: `signal.alarm` per test wants an int (anything else fails every test, as in HELM). */
      readonly timeout: unknown;
    };

/** How a run ended: the harness's JSON answer, or none (killed at the wall-clock limit, or died). */
export interface SandboxOutcome {
  readonly answer: Readonly<Record<string, unknown>> | undefined;
  readonly ending: 'answered' | 'timed_out' | 'died';
  /** The end of what the harness wrote on stderr, for the log. */
  readonly stderr: string;
}

/** Limits and tools; the defaults suit HELM's code scenarios. */
export interface SandboxOptions {
  /** The Python interpreter (with numpy, which every APPS program imports). Default `CODE_SANDBOX_PYTHON` or `python3`. */
  readonly python?: string;
  /** Address-space limit. Default 4 GiB. */
  readonly memoryBytes?: number;
  /** Largest file the program may write. Default 64 MiB. */
  readonly fileSizeBytes?: number;
  /** Time for the interpreter to start and load numpy, on top of HELM's limit. Default 2 s. */
  readonly startupSeconds?: number;
  /** Where the throw-away directories go. Default the system's temporary directory. */
  readonly tmpDir?: string;
  /** Tool availability, probed once per runner by default. */
  readonly tools?: SandboxTools;
}

/** The system tools the sandbox can use. */
export interface SandboxTools {
  /** The interpreter's own path (`sys.executable`): a launcher such as a pyenv shim costs a second per start. */
  readonly python: string;
  readonly hasPrlimit: boolean;
  /** `unshare -rn` works here (a user and network namespace: no network inside). */
  readonly hasNetworkNamespace: boolean;
}

/** HELM's limits: HumanEval's join is timeout + 1 s; APPS's is 11 s whatever the per-test timeout. */
export function wallLimitSeconds(job: CodeJob): number {
  return job.kind === 'humaneval' ? job.timeoutSeconds + 1 : 11;
}

/** The interpreter asked for: `options.python`, else `CODE_SANDBOX_PYTHON`, else `python3`. */
const pythonOf = (options: SandboxOptions): string => options.python ?? process.env['CODE_SANDBOX_PYTHON'] ?? 'python3';

/**
 * Which tools this system has, and where the interpreter really is (runs three tiny commands). An interpreter that
 * does not run, or has no numpy (which HELM's evaluation has, and every APPS program imports), is a UserError.
 */
export function probeSandboxTools(options: SandboxOptions = {}): SandboxTools {
  const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  const works = (command: string, args: string[]): boolean => {
    const result = run(command, args);
    return result.error === undefined && result.status === 0;
  };
  const python = pythonOf(options);
  const probe = run(python, ['-c', 'import sys, numpy; print(sys.executable)']);
  const path = probe.status === 0 ? probe.stdout.toString('utf8').trim() : '';
  if (path === '') {
    const why = probe.error?.message ?? tail(probe.stderr?.toString('utf8') ?? '').trim().split('\n').at(-1) ?? '';
    throw new UserError(
      `The code metrics run each program with Python 3 and numpy, as HELM does, but \`${python} -c "import numpy"\` failed (${why}). ` +
        'Install numpy for that interpreter, or set CODE_SANDBOX_PYTHON to one that has it.',
    );
  }
  return { python: path, hasPrlimit: works('prlimit', ['--version']), hasNetworkNamespace: works('unshare', ['-rn', 'true']) };
}

/** The command line: [unshare -rn] (prlimit … | sh -c ulimit …) python3 -B harness.py. */
export function sandboxCommand(job: CodeJob, options: SandboxOptions, tools: SandboxTools): string[] {
  const memory = options.memoryBytes ?? 4 * 1024 ** 3;
  const fileSize = options.fileSizeBytes ?? 64 * 1024 ** 2;
  const cpuSeconds = Math.ceil(wallLimitSeconds(job) + (options.startupSeconds ?? 2)) + 1;
  const harness = [tools.python, '-B', HARNESS];
  const limited = tools.hasPrlimit
    ? ['prlimit', `--as=${memory}`, `--cpu=${cpuSeconds}`, `--fsize=${fileSize}`, '--core=0', '--', ...harness]
    : ['sh', '-c', `ulimit -v ${Math.floor(memory / 1024)} -t ${cpuSeconds} -c 0 && exec "$@"`, 'sh', ...harness];
  return tools.hasNetworkNamespace ? ['unshare', '-rn', ...limited] : limited;
}

/** What the harness reads on stdin. A float timeout stays a float in Python (HELM's signal.alarm then fails). */
export function jobJson(job: CodeJob): string {
  if (job.kind === 'humaneval') return JSON.stringify({ kind: job.kind, problem: job.problem, completion: job.completion, timeout: job.timeoutSeconds });
  const isFloat = job.timeout instanceof PyFloat;
  return JSON.stringify({ ...job, timeout: isFloat ? (job.timeout as PyFloat).value : job.timeout, timeout_is_float: isFloat });
}

/** The environment of the child: nothing of ours (no credentials), a home and temp folder inside its directory. */
function childEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: dir,
    TMPDIR: dir,
    LANG: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONHASHSEED: '0',
    OMP_NUM_THREADS: '1',
    OPENBLAS_NUM_THREADS: '1',
    MKL_NUM_THREADS: '1',
  };
  if (process.env['PYTHONPATH'] !== undefined) env['PYTHONPATH'] = process.env['PYTHONPATH'];
  return env;
}

/** The harness's one JSON line on fd 3, if it wrote one. */
function parseAnswer(text: string): Readonly<Record<string, unknown>> | undefined {
  const line = text.split('\n').find((l) => l.trim() !== '');
  if (line === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // a program that wrote on the result channel itself: counted as no answer
  }
}

const tail = (text: string): string => text.slice(-2000);

/** A fresh directory for one run, and its removal. */
function throwAwayDir(options: SandboxOptions): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(options.tmpDir ?? tmpdir(), 'code-sandbox-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 2 }) };
}

/**
 * Runs `job` in the sandbox and waits for it (the process group is killed at the wall-clock limit).
 * @example const { answer } = await runSandboxed({ kind: 'apps', root, code, timeout: 3 });
 */
export function runSandboxed(job: CodeJob, options: SandboxOptions = {}): Promise<SandboxOutcome> {
  const tools = options.tools ?? probeSandboxTools(options);
  const [command, ...args] = sandboxCommand(job, options, tools);
  const { dir, remove } = throwAwayDir(options);
  const spawnOptions: SpawnOptions = { cwd: dir, env: childEnv(dir), stdio: ['pipe', 'ignore', 'pipe', 'pipe'], detached: true };
  return new Promise<SandboxOutcome>((resolve) => {
    const child = spawn(command!, args, spawnOptions);
    let answer = '';
    let stderr = '';
    let timedOut = false;
    child.stdio[3]!.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (stderr = tail(stderr + chunk.toString('utf8'))));
    const killGroup = (): void => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // already gone
      }
    };
    // Real time is the point here (a wall-clock limit on another process), not a schedule of ours.
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, (wallLimitSeconds(job) + (options.startupSeconds ?? 2)) * 1000);
    child.on('close', () => {
      clearTimeout(timer);
      killGroup(); // anything the program left running in its group
      remove();
      const parsed = timedOut ? undefined : parseAnswer(answer);
      resolve({ answer: parsed, ending: parsed !== undefined ? 'answered' : timedOut ? 'timed_out' : 'died', stderr });
    });
    child.on('error', (error) => (stderr = tail(`${stderr}${error.message}\n`)));
    child.stdin!.on('error', () => undefined); // a harness that died before reading its job
    child.stdin!.end(jobJson(job));
  });
}

/**
 * `runSandboxed`, waiting synchronously: the metrics are synchronous, and HELM too runs the programs one at a
 * time. Blocks this thread for at most the wall-clock limit.
 */
export function runSandboxedSync(job: CodeJob, options: SandboxOptions = {}): SandboxOutcome {
  const tools = options.tools ?? probeSandboxTools(options);
  const [command, ...args] = sandboxCommand(job, options, tools);
  const { dir, remove } = throwAwayDir(options);
  try {
    const result = spawnSync(command!, args, {
      cwd: dir,
      env: childEnv(dir),
      input: jobJson(job),
      stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
      timeout: (wallLimitSeconds(job) + (options.startupSeconds ?? 2)) * 1000,
      killSignal: 'SIGKILL',
      maxBuffer: 16 * 1024 * 1024,
    });
    const timedOut = result.error !== undefined && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    const output = result.output as (Buffer | null)[] | null;
    const parsed = timedOut ? undefined : parseAnswer(output?.[3]?.toString('utf8') ?? '');
    const stderr = tail(`${result.stderr?.toString('utf8') ?? ''}${result.error !== undefined && !timedOut ? result.error.message : ''}`);
    return { answer: parsed, ending: parsed !== undefined ? 'answered' : timedOut ? 'timed_out' : 'died', stderr };
  } finally {
    remove();
  }
}
