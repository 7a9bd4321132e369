/**
 * @module helm-summarize's display files of one run (HELM v0.5.16 `presentation/run_display.py`,
 * `write_run_display_json`): `instances.json`, `display_predictions.json` and `display_requests.json`, byte for
 * byte as HELM writes them, streamed from scenario_state.json and per_instance_stats.json of any size.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { pythonRegExp } from '../../core/python-regexp.ts';
import { removeIfExists } from '../batched-file.ts';
import { helmJsonFile, type HelmJsonFileWriter } from '../helm-json-file.ts';
import { readJsonArrayItems } from './run-display-json-array.ts';
import { instanceKey } from './run-display-key-order.ts';
import { perturbationIdentity } from './run-display-perturbation.ts';
import { SEPARATE_MULTIPLE_CHOICE_METHODS, displayPrediction, displayRequest, type DisplayRecordOptions } from './run-display-records.ts';
import { requestStateView, type RequestStateView } from './run-display-request-state.ts';
import { indexedStatsJoin, mergedStatsJoin, type StatsJoin } from './run-display-stats-join.ts';
import { readTrialStats, trialStatsSegments } from './run-display-trial-stats.ts';

// One pass per metric that writes per-instance stats (a few). Many more means the file is in another order
// altogether: each pass would hold a reader (and its read block) open, so the index is used instead.
const MAX_MERGED_PASSES = 32;

/** The three files, in the order they are completed. */
export const RUN_DISPLAY_FILES = ['instances.json', 'display_predictions.json', 'display_requests.json'] as const;

export interface RunDisplayOptions {
  /**
   * The metric names the display shows: those of the metric groups of the run's groups in the schema, whose
   * matchers name no perturbation (HELM `_get_metric_names_for_groups`). `predicted_index` is added here for
   * separate multiple choice.
   */
  readonly displayMetricNames: ReadonlySet<string>;
  /** HELM `--skip-completed-run-display-json`: leave a run alone when all three files exist. */
  readonly skipCompleted?: boolean;
}

export interface RunDisplayReport {
  readonly written: boolean;
  readonly numInstances: number;
  readonly numPredictions: number;
  /** Why nothing was written, in HELM's words (HELM logs it and goes on with the next run). */
  readonly skipReason?: string;
  /** How the stats were joined: `merged` (bounded memory) or `indexed` (files not in the same order). */
  readonly statsJoin?: 'merged' | 'indexed';
}

/**
 * Writes the three display files of the run in `runDir` (which holds run_spec.json, scenario_state.json and
 * per_instance_stats.json). Each file is streamed into `<name>.tmp` and renamed when complete; the old files
 * are removed first, so the files present at any moment come from one complete pass.
 * @example await writeRunDisplay(runDir, { displayMetricNames: new Set(['exact_match', 'num_prompt_tokens']) })
 */
export async function writeRunDisplay(runDir: string, options: RunDisplayOptions): Promise<RunDisplayReport> {
  const paths = RUN_DISPLAY_FILES.map((name) => join(runDir, name));
  const scenarioStatePath = join(runDir, 'scenario_state.json');
  const perInstanceStatsPath = join(runDir, 'per_instance_stats.json');
  const skipped = (skipReason: string): RunDisplayReport => ({ written: false, numInstances: 0, numPredictions: 0, skipReason });
  if (options.skipCompleted === true && paths.every((path) => existsSync(path))) {
    return skipped('all output display JSON files already exist');
  }
  if (!existsSync(scenarioStatePath)) return skipped(`the scenario state JSON file does not exist at ${scenarioStatePath}`);
  if (!existsSync(perInstanceStatsPath)) {
    return skipped(`the per instance stats JSON file does not exist at ${perInstanceStatsPath}`);
  }
  const { method, outputMappingPattern } = await readAdapterSpec(join(runDir, 'run_spec.json'));
  const names = new Set(options.displayMetricNames);
  if (SEPARATE_MULTIPLE_CHOICE_METHODS.has(method)) names.add('predicted_index');
  const recordOptions: DisplayRecordOptions = { method, outputMappingPattern };
  for (const path of paths) await removeIfExists(path);

  const segments = await trialStatsSegments(perInstanceStatsPath);
  if (segments.length <= MAX_MERGED_PASSES) {
    const passes = segments.map((from, i) => readTrialStats(perInstanceStatsPath, names, { from, to: segments[i + 1]?.index ?? Infinity }));
    const merged = await writeFiles(runDir, scenarioStatePath, mergedStatsJoin(passes), recordOptions);
    if (merged !== undefined) return { written: true, ...merged, statsJoin: 'merged' };
  }
  const indexed = await writeFiles(runDir, scenarioStatePath, await indexedStatsJoin(readTrialStats(perInstanceStatsPath, names)), recordOptions);
  if (indexed === undefined) throw new Error('the indexed stats join cannot fail to answer'); // a bug, not input
  return { written: true, ...indexed, statsJoin: 'indexed' };
}

/** The adapter spec fields the display needs, from run_spec.json. */
async function readAdapterSpec(path: string): Promise<{ method: string; outputMappingPattern: RegExp | undefined }> {
  let runSpec: { adapter_spec?: { method?: unknown; output_mapping_pattern?: unknown } };
  try {
    runSpec = JSON.parse(await readFile(path, 'utf8')) as typeof runSpec;
  } catch (cause) {
    throw new UserError(`${path} could not be read as a HELM run spec: ${(cause as Error).message}`, { cause });
  }
  const method = runSpec.adapter_spec?.method;
  if (typeof method !== 'string') throw new UserError(`${path} has no adapter_spec.method (a HELM run_spec.json has one).`);
  const pattern = runSpec.adapter_spec?.output_mapping_pattern;
  return { method, outputMappingPattern: typeof pattern === 'string' && pattern !== '' ? outputMappingRegExp(pattern) : undefined };
}

/** `adapter_spec.output_mapping_pattern` compiled (see `pythonRegExp`), or a UserError naming it. */
function outputMappingRegExp(pattern: string): RegExp {
  try {
    return pythonRegExp(pattern);
  } catch (cause) {
    throw new UserError(
      `output_mapping_pattern ${JSON.stringify(pattern)} in run_spec.json is not a regular expression JS can read (${(cause as Error).message}).`,
      { cause },
    );
  }
}

/** One pass over the request states, writing all three files; undefined (files removed) when `stats` gave up. */
async function writeFiles(
  runDir: string,
  scenarioStatePath: string,
  stats: StatsJoin,
  options: DisplayRecordOptions,
): Promise<{ numInstances: number; numPredictions: number } | undefined> {
  const files: HelmJsonFileWriter[] = RUN_DISPLAY_FILES.map((name) => helmJsonFile(join(runDir, name)));
  const [instances, predictions, requests] = files as [HelmJsonFileWriter, HelmJsonFileWriter, HelmJsonFileWriter];
  const abort = async () => {
    await stats.close();
    for (const file of files) await file.abort();
  };
  const instancesWritten = new Set<string>(); // keys only: HELM's instance_id_to_instance, first-seen order

  /** Writes what one request state shows; false when the stats join gave up. */
  const writeState = async (bytes: Buffer): Promise<boolean> => {
    const state = requestStateView(bytes);
    const key = { instance: instanceKey(state.instanceId, perturbationIdentity(state.perturbation)), trial: state.trainTrialIndex };
    // Asked for every state, shown or not, so that the join walks per_instance_stats.json in step.
    const trialStats = await stats.statsFor(key);
    if (trialStats === undefined) return false;
    if (!isShown(state, trialStats, options.method)) return true;
    if (!instancesWritten.has(key.instance)) {
      instancesWritten.add(key.instance);
      await instances.write(state.instance());
    }
    await predictions.write(displayPrediction(state, trialStats, options));
    await requests.write(displayRequest(state));
    return true;
  };

  try {
    for await (const { bytes, index } of readJsonArrayItems(scenarioStatePath, { arrayKey: 'request_states' })) {
      if (!(await atState(scenarioStatePath, index, () => writeState(bytes)))) {
        await abort();
        return undefined;
      }
    }
    if (!(await stats.finish())) {
      await abort();
      return undefined;
    }
    for (const file of files) await file.close();
  } catch (error) {
    await abort();
    throw error;
  }
  return { numInstances: instances.count, numPredictions: predictions.count };
}

/**
 * HELM's choice of request states: those with a result; not the calibration requests of
 * multiple_choice_separate_calibrated; for separate multiple choice, only the predicted reference's request.
 */
function isShown(state: RequestStateView, trialStats: ReadonlyMap<string, number>, method: string): boolean {
  if (!state.hasResult) return false;
  if (method === 'multiple_choice_separate_calibrated' && state.requestMode === 'calibration') return false;
  const predictedIndex = trialStats.get('predicted_index');
  return !(SEPARATE_MULTIPLE_CHOICE_METHODS.has(method) && predictedIndex !== undefined && predictedIndex !== state.referenceIndex);
}

/** Runs `write` for request state `index`, turning a malformed record into a UserError that names it. */
async function atState<T>(path: string, index: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new UserError(`${path}: request_states[${index}] is not a HELM request state (${error.message}).`, { cause: error });
  }
}
