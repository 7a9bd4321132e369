/**
 * @module The results store's schema, owned here alone: its four tables, their columns and types, and how each is
 * made from the run's NDJSON records. Summarize, `sql` and the viewer read these tables; `run-store.ts` writes them
 * as Parquet files in each run directory and `suite-store.ts` makes the suite's `results.duckdb` views over them.
 * Numbers of stats are DOUBLE (HELM's int/float distinction lives in the JSON files, not here); JSON columns hold
 * HELM's records as written (snake_case fields).
 */

export const STORE_TABLES = ['runs', 'request_states', 'per_instance_stats', 'stats'] as const;
export type StoreTable = (typeof STORE_TABLES)[number];

type Columns = readonly (readonly [name: string, type: string])[];

const STAT_NUMBERS: Columns = [
  ['count', 'BIGINT'],
  ['sum', 'DOUBLE'],
  ['sum_squared', 'DOUBLE'],
  ['min', 'DOUBLE'],
  ['max', 'DOUBLE'],
  ['mean', 'DOUBLE'],
  ['variance', 'DOUBLE'],
  ['stddev', 'DOUBLE'],
];

/** Every table's columns, in order. A run that has no `runs` row is not complete and shows in no table. */
export const STORE_COLUMNS: Readonly<Record<StoreTable, Columns>> = {
  runs: [
    ['run_name', 'VARCHAR'], // HELM run name, e.g. mmlu:subject=anatomy,method=…,model=…
    ['suite', 'VARCHAR'],
    ['scenario_class', 'VARCHAR'], // run_spec.scenario_spec.class_name
    ['model', 'VARCHAR'],
    ['model_deployment', 'VARCHAR'],
    ['method', 'VARCHAR'], // adapter_spec.method
    ['max_eval_instances', 'BIGINT'],
    ['num_train_trials', 'BIGINT'],
    ['groups', 'VARCHAR[]'],
    ['run_spec', 'JSON'],
    ['completed_at', 'TIMESTAMPTZ'],
    ['num_request_states', 'BIGINT'],
    ['num_failed_requests', 'BIGINT'],
  ],
  request_states: [
    ['run_name', 'VARCHAR'],
    ['seq', 'BIGINT'], // position in adaptation (HELM) order
    ['train_trial_index', 'INTEGER'],
    ['instance_id', 'VARCHAR'],
    ['split', 'VARCHAR'],
    ['sub_split', 'VARCHAR'],
    ['perturbation_name', 'VARCHAR'], // NULL for original instances
    ['perturbation', 'JSON'],
    ['reference_index', 'INTEGER'],
    ['request_mode', 'VARCHAR'],
    ['prompt', 'VARCHAR'],
    ['completion', 'VARCHAR'], // result.completions[0].text
    ['success', 'BOOLEAN'], // NULL when there is no result (dry run)
    ['cached', 'BOOLEAN'],
    ['request_time', 'DOUBLE'],
    ['num_train_instances', 'INTEGER'],
    ['prompt_truncated', 'BOOLEAN'],
    ['state', 'JSON'], // the whole RequestState as in scenario_state.json
  ],
  // Long form: one row per (per-instance entry, stat).
  per_instance_stats: [
    ['run_name', 'VARCHAR'],
    ['position', 'BIGINT'], // the entry's position in per_instance_stats.json (1-based)
    ['stat_index', 'BIGINT'], // the stat's position within the entry (1-based)
    ['instance_id', 'VARCHAR'],
    ['train_trial_index', 'INTEGER'],
    ['perturbation_name', 'VARCHAR'], // the instance's perturbation; NULL for originals
    ['perturbation', 'JSON'],
    ['metric_name', 'VARCHAR'],
    ['split', 'VARCHAR'],
    ['sub_split', 'VARCHAR'],
    ['stat_perturbation_name', 'VARCHAR'], // the stat's MetricName.perturbation
    ['stat_perturbation', 'JSON'],
    ['computed_on', 'VARCHAR'], // perturbed | original | worst
    ...STAT_NUMBERS,
  ],
  stats: [
    ['run_name', 'VARCHAR'],
    ['position', 'BIGINT'], // position in stats.json (1-based)
    ['metric_name', 'VARCHAR'],
    ['split', 'VARCHAR'],
    ['sub_split', 'VARCHAR'],
    ['perturbation_name', 'VARCHAR'],
    ['perturbation', 'JSON'],
    ['computed_on', 'VARCHAR'],
    ...STAT_NUMBERS,
  ],
};

/** `SELECT <expr>::<type> AS <column>, …` over `source`, `exprs` giving each column's expression (NULL when absent). */
function typedSelect(table: StoreTable, exprs: Readonly<Record<string, string>>, source: string): string {
  const columns = STORE_COLUMNS[table].map(([name, type]) => `(${exprs[name] ?? 'NULL'})::${type} AS "${name}"`);
  return `SELECT ${columns.join(',\n  ')}\n${source}`;
}

/** The table with no rows, with its columns' types (the suite's views need one file to bind to). */
export const emptyTableSelect = (table: StoreTable): string => `${typedSelect(table, {}, '')} LIMIT 0`;

// Each request state line is parsed once into the typed fields (a field absent from a record, such as the
// perturbation of an original or the result of a dry run, reads as NULL) and kept whole as `state`.
const REQUEST_STATE_TYPE = JSON.stringify({
  seq: 'BIGINT',
  train_trial_index: 'INTEGER',
  instance: { id: 'VARCHAR', split: 'VARCHAR', sub_split: 'VARCHAR', perturbation: 'JSON' },
  reference_index: 'INTEGER',
  request_mode: 'VARCHAR',
  request: { prompt: 'VARCHAR' },
  result: { success: 'BOOLEAN', cached: 'BOOLEAN', request_time: 'DOUBLE', completions: [{ text: 'VARCHAR' }] },
  num_train_instances: 'INTEGER',
  prompt_truncated: 'BOOLEAN',
});

/** Request states from an NDJSON file of HELM RequestStates with a leading `seq` (parameters `$file`, `$run_name`). */
export const REQUEST_STATES_FROM_NDJSON = typedSelect(
  'request_states',
  {
    run_name: '$run_name',
    seq: 'r.seq',
    train_trial_index: 'r.train_trial_index',
    instance_id: 'r.instance.id',
    split: 'r.instance.split',
    sub_split: 'r.instance.sub_split',
    perturbation_name: "r.instance.perturbation->>'$.name'",
    perturbation: 'r.instance.perturbation',
    reference_index: 'r.reference_index',
    request_mode: 'r.request_mode',
    prompt: 'r.request.prompt',
    completion: 'r.result.completions[1].text',
    success: 'r.result.success',
    cached: 'r.result.cached',
    request_time: 'r.result.request_time',
    num_train_instances: 'r.num_train_instances',
    prompt_truncated: 'r.prompt_truncated',
    state: 'j',
  },
  `FROM (SELECT json AS j, from_json(json, '${REQUEST_STATE_TYPE}') AS r FROM read_ndjson_objects($file))`,
);

/** DuckDB's type of a HELM MetricName, and of a Stat's numbers (`count BIGINT, sum DOUBLE, …`), for read_json. */
export const NAME_TYPE = 'STRUCT(name VARCHAR, split VARCHAR, sub_split VARCHAR, perturbation JSON)';
export const STAT_FIELDS_TYPE = STAT_NUMBERS.map(([name, type]) => `${name} ${type}`).join(', ');

/** The expressions of one stat `s` (a struct with `name` and the numbers), shared by both stats tables. */
const statExprs = (prefix: string): Record<string, string> => ({
  metric_name: 's.name.name',
  split: 's.name.split',
  sub_split: 's.name.sub_split',
  [`${prefix}perturbation_name`]: "s.name.perturbation->>'$.name'",
  [`${prefix}perturbation`]: 's.name.perturbation',
  computed_on: "s.name.perturbation->>'$.computed_on'",
  ...Object.fromEntries(STAT_NUMBERS.map(([name]) => [name, `s.${name}`])),
});

/** `<expr> AS <column>, …` of a stat `s` read with NAME_TYPE and STAT_FIELDS_TYPE (`stat_` prefixes per_instance_stats' perturbation columns). */
export const statColumnsSql = (prefix: '' | 'stat_'): string =>
  Object.entries(statExprs(prefix)).map(([column, expr]) => `${expr} AS ${column}`).join(',\n  ');

/**
 * Per-instance stats (long form) from an NDJSON file of HELM PerInstanceStats (parameters `$file`, `$run_name`,
 * `$offset`: the entries before this file). Parsed straight into typed structs by read_json.
 */
export const PER_INSTANCE_STATS_FROM_NDJSON = typedSelect(
  'per_instance_stats',
  {
    run_name: '$run_name',
    position: 'position + $offset',
    stat_index: 'stat_index',
    instance_id: 'instance_id',
    train_trial_index: 'train_trial_index',
    perturbation_name: "perturbation->>'$.name'",
    perturbation: 'perturbation',
    ...statExprs('stat_'),
  },
  `FROM (
  SELECT ordinality AS position, instance_id, train_trial_index, perturbation,
    unnest(stats) AS s, generate_subscripts(stats, 1) AS stat_index
  FROM read_json($file, format = 'newline_delimited', columns = {
    instance_id: 'VARCHAR', train_trial_index: 'INTEGER', perturbation: 'JSON',
    stats: 'STRUCT(name ${NAME_TYPE}, ${STAT_FIELDS_TYPE})[]'
  }) WITH ORDINALITY)`,
);

/** Stats from a file of HELM Stats, NDJSON or stats.json's array (parameters `$file`, `$run_name`). */
export const statsFromJson = (format: 'newline_delimited' | 'array'): string =>
  typedSelect(
    'stats',
    { run_name: '$run_name', position: 's.ordinality', ...statExprs('') },
    `FROM read_json($file, format = '${format}', columns = {
  name: '${NAME_TYPE}', ${STAT_NUMBERS.map(([name, type]) => `${name}: '${type}'`).join(', ')}
}) WITH ORDINALITY AS s`,
  );

/** The one `runs` row (parameters as `runRowParams` makes them). */
export const RUN_ROW = typedSelect('runs', {
  run_name: '$run_name',
  suite: '$suite',
  scenario_class: '$scenario_class',
  model: '$model',
  model_deployment: '$model_deployment',
  method: '$method',
  max_eval_instances: '$max_eval_instances::BIGINT',
  num_train_trials: '$num_train_trials::BIGINT',
  groups: '$groups::JSON::VARCHAR[]',
  run_spec: '$run_spec::JSON',
  completed_at: 'now()',
  num_request_states: '$num_request_states::BIGINT',
  num_failed_requests: '$num_failed_requests::BIGINT',
}, '');
