/**
 * @module The `helm-run` flags as one typed table, in HELM's `--help` order (HELM `run.py: build_parser` +
 * `add_run_args` + `add_service_args`), with ours after; `cli-options.ts` parses them.
 */

import type { FlagSpec } from '../cli/flag-table.ts';

/** Every flag, in HELM's `--help` order; defaults are applied in `parseRunArgs`. */
export const RUN_FLAGS: readonly FlagSpec[] = [
  {
    long: 'server-url', kind: 'string', help: 'URL of a proxy server to send requests to (default: run clients locally)',
    unsupported: 'there is no proxy server; clients run in this process',
  },
  {
    long: 'api-key-path', kind: 'string', help: 'File with the proxy API key (default: proxy_api_key.txt)',
    noEffect: 'it is read only with --server-url',
  },
  { long: 'conf-paths', short: 'c', kind: 'list', help: 'HOCON conf files of run entries' },
  { long: 'models-to-run', kind: 'list', help: 'Only RunSpecs with these models; replaces model groups such as model=text' },
  { long: 'groups-to-run', kind: 'list', help: 'Only RunSpecs with these (scenario) groups' },
  { long: 'exit-on-error', kind: 'bool', help: 'Stop at the first failed run' },
  { long: 'skip-completed-runs', kind: 'bool', help: 'Skip runs whose output files all exist' },
  { long: 'priority', kind: 'int', help: 'Run entries with priority ≤ this number (default: all)' },
  { long: 'run-specs', kind: 'optionalList', help: 'DEPRECATED: use --run-entries' },
  { long: 'run-entries', short: 'r', kind: 'optionalList', help: 'Run entries, e.g. mmlu:subject=anatomy,model=simple/model1' },
  {
    long: 'enable-huggingface-models', kind: 'list', help: 'Hugging Face Hub models to register: namespace/name[@revision]',
    unsupported: 'add a deployment to model_deployments.yaml under --local-path',
  },
  {
    long: 'enable-local-huggingface-models', kind: 'list', help: 'Local Hugging Face model paths to register',
    unsupported: 'add a deployment to model_deployments.yaml under --local-path',
  },
  {
    long: 'runner-class-name', kind: 'string', help: 'Full class name of the Runner to use (default: the standard runner)',
    unsupported: 'there is one runner',
  },
  { long: 'log-config', kind: 'string', help: 'YAML file configuring logging', noEffect: 'logs go to stderr' },
  {
    long: 'plugins', kind: 'list', help: 'Modules or files registering custom run specs, scenarios or models',
    unsupported: 'a new run spec, scenario or client is a file and a registry line',
  },
  { long: 'output-path', short: 'o', kind: 'string', help: 'Where to save all the output (default: benchmark_output)' },
  { long: 'num-threads', short: 'n', kind: 'int', help: 'Maximum number of concurrent requests (default: 4)' },
  { long: 'skip-instances', kind: 'bool', help: 'Create no instances: only parse everything' },
  { long: 'cache-instances', kind: 'bool', help: 'Save instances to disk, or read them from there if saved' },
  { long: 'cache-instances-only', kind: 'bool', help: 'Only create and save instances (needs --cache-instances)' },
  { long: 'dry-run', short: 'd', kind: 'bool', help: 'Skip execution: only write scenario states and estimate token usage' },
  { long: 'max-eval-instances', short: 'm', kind: 'int', help: 'Maximum number of eval instances (required); a value set in the run entry wins' },
  { long: 'num-train-trials', short: 't', kind: 'int', help: 'Trials, each with different in-context examples (overrides the run spec)' },
  { long: 'suite', kind: 'string', help: 'Name of the suite the runs belong to (default: default)' },
  { long: 'local-path', kind: 'string', help: 'Directory of credentials.conf, model configs and the cache (default: prod_env)' },
  {
    long: 'mongo-uri', kind: 'string', help: 'MongoDB URL for the request cache instead of the local one',
    unsupported: 'the request cache is LMDB under --local-path',
  },
  { long: 'disable-cache', kind: 'bool', help: 'Use no request or tokenizer cache' },
  {
    long: 'local', kind: 'bool', isExactOnly: true, help: 'Run locally (a flag of older HELM versions, still in its tutorial)',
    noEffect: 'runs are always local',
  },
  // Ours, not HELM's. --max-concurrency is matched in full only, so `--max` still abbreviates --max-eval-instances.
  { long: 'max-concurrency', kind: 'int', isExactOnly: true, help: 'Requests in flight per deployment at most (overrides rate_limit in every deployment)' },
  { long: 'requests-per-minute', kind: 'int', help: 'Requests per minute per deployment at most (overrides rate_limit in every deployment)' },
  { long: 'tokens-per-minute', kind: 'int', help: 'Prompt + completion tokens per minute per deployment at most (overrides rate_limit in every deployment)' },
  { long: 'request-timeout', kind: 'int', help: 'Seconds one attempt of a request may take before it is retried (default: 600)' },
  {
    long: 'skip-helm-json', kind: 'bool', isExactOnly: true,
    help: 'Write no scenario_state.json / per_instance_stats.json (the big HELM-format copies): NDJSON and DuckDB only',
  },
];
