/** @module One RunSpec from start to finish: resolve its scenario, deployment and writers, then run its graph. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunSpec } from '../../core/run-spec.ts';
import { runDirectoryName } from '../../core/run-spec.ts';
import { clientFor } from '../../operators/request/clients/registry.ts';
import type { RequestCache } from '../../operators/request/request-cache.ts';
import { scenarioSourceFor } from '../../sources/scenarios/registry.ts';
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
  const source = scenarioSourceFor(runSpec.scenario_spec.class_name);
  const deployment = registry.requireDeployment(runSpec.adapter_spec.model_deployment);
  const windowService = windowServiceFor(deployment, registry);
  const client = clientFor(deployment.client_spec.class_name, {
    deploymentName: deployment.name,
    args: deployment.client_spec.args,
  });
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
    scenarioCacheDir: join(options.outputPath, 'scenarios', source.metadata.name),
    windowService,
    client,
    cache: context.cache,
    isDryRun: options.dryRun,
    concurrency: options.numThreads,
    progress: context.progress,
    writer,
  });
  const failed = counts.numFailedRequests > 0 ? `, ${counts.numFailedRequests} failed requests` : '';
  console.log(`Wrote ${runDir} (${counts.numUnits} instances × trials, ${counts.numRequestStates} request states${failed})`);
}
