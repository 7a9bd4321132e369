/**
 * @module The summarize schema, field for field as HELM's `presentation/schema.py` has it and as its `schema.json`
 * writes it (snake_case keys, key order = JSON order). `helm-schema.ts` reads the YAML into these types.
 */

/** A metric, perturbation or adapter field: a name and how it is shown. */
export interface SchemaField {
  readonly name: string;
  readonly display_name?: string;
  readonly short_display_name?: string;
  readonly description?: string;
  /** null: neither direction is better (no win rate, no bold). */
  readonly lower_is_better?: boolean | null;
}

/** Which stat a column shows. `name` and `split` may be Mako templates such as `${main_name}`; `split: __all__` matches any. */
export interface MetricNameMatcher {
  readonly name: string;
  readonly split: string;
  readonly sub_split?: string;
  readonly perturbation_name?: string;
}

export type AggregationStrategy = 'win_rate' | 'mean';

export interface MetricGroup extends SchemaField {
  readonly metrics: readonly MetricNameMatcher[];
  readonly hide_win_rates?: boolean;
  readonly aggregation_strategies?: readonly AggregationStrategy[];
}

export interface Taxonomy {
  readonly task?: string;
  readonly what?: string;
  readonly when?: string;
  readonly who?: string;
  readonly language?: string;
}

export interface RunGroup extends SchemaField {
  readonly metric_groups: readonly string[];
  readonly subgroups: readonly string[];
  readonly sub_splits?: readonly string[];
  readonly subgroup_display_mode: 'by_metric' | 'by_group';
  readonly subgroup_metric_groups_hidden: readonly string[];
  /** Template variables for the metric groups' matchers, e.g. `{ main_name: 'exact_match', main_split: 'test' }`. */
  readonly environment: Readonly<Record<string, string>>;
  readonly category: string;
  readonly visibility: 'all_groups' | 'this_group_only' | 'no_groups';
  readonly taxonomy?: Taxonomy | null;
  readonly todo: boolean;
  readonly adapter_keys_shown: readonly string[];
  readonly short_description?: string;
}

/** A model as `schema.json`'s `models` list shows it (from model metadata). */
export interface SchemaModel {
  readonly name: string;
  readonly display_name: string;
  readonly short_display_name: string;
  readonly description?: string;
  readonly creator_organization?: string;
  readonly access?: string;
  readonly todo: boolean;
  readonly release_date?: string;
  readonly num_parameters?: number;
}

export interface HelmSchema {
  readonly metrics: readonly SchemaField[];
  readonly perturbations: readonly SchemaField[];
  readonly metric_groups: readonly MetricGroup[];
  readonly run_groups: readonly RunGroup[];
  /** AdapterSpec fields and their descriptions (filled by summarize, deprecated in the YAML). */
  readonly adapter?: readonly SchemaField[];
  readonly models?: readonly SchemaModel[];
}
