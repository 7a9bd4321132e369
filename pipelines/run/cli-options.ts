/**
 * @module The `helm-run` flags (the table in `run-flags.ts`) parsed with commander into typed RunOptions. Like argparse,
 * any unambiguous prefix of a long flag works (`--conf` → `--conf-paths`, `--max-eval` → `--max-eval-instances`).
 */
import { Command, CommanderError } from 'commander';
import { closeMatches, UserError } from '../../core/errors.ts';
import { parsePyInt } from './py-text.ts';
import { RUN_FLAGS, supportNote } from './run-flags.ts';

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

/** Thrown by `parseRunArgs` for `-h/--help`; `text` is the help to print (exit 0). */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';
  constructor(readonly text: string) {
    super('help requested');
  }
}

const camel = (long: string): string => long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Whether a flag was given a value: not absent, not '' (HELM's default --mongo-uri), not an empty list. */
function isGiven(value: unknown): boolean {
  return value !== undefined && value !== false && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/**
 * Refuses the HELM flags we parse but do not implement (`unsupported` in RUN_FLAGS), naming each with why: using one
 * is an error, never a silent no-op.
 */
export function refuseUnsupported(options: RunOptions): void {
  const fields = options as unknown as Readonly<Record<string, unknown>>;
  const used = RUN_FLAGS.filter((flag) => flag.unsupported !== undefined && isGiven(fields[camel(flag.long)]));
  if (used.length > 0) {
    throw new UserError(`Not supported yet: ${used.map((flag) => `--${flag.long} (${flag.unsupported})`).join(', ')}. Run without it.`);
  }
}

function buildCommand(output: { text: string }): Command {
  const command = new Command('helm-run')
    .description('Run HELM evaluations: run entries → RunSpecs → runs under <output-path>/runs/<suite>/')
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({ writeOut: (s) => (output.text += s), writeErr: () => {} });
  for (const flag of RUN_FLAGS) {
    const names = `${flag.short === undefined ? '' : `-${flag.short}, `}--${flag.long}`;
    const argument = { string: ' <value>', int: ' <n>', bool: '', list: ' <values...>', optionalList: ' [values...]' }[flag.kind];
    command.option(names + argument, flag.help + supportNote(flag));
  }
  return command;
}

/**
 * argparse's abbreviations, done before commander sees the argv: a `--prefix` (optionally `=value`)
 * matching exactly one long flag is expanded; one matching several is an error. `-x=value` becomes
 * `-x value` as in argparse. Everything after `--` is left alone.
 */
export function expandFlagPrefixes(argv: readonly string[]): string[] {
  const longs = [...RUN_FLAGS.map((f) => f.long), 'help'];
  const shorts = new Set(RUN_FLAGS.flatMap((f) => (f.short === undefined ? [] : [f.short])));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const short = /^-([a-zA-Z])=(.*)$/s.exec(arg);
    if (short !== null && shorts.has(short[1]!)) {
      out.push(`-${short[1]}`, short[2]!);
      continue;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      out.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const typed = arg.slice(2, equals < 0 ? undefined : equals);
    const rest = equals < 0 ? '' : arg.slice(equals);
    if (longs.includes(typed)) {
      out.push(arg);
      continue;
    }
    const matches = longs.filter((long) => long.startsWith(typed) && !RUN_FLAGS.find((f) => f.long === long)?.isExactOnly);
    if (matches.length > 1) {
      throw new UserError(`Ambiguous option --${typed}: could match ${matches.map((m) => `--${m}`).join(', ')}.`);
    }
    out.push(matches.length === 1 ? `--${matches[0]}${rest}` : arg);
  }
  return out;
}

function commanderMessage(error: CommanderError): string {
  const unknown = /unknown option '(--?[^']+)'/.exec(error.message);
  if (unknown !== null) {
    const flag = unknown[1]!.replace(/^-+/, '');
    const longs = RUN_FLAGS.map((f) => f.long);
    // Close spellings, else flags sharing the first word (HELM's docs say --conf-file for --conf-paths).
    const firstWord = flag.split('-')[0]!;
    const close = closeMatches(flag, longs);
    if (close.length === 0) close.push(...longs.filter((long) => long.split('-')[0] === firstWord));
    return `Unknown option ${unknown[1]}.${close.length > 0 ? ` Did you mean: ${close.map((c) => `--${c}`).join(', ')}?` : ''} See --help.`;
  }
  return `${error.message.replace(/^error: /, '')}. See --help.`;
}

/**
 * An int flag as Python `int()` reads it, from `min` to the largest integer a double holds exactly (2^53 − 1): a bigger
 * one would be changed silently here and refused by DuckDB at the very end of a run.
 */
function intFlag(flag: string, raw: unknown, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const max = Number.MAX_SAFE_INTEGER;
  const value = parsePyInt(String(raw));
  if (value === undefined) throw new UserError(`argument ${flag}: invalid int value: '${String(raw)}' (give an integer from ${min} to ${max}).`);
  if (value < min) throw new UserError(`argument ${flag}: must be at least ${min}, got ${String(raw).trim()}.`);
  if (value > max) throw new UserError(`argument ${flag}: must be an integer from ${min} to ${max}, got ${String(raw).trim()}.`);
  return value;
}

/** What is wrong with a `--suite`, which names one folder `<output-path>/runs/<suite>`, if anything. */
function suiteProblem(suite: string): string | undefined {
  if (suite === '') return 'is empty';
  if (/[/\\\0]/.test(suite)) return "contains a '/', '\\' or NUL";
  if (suite === '.' || suite === '..') return `is '${suite}'`;
  return undefined;
}

function checkSuite(suite: string): string {
  const problem = suiteProblem(suite);
  if (problem === undefined) return suite;
  throw new UserError(
    `argument --suite ${problem}: it names one folder, <output-path>/runs/<suite>, so give a plain name such as --suite v1 (got '${suite}').`,
  );
}

/** A list flag's value: commander gives `true` for an optional list typed with no values. */
const list = (raw: unknown): string[] | undefined => (raw === undefined ? undefined : raw === true ? [] : (raw as string[]));

/**
 * Parses `helm-run` arguments (without `node` and the script). Throws UserError for unknown, ambiguous,
 * missing or ill-typed flags, and HelpRequested for `-h/--help`. A list flag given several times
 * accumulates (argparse keeps only the last; HELM's tutorial repeats `--run-specs` once per entry).
 * @example parseRunArgs(['--conf', 'run_specs.conf', '--suite', 'v1', '--max-eval', '10'])
 */
export function parseRunArgs(argv: readonly string[]): RunOptions {
  const output = { text: '' };
  const command = buildCommand(output);
  try {
    command.parse(expandFlagPrefixes(argv), { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') throw new HelpRequested(output.text);
      throw new UserError(commanderMessage(error), { cause: error });
    }
    throw error;
  }
  const raw = command.opts<Record<string, unknown>>();
  const get = (long: string): unknown => raw[camel(long)];
  const text = (long: string): string | undefined => get(long) as string | undefined;
  const bool = (long: string): boolean => get(long) === true;

  const maxEvalInstances = intFlag('-m/--max-eval-instances', get('max-eval-instances'), 0);
  if (maxEvalInstances === undefined) {
    throw new UserError('the following arguments are required: -m/--max-eval-instances (e.g. -m 10).');
  }
  if (bool('cache-instances-only') && !bool('cache-instances')) {
    throw new UserError('If --cache-instances-only is set, --cache-instances must also be set.');
  }
  const warnings = RUN_FLAGS.filter((flag) => flag.noEffect !== undefined && isGiven(get(flag.long))).map(
    (flag) => `--${flag.long} has no effect here: ${flag.noEffect}.`,
  );
  const runSpecs = list(get('run-specs')) ?? [];
  if (runSpecs.length > 0) {
    warnings.push('The --run-specs flag is deprecated and will be removed in a future release. Use --run-entries instead.');
  }
  const optionalFields = {
    serverUrl: text('server-url'),
    modelsToRun: list(get('models-to-run')),
    groupsToRun: list(get('groups-to-run')),
    priority: intFlag('--priority', get('priority'), Number.MIN_SAFE_INTEGER),
    runnerClassName: text('runner-class-name'),
    logConfig: text('log-config'),
    plugins: list(get('plugins')),
    numTrainTrials: intFlag('-t/--num-train-trials', get('num-train-trials'), 1),
    maxConcurrency: intFlag('--max-concurrency', get('max-concurrency'), 1),
    requestsPerMinute: intFlag('--requests-per-minute', get('requests-per-minute'), 1),
    tokensPerMinute: intFlag('--tokens-per-minute', get('tokens-per-minute'), 1),
    requestTimeoutSeconds: intFlag('--request-timeout', get('request-timeout'), 1),
  };
  return {
    ...(Object.fromEntries(Object.entries(optionalFields).filter(([, v]) => v !== undefined)) as Partial<RunOptions>),
    apiKeyPath: text('api-key-path') ?? 'proxy_api_key.txt',
    confPaths: list(get('conf-paths')) ?? [],
    exitOnError: bool('exit-on-error'),
    skipCompletedRuns: bool('skip-completed-runs'),
    runSpecs,
    runEntries: list(get('run-entries')) ?? [],
    enableHuggingfaceModels: list(get('enable-huggingface-models')) ?? [],
    enableLocalHuggingfaceModels: list(get('enable-local-huggingface-models')) ?? [],
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
export function runHelpText(): string {
  return buildCommand({ text: '' }).helpInformation();
}
