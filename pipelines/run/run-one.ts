/** @module One RunSpec from start to finish: resolve its scenario, deployment and writers, then run its graph. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import type { RunSpec } from '../../core/run-spec.ts';
import { runDirectoryName } from '../../core/run-spec.ts';
import { clientFor } from '../../operators/request/clients/registry.ts';
import type { RequestCache } from '../../operators/request/request-cache.ts';
import { cachedInstanceSource, instanceCacheDir } from '../../sources/instance-cache.ts';
import { scenarioSourceFor } from '../../sources/scenarios/registry.ts';
import { helmJsonFile } from '../../sinks/helm-json-file.ts';
import type { RunOptions } from './cli-options.ts';
import { runGraph } from './graph.ts';
import type { ModelRegistry } from './model-registry.ts';
import type { ProgressReporter } from './progress.ts';
import { HELM_RUN_FILES, openRunWriter } from './run-writer.ts';
import { windowServiceFor } from './window-service-for.ts';

export interface RunContext {
  readonly options: RunOptions;
  readonly registry: ModelRegistry;
  readonly cache: RequestCache;
  readonly progress: ProgressReporter;
  readonly signal?: AbortSignal;
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

/** HELM `_is_run_completed`: all five run files exist. */
const isRunComplete = (runDir: string): boolean => HELM_RUN_FILES.every((name) => existsSync(join(runDir, name)));

/** Runs one RunSpec and writes its outputs under `<output>/runs/<suite>/<run name>/`. */
export async function runOne(runSpec: RunSpec, context: RunContext): Promise<void> {
  const { options, registry } = context;
  const suiteDir = join(options.outputPath, 'runs', options.suite);
  const runDir = join(suiteDir, runDirectoryName(runSpec.name));
  if (options.skipCompletedRuns && isRunComplete(runDir)) {
    console.log(`Skipping run ${runSpec.name} because run is completed and all output files exist.`);
    return;
  }
  let source = scenarioSourceFor(runSpec.scenario_spec.class_name);
  const scenarioCacheDir = join(options.outputPath, 'scenarios', source.metadata.name);
  const deployment = registry.requireDeployment(runSpec.adapter_spec.model_deployment);
  const windowService = windowServiceFor(deployment, registry, { localPath: options.localPath });
  const client = clientFor(deployment.client_spec.class_name, {
    deploymentName: deployment.name,
    args: deployment.client_spec.args,
    // Credentials (credentials.conf, HELM_CREDENTIALS, environment) come with the provider clients (issue #3).
    credentials: { apiKey: () => undefined, get: () => undefined },
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
  });
  const counts = await runGraph({
    runSpec,
    source,
    scenarioCacheDir,
    windowService,
    client,
    cache: context.cache,
    isDryRun: options.dryRun,
    concurrency: options.numThreads,
    progress: context.progress,
    writer,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  const failed = counts.numFailedRequests > 0 ? `, ${counts.numFailedRequests} failed requests` : '';
  console.log(`Wrote ${runDir} (${counts.numUnits} eval instances × trials, ${counts.numRequestStates} request states${failed})`);
}
