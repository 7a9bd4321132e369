/**
 * @module The suite's runs as summarize groups them (HELM `summarize.py` `read_runs`, `group_runs`): each run's spec
 * read from the `runs` table, in HELM's run order, and indexed by group → adapter spec and group → scenario spec →
 * adapter spec, in first-seen order. Memory holds one small record per run, never stats or instances.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { canonicalJson } from '../../core/canonical-json.ts';
import { comparePyStrings } from '../../core/python-text.ts';

/** HELM's ObjectSpec as read from run_spec.json. */
export interface SpecJson {
  readonly class_name: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** A run as the group tables see it: its name, groups and specs (run_spec.json's fields). */
export interface SuiteRun {
  readonly name: string;
  readonly groups: readonly string[];
  readonly scenarioSpec: SpecJson;
  /** The AdapterSpec as JSON (None fields absent). */
  readonly adapterSpec: Readonly<Record<string, unknown>>;
}

/** The runs of one adapter spec, in run order. */
export interface AdapterRuns {
  readonly adapterSpec: Readonly<Record<string, unknown>>;
  readonly runs: SuiteRun[];
}

/** The runs of one scenario spec, by adapter spec. */
export interface ScenarioRuns {
  readonly scenarioSpec: SpecJson;
  readonly adapters: Map<string, AdapterRuns>;
}

/** HELM's `group_adapter_to_runs` and `group_scenario_adapter_to_runs`, keyed by group name and spec keys. */
export interface SuiteIndex {
  readonly runs: readonly SuiteRun[];
  readonly groupAdapterToRuns: ReadonlyMap<string, ReadonlyMap<string, AdapterRuns>>;
  readonly groupScenarioAdapterToRuns: ReadonlyMap<string, ReadonlyMap<string, ScenarioRuns>>;
}

/** The key of a spec as a Python dict key: equal specs (dataclass equality; dict args in any key order) share it. */
export const specKey = (spec: unknown): string => canonicalJson(spec);

/** HELM's run directory name, by which it orders runs (`sorted(os.listdir(suite))`). */
const runDirName = (name: string): string => name.replaceAll('/', '_');

/** Reads every run's spec from the `runs` table, in HELM's order (by run directory name). */
export async function readSuiteRuns(connection: DuckDBConnection): Promise<SuiteRun[]> {
  const result = await connection.run('SELECT run_name, run_spec::VARCHAR FROM runs');
  const runs: SuiteRun[] = [];
  for (const [name, text] of await result.getRows()) {
    const spec = JSON.parse(String(text)) as {
      groups?: string[];
      scenario_spec: SpecJson;
      adapter_spec: Record<string, unknown>;
    };
    runs.push({
      name: String(name),
      groups: spec.groups ?? [],
      scenarioSpec: { class_name: spec.scenario_spec.class_name, args: spec.scenario_spec.args ?? {} },
      adapterSpec: spec.adapter_spec,
    });
  }
  return runs.sort((a, b) => comparePyStrings(runDirName(a.name), runDirName(b.name)));
}

function getOrCreate<V>(map: Map<string, V>, key: string, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}

/** HELM's `group_runs`: for each group a run names (once per mention), its adapter spec's runs and its scenario's. */
export function indexSuiteRuns(runs: readonly SuiteRun[]): SuiteIndex {
  const groupAdapterToRuns = new Map<string, Map<string, AdapterRuns>>();
  const groupScenarioAdapterToRuns = new Map<string, Map<string, ScenarioRuns>>();
  for (const run of runs) {
    const adapterKey = specKey(run.adapterSpec);
    const scenarioKey = specKey(run.scenarioSpec);
    const newAdapterRuns = (): AdapterRuns => ({ adapterSpec: run.adapterSpec, runs: [] });
    for (const group of run.groups) {
      const byAdapter = getOrCreate(groupAdapterToRuns, group, () => new Map<string, AdapterRuns>());
      getOrCreate(byAdapter, adapterKey, newAdapterRuns).runs.push(run);
      const byScenario = getOrCreate(groupScenarioAdapterToRuns, group, () => new Map<string, ScenarioRuns>());
      const scenario = getOrCreate(byScenario, scenarioKey, () => ({ scenarioSpec: run.scenarioSpec, adapters: new Map() }));
      getOrCreate(scenario.adapters, adapterKey, newAdapterRuns).runs.push(run);
    }
  }
  return { runs, groupAdapterToRuns, groupScenarioAdapterToRuns };
}
