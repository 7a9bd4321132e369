/**
 * @module The recipe of one run: source → select → augment → adapt → request → reorder → metrics → sinks.
 *
 * Backpressure: instances are pulled one unit (one eval instance of one train trial, with its perturbed
 * copies) per credit. A credit comes back only when a unit leaves the reorder stage, so the units in
 * flight plus those waiting to be written never exceed `concurrency`.
 */
import { EMPTY, Subject, concatMap, defaultIfEmpty, forkJoin, from, fromEvent, lastValueFrom, map, mergeMap, of, startWith, takeUntil, tap } from 'rxjs';
import { UserError } from '../../core/errors.ts';
import { EVAL_SPLITS, type Instance } from '../../core/instance.ts';
import type { CompletedRequest, PendingRequest, Request } from '../../core/request.ts';
import type { RunSpec } from '../../core/run-spec.ts';
import type { Stat } from '../../core/stat.ts';
import type { WindowService } from '../../core/window-service.ts';
import { createAdapter } from '../../operators/adapt/adapt.ts';
import { sampleExamples } from '../../operators/adapt/in-context-sample.ts';
import { createAugmenter } from '../../operators/augment/augment.ts';
import { pull } from '../../operators/flow/pull.ts';
import { reorderBySeq } from '../../operators/flow/reorder-by-seq.ts';
import { createMetricEvaluator } from '../../operators/metrics/evaluate.ts';
import type { AnyModelClient } from '../../operators/request/clients/model-client.ts';
import { executeRequest } from '../../operators/request/execute.ts';
import type { RateLimiter } from '../../operators/request/rate-limit.ts';
import type { RequestCache } from '../../operators/request/request-cache.ts';
import type { RetryPolicy } from '../../operators/request/retry.ts';
import { selectInstances } from '../../operators/select/select-instances.ts';
import type { ScenarioSource } from '../../sources/scenario-source.ts';
import type { ProgressReporter } from './progress.ts';
import type { RunWriter } from '../../sinks/run-writer.ts';

/** Everything one run needs, resolved before the graph starts. */
export interface RunGraphOptions {
  readonly runSpec: RunSpec;
  readonly source: ScenarioSource;
  readonly scenarioCacheDir: string;
  readonly windowService: WindowService;
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
}

/** A request failed for good and `--exit-on-error` stops the run there. */
export class RequestFailedError extends Error {
  override readonly name = 'RequestFailedError';
}

/** Text of a request's prompt for a token estimate: the prompt, or the chat messages' contents. */
const promptText = (request: Request): string =>
  request.messages === undefined ? request.prompt : request.messages.map((m) => m['content'] ?? '').join('\n');

/** The run was stopped by its AbortSignal (Ctrl-C) before it finished. */
export class RunInterrupted extends Error {
  override readonly name = 'RunInterrupted';
}

/** One eval instance of one train trial: the unit of credit, ordering and metric grouping. */
interface Unit {
  readonly seq: number;
  readonly trial: number;
  /** HELM `num_trials` repetition: 0 for the originals, i for the copies with request.random = "i". */
  readonly repetition: number;
  readonly instance: Instance;
  readonly examples: readonly Instance[];
}

interface UnitStates<S> {
  readonly seq: number;
  readonly trial: number;
  readonly states: readonly S[];
}

export interface RunCounts {
  readonly numRequestStates: number;
  readonly numFailedRequests: number;
  /** Requests answered from the request cache. */
  readonly numCachedRequests: number;
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
  const { runSpec, source, progress } = options;
  const isAborted = (): boolean => options.signal?.aborted === true;
  if (isAborted()) throw new RunInterrupted(`${runSpec.name} was interrupted before it started`);
  const client = options.client;
  if (client === undefined && !options.isDryRun) throw new Error(`runGraph(${runSpec.name}): a client is needed unless isDryRun`);
  const spec = runSpec.adapter_spec;
  const augmenter = createAugmenter(runSpec.data_augmenter_spec);
  const adapter = createAdapter(spec, options.windowService);
  const evaluator = createMetricEvaluator({
    metricSpecs: runSpec.metric_specs,
    adapterSpec: spec,
    windowService: options.windowService,
    isDryRun: options.isDryRun,
  });
  const evalSplits = spec.eval_splits ?? EVAL_SPLITS;
  const selection = await selectInstances(() => source.instances(runSpec.scenario_spec.args, options.scenarioCacheDir), {
    evalSplits,
    ...(spec.max_eval_instances === undefined ? {} : { maxEvalInstances: spec.max_eval_instances }),
  });
  if (selection.evalCount === 0) {
    selection.close();
    const isCutToZero = spec.max_eval_instances === 0;
    throw new UserError(
      `Run ${runSpec.name} has no instances to evaluate: its eval split${evalSplits.length > 1 ? 's' : ''} (${evalSplits.join(', ')}) ` +
        `of ${source.metadata.name} ${isCutToZero ? 'are cut to 0 by max_eval_instances' : 'hold none'}. Check the dataset files under ` +
        `${options.scenarioCacheDir} (an empty or cut-short download) and the scenario's arguments${isCutToZero ? ', or give -m a number above 0' : ''}.`,
    );
  }
  let writer: RunWriter;
  try {
    writer = await openWriter();
  } catch (error) {
    selection.close();
    throw error;
  }
  const train = selection.train.flatMap((instance) => augmenter.train(instance));
  const trials = spec.num_train_trials;

  async function* units(): AsyncIterable<Unit> {
    let seq = 0;
    for (let trial = 0; trial < trials; trial++) {
      const examples = sampleExamples(train, spec, trial);
      for (let repetition = 0; repetition < spec.num_trials; repetition++) {
        for await (const instance of selection.evalInstances()) yield { seq: seq++, trial, repetition, instance, examples };
      }
    }
  }

  const adaptUnit = (unit: Unit): UnitStates<PendingRequest> => ({
    seq: unit.seq,
    trial: unit.trial,
    states: augmenter
      .eval(unit.instance)
      .flatMap((copy) => adapter.requestsFor(copy, unit.trial, unit.examples, unit.repetition)),
  });

  // HELM's dry-run estimate of a request's tokens (§10.1): the prompt's plus max_tokens for each completion.
  const estimateTokens = (request: Request): number =>
    options.windowService.countTokens(promptText(request)) + request.max_tokens * request.num_completions;

  const executeUnit = (unit: UnitStates<PendingRequest>) => {
    if (options.isDryRun || client === undefined) return of(unit as UnitStates<CompletedRequest>);
    const requests = unit.states.map((pending) =>
      executeRequest(pending, {
        client,
        cache: options.cache,
        onDone: (o) => progress.requestDone(o),
        ...(options.limiter === undefined ? {} : { limiter: options.limiter, estimateTokens }),
        ...(options.retry === undefined ? {} : { retry: options.retry }),
        ...(options.redact === undefined ? {} : { redact: options.redact }),
      }).pipe(
        tap((state) => {
          if (options.shouldStopOnFailedRequest === true && state.result?.success === false) {
            throw new RequestFailedError(`${runSpec.name} stopped at its first failed request (--exit-on-error): ${state.result.error ?? ''}`);
          }
        }),
      ),
    );
    return forkJoin(requests).pipe(
      defaultIfEmpty([] as CompletedRequest[]),
      map((states): UnitStates<CompletedRequest> => ({ seq: unit.seq, trial: unit.trial, states })),
    );
  };

  let numRequestStates = 0;
  let numFailedRequests = 0;
  let numCachedRequests = 0;
  let currentTrial: number | undefined;
  const writeUnit = async (unit: UnitStates<CompletedRequest>): Promise<void> => {
    if (currentTrial !== undefined && unit.trial !== currentTrial) evaluator.endTrial(currentTrial);
    currentTrial = unit.trial;
    numRequestStates += unit.states.length;
    for (const state of unit.states) {
      if (state.result === undefined) continue;
      if (!state.result.success) numFailedRequests += 1;
      if (state.result.cached) numCachedRequests += 1;
    }
    const perMetric = evaluator.evaluateGroup(unit.trial, unit.states);
    await writer.writeUnit(unit.seq, unit.states, perMetric);
    progress.unitDone();
  };

  let stats: Stat[] = [];
  const credits$ = new Subject<number>();
  const concurrency = Math.max(1, options.concurrency);
  progress.start(runSpec.name, selection.evalCount * trials * spec.num_trials);
  try {
    await lastValueFrom(
      pull(units(), credits$.pipe(startWith(concurrency))).pipe(
        map(adaptUnit),
        mergeMap(executeUnit, concurrency),
        reorderBySeq((unit) => unit.seq),
        concatMap((unit) => from(writeUnit(unit))),
        tap(() => credits$.next(1)),
        takeUntil(options.signal === undefined ? EMPTY : fromEvent(options.signal, 'abort')),
      ),
      { defaultValue: undefined },
    );
    if (isAborted()) throw new RunInterrupted(`${runSpec.name} was interrupted`);
    if (currentTrial !== undefined) evaluator.endTrial(currentTrial);
    await options.cache.flush(); // every answer durable before the run's files say it is complete
    stats = evaluator.finish();
    await writer.finish(stats, { numRequestStates, numFailedRequests });
  } finally {
    progress.stop();
    credits$.complete();
    selection.close();
  }
  const numUnits = selection.evalCount * trials * spec.num_trials;
  return { numRequestStates, numFailedRequests, numCachedRequests, numUnits, stats };
}
