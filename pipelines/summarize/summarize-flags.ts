/**
 * @module The `helm-summarize` flags as one typed table, in HELM 0.5.16's `--help` order (`presentation/summarize.py:
 * main`), with ours after; `summarize-options.ts` parses them.
 */
import type { FlagSpec } from '../cli/flag-table.ts';

export const SUMMARIZE_FLAGS: readonly FlagSpec[] = [
  { long: 'output-path', short: 'o', kind: 'string', help: 'Where the benchmarking output lives (default: benchmark_output)' },
  { long: 'schema-path', kind: 'string', help: 'A schema YAML in HELM\'s format (default: configs/schema_classic.yaml)' },
  { long: 'schema-validation', kind: 'string', help: 'error (stop on schema errors), warn (print them) or off (default: warn)' },
  { long: 'suite', kind: 'string', help: 'The suite to summarize, <output-path>/runs/<suite> (default: default)' },
  { long: 'release', kind: 'string', help: 'A release to write under <output-path>/releases/<release>, with --suites' },
  { long: 'suites', kind: 'list', help: 'The suites of the release' },
  {
    long: 'num-threads', short: 'n', kind: 'int',
    help: 'How many runs\' display files are written at once (default: 8)',
  },
  { long: 'debug', kind: 'bool', help: 'Cell descriptions also list the run specs behind each cell' },
  { long: 'skip-completed-run-display-json', kind: 'bool', help: 'Keep the display files of runs that already have all three' },
  { long: 'local-path', kind: 'string', help: 'Where model_metadata.yaml and model_deployments.yaml are (default: prod_env)' },
  {
    long: 'allow-unknown-models', kind: 'string',
    help: 'Whether models missing from the model metadata are allowed (default: True)',
    noEffect: 'as in HELM, where it is parsed with bool() so that any value given is true, unknown models are always allowed (shown under their own name)',
  },
  {
    long: 'summarizer-class-name', kind: 'string', help: 'EXPERIMENTAL in HELM: a Summarizer subclass to use',
    unsupported: 'there are no Python Summarizer classes here',
  },
  { long: 'log-config', kind: 'string', help: 'A YAML file customizing logging', noEffect: 'this command logs to stderr only' },
  { long: 'auto-generate-schema', kind: 'bool', help: 'EXPERIMENTAL: no schema file; metrics and groups are made from the suite itself' },
  {
    long: 'compare', kind: 'list', isExactOnly: true,
    help: 'Ours: compare two suites, SUITE_A SUITE_B, per run and metric (values, difference, paired bootstrap); writes nothing',
  },
  { long: 'bootstrap-samples', kind: 'int', isExactOnly: true, help: 'Ours, with --compare: bootstrap resamples per run and metric (default: 1000)' },
  { long: 'json', kind: 'bool', isExactOnly: true, help: 'Ours, with --compare: print one JSON object per line (NDJSON) instead of a table' },
];
