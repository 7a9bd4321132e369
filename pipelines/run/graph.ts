/**
 * @module The recipe of one run: source → select → augment → adapt → request → reorder → metrics → sinks.
 *
 * Backpressure: instances are pulled one unit (one eval instance of one train trial and repetition, with its
 * perturbed copies) per credit. A credit comes back only when a unit is written, so the units in flight plus
 * those waiting to be written never exceed `concurrency`.
 *
 *   evalUnits → pull → adaptUnits → executeUnits (reordered by seq) → evaluateUnits → writeUnits → credit → countRequests
 */
import { EMPTY, Subject, fromEvent, lastValueFrom, startWith, takeUntil, tap } from 'rxjs';
import { UserError } from '../../core/errors.ts';
import { EVAL_SPLITS } from '../../core/instance.ts';
import type { CompletedRequest } from '../../core/request.ts';
import type { RunSpec } from '../../core/run-spec.ts';
import type { Stat } from '../../core/stat.ts';
import type { WindowService } from '../../core/window-service.ts';
import { createAdapter } from '../../operators/adapt/adapt.ts';
import { adaptUnits } from '../../operators/adapt/adapt-units.ts';
import type { Augmenter } from '../../operators/augment/augment.ts';
import { pull } from '../../operators/flow/pull.ts';
import { createMetricEvaluator } from '../../operators/metrics/evaluate.ts';
import { evaluateUnits } from '../../operators/metrics/evaluate-units.ts';
import type { ToxicityScorer } from '../../operators/metrics/toxicity-scorer.ts';
import type { AnyModelClient } from '../../operators/request/clients/model-client.ts';
import { countRequests, NO_REQUESTS, type RequestCounts } from '../../operators/request/count-requests.ts';
import { estimateTokens } from '../../operators/request/estimate-tokens.ts';
import { executeUnits, type ExecuteUnitsOptions } from '../../operators/request/execute-units.ts';
import type { RateLimiter } from '../../operators/request/rate-limit.ts';
import type { RequestCache } from '../../operators/request/request-cache.ts';
import type { RetryPolicy } from '../../operators/request/retry.ts';
import { evalUnits } from '../../operators/select/eval-units.ts';
import { selectInstances, type Selection } from '../../operators/select/select-instances.ts';
import type { ScenarioSource } from '../../sources/scenario-source.ts';
import type { RunWriter } from '../../sinks/run-writer.ts';
import { writeUnits } from '../../sinks/write-units.ts';
import type { ProgressReporter } from './progress.ts';

/** Everything one run needs, resolved before the graph starts. */
export interface RunGraphOptions {
  readonly runSpec: RunSpec;
  readonly source: ScenarioSource;
  readonly scenarioCacheDir: string;
  readonly windowService: WindowService;
  /** The run's data augmentation (of `runSpec.data_augmenter_spec`), built by the caller with what its perturbations need. */
  readonly augmenter: Augmenter;
  /** The deployment's client; absent only on a dry run, which sends nothing. */
  readonly client?: AnyModelClient;
  readonly cache: RequestCache;
  readonly isDryRun: boolean;
  readonly concurrency: number;
  readonly progress: ProgressReporter;
  /**
   * Opens the run's writer: called once the instances are selected, so that a run failing before it (a missing
   * dataset, an empty eval split) leaves an earlier complete run of the same name untouched.
   */
  readonly openWriter: () => Promise<RunWriter>;
  /** Aborting stops the run: nothing more is pulled or written, `.tmp` files are removed, RunInterrupted is thrown. */
  readonly signal?: AbortSignal;
  /** The deployment's request pool, shared by every run of the process. */
  readonly limiter?: RateLimiter;
  /** Overrides of the default retry policy (HELM_RETRIES, --request-timeout). */
  readonly retry?: Partial<RetryPolicy>;
  /** Removes secrets from failure messages before they are written. */
  readonly redact?: (text: string) => string;
  /**
   * `--exit-on-error`: the first request that still fails after its retries stops the run (RequestFailedError).
   * Otherwise it is written as a failed result, counted, and the run goes on.
   */
  readonly shouldStopOnFailedRequest?: boolean;
  /** The helm-run's Perspective API scorer (ToxicityMetric); absent: no toxicity stats, as HELM without a key. */
  readonly toxicityScorer?: ToxicityScorer;
  /** The suite's eval cache (`runs/<suite>/eval_cache`), holding the files metrics read, fetched before the run. */
  readonly evalCachePath?: string;
}

/** A request failed for good and `--exit-on-error` stops the run there. */
export class RequestFailedError extends Error {
  override readonly name = 'RequestFailedError';
}

/** The run was stopped by its AbortSignal (Ctrl-C) before it finished. */
export class RunInterrupted extends Error {
  override readonly name = 'RunInterrupted';
}

export interface RunCounts extends RequestCounts {
  readonly numUnits: number;
  /** The run's stats, as written to stats.json. */
  readonly stats: readonly Stat[];
}

/** Runs one RunSpec to completion and writes its outputs through the writer it opens; on any failure the writer aborts. */
export async function runGraph(options: RunGraphOptions): Promise<RunCounts> {
  let writer: RunWriter | undefined;
  try {
    return await runStreams(options, async () => (writer = await options.openWriter()));
  } catch (error) {
    await writer?.abort();
    throw error;
  }
}

async function runStreams(options: RunGraphOptions, openWriter: () => Promise<RunWriter>): Promise<RunCounts> {
  const { runSpec, progress, augmenter } = options;
  const isAborted = (): boolean => options.signal?.aborted === true;
  if (isAborted()) throw new RunInterrupted(`${runSpec.name} was interrupted before it started`);
  if (options.client === undefined && !options.isDryRun) throw new Error(`runGraph(${runSpec.name}): a client is needed unless isDryRun`);
  const spec = runSpec.adapter_spec;
  const adapter = createAdapter(spec, options.windowService);
  const evaluator = createMetricEvaluator({
    metricSpecs: runSpec.metric_specs,
    adapterSpec: spec,
    windowService: options.windowService,
    isDryRun: options.isDryRun,
    ...(options.toxicityScorer === undefined ? {} : { toxicityScorer: options.toxicityScorer }),
    ...(options.evalCachePath === undefined ? {} : { evalCachePath: options.evalCachePath }),
  });
  const selection = await selectEvalInstances(options);
  let writer: RunWriter;
  try {
    writer = await openWriter();
  } catch (error) {
    selection.close();
    throw error;
  }
  const train = selection.train.flatMap((instance) => augmenter.train(instance));
  const units = evalUnits({ train, evalInstances: () => selection.evalInstances(), spec });
  const numUnits = selection.evalCount * spec.num_train_trials * spec.num_trials;
  const credits$ = new Subject<number>();
  const concurrency = Math.max(1, options.concurrency);
  progress.start(runSpec.name, numUnits);
  try {
    const counts = await lastValueFrom(
      pull(units, credits$.pipe(startWith(concurrency))).pipe(
        adaptUnits(adapter, augmenter),
        executeUnits(executeOptions(options, concurrency)),
        evaluateUnits(evaluator),
        writeUnits(writer),
        tap(() => {
          progress.unitDone();
          credits$.next(1);
        }),
        countRequests(),
        takeUntil(options.signal === undefined ? EMPTY : fromEvent(options.signal, 'abort')),
      ),
      { defaultValue: NO_REQUESTS },
    );
    if (isAborted()) throw new RunInterrupted(`${runSpec.name} was interrupted`);
    await options.cache.flush(); // every answer durable before the run's files say it is complete
    const stats = evaluator.finish();
    await writer.finish(stats, { numRequestStates: counts.numRequestStates, numFailedRequests: counts.numFailedRequests });
    return { ...counts, numUnits, stats };
  } finally {
    progress.stop();
    credits$.complete();
    selection.close();
  }
}

/** Selects the run's instances; a UserError when no eval instance is left (nothing is opened then). */
async function selectEvalInstances(options: RunGraphOptions): Promise<Selection> {
  const { runSpec, source } = options;
  const spec = runSpec.adapter_spec;
  const evalSplits = spec.eval_splits ?? EVAL_SPLITS;
  const selection = await selectInstances(() => source.instances(runSpec.scenario_spec.args, options.scenarioCacheDir), {
    evalSplits,
    ...(spec.max_eval_instances === undefined ? {} : { maxEvalInstances: spec.max_eval_instances }),
  });
  if (selection.evalCount > 0) return selection;
  selection.close();
  const isCutToZero = spec.max_eval_instances === 0;
  throw new UserError(
    `Run ${runSpec.name} has no instances to evaluate: its eval split${evalSplits.length > 1 ? 's' : ''} (${evalSplits.join(', ')}) ` +
      `of ${source.metadata.name} ${isCutToZero ? 'are cut to 0 by max_eval_instances' : 'hold none'}. Check the dataset files under ` +
      `${options.scenarioCacheDir} (an empty or cut-short download) and the scenario's arguments${isCutToZero ? ', or give -m a number above 0' : ''}.`,
  );
}

/** The request stage's options: no client on a dry run (units pass through), the run's pool, retry and failure policy. */
function executeOptions(options: RunGraphOptions, concurrency: number): ExecuteUnitsOptions {
  const { runSpec, progress, limiter } = options;
  return {
    ...(options.isDryRun || options.client === undefined ? {} : { client: options.client }),
    cache: options.cache,
    concurrency,
    onDone: (outcome) => progress.requestDone(outcome),
    ...(limiter === undefined ? {} : { limiter, estimateTokens: estimateTokens((text) => options.windowService.countTokens(text)) }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.redact === undefined ? {} : { redact: options.redact }),
    ...(options.shouldStopOnFailedRequest === true
      ? { stopOnFailure: (failed: CompletedRequest) => new RequestFailedError(`${runSpec.name} stopped at its first failed request (--exit-on-error): ${failed.result?.error ?? ''}`) }
      : {}),
  };
}
