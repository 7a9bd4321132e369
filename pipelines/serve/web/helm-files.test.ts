import { describe, expect, it } from 'vitest';

const { helmPaths, helmFiles, encodePath } = await import('./helm-files.js' as string);
const { createData, readConfig, queryString } = await import('./data.js' as string);

describe('helm files', () => {
  it('encodes each path component on its own, as HELM\'s viewer does', () => {
    const paths = helmPaths({ base: 'benchmark_output', suite: 'my suite' });
    expect(paths.suiteUrl('groups/core_scenarios.json')).toBe('benchmark_output/runs/my%20suite/groups/core_scenarios.json');
    expect(paths.runUrl('v1', 'mmlu:subject=anatomy,method=multiple_choice_joint,model=a_b', 'stats.json'))
      .toBe('benchmark_output/runs/v1/mmlu%3Asubject%3Danatomy%2Cmethod%3Dmultiple_choice_joint%2Cmodel%3Da_b/stats.json');
    expect(helmPaths({ base: 'https://x/out/', release: 'v1.0' }).suiteUrl('schema.json')).toBe('https://x/out/releases/v1.0/schema.json');
    expect(encodePath('a/b?c')).toBe('a/b%3Fc');
  });

  it('finds a release\'s runs in their suites through runs_to_run_suites.json, fetching each file once', async () => {
    const fetched: string[] = [];
    const getJson = async (url: string) => {
      fetched.push(url);
      if (url.endsWith('runs_to_run_suites.json')) return { 'gsm:model=a': 'v2' };
      return { url };
    };
    const files = helmFiles({ base: 'benchmark_output', release: 'v1.0' }, getJson);
    expect(await files.runJson('gsm:model=a', 'stats.json')).toEqual({ url: 'benchmark_output/runs/v2/gsm%3Amodel%3Da/stats.json' });
    await files.runJson('gsm:model=a', 'stats.json');
    expect(fetched).toEqual(['benchmark_output/releases/v1.0/runs_to_run_suites.json', 'benchmark_output/runs/v2/gsm%3Amodel%3Da/stats.json']);
    await expect(files.runSuite('other')).rejects.toThrow('run other is not in release v1.0');
  });

  it('reads config.js\'s globals and picks the API or the static files', async () => {
    expect(readConfig({ SUITE: 'q', HELM_STREAM_API: null })).toEqual({ base: 'benchmark_output', suite: 'q', release: null, api: null });
    expect(readConfig({ RELEASE: 'v1', BENCHMARK_OUTPUT_BASE_URL: 'out', HELM_STREAM_API: 'api' }).api).toBe('api');
    const urls: string[] = [];
    const api = createData({ base: 'benchmark_output', suite: 'q', release: null, api: 'api' }, async (url: string) => { urls.push(url); return {}; });
    expect(api.mode).toBe('api');
    await api.instances({ run: 'a:b=c', offset: 20, limit: 20, split: '', q: 'x y' });
    expect(urls).toEqual(['api/instances?run=a%3Ab%3Dc&offset=20&limit=20&q=x+y']);
    expect(createData({ base: 'benchmark_output', suite: 'q', release: null, api: null }, async () => ({})).mode).toBe('static');
    expect(() => createData({ base: 'b', suite: null, release: null, api: null })).toThrow('SUITE or RELEASE');
    expect(queryString({ a: 'x', b: '', c: 0, d: null })).toBe('a=x&c=0');
  });
});
