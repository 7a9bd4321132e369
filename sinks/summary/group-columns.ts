/**
 * @module The metric columns of a group table (HELM `summarize.py` `create_group_table`, its header loop): for each
 * (run group, metric group) pair, one column per matcher of the metric group, rendered with the run group's
 * environment, with HELM's header text, description and metadata.
 */
import { UserError, unknownNameMessage } from '../../core/errors.ts';
import type { HelmSchema, MetricGroup, MetricNameMatcher, RunGroup, SchemaField } from './helm-schema-types.ts';
import { renderMatcher } from './schema-matcher.ts';
import type { HeaderCell } from './table.ts';

/** A metric column: the run group whose runs it reads, the stat it shows, and its header. */
export interface TableColumn {
  readonly runGroup: string;
  readonly matcher: MetricNameMatcher;
  readonly header: HeaderCell;
}

/** Options of `tableColumns`. */
export interface TableColumnsOptions {
  /** The sub-split a sub-split table shows (every matcher is given it). */
  readonly subSplit?: string;
  /** Told HELM's warning for a metric the schema does not define (the column is left out). */
  readonly warn?: (message: string) => void;
}

/** `Field.get_short_display_name()`: short display name, else display name, else name (empty strings skipped). */
export const shortDisplayName = (field: SchemaField): string => field.short_display_name || field.display_name || field.name;

function named<T extends { readonly name: string }>(items: readonly T[], name: string, kind: string, where: string): T {
  const item = items.find((x) => x.name === name);
  if (item === undefined) throw new UserError(`${where}: ${unknownNameMessage(kind, name, items.map((x) => x.name))}`);
  return item;
}

/** The metric group of `name`, as HELM's `name_to_metric_group[name]` (a UserError where HELM fails with KeyError). */
export const metricGroupNamed = (schema: HelmSchema, name: string, where: string): MetricGroup =>
  named(schema.metric_groups, name, 'metric group', where);

/** One metric column's header cell (HELM's value, description, lower_is_better, metadata). */
function headerCell(
  schema: HelmSchema,
  runGroup: RunGroup,
  metric: SchemaField,
  matcher: MetricNameMatcher,
  isOneOfSeveralGroups: boolean,
): HeaderCell {
  const metadata: Record<string, string> = { metric: shortDisplayName(metric), run_group: shortDisplayName(runGroup) };
  let value = shortDisplayName(metric);
  const groupText = runGroup.short_description || runGroup.description || '';
  let description = `${groupText ? `${groupText}\n\n` : ''}${metric.display_name || metric.name}: ${metric.description ?? ''}`;
  if (matcher.perturbation_name !== undefined) {
    const where = `metric group column '${matcher.name}' of run group '${runGroup.name}'`;
    const perturbation = named(schema.perturbations, matcher.perturbation_name, 'perturbation', where);
    value += ` (${shortDisplayName(perturbation)})`;
    description += `\n- Perturbation ${perturbation.display_name || perturbation.name}: ${perturbation.description || '???'}`;
    metadata['perturbation'] = shortDisplayName(perturbation);
  }
  if (isOneOfSeveralGroups) value = `${shortDisplayName(runGroup)} - ${value}`;
  return {
    value,
    description,
    markdown: false,
    ...(metric.lower_is_better === undefined || metric.lower_is_better === null ? {} : { lower_is_better: metric.lower_is_better }),
    metadata,
  };
}

/**
 * The metric columns for `columns` (pairs of run group and metric group name), as HELM builds them: a pair is skipped
 * unless the run group lists the metric group (its `_detailed` suffix dropped); each matcher is rendered with the run
 * group's environment (its sub_split dropped, as HELM's `substitute` does, then `subSplit` set); a matcher whose
 * metric the schema lacks is skipped with a warning. Headers are prefixed by the run group when the pairs name more
 * than one run group.
 */
export function tableColumns(
  schema: HelmSchema,
  columns: readonly (readonly [RunGroup, string])[],
  options: TableColumnsOptions = {},
): TableColumn[] {
  const isSeveralGroups = new Set(columns.map(([group]) => group.name)).size > 1;
  const out: TableColumn[] = [];
  for (const [runGroup, metricGroupName] of columns) {
    if (!runGroup.metric_groups.includes(metricGroupName.replaceAll('_detailed', ''))) continue;
    const metricGroup = metricGroupNamed(schema, metricGroupName, `run group '${runGroup.name}'`);
    for (const template of metricGroup.metrics) {
      const rendered = renderMatcher(template, runGroup.environment, ` in run group '${runGroup.name}'`);
      const matcher = options.subSplit === undefined ? rendered : { ...rendered, sub_split: options.subSplit };
      const metric = schema.metrics.find((m) => m.name === matcher.name);
      if (metric === undefined) {
        options.warn?.(`metric name ${matcher.name} undefined in the schema, skipping`);
        continue;
      }
      out.push({ runGroup: runGroup.name, matcher, header: headerCell(schema, runGroup, metric, matcher, isSeveralGroups) });
    }
  }
  return out;
}
