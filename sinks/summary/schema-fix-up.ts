/**
 * @module What `helm-summarize` adds to a schema before using it (HELM's `Summarizer.fix_up_schema`), and the schema
 * of `--auto-generate-schema` (HELM: the same fix-up applied to an empty schema).
 *
 * HELM's fix-up does three things, each only when its condition holds (it never adds one missing metric or group
 * to a schema that has some):
 *   1. no metrics at all: metrics are generated for the suite's stat names; and if there are no metric groups
 *      either, metric groups are generated too (`main_metric` first, then one group per metric family);
 *   2. no leaf run group (none without subgroups): one run group is generated per scenario of the suite;
 *   3. no parent run group (none with subgroups): an `all_scenarios` group whose subgroups are the leaf groups is put
 *      first.
 * HELM generates 1 and 2 from `MetricMetadata` and `ScenarioMetadata`, which its metric and scenario classes declare
 * (`get_metadata()`). We have no such classes, so we take the same facts from the classic schema
 * (`configs/schema_classic.yaml`), which HELM's metadata mostly repeats. The differences:
 *   - a metric is generated when the classic schema defines it (HELM: when its metric class declares metadata); its
 *     display names and lower_is_better are the classic schema's;
 *   - a metric's family is the first classic metric group that lists it by name (HELM: the metadata's `group`), so
 *     metrics that the classic schema only reaches through `${main_name}` (exact_match, f1_score, …) fall in no
 *     family and are shown through `main_metric` alone;
 *   - a run group is generated for a suite group that is a classic leaf group with `main_name` and `main_split` in
 *     its environment (HELM: for a scenario whose class declares metadata, named like one of the suite's groups);
 *     its display names, description, taxonomy and main metric are the classic ones (HELM's metadata sometimes names
 *     another main metric, e.g. gsm's final_number_exact_match where the classic schema has exact_match_indicator);
 *   - order: first seen in the suite (HELM: the iteration order of a Python set, which varies between processes).
 */
import type { HelmSchema, MetricGroup, RunGroup, SchemaField } from './helm-schema-types.ts';
import { DEFAULT_SCHEMA_PATH, readSchema } from './helm-schema.ts';
import { metricGroup, runGroup, schemaField } from './schema-records.ts';

/** What a suite holds: its runs' groups (run_spec.groups) and stat names, each in first-seen order. */
export interface SuiteNames {
  readonly runGroupNames: readonly string[];
  readonly metricNames: readonly string[];
}

/** Where generated metrics and run groups take their facts from; by default our classic schema. */
export type SchemaMetadata = Pick<HelmSchema, 'metrics' | 'metric_groups' | 'run_groups'>;

const unique = (names: readonly string[]): string[] => [...new Set(names)];
const TEMPLATE = /\$\{/;

/** Python's `str.capitalize()` of a group name with `_` turned into spaces, as HELM names generated groups. */
const displayNameOf = (group: string): string => {
  const text = group.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
};

function generatedMetrics(seen: SuiteNames, metadata: SchemaMetadata): SchemaField[] {
  const known = new Map(metadata.metrics.map((m) => [m.name, m]));
  return unique(seen.metricNames).flatMap((name) => {
    const m = known.get(name);
    return m === undefined ? [] : [schemaField(m)];
  });
}

function generatedMetricGroups(metrics: readonly SchemaField[], metadata: SchemaMetadata): MetricGroup[] {
  const families = new Map<string, string[]>();
  for (const { name } of metrics) {
    const family = metadata.metric_groups.find((g) => g.metrics.some((m) => m.name === name && !TEMPLATE.test(m.name)));
    if (family !== undefined) families.set(family.name, [...(families.get(family.name) ?? []), name]);
  }
  return [
    metricGroup({
      name: 'main_metric',
      display_name: 'Main Metric',
      description: 'Main Metric',
      metrics: [{ name: '${main_name}', split: '${main_split}' }],
    }),
    ...[...families].map(([family, names]) =>
      metricGroup({
        name: family,
        display_name: displayNameOf(family),
        description: displayNameOf(family),
        aggregation_strategies: [],
        metrics: names.map((name) => ({ name, split: '${main_split}' })),
      }),
    ),
  ];
}

function generatedRunGroups(schema: HelmSchema, seen: SuiteNames, metadata: SchemaMetadata): RunGroup[] {
  const leaves = new Map(metadata.run_groups.filter((g) => g.subgroups.length === 0).map((g) => [g.name, g]));
  const metricGroupNames = schema.metric_groups.map((g) => g.name);
  return unique(seen.runGroupNames).flatMap((name) => {
    const known = leaves.get(name);
    const mainName = known?.environment['main_name'];
    const mainSplit = known?.environment['main_split'];
    if (known === undefined || mainName === undefined || mainSplit === undefined) return [];
    return [
      runGroup({
        name,
        display_name: known.display_name,
        short_display_name: known.short_display_name,
        description: known.description,
        metric_groups: metricGroupNames,
        environment: { main_name: mainName, main_split: mainSplit },
        taxonomy: known.taxonomy,
      }),
    ];
  });
}

/** HELM's `auto_generate_all_scenarios_run_group`: a parent of every leaf group, in the "Scenario Groups" category. */
export function allScenariosRunGroup(runGroups: readonly RunGroup[]): RunGroup {
  return runGroup({
    name: 'all_scenarios',
    display_name: 'All Scenarios',
    description: 'All scenarios',
    category: 'Scenario Groups',
    subgroups: runGroups.filter((g) => g.subgroups.length === 0).map((g) => g.name),
  });
}

/**
 * The schema as HELM's `fix_up_schema` leaves it for a suite (see the module comment for what is generated and
 * how it differs from HELM). The classic schema is read for metadata only when something is generated.
 * @example const schema = fixUpSchema(readSchema(path), { runGroupNames, metricNames });
 */
export function fixUpSchema(schema: HelmSchema, seen: SuiteNames, metadata?: SchemaMetadata): HelmSchema {
  const facts = (): SchemaMetadata => (metadata ??= readSchema(DEFAULT_SCHEMA_PATH));
  let fixed = schema;
  if (fixed.metrics.length === 0) {
    const metrics = generatedMetrics(seen, facts());
    fixed = { ...fixed, metrics };
    // HELM generates metric groups only together with the metrics (it needs the metrics' metadata for them).
    if (fixed.metric_groups.length === 0) fixed = { ...fixed, metric_groups: generatedMetricGroups(metrics, facts()) };
  }
  if (!fixed.run_groups.some((g) => g.subgroups.length === 0)) {
    fixed = { ...fixed, run_groups: [...fixed.run_groups, ...generatedRunGroups(fixed, seen, facts())] };
  }
  if (!fixed.run_groups.some((g) => g.subgroups.length > 0)) {
    fixed = { ...fixed, run_groups: [allScenariosRunGroup(fixed.run_groups), ...fixed.run_groups] };
  }
  return fixed;
}

/**
 * The schema of `helm-summarize --auto-generate-schema`: HELM's fix-up applied to an empty schema. Like HELM's, it
 * has no `adapter` list (HELM never fills one in then, so its schema.json has none).
 */
export function autoGenerateSchema(seen: SuiteNames, metadata?: SchemaMetadata): HelmSchema {
  return fixUpSchema({ metrics: [], perturbations: [], metric_groups: [], run_groups: [] }, seen, metadata);
}
