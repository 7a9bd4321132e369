/** @module The metric names a run's display files show (HELM `run_display.py: _get_metric_names_for_groups`). */
import type { HelmSchema } from '../../sinks/summary/helm-schema-types.ts';
import { renderMatcher } from '../../sinks/summary/schema-matcher.ts';

/**
 * For each of the run's groups that the schema has: the names of its metric groups' matchers that name no perturbation
 * (or `__all__`), with the group's environment substituted.
 */
export function displayMetricNames(schema: HelmSchema, runGroupNames: readonly string[]): Set<string> {
  const metricGroups = new Map(schema.metric_groups.map((group) => [group.name, group]));
  const runGroups = new Map(schema.run_groups.map((group) => [group.name, group]));
  const names = new Set<string>();
  for (const runGroup of runGroupNames.map((name) => runGroups.get(name))) {
    if (runGroup === undefined) continue;
    for (const metricGroup of runGroup.metric_groups.map((name) => metricGroups.get(name))) {
      for (const matcher of metricGroup?.metrics ?? []) {
        if (matcher.perturbation_name !== undefined && matcher.perturbation_name !== '' && matcher.perturbation_name !== '__all__') continue;
        names.add(renderMatcher(matcher, runGroup.environment, ` in run group '${runGroup.name}'`).name);
      }
    }
  }
  return names;
}
