/**
 * @module Every run group's tables, as HELM's `groups/<group>.json` (`summarize.py` `write_groups`): a group with
 * subgroups shows one table per metric group with its subgroups as columns (`create_group_tables_by_metric_group`);
 * a group without (or shown `by_group`) one table per scenario, per sub-split, and an aggregate table when it shows
 * several scenarios (`create_group_tables_by_subgroup`). Each table comes with the SQL of its numbers.
 */
import { createGroupTable, type GroupTableContext, type SqlTable } from './group-table.ts';
import { metricGroupNamed, shortDisplayName } from './group-columns.ts';
import { dictToStr } from './group-python-text.ts';
import { coarseAdapterSpec, poolRuns, type PooledRuns } from './group-rows.ts';
import { indexSuiteRuns, readSuiteRuns, type SuiteIndex } from './group-suite-runs.ts';
import { expandSubgroups, runGroupsByName, visibleRuns } from './group-visibility.ts';
import type { AggregationStrategy, RunGroup } from './helm-schema-types.ts';

/** One run group's tables (never empty: HELM writes no file for a group without tables). */
export interface GroupTables {
  readonly group: RunGroup;
  readonly tables: readonly SqlTable[];
}

type Groups = ReadonlyMap<string, RunGroup>;

/** HELM's `create_group_tables_by_metric_group`: a table per metric group, columns = subgroups × its metrics. */
async function tablesByMetricGroup(context: GroupTableContext, suite: SuiteIndex, groups: Groups, group: RunGroup): Promise<SqlTable[]> {
  const subgroups = expandSubgroups(groups, group);
  const pools = new Map<string, PooledRuns>();
  for (const subgroup of subgroups) {
    for (const { adapterSpec, runs } of suite.groupAdapterToRuns.get(subgroup.name)?.values() ?? []) {
      const shown = visibleRuns(runs, group, groups, context.warn);
      if (shown.length > 0) poolRuns(pools, coarseAdapterSpec(adapterSpec, group.adapter_keys_shown), shown);
    }
  }
  let metricGroups = group.metric_groups;
  if (metricGroups.length === 0) {
    // From the subgroups: each once, the basic one dropped where its _detailed one is there, hidden ones dropped.
    const all = subgroups.flatMap((subgroup) => subgroup.metric_groups);
    metricGroups = [...new Set(all)].filter(
      (name) => !all.includes(`${name}_detailed`) && !group.subgroup_metric_groups_hidden.includes(name),
    );
  }
  if (pools.size === 0) return [];
  const tables: SqlTable[] = [];
  for (const name of metricGroups) {
    const metricGroup = metricGroupNamed(context.schema, name, `run group '${group.name}'`);
    const strategies: readonly AggregationStrategy[] =
      metricGroup.aggregation_strategies ?? (metricGroup.hide_win_rates === true ? [] : ['win_rate']);
    const made = await createGroupTable(context, {
      groupName: group.name,
      name,
      title: shortDisplayName(metricGroup),
      pools,
      isScenarioTable: false,
      columns: subgroups.map((subgroup) => [subgroup, name] as const),
      aggregationStrategies: strategies,
    });
    if (made.table.header.length > 1) tables.push(made);
  }
  return tables;
}

/** HELM's `get_scenario_name`: `<group>_<k:v,…>` without spaces, `/` as `_`. */
const scenarioName = (group: RunGroup, args: Readonly<Record<string, unknown>>): string =>
  `${group.name}_${dictToStr(args).replaceAll(' ', '').replaceAll('/', '_')}`;

/** HELM's `create_group_tables_by_subgroup`: per subgroup, a table per scenario (and per sub-split), an aggregate first. */
async function tablesBySubgroup(context: GroupTableContext, suite: SuiteIndex, groups: Groups, group: RunGroup): Promise<SqlTable[]> {
  const all: SqlTable[] = [];
  for (const subgroup of expandSubgroups(groups, group)) {
    const tables: SqlTable[] = [];
    let scenariosShown = 0;
    const columns = subgroup.metric_groups.map((name) => [subgroup, name] as const);
    const common = { groupName: group.name, columns } as const;
    for (const [key, { scenarioSpec }] of suite.groupScenarioAdapterToRuns.get(subgroup.name) ?? []) {
      const name = scenarioName(subgroup, scenarioSpec.args);
      let title = dictToStr(scenarioSpec.args);
      if (!name.includes(group.name)) title = `${subgroup.display_name ?? 'None'} ${title}`;
      // HELM reads this scenario's runs under the *group's* name (the same as the subgroup's unless shown by_group).
      const pools = new Map<string, PooledRuns>();
      for (const { adapterSpec, runs } of suite.groupScenarioAdapterToRuns.get(group.name)?.get(key)?.adapters.values() ?? []) {
        poolRuns(pools, coarseAdapterSpec(adapterSpec, group.adapter_keys_shown, scenarioSpec), visibleRuns(runs, group, groups, context.warn));
      }
      if (pools.size === 0 || subgroup.metric_groups.length === 0) continue;
      tables.push(await createGroupTable(context, { ...common, name, title, pools, isScenarioTable: true }));
      scenariosShown += 1;
      for (const subSplit of subgroup.sub_splits ?? []) {
        tables.push(
          await createGroupTable(context, {
            ...common,
            name: `${subgroup.name}:sub_split=${subSplit}`,
            title: `${subgroup.display_name ?? 'None'} (sub-split: ${subSplit})`,
            pools,
            isScenarioTable: false,
            subSplit,
          }),
        );
      }
    }
    if (scenariosShown > 1) {
      const pools = new Map<string, PooledRuns>();
      for (const { adapterSpec, runs } of suite.groupAdapterToRuns.get(subgroup.name)?.values() ?? []) {
        poolRuns(pools, coarseAdapterSpec(adapterSpec, group.adapter_keys_shown), visibleRuns(runs, group, groups, context.warn));
      }
      if (pools.size > 0 && subgroup.metric_groups.length > 0) {
        const title = String(subgroup.display_name ?? 'None');
        tables.unshift(await createGroupTable(context, { ...common, name: subgroup.name, title, pools, isScenarioTable: false }));
      }
    }
    all.push(...tables);
  }
  return all;
}

/** The suite's runs read and indexed as summarize groups them (one small record per run). */
export async function loadSuiteIndex(context: Pick<GroupTableContext, 'connection'>): Promise<SuiteIndex> {
  return indexSuiteRuns(await readSuiteRuns(context.connection));
}

/**
 * The tables of each run group of the schema that has any, in schema order, as HELM writes `groups/<group>.json`
 * (before the writer appends the LaTeX and JSON links), each with its SQL. Yields group by group, so a caller writes
 * each group's files before the next group is computed.
 * @example for await (const { group, tables } of groupTables(context)) await writeGroup(group.name, tables);
 */
export async function* groupTables(context: GroupTableContext, suite?: SuiteIndex): AsyncGenerator<GroupTables> {
  const index = suite ?? (await loadSuiteIndex(context));
  const groups = runGroupsByName(context.schema);
  for (const group of context.schema.run_groups) {
    const bySubgroup = group.subgroup_display_mode === 'by_group' || expandSubgroups(groups, group).length === 1;
    const tables = bySubgroup
      ? await tablesBySubgroup(context, index, groups, group)
      : await tablesByMetricGroup(context, index, groups, group);
    if (tables.length > 0) yield { group, tables };
  }
}

