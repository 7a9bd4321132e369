/**
 * @module The `helm-server` flags (HELM 0.5.16's `benchmark/server.py`, with ours after) and their parsing into typed
 * options.
 */
import { UserError } from '../../core/errors.ts';
import { checkSuite, helpText, intFlag, parseFlags, refuseUnsupportedFlags, type FlagSpec, type FlagTable } from '../cli/flag-table.ts';

const SERVE_FLAGS: readonly FlagSpec[] = [
  { long: 'port', short: 'p', kind: 'int', help: 'What port to listen on (default: 8000; 0 picks a free one)' },
  { long: 'output-path', short: 'o', kind: 'string', help: 'The location of the output path (default: benchmark_output)' },
  {
    long: 'cache-output-path', kind: 'string',
    help: 'The location of the filesystem cache output folder, served at /cache/output (default: prod_env/cache/output)',
  },
  { long: 'suite', kind: 'string', help: 'Name of the suite to serve (default: the most recently summarized)' },
  { long: 'release', kind: 'string', help: 'Release to serve; excludes --suite' },
  {
    long: 'project', kind: 'string', help: 'The project ID written to config.js (default: lite)',
  },
  { long: 'export-path', kind: 'string', help: 'Write a static website of the selected suite (or release) to this folder and exit' },
  { long: 'host', kind: 'string', isExactOnly: true, help: 'Ours: the address to listen on (default: 127.0.0.1; HELM listens on 0.0.0.0)' },
];

const TABLE: FlagTable = {
  name: 'helm-server',
  description: 'Serve the summarized results of a suite (or release) in a web viewer that pages on the server through the results store',
  flags: SERVE_FLAGS,
};

/** Which summary to serve: a suite, a release, or (neither flag) the most recently summarized. */
export type ServeTarget = { readonly kind: 'suite'; readonly name: string } | { readonly kind: 'release'; readonly name: string };

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly outputPath: string;
  readonly cacheOutputPath: string;
  readonly target?: ServeTarget;
  readonly project: string;
  readonly exportPath?: string;
  readonly warnings: readonly string[];
}

export const serveHelpText = (): string => helpText(TABLE);

/** Parses `helm-server` arguments (without `node` and the script). */
export function parseServeArgs(argv: readonly string[]): ServeOptions {
  const parsed = parseFlags(TABLE, argv);
  refuseUnsupportedFlags(TABLE, parsed.raw);
  const { text } = parsed;
  const suite = text('suite');
  const release = text('release');
  if (suite !== undefined && release !== undefined) {
    throw new UserError('argument --release: not allowed with argument --suite. Give one of them (or neither: the most recently summarized).');
  }
  const host = text('host') ?? '127.0.0.1';
  if (host.trim() === '') throw new UserError("--host is empty: give an address to listen on, e.g. --host 127.0.0.1 (or 0.0.0.0 for every interface).");
  const exportPath = text('export-path');
  return {
    port: intFlag('--port', parsed.raw('port'), 0) ?? 8000,
    host,
    outputPath: text('output-path') ?? 'benchmark_output',
    cacheOutputPath: text('cache-output-path') ?? 'prod_env/cache/output',
    ...(suite !== undefined ? { target: { kind: 'suite', name: checkSuite(suite) } } : {}),
    ...(release !== undefined ? { target: { kind: 'release', name: checkSuite(release, '--release') } } : {}),
    project: text('project') ?? 'lite',
    ...(exportPath !== undefined ? { exportPath } : {}),
    warnings: parsed.warnings,
  };
}
