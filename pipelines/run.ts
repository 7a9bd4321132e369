/**
 * @module `helm-run`: parse the flags, turn run entries into RunSpecs, and run each one as a graph.
 * Exit codes: 0 success, 1 a bug or failed runs, 2 bad input (UserError, printed without a stack).
 */
import { UserError } from '../core/errors.ts';
import { rateLimiterPools } from '../operators/request/rate-limit.ts';
import { openRequestCache } from '../operators/request/open-request-cache.ts';
import { toxicityScorerFromCredentials } from '../operators/metrics/toxicity-scorer.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { commandExit } from './cli/command-exit.ts';
import { parseRunArgs, refuseUnsupported, type RunOptions } from './run/cli-options.ts';
import { checkOutputPath } from './run/output-checks.ts';
import { collectRunEntries } from './run/conf-file.ts';
import { loadCredentials } from './run/credentials.ts';
import { loadModelRegistry } from './run/model-registry.ts';
import { barProgress } from './run/progress.ts';
import { runEntriesToRunSpecs, validateRunEntries } from './run/run-entries.ts';
import { RequestFailedError, RunInterrupted } from './run/graph.ts';
import { rateLimitPolicyFor, retryPolicyFrom } from './run/request-policy.ts';
import { runOne } from './run/run-one.ts';
import { fetchRunSpecFiles } from './run/run-spec-files.ts';
import { ensureAllDownloaded } from '../sources/download.ts';
import { suiteFooterText } from './run/run-summary.ts';
import { ensureSuiteStore } from '../sinks/store/suite-store.ts';

async function helmRun(options: RunOptions): Promise<number> {
  for (const warning of options.warnings) console.warn(warning);
  refuseUnsupported(options);
  checkOutputPath(options);
  const registry = loadModelRegistry(options.localPath);
  const entries = await collectRunEntries(options);
  validateRunEntries(entries, options.modelsToRun, registry);
  await fetchRunSpecFiles(entries, options.outputPath, (files) => ensureAllDownloaded(files));
  const runSpecs = runEntriesToRunSpecs(entries, options, registry);
  if (runSpecs.length === 0) console.warn('No runs to do: every run entry was filtered out.');
  if (options.dryRun) console.warn('Dry run: no model requests; metrics are estimates of the requests (DryRunMetric).');

  const suiteDir = join(options.outputPath, 'runs', options.suite);
  // An existing suite's database checked (made anew if damaged or of an earlier version) before any run.
  if (runSpecs.length > 0 && existsSync(suiteDir)) await ensureSuiteStore(suiteDir);

  // As HELM's Executor does, credentials are read even for a dry run: a malformed file is reported at once.
  const credentials = await loadCredentials(options.localPath);
  const retry = retryPolicyFrom(process.env, options);
  const rateLimiters = rateLimiterPools((name) => rateLimitPolicyFor(registry.deployment(name), options));
  const cache = await openRequestCache(options);
  // ToxicityMetric's Perspective API: one quota for the whole helm-run; without perspectiveApiKey, no toxicity stats.
  const toxicityScorer = toxicityScorerFromCredentials(credentials.forDeployment('perspectiveapi'), cache);
  const failedRuns: string[] = [];
  const interrupt = new AbortController();
  const onSigint = () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  let numRunsDone = 0;
  try {
    for (const runSpec of runSpecs) {
      try {
        const outcome = await runOne(runSpec, {
          options,
          registry,
          cache,
          progress: barProgress(),
          signal: interrupt.signal,
          credentials,
          rateLimiters,
          retry,
          toxicityScorer,
        });
        if (outcome !== undefined) numRunsDone += 1;
        if (outcome !== undefined && outcome.numRequestStates > 0 && outcome.numFailedRequests === outcome.numRequestStates) {
          failedRuns.push(runSpec.name);
          console.error(`Run ${runSpec.name}: every one of its ${outcome.numRequestStates} requests failed (see the errors above); its files are written, but it counts as a failed run.`);
        }
      } catch (error) {
        if (error instanceof RunInterrupted) {
          console.error(
            `\nInterrupted ${runSpec.name}: its .tmp files (the NDJSON twins written so far among them) are removed. ` +
              'Run the same command again to resume: every answered request is in the cache and is not paid for twice.',
          );
          return 130;
        }
        if (options.exitOnError) throw error;
        failedRuns.push(runSpec.name);
        const why = error instanceof UserError ? error.message : String((error as Error).stack);
        console.error(`Run ${runSpec.name} failed: ${credentials.redact(why)}`);
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
    await cache.close();
  }
  if (numRunsDone > 0) console.log(suiteFooterText(suiteDir));
  if (failedRuns.length > 0) {
    console.error(`Failed runs: [${failedRuns.map((name) => `'${name}'`).join(', ')}]`);
    return 1;
  }
  return 0;
}

// A provider's failure (already redacted) is no bug of ours: its message, exit 1.
process.exitCode = await commandExit('helm-run', () => helmRun(parseRunArgs(process.argv.slice(2))), (error) => error instanceof RequestFailedError);
