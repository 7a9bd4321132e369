/**
 * @module Where one run's records go: HELM's five JSON files and their NDJSON twins (each streamed to `<name>.tmp`,
 * valid line by line at any moment, renamed when complete), and the run's part of the results store (Parquet files
 * in `<runDir>/store/`, made while the run goes on: store/run-store-writer.ts).
 *
 * A rerun over a complete run never leaves something that looks complete but is not. Opening the writer withdraws
 * the old run (its store's `runs` row, which hides it from the suite's views, then its run_spec.json, the completion
 * mark HELM's `--skip-completed-runs` looks for); finishing renames every file into place, writes run_spec.json, and
 * only then publishes the store with its `runs` row, so at any moment of a crash the run directory is either the old
 * complete run or one without run_spec.json that the same command redoes, and the suite's views never show a run
 * whose files are not complete.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { adapterSpecJson } from '../core/adapter-spec.ts';
import { faultPoint } from '../core/fault-point.ts';
import { perInstanceStatsJson, perInstanceStatsNdjson, requestStateJson, runSpecJson } from '../core/helm-records.ts';
import type { PerInstanceStats } from '../core/per-instance-stats.ts';
import { PyFloat } from '../core/py-float.ts';
import type { CompletedRequest } from '../core/request.ts';
import type { RunSpec } from '../core/run-spec.ts';
import type { Stat } from '../core/stat.ts';
import { batchedFile, removeIfExists } from './batched-file.ts';
import { helmJsonFile, writeHelmJsonFile } from './helm-json-file.ts';
import { ndjsonFile } from './ndjson-file.ts';
import type { RecordWriter } from './record-writer.ts';
import { runNdjsonFiles } from './store/rebuild-run-store.ts';
import { openRunStoreWriter } from './store/run-store-writer.ts';
import { runRowParams } from './store/run-store.ts';
import { ensureSuiteStore, withdrawRun } from './store/suite-store.ts';

/** The five files whose presence marks a run complete (HELM `--skip-completed-runs`); run_spec.json is written last. */
export const HELM_RUN_FILES = ['run_spec.json', 'scenario.json', 'scenario_state.json', 'stats.json', 'per_instance_stats.json'];
/** The files of a complete run written without HELM's two big JSON files (`--skip-helm-json`). */
export const LEAN_RUN_FILES = ['run_spec.json', 'scenario.json', 'stats.json', 'scenario_state.ndjson', 'per_instance_stats.ndjson'];

export interface RunWriterOptions {
  readonly runDir: string;
  readonly suite: string;
  readonly runSpec: RunSpec;
  readonly scenarioJson: Readonly<Record<string, unknown>>;
  /** Write scenario_state.json and per_instance_stats.json (default true); NDJSON and the store are always written. */
  readonly writeHelmJson?: boolean;
}

export interface RunWriter {
  /** Writes one unit's request states and each metric's per-instance stats, in HELM order. */
  writeUnit(seq: number, states: readonly CompletedRequest[], perMetric: readonly (readonly PerInstanceStats[])[]): Promise<void>;
  /** Writes the run's stats and the small files, renames everything into place, writes run_spec.json, publishes the store. */
  finish(stats: readonly Stat[], counts: { numRequestStates: number; numFailedRequests: number }): Promise<void>;
  /** After a failure: removes the `.tmp` files and the staging data (the run stays without run_spec.json). */
  abort(): Promise<void>;
}

// Spilled per-instance stats of the second and later metrics keep Python's float marks through NDJSON.
const FLOAT_MARK = '$pyfloat';
function markFloats(value: unknown): unknown {
  if (value instanceof PyFloat) return { [FLOAT_MARK]: value.value };
  if (Array.isArray(value)) return value.map(markFloats);
  if (value !== null && typeof value === 'object') {
    const toJSON = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof toJSON === 'function') return markFloats(toJSON.call(value));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markFloats(v)]));
  }
  return value;
}
const unmarkFloats = (_key: string, value: unknown): unknown =>
  value !== null && typeof value === 'object' && FLOAT_MARK in value ? new PyFloat((value as Record<string, number>)[FLOAT_MARK]!) : value;

/**
 * The suite's views, made once per suite. The run is complete whatever happens here: a database held by another
 * process (a DuckDB shell) is waited for briefly, then left to the next helm-run, helm-summarize or sql command.
 */
async function ensureSuiteViews(suiteDir: string): Promise<void> {
  try {
    await ensureSuiteStore(suiteDir, { trustMark: true, lockTimeoutMs: 5_000 });
  } catch (error) {
    console.warn(`The suite's results.duckdb views were not made now (${String(error).split('\n')[0]}); the next helm-run, helm-summarize or sql command on the suite makes them.`);
  }
}

/** Opens every writer of one run, withdrawing what an earlier run of the same name left complete. */
export async function openRunWriter(options: RunWriterOptions): Promise<RunWriter> {
  const { runDir, runSpec } = options;
  const writeHelmJson = options.writeHelmJson ?? true;
  await mkdir(runDir, { recursive: true });
  const file = (name: string) => join(runDir, name);
  await withdrawRun(runDir); // the store first: the suite's views never outlive the files' mark
  await removeIfExists(file('run_spec.json'));
  await faultPoint('run-withdrawn');
  const store = await openRunStoreWriter(runDir, runSpec.name);
  const scenarioState = writeHelmJson
    ? helmJsonFile(file('scenario_state.json'), { arrayKey: 'request_states', head: { adapter_spec: adapterSpecJson(runSpec.adapter_spec) } })
    : undefined;
  const perInstance = writeHelmJson ? helmJsonFile(file('per_instance_stats.json')) : undefined;
  const ndjson = runNdjsonFiles(runDir);
  const statesNdjson = batchedFile(`${ndjson.requestStatesNdjson}.tmp`);
  const perInstanceNdjson = batchedFile(`${ndjson.perInstanceStatsNdjson}.tmp`);
  const statsTmpPath = `${ndjson.statsNdjson}.tmp`;
  // HELM lists metric 1's per-instance stats before metric 2's: later metrics wait in spill files.
  const spills = new Map<number, RecordWriter<unknown>>();
  const spillPath = (index: number) => file(`per_instance_stats.metric${index}.spill`);
  const writers: RecordWriter<unknown>[] = [scenarioState, perInstance].filter((w) => w !== undefined);

  return {
    async writeUnit(seq, states, perMetric) {
      for (const state of states) {
        const json = requestStateJson(state);
        if (scenarioState !== undefined) await scenarioState.write(json);
        const line = `${JSON.stringify({ seq, ...json })}\n`;
        await statesNdjson.push(line);
        await store.pushState(line);
      }
      for (const [index, entries] of perMetric.entries()) {
        for (const entry of entries) {
          const line = `${perInstanceStatsNdjson(entry)}\n`;
          await perInstanceNdjson.push(line);
          await store.pushEntry(line);
          if (perInstance === undefined) continue;
          const json = perInstanceStatsJson(entry);
          if (index === 0) {
            await perInstance.write(json);
          } else {
            let spill = spills.get(index);
            if (spill === undefined) {
              spill = ndjsonFile(spillPath(index));
              spills.set(index, spill);
              writers.push(spill);
            }
            await spill.write(markFloats(json));
          }
        }
      }
      await store.endUnit();
    },

    async finish(stats, counts) {
      for (const index of [...spills.keys()].sort((a, b) => a - b)) {
        await spills.get(index)!.close();
        const lines = createInterface({ input: createReadStream(spillPath(index)), crlfDelay: Infinity });
        for await (const line of lines) await perInstance!.write(JSON.parse(line, unmarkFloats));
        await rm(spillPath(index));
      }
      const statsJson = stats.map((stat) => stat.toJson());
      const statsNdjson = batchedFile(statsTmpPath);
      for (const stat of statsJson) await statsNdjson.push(`${JSON.stringify(stat)}\n`);
      await Promise.all([statesNdjson.close(), perInstanceNdjson.close(), statsNdjson.close()]);
      await scenarioState?.close();
      await perInstance?.close();
      await store.finish(statsNdjson.path);
      for (const done of [statesNdjson, perInstanceNdjson, statsNdjson]) await rename(done.path, done.path.slice(0, -'.tmp'.length));
      await writeHelmJsonFile(file('stats.json'), statsJson);
      await writeHelmJsonFile(file('scenario.json'), options.scenarioJson);
      if (!writeHelmJson) await Promise.all(['scenario_state.json', 'per_instance_stats.json'].map((name) => removeIfExists(file(name))));
      await faultPoint('run-files-renamed');
      await writeHelmJsonFile(file('run_spec.json'), runSpecJson(runSpec)); // the run's files are complete
      await faultPoint('run-spec-written');
      await store.publish(runRowParams(runSpec, options.suite, counts));
      await ensureSuiteViews(dirname(runDir));
      await faultPoint('store-published');
    },

    async abort() {
      await Promise.all(writers.map((writer) => writer.abort().catch(() => undefined)));
      await Promise.all([statesNdjson, perInstanceNdjson].map(async (twin) => {
        await twin.destroy();
        await removeIfExists(twin.path);
      }));
      await removeIfExists(statsTmpPath);
      await store.abort();
      await Promise.all([...spills.keys()].map((index) => rm(spillPath(index), { force: true })));
    },
  };
}
