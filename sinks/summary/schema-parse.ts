/**
 * @module A schema's parsed YAML or JSON checked and typed as HELM's `dacite.from_dict(Schema, raw)` does: the same
 * required fields, the same types (a string is not a number, `null` only where HELM's field is Optional), the same
 * defaults, unknown keys ignored. Where HELM's field is a free string but only some values mean anything
 * (visibility, subgroup_display_mode, aggregation_strategies), any other value is refused here, naming the valid ones.
 */
import { UserError } from '../../core/errors.ts';
import type { AggregationStrategy, HelmSchema, RunGroup, SchemaField, Taxonomy } from './helm-schema-types.ts';
import { metricGroup, runGroup, schemaField, type Loose } from './schema-records.ts';

/** Problems that do not stop the reading: keys HELM ignores (a misspelt key is one of them), the deprecated `adapter`. */
export type SchemaWarning = (message: string) => void;

type Raw = Readonly<Record<string, unknown>>;

const FIELD_KEYS = ['name', 'display_name', 'short_display_name', 'description', 'lower_is_better'];
const KNOWN_KEYS = {
  top: ['metrics', 'perturbations', 'metric_groups', 'run_groups', 'adapter'],
  field: FIELD_KEYS,
  metric_group: [...FIELD_KEYS, 'metrics', 'hide_win_rates', 'aggregation_strategies'],
  matcher: ['name', 'split', 'sub_split', 'perturbation_name'],
  run_group: [
    ...FIELD_KEYS,
    ...['metric_groups', 'subgroups', 'sub_splits', 'subgroup_display_mode', 'subgroup_metric_groups_hidden'],
    ...['environment', 'category', 'visibility', 'taxonomy', 'todo', 'adapter_keys_shown', 'short_description'],
  ],
  taxonomy: ['task', 'what', 'when', 'who', 'language'],
} as const;

const DISPLAY_MODES = ['by_metric', 'by_group'] as const;
const VISIBILITIES = ['all_groups', 'this_group_only', 'no_groups'] as const;
const AGGREGATIONS: readonly AggregationStrategy[] = ['win_rate', 'mean'];

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** How a YAML value reads in a message: its text and kind. */
function shown(v: unknown): string {
  if (v === null) return 'null';
  if (v instanceof Date) return `the date ${v.toISOString().slice(0, 10)}`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string '${v}'`;
  return `the ${typeof v} ${String(v)}`;
}

/** Reads one schema document; `file` names it in every message. */
export function parseSchema(raw: unknown, file: string, warn: SchemaWarning = () => {}): HelmSchema {
  const fail = (where: string, problem: string): never => {
    throw new UserError(`Schema ${file}: ${where} ${problem}`);
  };
  const QUOTE = ' (quote it in the YAML if it is meant as text)';

  function str(v: unknown, where: string): string {
    return typeof v === 'string' ? v : fail(where, `must be a string, not ${shown(v)}${v === null ? '' : QUOTE}.`);
  }
  const optStr = (v: unknown, where: string): string | undefined => (v === undefined || v === null ? undefined : str(v, where));
  function bool(v: unknown, where: string): boolean {
    return typeof v === 'boolean' ? v : fail(where, `must be true or false, not ${shown(v)}.`);
  }
  const optBool = (v: unknown, where: string): boolean | undefined => (v === undefined || v === null ? undefined : bool(v, where));
  function list(v: unknown, where: string): readonly unknown[] {
    return Array.isArray(v) ? v : fail(where, `must be a list, not ${shown(v)}${v === null ? ' (write [] for an empty list)' : ''}.`);
  }
  const strList = (v: unknown, where: string): string[] => list(v, where).map((s, i) => str(s, `${where}[${i}]`));
  function oneOf<T extends string>(v: unknown, where: string, valid: readonly T[]): T {
    const s = str(v, where);
    return (valid as readonly string[]).includes(s) ? (s as T) : fail(where, `is '${s}'; it must be one of: ${valid.join(', ')}.`);
  }
  function mapping(v: unknown, where: string, known: readonly string[], label = where): Raw {
    if (!isRecord(v)) return fail(where, `must be a mapping, not ${shown(v)}.`);
    const unknown = Object.keys(v).filter((k) => !known.includes(k));
    if (unknown.length > 0) warn(`Schema ${file}: ${label} has keys that HELM ignores: ${unknown.join(', ')}.`);
    return v;
  }
  /** An entry of a list, with its required name (HELM has no default for it); `at` names it in messages. */
  function entry(v: unknown, where: string, known: readonly string[]): { raw: Raw; name: string; at: string } {
    const name = isRecord(v) && 'name' in v ? str(v['name'], `${where}.name`) : undefined;
    const at = name === undefined ? where : `${where} ('${name}')`;
    const raw = mapping(v, where, known, at);
    return name === undefined ? fail(where, "has no 'name'.") : { raw, name, at };
  }

  function field(raw: Raw, name: string, at: string): Loose<SchemaField> {
    return {
      name,
      display_name: optStr(raw['display_name'], `${at}.display_name`),
      short_display_name: optStr(raw['short_display_name'], `${at}.short_display_name`),
      description: optStr(raw['description'], `${at}.description`),
      lower_is_better: optBool(raw['lower_is_better'], `${at}.lower_is_better`),
    };
  }
  /** A section: absent means `[]`, as HELM's default; present, it must be a list (HELM refuses null too). */
  function section<T>(key: string, read: (item: unknown, where: string) => T): T[] {
    if (root[key] === undefined) return [];
    return list(root[key], key).map((item, i) => read(item, `${key}[${i}]`));
  }

  if (raw === null || raw === undefined) {
    return fail('is', "empty. A HELM schema is a mapping with the lists 'metrics', 'perturbations', 'metric_groups' and 'run_groups'.");
  }
  const root = mapping(raw, 'the top level', KNOWN_KEYS.top);

  const plainField = (item: unknown, where: string): SchemaField => {
    const { raw: r, name, at } = entry(item, where, KNOWN_KEYS.field);
    return schemaField(field(r, name, at));
  };
  const metrics = section('metrics', plainField);
  const perturbations = section('perturbations', plainField);
  const adapter = section('adapter', plainField);
  if (adapter.length > 0) {
    warn(`Schema ${file}: 'adapter' is deprecated and ignored (the AdapterSpec fields are filled in); remove it.`);
  }

  const metric_groups = section('metric_groups', (item, where) => {
    const { raw: r, name, at } = entry(item, where, KNOWN_KEYS.metric_group);
    const matchers = r['metrics'] === undefined ? [] : list(r['metrics'], `${at}.metrics`);
    return metricGroup({
      ...field(r, name, at),
      metrics: matchers.map((m, i) => {
        const { raw: mr, name: matcherName, at: mAt } = entry(m, `${at}.metrics[${i}]`, KNOWN_KEYS.matcher);
        if (!('split' in mr)) fail(mAt, "has no 'split' (test, valid, __all__ or a template such as ${main_split}).");
        return {
          name: matcherName,
          split: str(mr['split'], `${mAt}.split`),
          sub_split: optStr(mr['sub_split'], `${mAt}.sub_split`),
          perturbation_name: optStr(mr['perturbation_name'], `${mAt}.perturbation_name`),
        };
      }),
      hide_win_rates: optBool(r['hide_win_rates'], `${at}.hide_win_rates`),
      aggregation_strategies:
        r['aggregation_strategies'] === undefined || r['aggregation_strategies'] === null
          ? undefined
          : list(r['aggregation_strategies'], `${at}.aggregation_strategies`).map((s, i) =>
              oneOf(s, `${at}.aggregation_strategies[${i}]`, AGGREGATIONS),
            ),
    });
  });

  const run_groups = section('run_groups', (item, where) => {
    const { raw: r, name, at } = entry(item, where, KNOWN_KEYS.run_group);
    const given = (key: string): unknown => r[key];
    const ifGiven = <T>(key: string, read: (v: unknown, where: string) => T): T | undefined =>
      given(key) === undefined ? undefined : read(given(key), `${at}.${key}`);
    const environment = ifGiven('environment', (v, w) => {
      if (!isRecord(v)) return fail(w, `must be a mapping of variable names to strings, not ${shown(v)}.`);
      return Object.fromEntries(Object.entries(v).map(([k, value]) => [k, str(value, `${w}.${k}`)]));
    });
    const taxonomyRaw = given('taxonomy');
    let taxonomy: Taxonomy | undefined;
    if (taxonomyRaw !== undefined && taxonomyRaw !== null) {
      const t = mapping(taxonomyRaw, `${at}.taxonomy`, KNOWN_KEYS.taxonomy);
      taxonomy = Object.fromEntries(
        KNOWN_KEYS.taxonomy.map((k) => [k, optStr(t[k], `${at}.taxonomy.${k}`)]).filter(([, v]) => v !== undefined),
      ) as Taxonomy;
    }
    const group: Loose<RunGroup> = {
      ...field(r, name, at),
      metric_groups: ifGiven('metric_groups', strList),
      subgroups: ifGiven('subgroups', strList),
      sub_splits: given('sub_splits') === null ? undefined : ifGiven('sub_splits', strList),
      subgroup_display_mode: ifGiven('subgroup_display_mode', (v, w) => oneOf(v, w, DISPLAY_MODES)),
      subgroup_metric_groups_hidden: ifGiven('subgroup_metric_groups_hidden', strList),
      environment,
      category: ifGiven('category', str),
      visibility: ifGiven('visibility', (v, w) => oneOf(v, w, VISIBILITIES)),
      taxonomy,
      todo: ifGiven('todo', bool),
      adapter_keys_shown: ifGiven('adapter_keys_shown', strList),
      short_description: optStr(given('short_description'), `${at}.short_description`),
    };
    return runGroup(group);
  });

  return { metrics, perturbations, metric_groups, run_groups };
}
