/**
 * One writer per run: identical helm-run commands started at once neither crash nor corrupt the run (each waits
 * for the one writing it), a process waiting on a run names its owner, and the lock of a killed owner is taken over.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goldenOutputRoot, MMLU_RUN, startHelmRun, suiteDatabaseRuns } from './__fixtures__/helm-run-child.ts';

const work = mkdtempSync(join(tmpdir(), 'helm-ownership-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const argsFor = (out: string) =>
  ['-o', out, '-r', 'mmlu:subject=anatomy,model=simple/model1', '--suite', 'v1', '--local-path', join(out, 'prod_env'), '-m', '10'];
const databaseOf = (out: string) => join(out, 'runs', 'v1', 'results.duckdb');

describe('one writer per run', () => {
  it('three identical commands started at once all finish, one after the other, and leave one whole run', async () => {
    const out = goldenOutputRoot(join(work, 'three'));
    const results = await Promise.all([1, 2, 3].map(() => startHelmRun(argsFor(out)).exited));
    for (const result of results) {
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/Error|ENOENT|malformed/);
    }
    const runDir = join(out, 'runs', 'v1', MMLU_RUN);
    for (const file of ['scenario_state.json', 'per_instance_stats.json', 'stats.json', 'run_spec.json', 'scenario.json']) {
      expect(() => JSON.parse(readFileSync(join(runDir, file), 'utf8')), file).not.toThrow();
    }
    expect(readdirSync(runDir).filter((f) => f.endsWith('.tmp') || f.includes('lock') || f === 'staging')).toEqual([]);
    expect(await suiteDatabaseRuns(databaseOf(out))).toEqual({ runs: [10], requestStates: 10 });
  }, 180_000);

  it('a second process waits behind the owner, naming it, and takes the run over once the owner is killed', async () => {
    const out = goldenOutputRoot(join(work, 'owner'));
    const owner = startHelmRun(argsFor(out), { ...process.env, HELM_PAUSE_AT: 'run-locked' });
    await owner.said('paused at run-locked');
    const waiter = startHelmRun(argsFor(out));
    const said = await waiter.said('is being written by process');
    expect(said).toContain(`process ${owner.child.pid} on `);
    expect(said).toContain('helm-run.lock');
    owner.child.kill('SIGKILL');
    expect((await owner.exited).signal).toBe('SIGKILL');
    const result = await waiter.exited;
    expect(result.status, result.stderr).toBe(0);
    expect(await suiteDatabaseRuns(databaseOf(out))).toEqual({ runs: [10], requestStates: 10 });
    expect(existsSync(join(out, 'runs', 'v1', MMLU_RUN, 'helm-run.lock'))).toBe(false);
  }, 180_000);
});
