/**
 * @module The `helm-run` flags (the table in `run-flags.ts`) parsed into typed RunOptions (pipelines/cli/flag-table.ts:
 * like argparse, any unambiguous prefix of a long flag works: `--conf` → `--conf-paths`, `--max-eval` →
 * `--max-eval-instances`).
 */
import { UserError } from '../../core/errors.ts';
import { checkSuite, expandPrefixes, helpText, intFlag, parseFlags, refuseUnsupportedFlags, type FlagTable } from '../cli/flag-table.ts';
import { RUN_FLAGS } from './run-flags.ts';

export { HelpRequested } from '../cli/flag-table.ts';

/** The parsed `helm-run` options, with HELM's defaults. */
export interface RunOptions {
  readonly serverUrl?: string;
  readonly apiKeyPath: string;
  readonly confPaths: readonly string[];
  readonly modelsToRun?: readonly string[];
  readonly groupsToRun?: readonly string[];
  readonly exitOnError: boolean;
  readonly skipCompletedRuns: boolean;
  readonly priority?: number;
  /** The deprecated `--run-specs` entries (they follow `runEntries`). */
  readonly runSpecs: readonly string[];
  readonly runEntries: readonly string[];
  readonly enableHuggingfaceModels: readonly string[];
  readonly enableLocalHuggingfaceModels: readonly string[];
  readonly runnerClassName?: string;
  readonly logConfig?: string;
  readonly plugins?: readonly string[];
  readonly outputPath: string;
  readonly numThreads: number;
  readonly skipInstances: boolean;
  readonly cacheInstances: boolean;
  readonly cacheInstancesOnly: boolean;
  readonly dryRun: boolean;
  readonly maxEvalInstances: number;
  readonly numTrainTrials?: number;
  readonly suite: string;
  readonly localPath: string;
  readonly mongoUri: string;
  readonly disableCache: boolean;
  /** Our request-pool overrides for every deployment (`--max-concurrency` …); absent: each deployment's `rate_limit`. */
  readonly maxConcurrency?: number;
  readonly requestsPerMinute?: number;
  readonly tokensPerMinute?: number;
  /** `--request-timeout`: seconds per attempt. */
  readonly requestTimeoutSeconds?: number;
  /** `--skip-helm-json`: no scenario_state.json / per_instance_stats.json; the NDJSON twins and DuckDB hold the records. */
  readonly skipHelmJson: boolean;
  /** Notes for the user about the flags themselves (deprecated or no-op flags). */
  readonly warnings: readonly string[];
}

const RUN_TABLE: FlagTable = {
  name: 'helm-run',
  description: 'Run HELM evaluations: run entries → RunSpecs → runs under <output-path>/runs/<suite>/',
  flags: RUN_FLAGS,
};

const camel = (long: string): string => long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Refuses the HELM flags we parse but do not implement (`unsupported` in RUN_FLAGS), naming each with why: using one
 * is an error, never a silent no-op.
 */
export function refuseUnsupported(options: RunOptions): void {
  const fields = options as unknown as Readonly<Record<string, unknown>>;
  refuseUnsupportedFlags(RUN_TABLE, (long) => fields[camel(long)]);
}

/** argparse's abbreviations of `helm-run`'s flags (see `expandPrefixes`). */
export const expandFlagPrefixes = (argv: readonly string[]): string[] => expandPrefixes(argv, RUN_FLAGS);

/**
 * Parses `helm-run` arguments (without `node` and the script). Throws UserError for unknown, ambiguous,
 * missing or ill-typed flags, and HelpRequested for `-h/--help`. A list flag given several times
 * accumulates (argparse keeps only the last; HELM's tutorial repeats `--run-specs` once per entry).
 * @example parseRunArgs(['--conf', 'run_specs.conf', '--suite', 'v1', '--max-eval', '10'])
 */
export function parseRunArgs(argv: readonly string[]): RunOptions {
  const parsed = parseFlags(RUN_TABLE, argv);
  const { text, bool } = parsed;
  const get = parsed.raw;
  const list = parsed.list;
  const maxEvalInstances = intFlag('-m/--max-eval-instances', get('max-eval-instances'), 0);
  if (maxEvalInstances === undefined) {
    throw new UserError('the following arguments are required: -m/--max-eval-instances (e.g. -m 10).');
  }
  if (bool('cache-instances-only') && !bool('cache-instances')) {
    throw new UserError('If --cache-instances-only is set, --cache-instances must also be set.');
  }
  const warnings = parsed.warnings;
  const runSpecs = list('run-specs') ?? [];
  if (runSpecs.length > 0) {
    warnings.push('The --run-specs flag is deprecated and will be removed in a future release. Use --run-entries instead.');
  }
  const optionalFields = {
    serverUrl: text('server-url'),
    modelsToRun: list('models-to-run'),
    groupsToRun: list('groups-to-run'),
    priority: intFlag('--priority', get('priority'), Number.MIN_SAFE_INTEGER),
    runnerClassName: text('runner-class-name'),
    logConfig: text('log-config'),
    plugins: list('plugins'),
    numTrainTrials: intFlag('-t/--num-train-trials', get('num-train-trials'), 1),
    maxConcurrency: intFlag('--max-concurrency', get('max-concurrency'), 1),
    requestsPerMinute: intFlag('--requests-per-minute', get('requests-per-minute'), 1),
    tokensPerMinute: intFlag('--tokens-per-minute', get('tokens-per-minute'), 1),
    requestTimeoutSeconds: intFlag('--request-timeout', get('request-timeout'), 1),
  };
  return {
    ...(Object.fromEntries(Object.entries(optionalFields).filter(([, v]) => v !== undefined)) as Partial<RunOptions>),
    apiKeyPath: text('api-key-path') ?? 'proxy_api_key.txt',
    confPaths: list('conf-paths') ?? [],
    exitOnError: bool('exit-on-error'),
    skipCompletedRuns: bool('skip-completed-runs'),
    runSpecs,
    runEntries: list('run-entries') ?? [],
    enableHuggingfaceModels: list('enable-huggingface-models') ?? [],
    enableLocalHuggingfaceModels: list('enable-local-huggingface-models') ?? [],
    outputPath: text('output-path') ?? 'benchmark_output',
    numThreads: intFlag('-n/--num-threads', get('num-threads'), 1) ?? 4,
    skipInstances: bool('skip-instances'),
    cacheInstances: bool('cache-instances'),
    cacheInstancesOnly: bool('cache-instances-only'),
    dryRun: bool('dry-run'),
    maxEvalInstances,
    suite: checkSuite(text('suite') ?? 'default'),
    localPath: text('local-path') ?? 'prod_env',
    mongoUri: text('mongo-uri') ?? '',
    disableCache: bool('disable-cache'),
    skipHelmJson: bool('skip-helm-json'),
    warnings,
  };
}

/** The `--help` text. */
export const runHelpText = (): string => helpText(RUN_TABLE);
