/**
 * @module Which runs a group shows (HELM `summarize.py` `expand_subgroups`, `filter_runs_by_visibility`): a group's
 * subgroup tree in HELM's order, and a run's visibility from the `visibility` of the groups it names.
 */
import { UserError, unknownNameMessage } from '../../core/errors.ts';
import type { HelmSchema, RunGroup } from './helm-schema-types.ts';
import type { SuiteRun } from './group-suite-runs.ts';

/** The run groups by name. */
export const runGroupsByName = (schema: HelmSchema): ReadonlyMap<string, RunGroup> =>
  new Map(schema.run_groups.map((group) => [group.name, group]));

/** A run group by name; a name the schema lacks is a UserError (HELM fails there with a KeyError). */
export function runGroupNamed(groups: ReadonlyMap<string, RunGroup>, name: string, where: string): RunGroup {
  const group = groups.get(name);
  if (group === undefined) throw new UserError(`${where}: ${unknownNameMessage('run group', name, [...groups.keys()])}`);
  return group;
}

/** The group and, depth first, its subgroups' trees, each group once (HELM `expand_subgroups`). */
export function expandSubgroups(groups: ReadonlyMap<string, RunGroup>, group: RunGroup): RunGroup[] {
  const visited = new Set<string>();
  const expand = (g: RunGroup): RunGroup[] => {
    if (visited.has(g.name)) return [];
    visited.add(g.name);
    return [g, ...g.subgroups.flatMap((name) => expand(runGroupNamed(groups, name, `subgroups of run group '${g.name}'`)))];
  };
  return expand(group);
}

/**
 * The runs shown in `group` (HELM `filter_runs_by_visibility`): a run naming a `no_groups` group is never shown; one
 * naming a `this_group_only` group only in that group; in a `this_group_only` group only the runs that name it.
 * Groups a run names that the schema lacks are skipped with HELM's warning.
 */
export function visibleRuns(
  runs: readonly SuiteRun[],
  group: RunGroup,
  groups: ReadonlyMap<string, RunGroup>,
  warn: (message: string) => void = () => {},
): SuiteRun[] {
  return runs.filter((run) => {
    let included = group.visibility !== 'this_group_only';
    for (const name of run.groups) {
      const runGroup = groups.get(name);
      if (runGroup === undefined) {
        warn(`group ${name} mentioned in run spec ${run.name} but undefined in the schema, skipping`);
        continue;
      }
      if (runGroup.visibility === 'no_groups') return false;
      if (runGroup.visibility === 'this_group_only') {
        if (runGroup.name === group.name) return true;
        included = false;
      }
    }
    return included;
  });
}
