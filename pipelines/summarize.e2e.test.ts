/**
 * helm-summarize as a user runs it: the quickstart suite summarized into a leaderboard whose SQL reruns with the `sql`
 * command, a release of two suites, --compare, and bad input (each a clear message, exit 2, nothing written).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeProcess, type Finished } from './__fixtures__/when-ready.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'helm-summarize-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const QUICKSTART_SCHEMA = join(root, 'configs', 'schema_quickstart.yaml');
const suiteDir = (suite: string) => join(work, 'benchmark_output', 'runs', suite);

const summarize = (args: readonly string[]): Promise<Finished> => nodeProcess([join(root, 'pipelines', 'summarize.js'), ...args], work);
// `--` ends the options: a saved query starts with a comment line (`-- groups/…`).
const sql = (query: string, target = suiteDir('quickstart')): Promise<Finished> =>
  nodeProcess([join(root, 'pipelines', 'sql.js'), '--json', target, '--', query], work);
const ndjson = (text: string): Record<string, unknown>[] => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  const run = await nodeProcess([join(root, 'pipelines', 'run.js'), '-c', join(root, 'configs', 'quickstart.conf'), '--suite', 'quickstart', '-m', '10'], work);
  expect(run.status, run.stderr).toBe(0);
}, 120_000);

describe('helm-summarize on the quickstart suite', () => {
  let result: Finished;
  beforeAll(async () => {
    result = await summarize(['--suite', 'quickstart', '--schema-path', QUICKSTART_SCHEMA]);
  });

  it('writes HELM\'s summary files and a leaderboard, with Markdown and the SQL of each table', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Summarized 2 runs (read from the results store) into benchmark_output/runs/quickstart: 5 tables in 2 groups');
    for (const file of ['schema.json', 'summary.json', 'runs.json', 'run_specs.json', 'runs_to_run_suites.json', 'groups.json',
      'groups_metadata.json', 'costs.json', 'groups/simple_mcqa.json', 'groups/quickstart.json', 'groups/latex/quickstart_accuracy.tex',
      'simple_mcqa:model=simple_model1/display_predictions.json']) {
      expect(existsSync(join(suiteDir('quickstart'), file)), file).toBe(true);
    }
    expect(readFileSync(join(suiteDir('quickstart'), 'groups', 'markdown', 'simple_mcqa_simple_mcqa_.md'), 'utf8')).toContain(
      ['|Model|EM|EM (Robustness)|Observed inference time (s)|# eval|# train|truncated|# prompt tokens|# output tokens|',
        '|:-|-:|-:|-:|-:|-:|-:|-:|-:|'].join('\n'),
    );
    const table = JSON.parse(readFileSync(join(suiteDir('quickstart'), 'groups', 'json', 'simple_mcqa_simple_mcqa_.json'), 'utf8')) as {
      rows: { value: unknown }[][];
    };
    expect(table.rows.map((row) => row.map((cell) => cell.value))[0]!.filter((_, i) => i !== 3)).toEqual(['Simple Model 1', 0, 0, 10, 5, 0, 385, 1]);
  });

  it("saves each table's SQL, which reruns with the sql command over results.duckdb to the table's values", async () => {
    const query = readFileSync(join(suiteDir('quickstart'), 'groups', 'sql', 'simple_mcqa_simple_mcqa_.sql'), 'utf8');
    const rerun = await sql(query);
    expect(rerun.status, rerun.stderr).toBe(0);
    const cells = ndjson(rerun.stdout).filter((cell) => ['EM', '# eval', '# prompt tokens'].includes(String(cell['column'])));
    expect(cells.map((cell) => [cell['row_label'], cell['column'], cell['value']])).toEqual([
      ['Simple Model 1', 'EM', 0], ['Simple Model 1', '# eval', 10], ['Simple Model 1', '# prompt tokens', 385],
    ]);
  });
});

describe('helm-summarize --release and --compare', () => {
  beforeAll(() => cpSync(suiteDir('quickstart'), suiteDir('again'), { recursive: true }));

  it('summarizes a release of two suites, each run from the later suite', async () => {
    const release = await summarize(['--release', 'r1', '--suites', 'quickstart', 'again', '--schema-path', QUICKSTART_SCHEMA]);
    expect(release.status, release.stderr).toBe(0);
    const out = join(work, 'benchmark_output', 'releases', 'r1');
    expect(JSON.parse(readFileSync(join(out, 'runs_to_run_suites.json'), 'utf8'))).toEqual({
      'simple_mcqa:model=simple_model1': 'again', 'simple_mcqa:model=simple_model1,data_augmentation=robustness': 'again',
    });
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ release: 'r1', suites: ['quickstart', 'again'] });
  });

  it('compares two suites run by run and metric by metric', async () => {
    const compared = await summarize(['--compare', 'quickstart', 'again', '--json', '--bootstrap-samples', '50']);
    expect(compared.status, compared.stderr).toBe(0);
    const rows = ndjson(compared.stdout);
    const em = rows.find((row) => row['run_name'] === 'simple_mcqa:model=simple_model1' && row['metric'] === 'exact_match' && row['perturbation'] === undefined);
    expect(em).toMatchObject({ split: 'test', n_paired: 10, n_only_a: 0, n_only_b: 0, mean_a: 0, mean_b: 0, difference: 0 });
  });
});

describe('helm-summarize on bad input', () => {
  it('names the suites there are when the suite does not exist', async () => {
    const missing = await summarize(['--suite', 'nope']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`helm-summarize: Suite nope does not exist at benchmark_output/runs/nope. Suites in benchmark_output/runs: again, quickstart`);
  });

  it('stops on a schema that fails validation with --schema-validation error, naming the schema, and writes nothing', async () => {
    const bad = join(work, 'bad-schema.yaml');
    writeFileSync(bad, readFileSync(QUICKSTART_SCHEMA, 'utf8').replace('      - simple_mcqa\n', '      - simple_mcqa\n      - no_such_group\n'));
    rmSync(join(suiteDir('again'), 'schema.json'), { force: true });
    const result = await summarize(['--suite', 'again', '--schema-path', bad, '--schema-validation', 'error']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`helm-summarize: The schema ${bad} has 1 error(s)`);
    expect(result.stderr).toContain('no_such_group');
    expect(existsSync(join(suiteDir('again'), 'schema.json'))).toBe(false);
  });

  it('refuses a release whose suites disagree on a run, naming both files', async () => {
    const stats = join(suiteDir('again'), 'simple_mcqa:model=simple_model1', 'stats.json');
    writeFileSync(stats, readFileSync(stats, 'utf8').replace('"count": 1', '"count": 2'));
    const result = await summarize(['--release', 'r2', '--suites', 'quickstart', 'again']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Run simple_mcqa:model=simple_model1 is in two suites of the release with different results');
    expect(result.stderr).toContain(join('benchmark_output', 'runs', 'again', 'simple_mcqa:model=simple_model1', 'stats.json'));
    expect(existsSync(join(work, 'benchmark_output', 'releases', 'r2'))).toBe(false);
  });

  it('refuses --suite with --release, as HELM', async () => {
    const both = await summarize(['--suite', 'a', '--release', 'r', '--suites', 'a']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('If --suite is specified, then --release and --suites must NOT be specified.');
  });
});
