/** @module The `helm-summarize` flags (`summarize-flags.ts`) parsed into typed options with HELM's rules and defaults. */
import { UserError } from '../../core/errors.ts';
import { checkSuite, helpText, intFlag, parseFlags, refuseUnsupportedFlags, type FlagTable, type ParsedFlags } from '../cli/flag-table.ts';
import { SUMMARIZE_FLAGS } from './summarize-flags.ts';

export type SchemaValidation = 'error' | 'warn' | 'off';

/** What to summarize: one suite (into its own folder), or a release of several suites. */
export type SummarizeTarget =
  | { readonly kind: 'suite'; readonly suite: string }
  | { readonly kind: 'release'; readonly release: string; readonly suites: readonly string[] };

export interface SummarizeOptions {
  readonly outputPath: string;
  /** Absent with `--auto-generate-schema`. */
  readonly schemaPath?: string;
  readonly schemaValidation: SchemaValidation;
  readonly target: SummarizeTarget;
  readonly numThreads: number;
  readonly debug: boolean;
  readonly skipCompletedRunDisplayJson: boolean;
  readonly localPath: string;
  readonly autoGenerateSchema: boolean;
  /** `--compare SUITE_A SUITE_B`, with its resamples (`--bootstrap-samples`) and format (`--json`). */
  readonly compare?: { readonly suites: readonly [string, string]; readonly resamples?: number; readonly format: 'markdown' | 'json' };
  readonly warnings: readonly string[];
}

const TABLE: FlagTable = {
  name: 'helm-summarize',
  description: 'Summarize a suite (or a release of suites): leaderboard tables, win rates and the files of HELM\'s web viewer',
  flags: SUMMARIZE_FLAGS,
};

/** `--compare`'s suites and settings. */
function compareOptions(suites: readonly string[], parsed: ParsedFlags): NonNullable<SummarizeOptions['compare']> {
  if (suites.length !== 2) throw new UserError(`--compare takes two suites, SUITE_A SUITE_B (got ${suites.length}: ${suites.join(' ') || 'none'}).`);
  const resamples = intFlag('--bootstrap-samples', parsed.raw('bootstrap-samples'), 1);
  return {
    suites: [checkSuite(suites[0]!, '--compare'), checkSuite(suites[1]!, '--compare')],
    ...(resamples === undefined ? {} : { resamples }),
    format: parsed.bool('json') ? 'json' : 'markdown',
  };
}

/** The `--help` text. */
export const summarizeHelpText = (): string => helpText(TABLE);

/**
 * Parses `helm-summarize` arguments (without `node` and the script) with HELM's rules: `--suite` excludes `--release`
 * and `--suites`, which go together; neither means the suite `default`; `--schema-path` excludes
 * `--auto-generate-schema`. `defaultSchemaPath` is the schema used when neither is given.
 */
export function parseSummarizeArgs(argv: readonly string[], defaultSchemaPath: string): SummarizeOptions {
  const parsed = parseFlags(TABLE, argv);
  const { text, bool, list } = parsed;
  refuseUnsupportedFlags(TABLE, parsed.raw);
  const suite = text('suite');
  const release = text('release');
  const suites = list('suites');
  let target: SummarizeTarget;
  if (suite !== undefined && (release !== undefined || suites !== undefined)) {
    throw new UserError('If --suite is specified, then --release and --suites must NOT be specified.');
  } else if (suite !== undefined) {
    target = { kind: 'suite', suite: checkSuite(suite) };
  } else if (release !== undefined || suites !== undefined) {
    if (release === undefined || suites === undefined || suites.length === 0) {
      throw new UserError('If --release is specified, then --suites must also be specified and vice versa (e.g. --release v1 --suites s1 s2).');
    }
    target = { kind: 'release', release: checkSuite(release, '--release'), suites: suites.map((s) => checkSuite(s, '--suites')) };
  } else {
    target = { kind: 'suite', suite: 'default' };
  }
  const schemaPath = text('schema-path');
  if (bool('auto-generate-schema') && schemaPath !== undefined) {
    throw new UserError('--schema-path must be unset if --auto-generate-schema is set.');
  }
  const validation = text('schema-validation') ?? 'warn';
  if (!['error', 'warn', 'off'].includes(validation)) {
    throw new UserError(`argument --schema-validation: invalid choice: '${validation}' (choose from 'error', 'warn', 'off').`);
  }
  const compare = list('compare');
  if (compare === undefined && (parsed.raw('bootstrap-samples') !== undefined || bool('json'))) {
    throw new UserError('--bootstrap-samples and --json go with --compare SUITE_A SUITE_B.');
  }
  return {
    outputPath: text('output-path') ?? 'benchmark_output',
    ...(bool('auto-generate-schema') ? {} : { schemaPath: schemaPath ?? defaultSchemaPath }),
    schemaValidation: validation as SchemaValidation,
    target,
    numThreads: intFlag('-n/--num-threads', parsed.raw('num-threads'), 1) ?? 8,
    debug: bool('debug'),
    skipCompletedRunDisplayJson: bool('skip-completed-run-display-json'),
    localPath: text('local-path') ?? 'prod_env',
    autoGenerateSchema: bool('auto-generate-schema'),
    ...(compare === undefined ? {} : { compare: compareOptions(compare, parsed) }),
    warnings: parsed.warnings,
  };
}
