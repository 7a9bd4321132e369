/**
 * How helm-run ends when things go wrong that are not a crash: a damaged suite database found before any run and
 * rebuilt from the run files, an empty eval split, a run whose every request failed, a run that fails before
 * writing (no empty folder left), and the headline a finished run prints.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goldenOutputRoot, MMLU_RUN as RUN, startHelmRun, suiteDatabaseRuns } from './__fixtures__/helm-run-child.ts';

const work = mkdtempSync(join(tmpdir(), 'helm-outcomes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const outputRoot = (name: string): string => goldenOutputRoot(join(work, name));
const helmRun = (out: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env) =>
  startHelmRun(['-o', out, '--suite', 'v1', '--local-path', join(out, 'prod_env'), ...args], env).exited;
const runsInDatabase = async (out: string): Promise<number[]> => (await suiteDatabaseRuns(join(out, 'runs', 'v1', 'results.duckdb'))).runs;

const MMLU = ['-r', 'mmlu:subject=anatomy,model=simple/model1', '-m', '10'];

describe('helm-run outcomes', () => {
  it('prints the headline of a finished run and where its results are', async () => {
    const out = outputRoot('headline');
    const run = await helmRun(out, MMLU);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Done ${RUN}\n  exact_match 0.000 on test (10 instances)\n  10 requests: 0 from the cache, 0 failed\n`);
    expect(run.stdout).toContain(`Results: ${join(out, 'runs', 'v1')}/results.duckdb`);
    expect(run.stdout).toMatch(/try: node pipelines\/sql\.js '.*\/runs\/v1' "SELECT run_name, metric_name/);
  });

  it('sets a damaged results.duckdb aside before any run and makes a new one: the results are in the runs\' own files', async () => {
    const out = outputRoot('damaged');
    expect((await helmRun(out, MMLU)).status).toBe(0);
    const dbPath = join(out, 'runs', 'v1', 'results.duckdb');
    const bytes = readFileSync(dbPath);
    writeFileSync(dbPath, bytes.subarray(0, bytes.length / 2)); // cut in half
    const again = await helmRun(out, [...MMLU, '--skip-completed-runs']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain(`The suite database ${dbPath} was unreadable`);
    expect(again.stderr).toContain(`moved to ${dbPath}.set-aside-`);
    expect(again.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(again.stdout).toContain(`Skipping run ${RUN} because run is completed`);
    expect(await runsInDatabase(out)).toEqual([10]); // the complete run, seen again through the new views
  });

  it('refuses an empty eval split with a message naming the files, and leaves no empty folder', async () => {
    const out = outputRoot('empty');
    const data = join(out, 'scenarios', 'mmlu', 'data');
    writeFileSync(join(data, 'test', 'nothing_test.csv'), '');
    mkdirSync(join(data, 'dev'), { recursive: true });
    writeFileSync(join(data, 'dev', 'nothing_dev.csv'), '"Q?",a,b,c,d,A\n');
    const run = await helmRun(out, ['-r', 'mmlu:subject=nothing,model=simple/model1', '-m', '10']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('has no instances to evaluate: its eval splits (valid, test) of mmlu hold none');
    expect(run.stderr).toContain(join(out, 'scenarios', 'mmlu'));
    expect(existsSync(join(out, 'runs'))).toBe(false); // no empty run, suite or runs folder
  });

  it('exits 1 when every request of a run failed, with its files written and the failures counted', async () => {
    const out = outputRoot('all-failed');
    mkdirSync(join(out, 'prod_env'), { recursive: true });
    writeFileSync(join(out, 'prod_env', 'model_deployments.yaml'), [
      'model_deployments:',
      '  - name: local/nowhere',
      '    model_name: local/nowhere',
      '    tokenizer_name: simple/tokenizer1',
      '    max_sequence_length: 2048',
      '    client_spec:',
      '      class_name: "helm.clients.openai_client.OpenAIClient"',
      '      args: {base_url: "http://127.0.0.1:1/v1", api_key: EMPTY}',
      '',
    ].join('\n'));
    const run = await helmRun(out, ['-r', 'mmlu:subject=anatomy,model=local/nowhere', '-m', '3'], { ...process.env, HELM_RETRIES: '1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('every one of its 3 requests failed');
    expect(run.stdout).toContain('3 requests: 0 from the cache, 3 FAILED');
    expect(existsSync(join(out, 'runs', 'v1', 'mmlu:subject=anatomy,method=multiple_choice_joint,model=local_nowhere', 'run_spec.json'))).toBe(true);
  });
});
