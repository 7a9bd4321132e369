/**
 * @module The rows of a group table (HELM `summarize.py`): runs pooled by coarse adapter spec
 * (`get_coarse_adapter_spec`), ordered by the model registry (`get_all_models()` order), labelled with the model's
 * display name plus whatever adapter fields tell rows apart (`unique_simplification`, `get_method_display_name`).
 */
import { ADAPTER_SPEC_FIELDS } from '../../core/adapter-spec.ts';
import { UserError } from '../../core/errors.ts';
import { dictToStr } from './group-python-text.ts';
import { specKey, type SpecJson, type SuiteRun } from './group-suite-runs.ts';

/** A model of the registry: its name and display name, in `get_all_models()` order. */
export interface SummaryModel {
  readonly name: string;
  readonly display_name: string;
}

/** How rows find their model's metadata. */
export interface ModelLookup {
  /** The models in registry order (row order; display names). */
  readonly models: readonly SummaryModel[];
  /** The model a deployment serves (HELM `get_model_deployment(name).model_name`), when known. */
  readonly modelOfDeployment?: (deployment: string) => string | undefined;
}

/** Runs pooled under one coarse adapter spec: a row of a table before ordering. */
export interface PooledRuns {
  readonly coarseSpec: Readonly<Record<string, unknown>>;
  readonly runs: SuiteRun[];
}

/** A table row: its runs, its label and the model it stands for (HELM's model metadata name). */
export interface TableRow extends PooledRuns {
  readonly label: string;
  readonly model: string;
}

/**
 * HELM's `get_coarse_adapter_spec`: only the `keysShown` fields of the adapter spec (absent = None), with MMLU's
 * subject blanked out of the instructions and RAFT's instructions replaced (both matter only if shown).
 */
export function coarseAdapterSpec(
  adapterSpec: Readonly<Record<string, unknown>>,
  keysShown: readonly string[],
  scenarioSpec?: SpecJson,
): Record<string, unknown> {
  const fields = ADAPTER_SPEC_FIELDS as readonly string[];
  for (const key of keysShown) {
    if (!fields.includes(key)) {
      throw new UserError(`adapter_keys_shown names '${key}', which is not an AdapterSpec field. Valid fields: ${fields.join(', ')}.`);
    }
  }
  const instructions = String(adapterSpec['instructions'] ?? '');
  const coarse: Record<string, unknown> = {};
  for (const key of fields) {
    if (!keysShown.includes(key)) continue;
    let value = adapterSpec[key];
    if (key === 'instructions' && scenarioSpec?.class_name.endsWith('.MMLUScenario') === true) {
      value = instructions.replaceAll(String(scenarioSpec.args['subject']).replaceAll('_', ' '), '___');
    } else if (key === 'instructions' && scenarioSpec?.class_name.endsWith('.RAFTScenario') === true) {
      value = '<scenario specific>';
    }
    if (value !== undefined && value !== null) coarse[key] = value;
  }
  return coarse;
}

/** Adds `runs` to the pool of their coarse spec (first-seen order), as HELM's `adapter_to_runs[coarse].extend(runs)`. */
export function poolRuns(pools: Map<string, PooledRuns>, coarseSpec: Record<string, unknown>, runs: readonly SuiteRun[]): void {
  const key = specKey(coarseSpec);
  let pool = pools.get(key);
  if (pool === undefined) pools.set(key, (pool = { coarseSpec, runs: [] }));
  pool.runs.push(...runs);
}

/** HELM's `get_model_metadata_for_adapter_spec`: by model, else by the deployment's model, else an unknown model. */
function modelOf(spec: Readonly<Record<string, unknown>>, lookup: ModelLookup): SummaryModel {
  const model = String(spec['model'] ?? '');
  const deployment = String(spec['model_deployment'] ?? '');
  const byName = (name: string | undefined) => (name === undefined ? undefined : lookup.models.find((m) => m.name === name));
  return (
    byName(model) ??
    byName(lookup.modelOfDeployment?.(deployment)) ??
    byName(lookup.modelOfDeployment?.(model)) ?? { name: model, display_name: model }
  );
}

/** HELM's `without_common_entries` then `unique_simplification` with priority keys model_deployment, model. */
function uniqueSimplification(items: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const same = (a: unknown, b: unknown) => specKey(a) === specKey(b);
  const first = items[0] ?? {};
  // HELM reads item[key] for every item (a KeyError when one lacks it); a missing key here is simply not common.
  const common = Object.keys(first).filter((key) => items.every((item) => key in item && same(item[key], first[key])));
  const stripped = items.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !common.includes(key))));
  const priority = ['model_deployment', 'model'];
  const subitem = (item: Record<string, unknown>, keys: readonly string[]) => keys.map((key) => item[key] ?? null);
  return stripped.map((item) => {
    const keys = [...priority.filter((key) => key in item), ...Object.keys(item).filter((key) => !priority.includes(key))];
    for (let i = 0; i < keys.length; i++) {
      const prefix = keys.slice(0, i + 1);
      const mine = subitem(item, prefix);
      if (stripped.filter((other) => same(subitem(other, prefix), mine)).length === 1) {
        return Object.fromEntries(prefix.map((key) => [key, item[key] ?? null]));
      }
    }
    return item;
  });
}

/**
 * The rows of a table from its pools: sorted by the index of the row's `model_deployment` among the model names
 * (-1, hence first, when it is none of them), then by deployment name (a stable sort, as Python's), and labelled.
 */
export function tableRows(pools: ReadonlyMap<string, PooledRuns>, lookup: ModelLookup): TableRow[] {
  const names = lookup.models.map((m) => m.name);
  const deploymentOf = (pool: PooledRuns) => String(pool.coarseSpec['model_deployment'] ?? '');
  const sortKey = (pool: PooledRuns) => names.indexOf(deploymentOf(pool));
  const sorted = [...pools.values()].sort(
    (a, b) => sortKey(a) - sortKey(b) || (deploymentOf(a) < deploymentOf(b) ? -1 : deploymentOf(a) > deploymentOf(b) ? 1 : 0),
  );
  const infos = uniqueSimplification(sorted.map((pool) => pool.coarseSpec));
  return sorted.map((pool, i) => {
    const model = modelOf(pool.coarseSpec, lookup);
    const { model: _model, model_deployment: _deployment, ...info } = infos[i]!;
    const label = model.display_name + (Object.keys(info).length > 0 ? ` [${dictToStr(info)}]` : '');
    return { ...pool, label, model: model.name };
  });
}
