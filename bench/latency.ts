/**
 * Latency-bound benchmark (issue #4): a model server in its own process answers OpenAI-style completions after a
 * fixed delay (bench/delayed-openai-server.ts); at each concurrency C, a bare `fetch` client and a real helm-run
 * (HELM's VLLMClient, an OpenAI-compatible deployment, `-n C --max-concurrency C`, a fresh cache) send C × 8 requests.
 * Requests/s are measured at the server (first arrival to last reply) against the ideal C / latency.
 *
 * usage: node --import tsx bench/latency.ts [C …]   (default 1 8 64 256); figures go to bench/results/latency.json
 * Environment: BENCH_ROUNDS (requests per worker, default 16: with 8, start-up and the last round weigh on the rate), BENCH_CPU_PROF (a directory: helm-run writes a CPU profile there).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { writeMmluCsv } from './mmlu-data.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const DELAY_MS = 200;
const args = process.argv.slice(2).map(Number).filter((c) => c > 0);
const concurrencies = args.length > 0 ? args : [1, 8, 64, 256];
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 16);
const profileArgs = process.env['BENCH_CPU_PROF'] === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`];

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'delayed-openai-server.ts'), String(DELAY_MS)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<string>((resolve) => createInterface({ input: server.stdout! }).once('line', resolve));
const base = `http://127.0.0.1:${port}`;

interface ServerStats { answered: number; firstArrivalMs?: number; lastReplyMs?: number }
const serverStats = async (): Promise<ServerStats> => (await fetch(`${base}/stats`)).json() as Promise<ServerStats>;
const rateOf = (s: ServerStats): number => s.answered / (((s.lastReplyMs ?? 0) - (s.firstArrivalMs ?? 0)) / 1000);

async function bareClient(concurrency: number, requests: number): Promise<ServerStats> {
  await fetch(`${base}/reset`, { method: 'POST' });
  const body = JSON.stringify({ model: 'bench', prompt: 'Answer:', max_tokens: 1, temperature: 0 });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests) {
      next += 1;
      const reply = await fetch(`${base}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await reply.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return serverStats();
}

async function helmRun(concurrency: number, requests: number): Promise<ServerStats & { peakRssMb: number; wallSeconds: number }> {
  await fetch(`${base}/reset`, { method: 'POST' });
  const work = mkdtempSync(join(tmpdir(), 'helm-latency-'));
  try {
    const data = join(work, 'out', 'scenarios', 'mmlu', 'data');
    mkdirSync(join(data, 'dev'), { recursive: true });
    mkdirSync(join(data, 'test'), { recursive: true });
    await writeMmluCsv(join(data, 'dev', 'bench_dev.csv'), 5);
    await writeMmluCsv(join(data, 'test', 'bench_test.csv'), requests);
    mkdirSync(join(work, 'prod_env'));
    writeFileSync(join(work, 'prod_env', 'model_deployments.yaml'), [
      'model_deployments:',
      '  - name: local/bench',
      '    model_name: local/bench',
      '    tokenizer_name: simple/tokenizer1',
      '    max_sequence_length: 2048',
      '    client_spec:',
      '      class_name: "helm.clients.vllm_client.VLLMClient"',
      `      args: {base_url: "${base}/v1", vllm_model_name: bench}`,
      '',
    ].join('\n'));
    const started = performance.now();
    const run = spawnSync('/usr/bin/time', ['-v', process.execPath, ...profileArgs, join(root, 'pipelines', 'run.js'), '-r', 'mmlu:subject=bench,model=local/bench',
      '-m', String(requests), '-n', String(concurrency), '--max-concurrency', String(concurrency), '--suite', 'latency',
      '-o', join(work, 'out'), '--local-path', join(work, 'prod_env')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wallSeconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`run failed: ${run.stderr.slice(-2000)}`);
    const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? NaN);
    return { ...(await serverStats()), peakRssMb: Math.round(rssKb / 1024), wallSeconds: Number(wallSeconds.toFixed(2)) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const percent = (rate: number, ideal: number) => Number(((100 * rate) / ideal).toFixed(1));
const figures = [];
try {
  for (const concurrency of concurrencies) {
    const requests = Math.max(40, concurrency * rounds);
    const ideal = concurrency / (DELAY_MS / 1000);
    const bare = await bareClient(concurrency, requests);
    const ours = await helmRun(concurrency, requests);
    const figure = {
      concurrency, requests, idealRps: ideal,
      bareRps: Number(rateOf(bare).toFixed(1)), barePercent: percent(rateOf(bare), ideal),
      oursRps: Number(rateOf(ours).toFixed(1)), oursPercent: percent(rateOf(ours), ideal),
      oursAnswered: ours.answered, oursWallSeconds: ours.wallSeconds, oursPeakRssMb: ours.peakRssMb,
    };
    figures.push(figure);
    console.log(JSON.stringify(figure));
  }
} finally {
  server.kill();
}
const machine = { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'latency.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, delayMs: DELAY_MS, figures }, null, 2)}\n`);
