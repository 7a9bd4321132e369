/**
 * helm-server end to end over HTTP: the quickstart suite (made by the README's commands) and a generated suite of
 * 3,000 instances, served by the real command; every value the API gives is checked against the run's HELM files
 * (stats.json, per_instance_stats.json, scenario_state.json) and the summarize files; paths outside the output
 * folder, SQL in parameters and bad flags are refused.
 */
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeProcess } from './__fixtures__/when-ready.ts';
import { LARGE_RUN, makeLargeSuite, makeQuickstartSuite, QUICKSTART_RUNS, startViewer, type ViewerServer } from './__fixtures__/viewer-suites.ts';

const [PLAIN, ROBUST] = QUICKSTART_RUNS;
let out: string;
let server: ViewerServer;
const suiteDir = () => join(out, 'runs', 'quickstart');
const helmFile = <T>(run: string, name: string): T => JSON.parse(readFileSync(join(suiteDir(), run, name), 'utf8')) as T;
async function api<T = Record<string, unknown>>(path: string, status = 200): Promise<T> {
  const response = await fetch(new URL(`api/${path}`, server.url));
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}
/** Sends `path` byte for byte (no URL normalization, as an attacker would) and returns the status code. */
async function rawStatus(path: string): Promise<number> {
  const { hostname, port } = new URL(server.url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`); // the server closes after answering
  let text = '';
  for await (const chunk of socket) text += String(chunk);
  return Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]);
}

interface HelmStat { name: { name: string; split: string; perturbation?: { name: string } }; count: number; mean?: number; sum: number }
interface HelmState { instance: { id: string; input: { text: string }; perturbation?: { name: string } }; request: { prompt: string }; result: { completions: { text: string }[] } }

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'helm-server-'));
  await makeQuickstartSuite(out);
  server = await startViewer(['-o', out, '-p', '0']);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(out, { recursive: true, force: true });
});

describe('helm-server on the quickstart suite', () => {
  it('serves HELM\'s config.js and the summarize files at HELM\'s URLs, byte for byte', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await (await fetch(new URL('config.js', server.url))).text()).toBe(
      'window.BENCHMARK_OUTPUT_BASE_URL = "benchmark_output";\nwindow.SUITE = "quickstart";\nwindow.PROJECT_ID = "lite";\nwindow.HELM_STREAM_API = "api";\n',
    );
    for (const file of ['summary.json', 'groups.json', 'groups/quickstart.json', 'schema.json', 'run_specs.json', `${encodeURIComponent(ROBUST)}/stats.json`]) {
      const response = await fetch(new URL(`benchmark_output/runs/quickstart/${file}`, server.url));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(readFileSync(join(suiteDir(), decodeURIComponent(file)), 'utf8'));
    }
    // HELM's fallback for a suite without schema.json (one not summarized): the classic schema's YAML as JSON.
    const fallback = (await (await fetch(new URL('benchmark_output/runs/not-summarized/schema.json', server.url))).json()) as { run_groups: { name: string }[] };
    expect(fallback.run_groups.map((g) => g.name)).toContain('core_scenarios');
    const page = await fetch(server.url);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('lists the runs with their facets, searched and filtered in SQL', async () => {
    const all = await api<{ total: number; runs: { run_name: string; perturbations: string[]; num_request_states: number }[]; facets: Record<string, string[]> }>('runs');
    expect(all.total).toBe(2);
    expect(all.runs.map((r) => [r.run_name, r.perturbations, r.num_request_states])).toEqual([[PLAIN, [], 10], [ROBUST, ['mild_mix'], 20]]);
    expect(all.facets).toEqual({ scenarios: ['simple_mcqa'], models: ['simple/model1'], groups: ['simple_mcqa'], perturbations: ['mild_mix'] });
    expect((await api<{ total: number }>('runs?perturbation=mild_mix')).total).toBe(1);
    expect((await api<{ runs: { run_name: string }[] }>('runs?q=AUGMENTATION')).runs.map((r) => r.run_name)).toEqual([ROBUST]);
    expect((await api<{ total: number }>('runs?model=simple/model2')).total).toBe(0);
    expect((await api<{ total: number; runs: unknown[] }>('runs?limit=1&offset=1')).runs).toHaveLength(1);
  });

  it('gives a run with every stat of its stats.json, in order, and its main metric from the schema', async () => {
    const detail = await api<{ stats: { metric_name: string; split: string; perturbation_name: string | null; count: number; mean: number | null; sum: number }[]; main_metric: unknown; perturbations: string[]; run: { run_spec: { name: string } } }>(`run?run=${encodeURIComponent(ROBUST)}`);
    const helm = helmFile<HelmStat[]>(ROBUST, 'stats.json');
    expect(detail.stats.map((s) => [s.metric_name, s.split, s.perturbation_name, s.count, s.sum])).toEqual(
      helm.map((s) => [s.name.name, s.name.split, s.name.perturbation?.name ?? null, s.count, s.sum]),
    );
    expect(detail.main_metric).toEqual({ name: 'exact_match', split: 'test' });
    expect(detail.perturbations).toEqual(['mild_mix']);
    expect(detail.run.run_spec.name).toBe(ROBUST);
  });

  it('pages instances with their variants, prompts, completions and per-instance stats as the run wrote them', async () => {
    const states = helmFile<{ request_states: HelmState[] }>(ROBUST, 'scenario_state.json').request_states;
    const perInstance = helmFile<{ instance_id: string; perturbation?: { name: string }; stats: HelmStat[] }[]>(ROBUST, 'per_instance_stats.json');
    type Page = { total: number; instances: { instance_id: string; outcome: string; variants: { perturbation_name: string | null; input: string; references: { tags: string[] }[]; trials: { requests: { prompt: string; completion: string }[] }[]; stats: { metric_name: string; mean: number }[] }[] }[] };
    const first = await api<Page>(`instances?run=${encodeURIComponent(ROBUST)}&limit=4`);
    expect(first.total).toBe(10);
    const originals = states.filter((s) => s.instance.perturbation === undefined);
    expect(first.instances.map((i) => i.instance_id)).toEqual(originals.slice(0, 4).map((s) => s.instance.id));
    for (const instance of first.instances) {
      expect(instance.variants.map((v) => v.perturbation_name)).toEqual([null, 'mild_mix']);
      for (const variant of instance.variants) {
        const state = states.find((s) => s.instance.id === instance.instance_id && (s.instance.perturbation?.name ?? null) === variant.perturbation_name)!;
        expect(variant.input).toBe(state.instance.input.text);
        expect(variant.trials[0]!.requests[0]!.prompt).toBe(state.request.prompt);
        expect(variant.trials[0]!.requests[0]!.completion).toBe(state.result.completions[0]!.text);
        const entry = perInstance.find((e) => e.instance_id === instance.instance_id && (e.perturbation?.name ?? null) === variant.perturbation_name)!;
        // A stat with no values (count 0: the training costs of simple/model1) has no mean.
        expect(variant.stats.map((s) => [s.metric_name, s.mean])).toEqual(entry.stats.map((s) => [s.name.name, s.count === 0 ? null : s.sum / s.count]));
      }
      expect(instance.outcome).toBe('incorrect'); // simple/model1 answers "Answer:" (exact_match 0), see stats.json
    }
    const last = await api<Page>(`instances?run=${encodeURIComponent(ROBUST)}&offset=8&limit=4`);
    expect(last.instances.map((i) => i.instance_id)).toEqual(originals.slice(8).map((s) => s.instance.id));
    const originalsOnly = await api<Page>(`instances?run=${encodeURIComponent(ROBUST)}&perturbation=original&limit=2`);
    expect(originalsOnly.instances.map((i) => i.variants.map((v) => v.perturbation_name))).toEqual([[null], [null]]);
    expect((await api<Page>(`instances?run=${encodeURIComponent(ROBUST)}&outcome=correct`)).total).toBe(0);
    expect((await api<Page>(`instances?run=${encodeURIComponent(ROBUST)}&outcome=incorrect`)).total).toBe(10);
    const needle = originals[3]!.instance.input.text;
    const found = await api<Page>(`instances?run=${encodeURIComponent(ROBUST)}&q=${encodeURIComponent(needle.toUpperCase())}`);
    expect(found.instances.map((i) => i.instance_id)).toContain(originals[3]!.instance.id);
    expect(found.total).toBe(states.filter((s) => s.request.prompt.toLowerCase().includes(needle.toLowerCase())).map((s) => s.instance.id).filter((v, i, a) => a.indexOf(v) === i).length);
  });

  it('compares two runs instance by instance', async () => {
    const compared = await api<{ total: number; differing: number; rows: { instance_id: string; a: { value: number; completion: string }; differs: boolean }[] }>(
      `compare?a=${encodeURIComponent(PLAIN)}&b=${encodeURIComponent(ROBUST)}&limit=3`,
    );
    expect(compared.total).toBe(20); // 10 originals in both; 10 mild_mix copies only in the second
    expect(compared.differing).toBe(10);
    expect(compared.rows.every((row) => row.differs)).toBe(true);
  });

  it('answers bad parameters with 400, unknown runs with 404, and treats SQL in a parameter as a plain value', async () => {
    expect((await api<{ error: string }>('instances?run=x&limit=-1', 400)).error).toMatch(/limit/);
    expect((await api<{ error: string }>(`instances?run=${encodeURIComponent(PLAIN)}&outcome=maybe`, 400)).error).toMatch(/correct, incorrect/);
    expect((await api<{ error: string }>(`run?run=${encodeURIComponent("x' OR 1=1 --")}`, 404)).error).toMatch(/No complete run/);
    expect((await api<{ total: number }>(`runs?q=${encodeURIComponent("' OR 1=1 --")}`)).total).toBe(0);
    expect((await api<{ error: string }>('run?run=x&suite=../..', 400)).error).toMatch(/names one folder/);
    await api('nothing', 404);
  });

  it('serves no file outside the output path: .., encoded, absolute and symbolic-link paths', async () => {
    symlinkSync('/etc', join(out, 'escape'));
    for (const path of [
      '/benchmark_output/../../../../etc/passwd',
      '/benchmark_output/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/benchmark_output/runs%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/benchmark_output/%2Fetc%2Fpasswd',
      '//etc/passwd',
      '/benchmark_output/escape/passwd',
      '/benchmark_output/..%5C..%5Cetc%5Cpasswd',
      '/cache/output/../../../etc/passwd',
      '/%2e%2e/package.json',
    ]) {
      expect([403, 404], path).toContain(await rawStatus(path));
    }
    expect(await rawStatus('/benchmark_output/runs/quickstart/summary.json')).toBe(200);
  });

  it('listens on 127.0.0.1 only', async () => {
    const external = Object.values(networkInterfaces()).flat().find((a) => a !== undefined && a.family === 'IPv4' && !a.internal);
    if (external === undefined) return; // a machine with loopback only has nothing else to reach
    const socket = connect(Number(new URL(server.url).port), external.address);
    const [error] = (await once(socket, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNREFUSED');
  });
});

describe('a freshly started helm-server asked many things at once', () => {
  it('loads its run catalog once: every answer counts each run once', async () => {
    const fresh = await startViewer(['-o', out, '--suite', 'quickstart', '-p', '0']);
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) =>
        fetch(new URL(i % 2 === 0 ? 'api/runs' : `api/instances?run=${encodeURIComponent(PLAIN)}`, fresh.url)).then(async (r) => [r.status, ((await r.json()) as { total: number }).total])));
      expect(answers).toEqual([[200, 2], [200, 10], [200, 2], [200, 10], [200, 2], [200, 10]]);
    } finally {
      await fresh.stop();
    }
  });
});

describe('helm-server --release', () => {
  it('shows each run of a release from the suite the release takes it from', async () => {
    const runJs = join(process.cwd(), 'pipelines', 'run.js');
    const made = await nodeProcess([runJs, '-r', 'simple_mcqa:model=simple/model1,max_train_instances=0', '-m', '5', '--suite', 'other', '-o', out, '--local-path', join(out, 'prod_env')], process.cwd());
    expect(made.status, made.stderr).toBe(0);
    const summarized = await nodeProcess(['pipelines/summarize.js', '-o', out, '--release', 'r1', '--suites', 'quickstart', 'other', '--schema-path', 'configs/schema_quickstart.yaml', '--local-path', join(out, 'prod_env')], process.cwd());
    expect(summarized.status, summarized.stderr).toBe(0);
    const taken = JSON.parse(readFileSync(join(out, 'releases', 'r1', 'runs_to_run_suites.json'), 'utf8')) as Record<string, string>;
    const other = Object.keys(taken).find((run) => taken[run] === 'other')!;
    expect(other).toBe('simple_mcqa:model=simple_model1,max_train_instances=0');
    const release = await startViewer(['-o', out, '--release', 'r1', '-p', '0']);
    try {
      const get = async <T>(path: string) => (await (await fetch(new URL(`api/${path}`, release.url))).json()) as T;
      expect(await get('info')).toEqual({ kind: 'release', name: 'r1', suites: ['quickstart', 'other'], runs: 3, suitesAvailable: ['other', 'quickstart'] });
      expect((await get<{ runs: { run_name: string; suite: string }[] }>('runs')).runs.map((r) => [r.run_name, r.suite])).toEqual(
        [[PLAIN, 'quickstart'], [ROBUST, 'quickstart'], [other, 'other']],
      );
      // No suite given: the run's own, from runs_to_run_suites.json.
      expect((await get<{ total: number }>(`instances?run=${encodeURIComponent(other)}`)).total).toBe(5);
      expect((await get<{ total: number }>(`instances?run=${encodeURIComponent(PLAIN)}`)).total).toBe(10);
    } finally {
      await release.stop();
    }
  });
});

describe('helm-server --export-path and its errors', () => {
  it('writes a static site of the suite: the app, config.js without an API, HELM\'s files and no store', async () => {
    const site = join(out, '..', `${out.split('/').pop()}-site`);
    try {
      const exported = await nodeProcess(['pipelines/serve.js', '-o', out, '--suite', 'quickstart', '--export-path', site], process.cwd());
      expect(exported.status, exported.stderr).toBe(0);
      expect(exported.stdout).toMatch(/exported runs\/quickstart \(2 runs\)/);
      expect(readFileSync(join(site, 'config.js'), 'utf8')).toContain('window.HELM_STREAM_API = null;');
      expect(existsSync(join(site, 'index.html'))).toBe(true);
      expect(readFileSync(join(site, 'benchmark_output/runs/quickstart/groups/quickstart.json'), 'utf8')).toBe(readFileSync(join(suiteDir(), 'groups/quickstart.json'), 'utf8'));
      expect(readdirSync(join(site, 'benchmark_output/runs/quickstart', ROBUST)).sort()).toEqual(
        ['display_predictions.json', 'display_requests.json', 'instances.json', 'per_instance_stats.json', 'run_spec.json', 'scenario.json', 'scenario_state.json', 'stats.json'],
      );
      // A second export replaces the first; a folder that is not an export, or one holding the output, is refused.
      expect((await nodeProcess(['pipelines/serve.js', '-o', out, '--suite', 'quickstart', '--export-path', site], process.cwd())).status).toBe(0);
      for (const folder of [join(out, '..'), join(site, 'benchmark_output')]) {
        const refused = await nodeProcess(['pipelines/serve.js', '-o', out, '--suite', 'quickstart', '--export-path', folder], process.cwd());
        expect([refused.status, refused.stderr]).toEqual([2, expect.stringMatching(/overlap|not an earlier export/)]);
      }
      expect(existsSync(join(suiteDir(), 'summary.json'))).toBe(true);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('says what is wrong: an unknown suite, a port in use, both --suite and --release', async () => {
    const unknown = await nodeProcess(['pipelines/serve.js', '-o', out, '--suite', 'nope'], process.cwd());
    expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringMatching(/no suite 'nope'.*Summarized: .*--suite quickstart/s)]);
    const busy = await nodeProcess(['pipelines/serve.js', '-o', out, '-p', new URL(server.url).port], process.cwd());
    expect([busy.status, busy.stderr]).toEqual([2, expect.stringMatching(/in use: give another with -p/)]);
    const both = await nodeProcess(['pipelines/serve.js', '-o', out, '--suite', 'a', '--release', 'b'], process.cwd());
    expect([both.status, both.stderr]).toEqual([2, expect.stringMatching(/not allowed with argument --suite/)]);
    const none = await nodeProcess(['pipelines/serve.js', '-o', join(out, 'empty')], process.cwd());
    expect([none.status, none.stderr]).toEqual([2, expect.stringMatching(/No summarized suite under/)]);
  });
});

describe('helm-server on a generated suite of 3,000 instances', () => {
  let large: string;
  let viewer: ViewerServer;
  beforeAll(async () => {
    large = mkdtempSync(join(tmpdir(), 'helm-server-large-'));
    await makeLargeSuite(large, 3000);
    viewer = await startViewer(['-o', large, '--suite', 'large', '-p', '0']);
  }, 180_000);
  afterAll(async () => {
    await viewer?.stop();
    rmSync(large, { recursive: true, force: true });
  });

  it('pages to the last instance, in the order of scenario_state.json', async () => {
    const get = async (query: string) => (await (await fetch(new URL(`api/instances?run=${encodeURIComponent(LARGE_RUN)}&${query}`, viewer.url))).json()) as { total: number; instances: { instance_id: string; variants: { trials: { requests: { prompt: string }[] }[] }[] }[] };
    const ids = (JSON.parse(readFileSync(join(large, 'runs', 'large', LARGE_RUN, 'scenario_state.json'), 'utf8')) as { request_states: HelmState[] }).request_states.map((s) => s.instance.id);
    const first = await get('limit=20');
    expect(first.total).toBe(3000);
    expect(first.instances.map((i) => i.instance_id)).toEqual(ids.slice(0, 20));
    const middle = await get('offset=1500&limit=20');
    expect(middle.instances.map((i) => i.instance_id)).toEqual(ids.slice(1500, 1520));
    const last = await get('offset=2980&limit=50');
    expect(last.instances.map((i) => i.instance_id)).toEqual(ids.slice(2980));
    expect((await get('offset=3000')).instances).toEqual([]);
  });
});
