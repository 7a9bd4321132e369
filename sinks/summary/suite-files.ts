/**
 * @module The suite-level files of `helm-summarize` that list runs: `summary.json`, `runs.json`, `run_specs.json`,
 * `runs_to_run_suites.json` and `costs.json`, with HELM's shapes. Runs are read one at a time from their own
 * run_spec.json and stats.json (parsed as Python reads them, so numbers keep their int/float form) and streamed out:
 * memory holds one run, whatever the suite's size.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PyFloat } from '../../core/py-float.ts';
import { helmJsonFile, writeHelmJsonFile } from '../helm-json-file.ts';
import { jsonField, parsePythonJson } from '../../core/python-json.ts';

/** One run of the summary: where it is (as HELM writes the path), its run name and the suite it comes from. */
export interface SummaryRun {
  /** `<output-path>/runs/<suite>/<run dir>`, as given (HELM writes the joined path, relative if the output path is). */
  readonly runPath: string;
  readonly runName: string;
  readonly suite: string;
}

/** HELM's `summary.json`: `{release?, suites, suite?, date}` (today's local date). */
export async function writeExecutiveSummary(dir: string, what: { release?: string; suites: readonly string[]; suite?: string }): Promise<void> {
  const today = new Date();
  const date = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
  await writeHelmJsonFile(join(dir, 'summary.json'), {
    ...(what.release === undefined ? {} : { release: what.release }),
    suites: what.suites,
    ...(what.suite === undefined ? {} : { suite: what.suite }),
    date,
  });
}

const readPythonJson = async (path: string): Promise<unknown> => parsePythonJson(await readFile(path, 'utf8'));

// HELM's Summarizer.COST_REPORT_FIELDS
const COST_FIELDS = ['num_prompt_tokens', 'num_completion_tokens', 'num_completions', 'num_requests'];

/** Adds a run's split-less token stats to the deployment's costs (HELM `write_cost_report`'s first pass). */
function addCosts(costs: Map<string, Map<string, number | PyFloat>>, deployment: string, stats: readonly unknown[]): void {
  for (const stat of stats) {
    const name = jsonField(stat, 'name');
    const metric = String(jsonField(name, 'name'));
    const split = jsonField(name, 'split');
    if (!COST_FIELDS.includes(metric) || (split !== undefined && split !== null && split !== '')) continue;
    const byField = costs.get(deployment) ?? new Map<string, number | PyFloat>();
    costs.set(deployment, byField);
    byField.set(metric, addPy(byField.get(metric) ?? 0, jsonField(stat, 'sum') as number | PyFloat));
  }
}

/** Python's `a + b` on ints and floats: a float if either is. */
function addPy(a: number | PyFloat, b: number | PyFloat): number | PyFloat {
  const value = Number(a instanceof PyFloat ? a.value : a) + Number(b instanceof PyFloat ? b.value : b);
  return a instanceof PyFloat || b instanceof PyFloat ? new PyFloat(value) : value;
}

/**
 * Writes `runs.json` (`[{run_path, run_spec, stats}]`), `run_specs.json`, `runs_to_run_suites.json` and `costs.json`,
 * reading each run's files once, in order.
 */
export async function writeRunLists(dir: string, runs: readonly SummaryRun[]): Promise<void> {
  const runsFile = helmJsonFile(join(dir, 'runs.json'));
  const specsFile = helmJsonFile(join(dir, 'run_specs.json'));
  const costs = new Map<string, Map<string, number | PyFloat>>();
  const toSuites: Record<string, string> = {};
  try {
    for (const run of runs) {
      const runSpec = await readPythonJson(join(run.runPath, 'run_spec.json'));
      const stats = (await readPythonJson(join(run.runPath, 'stats.json'))) as unknown[];
      await runsFile.write({ run_path: run.runPath, run_spec: runSpec, stats });
      await specsFile.write(runSpec);
      toSuites[run.runName] = run.suite;
      addCosts(costs, String(jsonField(jsonField(runSpec, 'adapter_spec'), 'model_deployment')), stats);
    }
    await runsFile.close();
    await specsFile.close();
  } catch (error) {
    await Promise.all([runsFile.abort(), specsFile.abort()]);
    throw error;
  }
  await writeHelmJsonFile(join(dir, 'runs_to_run_suites.json'), toSuites);
  // The second pass of write_cost_report: reading a missing field of Python's defaultdict(int) adds it as 0.
  const costsJson: Record<string, Record<string, number | PyFloat>> = {};
  for (const [deployment, byField] of costs) {
    const get = (field: string) => {
      if (!byField.has(field)) byField.set(field, 0);
      return byField.get(field)!;
    };
    const prompt = get('num_prompt_tokens');
    byField.set('total_tokens', addPy(prompt, get('num_completion_tokens')));
    costsJson[deployment] = Object.fromEntries(byField);
  }
  await writeHelmJsonFile(join(dir, 'costs.json'), costsJson);
}
