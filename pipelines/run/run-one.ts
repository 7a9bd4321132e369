/** @module One RunSpec from start to finish: resolve its scenario, deployment and writers, then run its graph. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import type { RunSpec } from '../../core/run-spec.ts';
import { runDirectoryName } from '../../core/run-spec.ts';
import { clientFor } from '../../operators/request/clients/registry.ts';
import type { RateLimiterPools } from '../../operators/request/rate-limit.ts';
import type { RequestCache } from '../../operators/request/request-cache.ts';
import type { RetryPolicy } from '../../operators/request/retry.ts';
import { cachedInstanceSource, instanceCacheDir } from '../../sources/instance-cache.ts';
import { scenarioSourceFor } from '../../sources/scenarios/registry.ts';
import { helmJsonFile } from '../../sinks/helm-json-file.ts';
import type { RunOptions } from './cli-options.ts';
import type { Credentials } from './credentials.ts';
import { runGraph } from './graph.ts';
import type { ModelRegistry } from './model-registry.ts';
import type { ProgressReporter } from './progress.ts';
import { HELM_RUN_FILES, LEAN_RUN_FILES, openRunWriter } from './run-writer.ts';
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

/** Runs one RunSpec and writes its outputs under `<output>/runs/<suite>/<run name>/`. */
export async function runOne(runSpec: RunSpec, context: RunContext): Promise<void> {
  const { options, registry } = context;
  const suiteDir = join(options.outputPath, 'runs', options.suite);
  const runDir = join(suiteDir, runDirectoryName(runSpec.name));
  if (options.skipCompletedRuns && isRunComplete(runDir, options.skipHelmJson)) {
    console.log(`Skipping run ${runSpec.name} because run is completed and all output files exist.`);
    return;
  }
  let source = scenarioSourceFor(runSpec.scenario_spec.class_name);
  const scenarioCacheDir = join(options.outputPath, 'scenarios', source.metadata.name);
  const deployment = registry.requireDeployment(runSpec.adapter_spec.model_deployment);
  const windowService = windowServiceFor(deployment, registry, { localPath: options.localPath });
  // HELM makes a deployment's client at its first request, so a dry run needs no API key; a missing key stops a
  // real run here, before any file is written.
  const client = options.dryRun
    ? undefined
    : clientFor(deployment.client_spec.class_name, {
        deploymentName: deployment.name,
        args: deployment.client_spec.args,
        credentials: context.credentials.forDeployment(deployment.name),
        modelTags: (model) => registry.model(model)?.tags ?? [],
      });
  if (options.cacheInstances) {
    const cacheDir = instanceCacheDir(options.outputPath, source.metadata.name, runSpec.scenario_spec.args);
    source = cachedInstanceSource(source, cacheDir, saveInstances);
    if (options.cacheInstancesOnly) {
      for await (const _ of source.instances(runSpec.scenario_spec.args, scenarioCacheDir)) break;
      console.log(`Saved the instances of ${runSpec.name} under ${cacheDir}`);
      return;
    }
  }
  if (options.skipInstances) {
    console.log(`Run ${runSpec.name}: --skip-instances, so no instances and no files.`);
    return;
  }
  const writer = await openRunWriter({
    runDir,
    suite: options.suite,
    suiteDbPath: join(suiteDir, 'results.duckdb'),
    runSpec,
    scenarioJson: { ...source.metadata },
    writeHelmJson: !options.skipHelmJson,
  });
  const counts = await runGraph({
    runSpec,
    source,
    scenarioCacheDir,
    windowService,
    ...(client === undefined ? {} : { client }),
    cache: context.cache,
    isDryRun: options.dryRun,
    concurrency: options.numThreads,
    progress: context.progress,
    writer,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    limiter: context.rateLimiters.forDeployment(deployment.name),
    retry: context.retry,
    redact: context.credentials.redact,
    shouldStopOnFailedRequest: options.exitOnError,
  });
  const failed = counts.numFailedRequests > 0 ? `, ${counts.numFailedRequests} failed requests` : '';
  console.log(`Wrote ${runDir} (${counts.numUnits} eval instances × trials, ${counts.numRequestStates} request states${failed})`);
  if (counts.numFailedRequests > 0) {
    console.warn(
      `Run ${runSpec.name}: ${counts.numFailedRequests} of ${counts.numRequestStates} requests still failed after their retries. ` +
        'They are written as failed results (success: false, with the error) and counted as failures in results.duckdb; ' +
        'a rerun retries only them (answered requests come from the cache). --exit-on-error stops at the first one instead.',
    );
  }
}
