/**
 * @module The schema's records in HELM's field order (its dataclasses' order, which is `schema.json`'s key order),
 * with HELM's defaults filled in and absent (None) fields left out. Every schema record we make goes through these.
 */
import type {
  MetricGroup,
  MetricNameMatcher,
  RunGroup,
  SchemaField,
  SchemaModel,
  Taxonomy,
} from './helm-schema-types.ts';

/** A record's fields, each of which may be missing or undefined (HELM's None), `name` aside. */
export type Loose<T extends { readonly name: string }> = { readonly name: string } & {
  readonly [K in Exclude<keyof T, 'name'>]?: T[K] | undefined;
};

/** HELM's `RunGroup.adapter_keys_shown` default ("model" kept by HELM for runs made before November 2023). */
export const DEFAULT_ADAPTER_KEYS_SHOWN: readonly string[] = ['model_deployment', 'model'];

/** A copy of `entries` without the undefined ones, in the given order. */
function defined<T>(entries: readonly (readonly [string, unknown])[]): T {
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as T;
}

/** HELM's `Field` (`schema.py`): name, display_name, short_display_name, description, lower_is_better. */
export function schemaField(f: Loose<SchemaField>): SchemaField {
  return defined<SchemaField>([
    ['name', f.name],
    ['display_name', f.display_name],
    ['short_display_name', f.short_display_name],
    ['description', f.description],
    ['lower_is_better', f.lower_is_better ?? undefined],
  ]);
}

/** A matcher whose optional fields may be undefined. */
export type LooseMatcher = Loose<MetricNameMatcher> & { readonly split: string };
/** A metric group whose optional fields (its matchers' too) may be undefined. */
export type LooseMetricGroup = Omit<Loose<MetricGroup>, 'metrics'> & { readonly metrics?: readonly LooseMatcher[] | undefined };

/** HELM's `MetricNameMatcher`: name, split, sub_split, perturbation_name. */
export function metricNameMatcher(m: LooseMatcher): MetricNameMatcher {
  return defined<MetricNameMatcher>([
    ['name', m.name],
    ['split', m.split],
    ['sub_split', m.sub_split],
    ['perturbation_name', m.perturbation_name],
  ]);
}

/** HELM's `MetricGroup`: a Field, then metrics (default `[]`), hide_win_rates, aggregation_strategies. */
export function metricGroup(g: LooseMetricGroup): MetricGroup {
  return defined<MetricGroup>([
    ...Object.entries(schemaField(g)),
    ['metrics', (g.metrics ?? []).map(metricNameMatcher)],
    ['hide_win_rates', g.hide_win_rates],
    // `[]` (no aggregate column) and None (the default, win rate) differ: only None is left out.
    ['aggregation_strategies', g.aggregation_strategies === undefined ? undefined : [...g.aggregation_strategies]],
  ]);
}

/** HELM's `TaxonomyInfo`: task, what, when, who, language. */
export function taxonomy(t: Taxonomy): Taxonomy {
  return defined<Taxonomy>([
    ['task', t.task],
    ['what', t.what],
    ['when', t.when],
    ['who', t.who],
    ['language', t.language],
  ]);
}

/** HELM's `RunGroup`: a Field, then its own fields with HELM's defaults (category "Scenarios", by_metric, all_groups…). */
export function runGroup(g: Loose<RunGroup>): RunGroup {
  return defined<RunGroup>([
    ...Object.entries(schemaField(g)),
    ['metric_groups', [...(g.metric_groups ?? [])]],
    ['subgroups', [...(g.subgroups ?? [])]],
    ['sub_splits', g.sub_splits === undefined ? undefined : [...g.sub_splits]],
    ['subgroup_display_mode', g.subgroup_display_mode ?? 'by_metric'],
    ['subgroup_metric_groups_hidden', [...(g.subgroup_metric_groups_hidden ?? [])]],
    ['environment', { ...(g.environment ?? {}) }],
    ['category', g.category ?? 'Scenarios'],
    ['visibility', g.visibility ?? 'all_groups'],
    ['taxonomy', g.taxonomy === undefined || g.taxonomy === null ? undefined : taxonomy(g.taxonomy)],
    ['todo', g.todo ?? false],
    ['adapter_keys_shown', [...(g.adapter_keys_shown ?? DEFAULT_ADAPTER_KEYS_SHOWN)]],
    ['short_description', g.short_description],
  ]);
}

/**
 * A model as `schema.json` lists it (HELM's `Summarizer._ModelField`, a Field plus creator_organization, access, todo,
 * release_date, num_parameters; its lower_is_better is always None, so never written).
 */
export function schemaModel(m: SchemaModel): SchemaModel {
  return defined<SchemaModel>([
    ['name', m.name],
    ['display_name', m.display_name],
    ['short_display_name', m.short_display_name],
    ['description', m.description],
    ['creator_organization', m.creator_organization],
    ['access', m.access],
    ['todo', m.todo],
    ['release_date', m.release_date],
    ['num_parameters', m.num_parameters],
  ]);
}
