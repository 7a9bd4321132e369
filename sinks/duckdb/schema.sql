-- The suite's results database, <output>/runs/<suite>/results.duckdb (sinks/duckdb/load-run.ts).
-- Each run is loaded in one transaction at its end; its `runs` row is written last, so a run without
-- a `runs` row is not complete. JSON columns hold HELM's records as written (snake_case fields).
-- Numbers of stats are DOUBLE (HELM's int/float distinction lives in the JSON files, not here).

CREATE TABLE IF NOT EXISTS runs (
  run_name            VARCHAR NOT NULL,   -- HELM run name, e.g. mmlu:subject=anatomy,method=…,model=…
  suite               VARCHAR NOT NULL,
  scenario_class      VARCHAR,            -- run_spec.scenario_spec.class_name
  model               VARCHAR,
  model_deployment    VARCHAR,
  method              VARCHAR,            -- adapter_spec.method
  max_eval_instances  BIGINT,
  num_train_trials    BIGINT,
  groups              VARCHAR[],
  run_spec            JSON,
  completed_at        TIMESTAMPTZ,
  num_request_states  BIGINT,
  num_failed_requests BIGINT
);

CREATE TABLE IF NOT EXISTS request_states (
  run_name            VARCHAR NOT NULL,
  seq                 BIGINT,             -- position in adaptation (HELM) order
  train_trial_index   INTEGER,
  instance_id         VARCHAR,
  split               VARCHAR,
  sub_split           VARCHAR,
  perturbation_name   VARCHAR,            -- NULL for original instances
  perturbation        JSON,
  reference_index     INTEGER,
  request_mode        VARCHAR,
  prompt              VARCHAR,
  completion          VARCHAR,            -- result.completions[0].text
  success             BOOLEAN,            -- NULL when there is no result (dry run)
  cached              BOOLEAN,
  request_time        DOUBLE,
  num_train_instances INTEGER,
  prompt_truncated    BOOLEAN,
  state               JSON                -- the whole RequestState as in scenario_state.json
);

-- Long form: one row per (per-instance entry, stat).
CREATE TABLE IF NOT EXISTS per_instance_stats (
  run_name               VARCHAR NOT NULL,
  position               BIGINT,          -- entry's position in per_instance_stats.json (1-based)
  stat_index             BIGINT,          -- stat's position within the entry (1-based)
  instance_id            VARCHAR,
  train_trial_index      INTEGER,
  perturbation_name      VARCHAR,         -- the instance's perturbation; NULL for originals
  perturbation           JSON,
  metric_name            VARCHAR,
  split                  VARCHAR,
  sub_split              VARCHAR,
  stat_perturbation_name VARCHAR,         -- the stat's MetricName.perturbation
  stat_perturbation      JSON,
  computed_on            VARCHAR,         -- perturbed | original | worst
  count                  BIGINT,
  sum                    DOUBLE,
  sum_squared            DOUBLE,
  min                    DOUBLE,
  max                    DOUBLE,
  mean                   DOUBLE,
  variance               DOUBLE,
  stddev                 DOUBLE
);

CREATE TABLE IF NOT EXISTS stats (
  run_name          VARCHAR NOT NULL,
  position          BIGINT,               -- position in stats.json (1-based)
  metric_name       VARCHAR,
  split             VARCHAR,
  sub_split         VARCHAR,
  perturbation_name VARCHAR,
  perturbation      JSON,
  computed_on       VARCHAR,
  count             BIGINT,
  sum               DOUBLE,
  sum_squared       DOUBLE,
  min               DOUBLE,
  max               DOUBLE,
  mean              DOUBLE,
  variance          DOUBLE,
  stddev            DOUBLE
);
