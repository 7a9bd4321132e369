/**
 * @module HELM's schema validation (`presentation/schema.py: validate_schema`): the same checks in the same order,
 * each problem as the line HELM logs for it (`[path] [ERROR] at location: message`), for
 * `helm-summarize --schema-validation error|warn|off` (the caller decides what a problem does).
 */
import type { HelmSchema, RunGroup } from './helm-schema-types.ts';

export interface ValidateSchemaOptions {
  /** Put first in every line as `[path]`, as HELM does when it knows the schema file. */
  readonly schemaPath?: string;
  /** HELM's optional `check_parent_child_partition` (a warning per group with both subgroups and metric groups). */
  readonly checkParentChildPartition?: boolean;
  /** HELM's optional `check_orphan_children` (a warning per leaf group that no group lists as a subgroup). */
  readonly checkOrphanChildren?: boolean;
}

const VALID_SPLITS = ['__all__', 'test', 'valid']; // sorted, as HELM prints them
// Python's re.match with `$`: a single trailing newline is allowed.
const TEMPLATE_VARIABLE = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}\n?$/;

/** HELM's `is_template_variable`: the whole value is one `${name}`. */
export const isTemplateVariable = (value: string): boolean => TEMPLATE_VARIABLE.test(value);

/** Python's `str.strip()` emptiness: blank or whitespace only. */
const isBlank = (s: string): boolean => s.trim() === '';

/**
 * The problems HELM's `validate_schema` finds, as HELM prints them, in HELM's order: blank and duplicate names,
 * subgroups / metric groups / hidden metric groups that are not defined, matchers whose metric, split or
 * perturbation is unknown (templates such as `${main_name}` pass), and cycles of subgroups. Empty when all is well.
 * @example for (const line of validateSchema(schema, { schemaPath })) log.warn(`Schema validation error: ${line}`);
 */
export function validateSchema(schema: HelmSchema, options: ValidateSchemaOptions = {}): string[] {
  const lines: string[] = [];
  const prefix = options.schemaPath === undefined || options.schemaPath === '' ? '' : `[${options.schemaPath}] `;
  const error = (message: string, location?: string): void => {
    lines.push(`${prefix}[ERROR] ${location === undefined ? '' : `at ${location}: `}${message}`);
  };
  const warning = (message: string, location: string): void => {
    lines.push(`${prefix}[WARNING] at ${location}: ${message}`);
  };
  const { run_groups: runGroups, metric_groups: metricGroups, metrics, perturbations } = schema;
  const runGroupNames = new Set(runGroups.map((g) => g.name));
  const metricGroupNames = new Set(metricGroups.map((g) => g.name));
  const metricNames = new Set(metrics.map((m) => m.name));
  const perturbationNames = new Set(perturbations.map((p) => p.name));

  runGroups.forEach((g, i) => isBlank(g.name) && error(`Run group at index ${i} has empty or whitespace-only name`, `run_groups[${i}]`));
  metricGroups.forEach(
    (g, i) => isBlank(g.name) && error(`Metric group at index ${i} has empty or whitespace-only name`, `metric_groups[${i}]`),
  );
  metrics.forEach((m, i) => isBlank(m.name) && error(`Metric at index ${i} has empty or whitespace-only name`, `metrics[${i}]`));

  const duplicates = (names: readonly string[], kind: string, section: string): void => {
    const seen = new Set<string>();
    for (const name of names) {
      if (name !== '' && seen.has(name)) error(`Duplicate ${kind} name: '${name}'`, `${section}[${name}]`);
      if (name !== '') seen.add(name);
    }
  };
  duplicates(runGroups.map((g) => g.name), 'run_group', 'run_groups');
  duplicates(metricGroups.map((g) => g.name), 'metric_group', 'metric_groups');
  duplicates(metrics.map((m) => m.name), 'metric', 'metrics');
  duplicates(perturbations.map((p) => p.name), 'perturbation', 'perturbations');

  for (const g of runGroups) {
    if (g.name === '') continue;
    g.subgroups.forEach((sub, i) => {
      const at = `run_groups[${g.name}].subgroups[${i}]`;
      if (sub === '') error(`Empty subgroup reference at index ${i}`, at);
      else if (!runGroupNames.has(sub)) error(`Subgroup '${sub}' is not defined as a run_group`, at);
    });
  }
  for (const g of runGroups) {
    if (g.name === '') continue;
    g.metric_groups.forEach((mg, i) => {
      const at = `run_groups[${g.name}].metric_groups[${i}]`;
      if (mg === '') error(`Empty metric_group reference at index ${i}`, at);
      else if (!metricGroupNames.has(mg)) error(`Metric group '${mg}' is not defined`, at);
    });
    g.subgroup_metric_groups_hidden.forEach((mg, i) => {
      if (mg !== '' && !metricGroupNames.has(mg)) {
        error(`Hidden metric group '${mg}' is not defined`, `run_groups[${g.name}].subgroup_metric_groups_hidden[${i}]`);
      }
    });
  }
  for (const mg of metricGroups) {
    if (mg.name === '') continue;
    mg.metrics.forEach((m, i) => {
      const at = `metric_groups[${mg.name}].metrics[${i}]`;
      if (m.name === '') error('Empty metric name', `${at}.name`);
      else if (!isTemplateVariable(m.name) && !metricNames.has(m.name)) {
        error(`Metric '${m.name}' is not defined and is not a template variable`, `${at}.name`);
      }
      if (m.split === '') error('Empty split value', `${at}.split`);
      else if (!isTemplateVariable(m.split) && !VALID_SPLITS.includes(m.split)) {
        const valid = `[${VALID_SPLITS.map((s) => `'${s}'`).join(', ')}]`;
        error(`Split '${m.split}' is not valid. Must be one of ${valid} or a template variable like \${main_split}`, `${at}.split`);
      }
      const p = m.perturbation_name;
      if (p !== undefined && !p.startsWith('__') && !isTemplateVariable(p) && !perturbationNames.has(p)) {
        error(`Perturbation '${p}' is not defined`, `${at}.perturbation_name`);
      }
    });
  }
  for (const { start, path } of subgroupCycles(runGroups)) {
    error(`Circular reference detected in subgroups: ${path.join(' -> ')}`, `run_groups[${start}].subgroups`);
  }

  if (options.checkParentChildPartition === true) {
    for (const g of runGroups) {
      if (g.name !== '' && g.subgroups.length > 0 && g.metric_groups.length > 0) {
        warning(`Run group '${g.name}' has both subgroups and metric_groups`, `run_groups[${g.name}]`);
      }
    }
  }
  if (options.checkOrphanChildren === true) {
    const referenced = new Set(runGroups.flatMap((g) => g.subgroups));
    for (const g of runGroups) {
      const isChild = g.metric_groups.length > 0 && g.subgroups.length === 0;
      if (g.name !== '' && isChild && !referenced.has(g.name)) {
        warning(`Child run_group '${g.name}' is not referenced by any parent`, `run_groups[${g.name}]`);
      }
    }
  }
  return lines;
}

/**
 * HELM's `_detect_cycles_in_subgroups`: a depth-first walk from each unvisited group in schema order, reporting a
 * cycle when it meets a group still on its path, once per set of groups in the cycle.
 */
function subgroupCycles(runGroups: readonly RunGroup[]): { start: string; path: string[] }[] {
  const VISITING = 1;
  const VISITED = 2;
  const byName = new Map(runGroups.map((g) => [g.name, g])); // the last of a duplicated name, as a Python dict
  const status = new Map<string, number>();
  for (const g of runGroups) if (!isBlank(g.name)) status.set(g.name, 0);
  const cycles: { start: string; path: string[] }[] = [];
  const reported = new Set<string>();

  const visit = (name: string, path: string[]): void => {
    const state = status.get(name);
    if (name === '' || state === undefined || state === VISITED) return;
    if (state === VISITING) {
      const from = path.indexOf(name);
      if (from < 0) return;
      const members = [...new Set(path.slice(from))].sort().join('\u0000');
      if (!reported.has(members)) {
        reported.add(members);
        cycles.push({ start: name, path: [...path.slice(from), name] });
      }
      return;
    }
    status.set(name, VISITING);
    path.push(name);
    for (const sub of byName.get(name)?.subgroups ?? []) visit(sub, path);
    path.pop();
    status.set(name, VISITED);
  };
  for (const g of runGroups) if (status.get(g.name) === 0) visit(g.name, []);
  return cycles;
}
