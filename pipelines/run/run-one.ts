/** @module One RunSpec from start to finish: resolve its scenario, deployment and writers, then run its graph. */
import { existsSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { faultPoint } from '../../core/fault-point.ts';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import type { RunSpec } from '../../core/run-spec.ts';
import { runDirectoryName } from '../../core/run-spec.ts';
import { prepareAugmenter } from '../../operators/augment/augment.ts';
import { metricFiles } from '../../operators/metrics/registry.ts';
import { clientFor } from '../../operators/request/clients/registry.ts';
import type { RateLimiterPools } from '../../operators/request/rate-limit.ts';
import type { RequestCache } from '../../operators/request/request-cache.ts';
import type { RetryPolicy } from '../../operators/request/retry.ts';
import type { ToxicityScorer } from '../../operators/metrics/toxicity-scorer.ts';
import { cachedInstanceSource, instanceCacheDir } from '../../sources/instance-cache.ts';
import { ensureAllDownloaded } from '../../sources/download.ts';
import { scenarioSourceFor } from '../../sources/scenarios/registry.ts';
import { helmJsonFile } from '../../sinks/helm-json-file.ts';
import { acquireRunLock, type RunLock } from '../../sinks/run-lock.ts';
import { HELM_RUN_FILES, LEAN_RUN_FILES, openRunWriter } from '../../sinks/run-writer.ts';
import { canRebuildRunStore, rebuildRunStore } from '../../sinks/store/rebuild-run-store.ts';
import { hasRunInStore } from '../../sinks/store/suite-store.ts';
import type { RunOptions } from './cli-options.ts';
import type { Credentials } from './credentials.ts';
import { runGraph, RunInterrupted, type RunCounts } from './graph.ts';
import type { ModelRegistry } from './model-registry.ts';
import { ensureModelWeights } from './model-weights.ts';
import type { ProgressReporter } from './progress.ts';
import { runSummaryText } from './run-summary.ts';
import { windowServiceFor } from './window-service-for.ts';

export interface RunContext {
  readonly options: RunOptions;
  readonly registry: ModelRegistry;
  readonly cache: RequestCache;
  readonly progress: ProgressReporter;
  readonly signal?: AbortSignal;
  /** credentials.conf / HELM_CREDENTIALS / provider variables, read once per helm-run. */
  readonly credentials: Credentials;
  /** One request pool per deployment for the whole helm-run. */
  readonly rateLimiters: RateLimiterPools;
  /** HELM_RETRIES and --request-timeout over the default retry policy. */
  readonly retry: Partial<RetryPolicy>;
  /** The helm-run's Perspective API scorer (one quota for all runs). */
  readonly toxicityScorer?: ToxicityScorer;
}

/** Writes a scenario's instances as HELM's `input_instances.json`, streaming, atomically. */
async function saveInstances(path: string, instances: AsyncIterable<RawInstance>): Promise<void> {
  const file = helmJsonFile(path);
  try {
    for await (const instance of instances) await file.write(instanceJson(instance));
    await file.close();
  } catch (error) {
    await file.abort();
    throw error;
  }
}

/** HELM `_is_run_completed`: all five run files exist (with `--skip-helm-json`, the NDJSON twins stand in for the big two). */
const isRunComplete = (runDir: string, skipHelmJson: boolean): boolean =>
  (skipHelmJson ? LEAN_RUN_FILES : HELM_RUN_FILES).every((name) => existsSync(join(runDir, name)));

/** What one run did: undefined when it was skipped or wrote nothing. */
export type RunOutcome = RunCounts | undefined;

/**
 * Runs one RunSpec and writes its outputs under `<output>/runs/<suite>/<run name>/`, holding the run directory's
 * lock (a second helm-run on the same run waits for it).
 */
export async function runOne(runSpec: RunSpec, context: RunContext): Promise<RunOutcome> {
  const suiteDir = join(context.options.outputPath, 'runs', context.options.suite);
  const runDir = join(suiteDir, runDirectoryName(runSpec.name));
  let lock: RunLock;
  try {
    lock = await acquireRunLock(runDir, {
      ...(context.signal === undefined ? {} : { signal: context.signal }),
      onWait: (owner, path) =>
        console.warn(
          `Run ${runSpec.name} is being written by process ${owner.pid} on ${owner.host} (since ${owner.started_at}: ${owner.command}); ` +
            `waiting for it to finish. (If that process is gone for good, remove ${path}.)`,
        ),
      onTakeOver: (owner, path) =>
        console.warn(`Taking over ${path}: its process ${owner === undefined ? '(unreadable lock)' : `${owner.pid} on ${owner.host}`} is no longer running.`),
    });
  } catch (error) {
    if (context.signal?.aborted === true) throw new RunInterrupted(`${runSpec.name} was interrupted while waiting for its lock`);
    throw error;
  }
  try {
    await faultPoint('run-locked');
    return await runLocked(runSpec, context, runDir);
  } finally {
    await lock.release();
    // A run that failed before writing leaves no empty folder behind, nor empty suite and runs folders above it.
    for (const dir of [runDir, suiteDir, dirname(suiteDir)]) if (!(await removeIfEmpty(dir))) break;
  }
}

/** Removes `dir` if nothing is in it; false if something is. */
async function removeIfEmpty(dir: string): Promise<boolean> {
  try {
    await rmdir(dir);
    return true;
  } catch (error) {
    if (['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/**
 * `--skip-completed-runs` on a run whose files are complete: the run is skipped, after rebuilding its part of the
 * results store from its NDJSON twins when the store lacks it (a crash between its run_spec.json and its `runs` row,
 * or a suite written before the Parquet store).
 */
async function skipCompletedRun(runSpec: RunSpec, runDir: string, suite: string): Promise<void> {
  if (!hasRunInStore(runDir)) {
    if (canRebuildRunStore(runDir)) {
      await rebuildRunStore(runDir, runSpec, suite);
      console.log(`Rebuilt the results store of the complete run ${runSpec.name} from its files.`);
    } else {
      console.warn(`Run ${runSpec.name} is complete but has no NDJSON files (written by HELM?): it is not in the suite's results.duckdb.`);
    }
  }
  await rm(join(runDir, 'staging'), { recursive: true, force: true }); // what a crash at the run's end left
  console.log(`Skipping run ${runSpec.name} because run is completed and all output files exist.`);
}

/**
 * The output path as perturbation descriptions name their files (HELM writes `<output-path>/perturbations/…` into
 * every stat's name): relative to the working directory when the output lies inside it, so that the same run made
 * with `-o benchmark_output` or with its absolute path names the same perturbation; as given otherwise.
 */
function portableOutputPath(outputPath: string): string {
  const inside = relative(process.cwd(), resolve(outputPath));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : outputPath;
}

async function runLocked(runSpec: RunSpec, context: RunContext, runDir: string): Promise<RunOutcome> {
  const { options, registry } = context;
  if (options.skipCompletedRuns && isRunComplete(runDir, options.skipHelmJson)) {
    await skipCompletedRun(runSpec, runDir, options.suite);
    return undefined;
  }
  let source = scenarioSourceFor(runSpec.scenario_spec.class_name);
  const scenarioCacheDir = join(options.outputPath, 'scenarios', source.metadata.name);
  const deployment = registry.requireDeployment(runSpec.adapter_spec.model_deployment);
  const windowService = windowServiceFor(deployment, registry, { localPath: options.localPath });
  // HELM makes a deployment's client at its first request, so a dry run needs no API key (nor model weights); a
  // missing key, or weights that cannot be fetched, stop a real run here, before any file is written.
  const client = options.dryRun
    ? undefined
    : clientFor(deployment.client_spec.class_name, {
        deploymentName: deployment.name,
        args: await ensureModelWeights(deployment, options.localPath),
        credentials: context.credentials.forDeployment(deployment.name),
        modelTags: (model) => registry.model(model)?.tags ?? [],
      });
  if (options.cacheInstances) {
    const cacheDir = instanceCacheDir(options.outputPath, source.metadata.name, runSpec.scenario_spec.args);
    source = cachedInstanceSource(source, cacheDir, saveInstances);
    if (options.cacheInstancesOnly) {
      for await (const _ of source.instances(runSpec.scenario_spec.args, scenarioCacheDir)) break;
      console.log(`Saved the instances of ${runSpec.name} under ${cacheDir}`);
      return undefined;
    }
  }
  if (options.skipInstances) {
    console.log(`Run ${runSpec.name}: --skip-instances, so no instances and no files.`);
    return undefined;
  }
  // The perturbations' word lists and mappings are downloaded (or found pre-placed) before anything is written.
  const augmenter = await prepareAugmenter(runSpec.data_augmenter_spec, portableOutputPath(options.outputPath), (files) => ensureAllDownloaded(files));
  // HELM's metrics download what they read (the disinformation ratings) into the suite's eval cache; a dry run has none.
  const evalCachePath = join(options.outputPath, 'runs', options.suite, 'eval_cache');
  if (!options.dryRun) await ensureAllDownloaded(metricFiles(runSpec.metric_specs, evalCachePath));
  const openWriter = () =>
    openRunWriter({
      runDir,
      suite: options.suite,
      runSpec,
      scenarioJson: { ...(source.metadataFor?.(runSpec.scenario_spec.args, scenarioCacheDir) ?? source.metadata) },
      writeHelmJson: !options.skipHelmJson,
    });
  const counts = await runGraph({
    runSpec,
    source,
    scenarioCacheDir,
    windowService,
    augmenter,
    ...(client === undefined ? {} : { client }),
    cache: context.cache,
    isDryRun: options.dryRun,
    concurrency: options.numThreads,
    progress: context.progress,
    openWriter,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    limiter: context.rateLimiters.forDeployment(deployment.name),
    retry: context.retry,
    redact: context.credentials.redact,
    shouldStopOnFailedRequest: options.exitOnError,
    ...(context.toxicityScorer === undefined ? {} : { toxicityScorer: context.toxicityScorer }),
    evalCachePath,
  });
  console.log(runSummaryText(runSpec, runDir, counts));
  if (counts.numFailedRequests > 0) {
    console.warn(
      `Run ${runSpec.name}: ${counts.numFailedRequests} of ${counts.numRequestStates} requests still failed after their retries. ` +
        'They are written as failed results (success: false, with the error) and counted as failures in results.duckdb; ' +
        'a rerun retries only them (answered requests come from the cache). --exit-on-error stops at the first one instead.',
    );
  }
  return counts;
}
