// Static mode, runs: the rows of /api/runs and the run of /api/run, built from HELM's files (pure).

/** HELM perturbation class → its `name` (the names PerturbationDescription carries). */
const PERTURBATION_NAMES = {
  ExtraSpacePerturbation: 'extra_space', SpacePerturbation: 'space', LowerCasePerturbation: 'lowercase',
  ContractionPerturbation: 'contraction', ExpansionPerturbation: 'expansion', MisspellingPerturbation: 'misspellings',
  TyposPerturbation: 'typos', FillerWordsPerturbation: 'filler_words', SynonymPerturbation: 'synonym',
  DialectPerturbation: 'dialect', GenderPerturbation: 'gender', PersonNamePerturbation: 'person_name',
  MildMixPerturbation: 'mild_mix', ContrastSetsPerturbation: 'contrast_sets',
};

/** The perturbation name of a PerturbationSpec class_name (the table above, else the class in snake_case). */
export function perturbationName(className) {
  const cls = String(className).split('.').pop() ?? '';
  if (PERTURBATION_NAMES[cls]) return PERTURBATION_NAMES[cls];
  return cls.replace(/Perturbation$/, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** A /api/runs row from a RunSpec (the fields static files do not hold are null or 0). */
export function runRow(spec, suite) {
  const adapter = spec.adapter_spec ?? {};
  const specs = spec.data_augmenter_spec?.perturbation_specs ?? [];
  return {
    run_name: spec.name,
    suite,
    scenario: String(spec.name).split(':')[0],
    scenario_class: spec.scenario_spec?.class_name ?? null,
    model: adapter.model ?? null,
    model_deployment: adapter.model_deployment ?? null,
    method: adapter.method ?? null,
    groups: spec.groups ?? [],
    perturbations: specs.map((p) => perturbationName(p.class_name)),
    num_request_states: null,
    num_failed_requests: null,
    completed_at: null,
  };
}

/** /api/runs over rows in memory: q (case-insensitive substring of the name), exact filters, sorted, paged, facets. */
export function queryRuns(rows, { q = '', scenario = '', model = '', group = '', perturbation = '', offset = 0, limit = 50 } = {}) {
  const needle = q.toLowerCase();
  const matches = rows
    .filter((r) => !needle || r.run_name.toLowerCase().includes(needle))
    .filter((r) => !scenario || r.scenario === scenario)
    .filter((r) => !model || r.model === model)
    .filter((r) => !group || r.groups.includes(group))
    .filter((r) => !perturbation || r.perturbations.includes(perturbation))
    .sort((a, b) => (a.run_name < b.run_name ? -1 : a.run_name > b.run_name ? 1 : 0));
  const sorted = (values) => [...new Set(values.filter((v) => v !== null && v !== undefined))].sort();
  return {
    total: matches.length,
    offset: Number(offset),
    limit: Number(limit),
    runs: matches.slice(Number(offset), Number(offset) + Number(limit)),
    facets: {
      scenarios: sorted(rows.map((r) => r.scenario)),
      models: sorted(rows.map((r) => r.model)),
      groups: sorted(rows.flatMap((r) => r.groups)),
      perturbations: sorted(rows.flatMap((r) => r.perturbations)),
    },
  };
}

/** The main metric of a run: the first of its groups whose schema environment names one; else null. */
export function mainMetricOf(schema, groups) {
  for (const name of groups ?? []) {
    const env = (schema?.run_groups ?? []).find((g) => g.name === name)?.environment;
    if (env?.main_name) return { name: env.main_name, split: env.main_split ?? null };
  }
  return null;
}

/** /api/run's stats rows from HELM's stats.json. */
export function statRows(stats) {
  return stats.map((s, position) => {
    const p = s.name.perturbation ?? null;
    return {
      position, metric_name: s.name.name, split: s.name.split ?? null, sub_split: s.name.sub_split ?? null,
      perturbation_name: p?.name ?? null, perturbation: p, computed_on: p?.computed_on ?? null,
      count: s.count, sum: s.sum ?? null, sum_squared: s.sum_squared ?? null, min: s.min ?? null, max: s.max ?? null,
      mean: s.mean ?? null, variance: s.variance ?? null, stddev: s.stddev ?? null,
    };
  });
}

/** /api/run from run_spec.json, stats.json and schema.json. */
export function runDetail(spec, stats, schema, suite) {
  const rows = statRows(stats);
  const distinct = (values) => [...new Set(values.filter((v) => v !== null))].sort();
  return {
    run: { ...runRow(spec, suite), run_spec: spec },
    stats: rows,
    main_metric: mainMetricOf(schema, spec.groups),
    splits: distinct(rows.map((r) => r.split)),
    perturbations: distinct(rows.map((r) => r.perturbation_name)),
  };
}
