/**
 * Viewer benchmark (issue #17): `helm-server` on the scale benchmark's 1,000,000-instance run (bench/.work/out, suite
 * scale-1000000, made by `bench/scale.ts 1000000` when missing), measured over HTTP as a browser asks:
 * the first page of instances on a fresh server, later pages at random offsets, filtered pages (first and later),
 * and the server's RSS while paging through every instance (500 per page).
 *
 * usage: node --import tsx bench/serve.ts [N]   (default 1000000); figures go to bench/results/serve.json.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_OUT, EVAL_ROWS, ensureMmluData } from './mmlu-data.ts';
import { timedRun } from './timed-run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUN_NAME = 'mmlu:subject=bench,method=multiple_choice_joint,model=simple_model1';
const n = Number(process.argv[2] ?? 1_000_000);
const suite = `scale-${n}`;
const runDir = join(BENCH_OUT, 'runs', suite, RUN_NAME);

async function ensureRun(): Promise<void> {
  if (existsSync(join(runDir, 'store', 'runs.parquet')) && existsSync(join(runDir, 'store', 'instance_index.parquet'))) return;
  await ensureMmluData(BENCH_OUT, EVAL_ROWS);
  console.log(`making the ${n}-instance run (helm-run, simple/model1)…`);
  const run = await timedRun(['-v', process.execPath, join(root, 'pipelines', 'run.js'), '-r', 'mmlu:subject=bench,model=simple/model1',
    '-m', String(n), '--suite', suite, '-o', BENCH_OUT, '--local-path', join(BENCH_OUT, '..', `prod_env-${n}`), '-n', '16']);
  if (run.status !== 0) throw new Error(`helm-run failed: ${run.stderr.slice(-2000)}`);
}

const rssMb = (pid: number): number => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024);
const quantile = (values: number[], q: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const round = (ms: number): number => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  await ensureRun();
  const server = spawn(process.execPath, [join(root, 'pipelines', 'serve.js'), '-o', BENCH_OUT, '--suite', suite, '-p', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const started = performance.now();
  while (!/at (http:\S+\/)/.test(stdout)) await once(server.stdout, 'data');
  const startupMs = performance.now() - started;
  const base = /at (http:\S+\/)/.exec(stdout)![1]!;
  const timed = async (query: string): Promise<{ ms: number; total: number; count: number }> => {
    const t0 = performance.now();
    const response = await fetch(`${base}api/instances?run=${encodeURIComponent(RUN_NAME)}&${query}`);
    const body = (await response.json()) as { total: number; instances: unknown[]; error?: string };
    if (response.status !== 200) throw new Error(`${query}: ${response.status} ${body.error}`);
    return { ms: performance.now() - t0, total: body.total, count: body.instances.length };
  };
  try {
    const first = await timed('limit=20');
    const later: number[] = [];
    for (let i = 0; i < 200; i++) later.push((await timed(`limit=20&offset=${Math.floor(Math.random() * (n - 20))}`)).ms);
    const filtered: Record<string, { firstMs: number; laterP50Ms: number; total: number }> = {};
    for (const [name, query] of [['split=test', 'split=test'], ['perturbation=original', 'perturbation=original'],
      ['outcome=incorrect', 'outcome=incorrect'], ['q (text search)', `q=${encodeURIComponent('numbered 77777')}`]] as const) {
      const head = await timed(`limit=20&${query}`);
      const next: number[] = [];
      for (let i = 0; i < 20; i++) next.push((await timed(`limit=20&offset=${Math.floor(Math.random() * Math.max(1, head.total - 20))}&${query}`)).ms);
      filtered[name] = { firstMs: round(head.ms), laterP50Ms: round(quantile(next, 0.5)), total: head.total };
    }
    const rss: number[] = [rssMb(server.pid!)];
    const pageMs: number[] = [];
    let seen = 0;
    for (let offset = 0; offset < n; offset += 500) {
      const page = await timed(`limit=500&offset=${offset}`);
      pageMs.push(page.ms);
      seen += page.count;
      if (pageMs.length % 100 === 0) rss.push(rssMb(server.pid!));
    }
    rss.push(rssMb(server.pid!));
    const figures = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), cpu: cpus()[0]?.model },
      instances: n,
      startupMs: round(startupMs),
      firstPageMs: round(first.ms),
      laterPages: { count: later.length, p50Ms: round(quantile(later, 0.5)), p95Ms: round(quantile(later, 0.95)), maxMs: round(Math.max(...later)) },
      filtered,
      pagingThroughAll: { pages: pageMs.length, instancesSeen: seen, perPage: 500, p50Ms: round(quantile(pageMs, 0.5)), maxMs: round(Math.max(...pageMs)), rssMb: { first: rss[0], min: Math.min(...rss), max: Math.max(...rss), last: rss.at(-1), every50kInstances: rss } },
    };
    writeFileSync(join(root, 'bench', 'results', 'serve.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    server.kill('SIGTERM');
  }
}

await main();
