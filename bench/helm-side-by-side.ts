/**
 * HELM side by side (issue #18): HELM 0.5.16's own `helm-run` and ours on the same generated MMLU data
 * (`mmlu:subject=bench,model=simple/model1`, every output on), each run under `/usr/bin/time -v`, HELM at two sizes
 * and ours at two sizes (also with `--skip-helm-json`). Each engine's marginal time per instance is
 * (t_big − t_small) / (n_big − n_small), so start-up and reading the data cancel out; the intercept is what is left.
 *
 * usage: node --import tsx bench/helm-side-by-side.ts [--helm 1000,3000] [--ours 10000,100000] [--check 50]
 *        [--repeat 1] [--rows N] [--anchor /work/anchor]
 *   --repeat K every size of every engine K times, in K interleaved rounds; each point of a fit is the fastest of
 *              its K runs (the one least slowed by other work on a shared machine); every run is kept in the JSON
 *   --check N  first a try at N instances of both, comparing their request states (0: no try)
 *   --rows N   eval rows of the generated data (default: the largest size); both engines read all of them
 *   --anchor   a HELM 0.5.16 install made by ../shared/tools/helm-anchor/setup.sh (or $HELM_ANCHOR)
 * Figures go to bench/results/side-by-side.json; working files to bench/.work/side (runs removed after measuring).
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_WORK, ensureMmluData } from './mmlu-data.ts';
import { timedRun } from './timed-run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIDE = join(BENCH_WORK, 'side');
const ENTRY = 'mmlu:subject=bench,model=simple/model1';
const RUN_DIR_NAME = 'mmlu:subject=bench,method=multiple_choice_joint,model=simple_model1';

type Engine = 'helm' | 'ours' | 'ours --skip-helm-json';

interface Run {
  readonly engine: Engine;
  readonly n: number;
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  /** User + system CPU seconds of the process and its threads (`/usr/bin/time`): less moved by other work than wall time. */
  readonly cpuSeconds: number;
  /** The `num_instances` stat of stats.json (split test): the instances the run evaluated. */
  readonly numInstances: number;
}

const { values } = parseArgs({
  options: {
    helm: { type: 'string', default: '1000,3000' },
    ours: { type: 'string', default: '10000,100000' },
    check: { type: 'string', default: '50' },
    repeat: { type: 'string', default: '1' },
    rows: { type: 'string' },
    anchor: { type: 'string', default: process.env.HELM_ANCHOR ?? '/work/anchor' },
  },
});
const pair = (flag: string, text: string): [number, number] => {
  const ns = text.split(',').map(Number);
  if (ns.length !== 2 || !ns.every((n) => Number.isInteger(n) && n > 0) || ns[0]! >= ns[1]!) {
    throw new Error(`--${flag} ${text}: give two sizes, smaller first, e.g. --${flag} 1000,3000`);
  }
  return [ns[0]!, ns[1]!];
};
const helmSizes = pair('helm', values.helm!);
const ourSizes = pair('ours', values.ours!);
const checkSize = Number(values.check);
const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat ${values.repeat}: give a whole number of rounds, 1 or more`);
const rows = Number(values.rows ?? Math.max(...helmSizes, ...ourSizes, checkSize));
const anchor = values.anchor!;
// What `source <anchor>/env.sh` does: HELM's venv first on PATH, its stubs importable (inherited by every child;
// ours does not look at either).
process.env.PATH = `${join(anchor, 'venv', 'bin')}:${process.env.PATH ?? ''}`;
process.env.PYTHONPATH = join(anchor, 'stubs');

const dataRoot = join(SIDE, 'data');
const loads: { engine: Engine; n: number; load1: number }[] = []; // the 1-minute load average at each run's end
await ensureMmluData(dataRoot, rows);

/** A fresh output folder whose scenarios/mmlu/data is the shared generated data. */
function freshOutput(name: string): { out: string; localPath: string } {
  const dir = join(SIDE, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'out', 'scenarios', 'mmlu'), { recursive: true });
  symlinkSync(join(dataRoot, 'scenarios', 'mmlu', 'data'), join(dir, 'out', 'scenarios', 'mmlu', 'data'));
  return { out: join(dir, 'out'), localPath: join(dir, 'prod_env') };
}

function numInstancesOf(runDir: string): number {
  const stats = JSON.parse(readFileSync(join(runDir, 'stats.json'), 'utf8')) as { name: Record<string, unknown>; sum: number }[];
  const found = stats.find((s) => s.name.name === 'num_instances' && s.name.split === 'test' && s.name.perturbation === undefined);
  return found?.sum ?? NaN;
}

/** One run of `engine` at `n` instances; its run folder is returned for a look before it is removed. */
async function measure(engine: Engine, n: number, keep = false): Promise<Run & { runDir: string }> {
  const name = `${engine.replaceAll(' ', '').replaceAll('-', '')}-${n}`;
  const { out, localPath } = freshOutput(name);
  const suite = 'side';
  const args = engine === 'helm'
    ? ['-v', join(anchor, 'venv', 'bin', 'helm-run'), '--run-entries', ENTRY, '--suite', suite, '-o', out, '--local-path', localPath,
      '-m', String(n)]
    : ['-v', process.execPath, join(root, 'pipelines', 'run.js'), '-r', ENTRY, '-m', String(n), '--suite', suite, '-o', out,
      '--local-path', localPath, '-n', '16', ...(engine === 'ours' ? [] : ['--skip-helm-json'])];
  const started = performance.now();
  const run = await timedRun(args);
  const wallSeconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${engine} -m ${n} failed (${run.status}): ${run.stderr.slice(-3000)}`);
  const runDir = join(out, 'runs', suite, RUN_DIR_NAME);
  const seconds = (field: string) => Number(new RegExp(`${field} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)?.[1] ?? NaN);
  const cpuSeconds = Number((seconds('User') + seconds('System')).toFixed(2));
  const figure = { engine, n, wallSeconds: Number(wallSeconds.toFixed(2)), peakRssMb: Math.round(run.peakRssKb / 1024), cpuSeconds, numInstances: numInstancesOf(runDir), runDir };
  console.log(JSON.stringify({ ...figure, runDir: undefined, load: loadavg()[0]!.toFixed(2) }));
  loads.push({ engine, n, load1: Number(loadavg()[0]!.toFixed(2)) });
  if (!keep) rmSync(join(SIDE, name), { recursive: true, force: true });
  return figure;
}

/** The same request states from both engines at the check size (count, then instance ids as a set). */
async function check(n: number): Promise<Record<string, unknown>> {
  const states = (runDir: string) =>
    (JSON.parse(readFileSync(join(runDir, 'scenario_state.json'), 'utf8')) as { request_states: { instance: { id: string } }[] }).request_states;
  const entries = (runDir: string) => (JSON.parse(readFileSync(join(runDir, 'per_instance_stats.json'), 'utf8')) as unknown[]).length;
  const helm = await measure('helm', n, true);
  const ours = await measure('ours', n, true);
  const [helmStates, ourStates] = [states(helm.runDir), states(ours.runDir)];
  const ids = (list: { instance: { id: string } }[]) => list.map((s) => s.instance.id).sort().join(',');
  const result = {
    n,
    requestStates: { helm: helmStates.length, ours: ourStates.length },
    perInstanceStatsEntries: { helm: entries(helm.runDir), ours: entries(ours.runDir) },
    numInstances: { helm: helm.numInstances, ours: ours.numInstances },
    sameInstanceIds: ids(helmStates) === ids(ourStates),
  };
  console.log(JSON.stringify({ check: result }));
  if (helmStates.length !== ourStates.length || helmStates.length === 0) throw new Error(`the check at ${n} differs: ${JSON.stringify(result)}`);
  return result;
}

/** Marginal ms per instance, intercept (start-up, reading the data) and peak RSS of one engine's two runs. */
function fit(small: Run, big: Run) {
  const marginalMs = ((big.wallSeconds - small.wallSeconds) * 1000) / (big.n - small.n);
  const marginalCpuMs = ((big.cpuSeconds - small.cpuSeconds) * 1000) / (big.n - small.n);
  return {
    engine: small.engine,
    sizes: [small.n, big.n],
    wallSeconds: [small.wallSeconds, big.wallSeconds],
    peakRssMb: [small.peakRssMb, big.peakRssMb],
    numInstances: [small.numInstances, big.numInstances],
    marginalMsPerInstance: Number(marginalMs.toFixed(4)),
    interceptSeconds: Number((small.wallSeconds - (marginalMs * small.n) / 1000).toFixed(2)),
    cpuSeconds: [small.cpuSeconds, big.cpuSeconds],
    marginalCpuMsPerInstance: Number(marginalCpuMs.toFixed(4)),
  };
}

const loadBefore = loadavg();
const checked = checkSize > 0 ? await check(checkSize) : undefined;
const runs: Run[] = [];
for (let round = 0; round < repeat; round++) {
  for (const n of helmSizes) runs.push(await measure('helm', n));
  for (const engine of ['ours', 'ours --skip-helm-json'] as const) for (const n of ourSizes) runs.push(await measure(engine, n));
}
const strip = ({ engine, n, wallSeconds, peakRssMb, cpuSeconds, numInstances }: Run): Run => ({ engine, n, wallSeconds, peakRssMb, cpuSeconds, numInstances });
const fastest = (engine: Engine, n: number): Run =>
  runs.filter((r) => r.engine === engine && r.n === n).reduce((best, r) => (r.wallSeconds < best.wallSeconds ? r : best));
const fits = (['helm', 'ours', 'ours --skip-helm-json'] as const).map((engine) => {
  const [small, big] = engine === 'helm' ? helmSizes : ourSizes;
  return fit(fastest(engine, small), fastest(engine, big));
});
const [helm, ours, lean] = fits;
const ratios = {
  helmOverOurs: Number((helm!.marginalMsPerInstance / ours!.marginalMsPerInstance).toFixed(2)),
  helmOverOursSkipHelmJson: Number((helm!.marginalMsPerInstance / lean!.marginalMsPerInstance).toFixed(2)),
  cpuHelmOverOurs: Number((helm!.marginalCpuMsPerInstance / ours!.marginalCpuMsPerInstance).toFixed(2)),
  cpuHelmOverOursSkipHelmJson: Number((helm!.marginalCpuMsPerInstance / lean!.marginalCpuMsPerInstance).toFixed(2)),
};
console.log(JSON.stringify({ fits, ratios }, null, 2));
const machine = { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
const load = { before: loadBefore.map((x) => Number(x.toFixed(2))), after: loadavg().map((x) => Number(x.toFixed(2))) };
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'side-by-side.json'),
  `${JSON.stringify({ date: new Date().toISOString(), machine, load, evalRows: rows, repeat, check: checked, runs: runs.map(strip), loadAtEachRunsEnd: loads, fits, ratios }, null, 2)}\n`,
);
