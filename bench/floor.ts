/**
 * The floor (issue #18): what it costs only to serialize and write every output a run writes per instance, the way
 * the run writes them (sinks/run-writer.ts), for N generated instances shaped like the MMLU bench run's. The
 * template is one request state and its per-instance stats entry from a small real run of ours (`-m 5` on generated
 * data, made first); each instance gets its own id, question number and fresh Stat objects.
 *
 * Two measurements:
 * - breakdown: instance by instance in the run's order, each step timed on its own — building HELM's records
 *   (`requestStateJson`, `perInstanceStatsJson`), `helmJson` of each, the NDJSON lines (`JSON.stringify`, `perInstanceStatsNdjson`), pushing
 *   each file's text (the 4 run files and the store's 2 staging NDJSON files, through `batchedFile` as the sinks do;
 *   a push that fills a 64 KiB batch joins it, which is where V8 flattens the concatenated text), closing last;
 *   then, apart, the store's conversion of the staged segments to Parquet (by the run's Parquet
 *   worker, beside the run's thread);
 * - the run's writer: `openRunWriter(...).writeUnit` for every instance and `finish` (everything above in the run's
 *   order, plus the store's Parquet conversion on its worker thread), all outputs on and with `--skip-helm-json`.
 *
 * usage: node --import tsx bench/floor.ts [-n 20000]; figures go to bench/results/floor.json.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { helmJson } from '../core/helm-json.ts';
import { perInstanceStatsJson, perInstanceStatsNdjson, requestStateJson } from '../core/helm-records.ts';
import type { PerInstanceStats } from '../core/per-instance-stats.ts';
import { numberOf, type PyNumber } from '../core/py-float.ts';
import { parsePythonJson } from '../core/python-json.ts';
import type { CompletedRequest } from '../core/request.ts';
import type { RunSpec } from '../core/run-spec.ts';
import { Stat, type StatJson } from '../core/stat.ts';
import { batchedFile, type BatchedFile } from '../sinks/batched-file.ts';
import { openRunWriter } from '../sinks/run-writer.ts';
import { openParquetWorker } from '../sinks/store/parquet-worker.ts';
import { convertSegment, makeStoreDirs, type RunSegment } from '../sinks/store/run-store.ts';
import { BENCH_WORK, ensureMmluData } from './mmlu-data.ts';
import { timedRun } from './timed-run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const FLOOR = join(BENCH_WORK, 'floor');
const RUN_DIR_NAME = 'mmlu:subject=bench,method=multiple_choice_joint,model=simple_model1';
const CHUNK = 1000;
const SEGMENT = 1024; // request states per staging segment, as sinks/store/run-store-writer.ts

const { values } = parseArgs({ options: { n: { type: 'string', short: 'n', default: '20000' } } });
const N = Number(values.n);

// ---- the template: a small real run of ours --------------------------------------------------------------------
const templateOut = join(FLOOR, 'template');
rmSync(templateOut, { recursive: true, force: true });
await ensureMmluData(templateOut, 100);
const made = await timedRun(['-v', process.execPath, join(root, 'pipelines', 'run.js'), '-r', 'mmlu:subject=bench,model=simple/model1',
  '-m', '5', '--suite', 'template', '-o', templateOut, '--local-path', join(FLOOR, 'template-prod_env')]);
if (made.status !== 0) throw new Error(`the template run failed: ${made.stderr.slice(-2000)}`);
const templateDir = join(templateOut, 'runs', 'template', RUN_DIR_NAME);
const readJson = (name: string) => parsePythonJson(readFileSync(join(templateDir, name), 'utf8'));
const stateJson0 = (readJson('scenario_state.json') as { request_states: Record<string, unknown>[] }).request_states[0]!;
const entryJson0 = (readJson('per_instance_stats.json') as { instance_id: string; train_trial_index: number; stats: StatJson[] }[])[0]!;
const runSpec = readJson('run_spec.json') as RunSpec;

// The parsed record as the run holds it: result times are plain numbers (resultJson marks them), stats are Stats.
const result0 = stateJson0.result as Record<string, PyNumber>;
const state0 = { ...stateJson0, result: { ...result0, request_time: numberOf(result0.request_time!) } } as unknown as CompletedRequest;
const stats0 = entryJson0.stats.map((json) => {
  if (json.count > 1) throw new Error(`template stat ${json.name.name} has count ${json.count}; only counts 0 and 1 are rebuilt`);
  return json.count === 0 ? new Stat(json.name) : new Stat(json.name).add(json.sum);
});
if (helmJson(requestStateJson(state0)) !== helmJson(stateJson0) ||
  helmJson(perInstanceStatsJson({ ...entryJson0, stats: stats0 })) !== helmJson(entryJson0)) {
  throw new Error('the rebuilt template does not write the bytes of the real run');
}
const questionNumber = /numbered (\d+)/.exec(state0.instance.input.text)![1]!;
const swap = (text: string, i: number) => text.replaceAll(`numbered ${questionNumber}`, `numbered ${i}`);

/** Instance i: its own id and question number, fresh Stat objects. */
function instance(i: number): { state: CompletedRequest; entry: PerInstanceStats } {
  const id = `id${i}`;
  const state = {
    ...state0,
    instance: { ...state0.instance, id, input: { ...state0.instance.input, text: swap(state0.instance.input.text, i) } },
    request: { ...state0.request, prompt: swap(state0.request.prompt, i) },
  };
  return { state, entry: { instance_id: id, train_trial_index: 0, stats: stats0.map((s) => s.copy()) } };
}

// ---- breakdown ---------------------------------------------------------------------------------------------------
const STEPS = ['build records', 'helmJson request state', 'helmJson per-instance stats', 'NDJSON request state',
  'NDJSON per-instance stats'] as const;
const FILES = ['scenario_state.json', 'per_instance_stats.json', 'scenario_state.ndjson', 'per_instance_stats.ndjson',
  'staging scenario_state ndjson', 'staging per_instance_stats ndjson'] as const;

async function breakdown(n: number): Promise<Record<string, number>> {
  const dir = join(FLOOR, 'breakdown');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The 4 run files, then the store's staging pair, a new pair every SEGMENT states (run-store-writer.ts).
  const segments: RunSegment[] = [];
  const stagingPair = (offset: number): [BatchedFile, BatchedFile] => {
    const at = (name: string) => join(dir, `segment${segments.length}.${name}.ndjson`);
    segments.push({ requestStatesNdjson: at('scenario_state'), perInstanceStatsNdjson: at('per_instance_stats'), offset });
    return [batchedFile(segments.at(-1)!.requestStatesNdjson, { durable: false }), batchedFile(segments.at(-1)!.perInstanceStatsNdjson, { durable: false })];
  };
  const files = [...FILES.slice(0, 4).map((name) => batchedFile(join(dir, name))), ...stagingPair(0)];
  const keys = [...STEPS, ...FILES.map((f) => `write ${f}`), 'close (flush, fsync)'];
  const ms = new Float64Array(keys.length);
  let t = 0;
  const lap = (k: number) => {
    const now = performance.now();
    ms[k] = ms[k]! + now - t;
    t = now;
  };
  const closing: Promise<void>[] = [];
  const units: ReturnType<typeof instance>[] = [];
  for (let i = 0; i < n; i++) {
    if (i % CHUNK === 0) for (let k = 0; k < CHUNK; k++) units[k] = instance(i + k); // made beforehand, not timed
    const unit = units[i % CHUNK]!;
    t = performance.now();
    if (i % SEGMENT === 0 && i > 0) {
      closing.push(files[4]!.close(), files[5]!.close());
      [files[4], files[5]] = stagingPair(i);
      lap(keys.length - 1);
    }
    // One instance as sinks/run-writer.ts writes it, each step timed on its own.
    const state = requestStateJson(unit.state);
    const entry = perInstanceStatsJson(unit.entry);
    lap(0);
    const stateText = `,\n    ${helmJson(state, 2, 2)}`;
    lap(1);
    const entryText = `,\n  ${helmJson(entry, 2, 1)}`;
    lap(2);
    const stateLine = `${JSON.stringify({ seq: i, ...state })}\n`;
    lap(3);
    const entryLine = `${perInstanceStatsNdjson(unit.entry)}\n`;
    lap(4);
    const texts = [stateText, entryText, stateLine, entryLine, stateLine, entryLine];
    for (let k = 0; k < files.length; k++) {
      await files[k]!.push(texts[k]!);
      lap(STEPS.length + k);
    }
  }
  t = performance.now();
  await Promise.all([...closing, ...files.map((f) => f.close())]);
  lap(keys.length - 1);
  const usPerInstance = Object.fromEntries(keys.map((k, j) => [k, Number(((ms[j]! * 1000) / n).toFixed(2))]));
  usPerInstance.total = Number(((ms.reduce((a, b) => a + b, 0) * 1000) / n).toFixed(2));
  // The store's part beside the run's thread: each segment to Parquet by the run's Parquet worker (one DuckDB instance
  // on a thread of its own; the run stages a segment in files of 128 states, here one file: the same rows and CPU).
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await makeStoreDirs(join(dir, 'store'));
  const worker = openParquetWorker();
  for (const [index, segment] of segments.entries()) await convertSegment(worker, join(dir, 'store'), runSpec.name, segment, index + 1);
  await worker.close();
  const cpu = process.cpuUsage(cpu0);
  usPerInstance['store: Parquet conversion, wall (worker thread)'] = Number((((performance.now() - t0) * 1000) / n).toFixed(2));
  usPerInstance['store: Parquet conversion, CPU'] = Number(((cpu.user + cpu.system) / n).toFixed(2));
  rmSync(dir, { recursive: true, force: true });
  return usPerInstance;
}

// ---- the run's writer --------------------------------------------------------------------------------------------
async function throughRunWriter(writeHelmJson: boolean) {
  const suiteDir = join(FLOOR, 'out', 'runs', `floor-${writeHelmJson ? 'all' : 'lean'}`);
  rmSync(suiteDir, { recursive: true, force: true });
  const units = Array.from({ length: CHUNK }, (_, k) => instance(k)); // made beforehand: not the writer's time
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const writer = await openRunWriter({ runDir: join(suiteDir, RUN_DIR_NAME), suite: 'floor', runSpec, scenarioJson: readJson('scenario.json') as Record<string, unknown>, writeHelmJson });
  let madeMs = 0;
  for (let i = 0; i < N; i++) {
    if (i % CHUNK === 0 && i > 0) {
      const m0 = performance.now();
      for (let k = 0; k < CHUNK; k++) units[k] = instance(i + k);
      madeMs += performance.now() - m0;
    }
    const { state, entry } = units[i % CHUNK]!;
    await writer.writeUnit(i, [state], [[entry]]);
  }
  const writtenMs = performance.now() - t0 - madeMs;
  await writer.finish(stats0, { numRequestStates: N, numFailedRequests: 0 });
  const totalMs = performance.now() - t0 - madeMs;
  const cpu = process.cpuUsage(cpu0);
  rmSync(suiteDir, { recursive: true, force: true });
  const us = (x: number) => Number(((x * 1000) / N).toFixed(2));
  return { writeHelmJson, usPerInstanceWriteUnit: us(writtenMs), usPerInstanceWithFinish: us(totalMs), cpuUsPerInstance: us((cpu.user + cpu.system) / 1000) };
}

const loadBefore = loadavg();
await breakdown(3 * CHUNK); // warm-up: the first chunks run before V8 has optimized the serializers
const figures = { breakdownUsPerInstance: await breakdown(N), runWriter: [await throughRunWriter(true), await throughRunWriter(false)] };
console.log(JSON.stringify(figures, null, 2));
const machine = { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
const load = { before: loadBefore.map((x) => Number(x.toFixed(2))), after: loadavg().map((x) => Number(x.toFixed(2))) };
const perInstanceBytes = {
  helmJson: helmJson(requestStateJson(state0), 2, 2).length + helmJson(perInstanceStatsJson({ ...entryJson0, stats: stats0 }), 2, 1).length,
  ndjson: JSON.stringify({ seq: 0, ...requestStateJson(state0) }).length + JSON.stringify(perInstanceStatsJson({ ...entryJson0, stats: stats0 })).length + 2,
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'floor.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, load, n: N, perInstanceBytes, ...figures }, null, 2)}\n`);
