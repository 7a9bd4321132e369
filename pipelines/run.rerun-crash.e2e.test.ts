/**
 * kill -9 during a *rerun* over a complete run, at each moment of its end (HELM_PAUSE_AT, core/fault-point.ts):
 * afterwards the run is either the old complete run, files and database alike, or visibly incomplete (no
 * run_spec.json, no `runs` row), and the same command with --skip-completed-runs finishes it with files and
 * database rows that agree.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultPoint } from '../core/fault-point.ts';
import { goldenOutputRoot, MMLU_RUN as RUN, startHelmRun, suiteDatabaseRuns } from './__fixtures__/helm-run-child.ts';

const work = mkdtempSync(join(tmpdir(), 'helm-rerun-crash-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The run's arguments in output root `out`; the old run evaluates 5 instances, the rerun 10. */
const argsFor = (out: string, instances: number, extra: readonly string[] = []) => [
  '-o', out, '-r', 'mmlu:subject=anatomy,model=simple/model1', '--suite', 'v1',
  '--local-path', join(out, 'prod_env'), '-m', String(instances), ...extra,
];

/** Output roots holding the old complete run, made once (with and without HELM's big JSON files) and copied per test. */
const templates = new Map<string, string>();
beforeAll(async () => {
  for (const [name, extra] of [['full', []], ['lean', ['--skip-helm-json']]] as const) {
    const out = goldenOutputRoot(join(work, `template-${name}`));
    const run = await startHelmRun(argsFor(out, 5, extra)).exited;
    expect(run.status, run.stderr).toBe(0);
    templates.set(name, out);
  }
});

function completeOldRun(name: string, extra: readonly string[] = []): string {
  const out = join(work, name);
  cpSync(templates.get(extra.includes('--skip-helm-json') ? 'lean' : 'full')!, out, { recursive: true });
  return out;
}


/** Starts the rerun paused at `point`, waits until it says so, and kills it with SIGKILL. */
async function rerunKilledAt(out: string, point: FaultPoint, extra: readonly string[] = []): Promise<void> {
  const rerun = startHelmRun(argsFor(out, 10, extra), { ...process.env, HELM_PAUSE_AT: point });
  await rerun.said(`paused at ${point}`);
  rerun.child.kill('SIGKILL');
  expect((await rerun.exited).signal).toBe('SIGKILL');
}

/** The `runs` row of the run in the suite database, with its request-state rows counted. */
async function databaseRun(out: string): Promise<{ num_request_states: number; rows: number } | undefined> {
  const { runs, requestStates } = await suiteDatabaseRuns(join(out, 'runs', 'v1', 'results.duckdb'));
  expect(runs.length).toBeLessThanOrEqual(1);
  return runs.length === 0 ? undefined : { num_request_states: runs[0]!, rows: requestStates };
}

const runDirOf = (out: string) => join(out, 'runs', 'v1', RUN);
const ndjsonLines = (path: string) => readFileSync(path, 'utf8').split('\n').filter((line) => line !== '').length;
const helmStates = (runDir: string) =>
  (JSON.parse(readFileSync(join(runDir, 'scenario_state.json'), 'utf8')) as { request_states: unknown[] }).request_states.length;

interface Observed {
  readonly filesComplete: boolean;
  readonly states?: number;
  readonly database?: number;
}

/** What the run looks like: complete with its number of request states (files and database checked to agree), or not. */
async function observe(out: string, isHelmJson = true): Promise<Observed> {
  const runDir = runDirOf(out);
  const database = await databaseRun(out);
  if (!existsSync(join(runDir, 'run_spec.json'))) {
    expect(database).toBeUndefined(); // the database never claims a run whose files are not complete
    return { filesComplete: false };
  }
  const states = ndjsonLines(join(runDir, 'scenario_state.ndjson'));
  if (isHelmJson) expect(helmStates(runDir)).toBe(states);
  expect(ndjsonLines(join(runDir, 'stats.ndjson'))).toBe((JSON.parse(readFileSync(join(runDir, 'stats.json'), 'utf8')) as unknown[]).length);
  if (database !== undefined) expect(database).toEqual({ num_request_states: states, rows: states });
  return { filesComplete: true, states, ...(database === undefined ? {} : { database: database.num_request_states }) };
}

/** The same command again, with --skip-completed-runs: afterwards files and database agree, and nothing is left over. */
async function finishWithSameCommand(out: string, extra: readonly string[] = []): Promise<Observed> {
  const run = await startHelmRun(argsFor(out, 10, ['--skip-completed-runs', ...extra])).exited;
  expect(run.status, run.stderr).toBe(0);
  const after = await observe(out, !extra.includes('--skip-helm-json'));
  expect(after.filesComplete).toBe(true);
  expect(after.database).toBe(after.states);
  expect(readdirSync(runDirOf(out)).filter((f) => f.endsWith('.tmp') || f === 'staging' || f.includes('lock'))).toEqual([]);
  return after;
}

describe('kill -9 during a rerun over a complete run', () => {
  it.each([
    // [moment, what is seen after the kill, what the same command with --skip-completed-runs leaves]
    ['run-locked', { filesComplete: true, states: 5, database: 5 }, 5],
    ['run-withdrawn', { filesComplete: false }, 10],
    ['run-files-renamed', { filesComplete: false }, 10],
    ['run-spec-written', { filesComplete: true, states: 10 }, 10],
    ['store-moved', { filesComplete: true, states: 10 }, 10],
    ['store-published', { filesComplete: true, states: 10, database: 10 }, 10],
  ] as const)('at %s: old complete or visibly incomplete, then finished by the same command', async (point, seen, finished) => {
    const out = completeOldRun(point);
    expect(await observe(out)).toEqual({ filesComplete: true, states: 5, database: 5 });
    await rerunKilledAt(out, point);
    expect(await observe(out)).toEqual(seen);
    expect((await finishWithSameCommand(out)).states).toBe(finished);
  });

  it('with --skip-helm-json, the old run keeps its NDJSON records until the new run replaces them whole', async () => {
    const out = completeOldRun('lean', ['--skip-helm-json']);
    const runDir = runDirOf(out);
    await rerunKilledAt(out, 'run-withdrawn', ['--skip-helm-json']);
    expect(existsSync(join(runDir, 'run_spec.json'))).toBe(false);
    expect(ndjsonLines(join(runDir, 'scenario_state.ndjson'))).toBe(5); // the rerun writes to scenario_state.ndjson.tmp
    expect((await finishWithSameCommand(out, ['--skip-helm-json'])).states).toBe(10);
  });

  it('a rerun with --skip-helm-json over a run without it leaves no stale HELM JSON of the older run', async () => {
    const out = completeOldRun('switch');
    const lean = await startHelmRun(argsFor(out, 10, ['--skip-helm-json'])).exited;
    expect(lean.status, lean.stderr).toBe(0);
    expect(existsSync(join(runDirOf(out), 'scenario_state.json'))).toBe(false);
    expect(await observe(out, false)).toEqual({ filesComplete: true, states: 10, database: 10 });
  });
});
