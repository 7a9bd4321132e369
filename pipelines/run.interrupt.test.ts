/**
 * Ctrl-C during a run, then the same command again: the first run leaves no file that looks complete, the
 * second pays for no request the first one got answered, and the outputs equal an uninterrupted run's.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeProcess, whenReady } from './__fixtures__/when-ready.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'helm-interrupt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const RUN = 'mmlu:subject=big,method=multiple_choice_joint,model=simple_model1';
const N = 3000;

function outputRoot(name: string): string {
  const data = join(work, name, 'scenarios', 'mmlu', 'data');
  mkdirSync(join(data, 'dev'), { recursive: true });
  mkdirSync(join(data, 'test'), { recursive: true });
  const row = (i: number) => `"Question ${i}, with a comma?",alpha ${i % 3},beta ${i % 5},gamma ${i % 7},delta,${'ABCD'[i % 4]}\n`;
  writeFileSync(join(data, 'dev', 'big_dev.csv'), Array.from({ length: 5 }, (_, i) => row(i)).join(''));
  writeFileSync(join(data, 'test', 'big_test.csv'), Array.from({ length: N }, (_, i) => row(i)).join(''));
  return join(work, name);
}

const argsFor = (out: string) => [
  join(root, 'pipelines', 'run.js'), '-r', 'mmlu:subject=big,model=simple/model1', '-m', String(N), '-n', '1',
  '-o', out, '--local-path', join(out, 'prod_env'),
];
const helmRun = (out: string) => nodeProcess(argsFor(out), root);
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
type State = { instance: { id: string }; request: { prompt: string }; result: { cached: boolean; completions: { text: string }[] } };
const statesOf = (runDir: string) => (JSON.parse(readFileSync(join(runDir, 'scenario_state.json'), 'utf8')) as { request_states: State[] }).request_states;

describe('an interrupted run, resumed', () => {
  it('stops cleanly on Ctrl-C and resumes without paying twice', async () => {
    const out = outputRoot('resumed');
    const runDir = join(out, 'runs', 'default', RUN);
    const child = spawn(process.execPath, argsFor(out), { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ndjson = join(runDir, 'scenario_state.ndjson.tmp'); // the twin is renamed into place when the run is complete
    await whenReady(out, () => existsSync(ndjson) && lines(ndjson).length > 200, child);
    const written = lines(ndjson); // valid line by line while the run goes on
    written.forEach((line) => expect(() => JSON.parse(line)).not.toThrow());
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('Run the same command again to resume');
    expect(written.length).toBeLessThan(N);
    expect((existsSync(runDir) ? readdirSync(runDir) : []).filter((f) => f.endsWith('.json') || f.endsWith('.tmp') || f.endsWith('.ndjson'))).toEqual([]);

    const resumed = await helmRun(out);
    expect(resumed.status, resumed.stderr).toBe(0);
    const states = statesOf(runDir);
    const cached = states.filter((s) => s.result.cached).length;
    expect(states.length).toBe(N);
    expect(cached).toBeGreaterThanOrEqual(written.length);

    const fresh = outputRoot('fresh');
    const freshRun = await helmRun(fresh);
    expect(freshRun.status, freshRun.stderr).toBe(0);
    const freshStates = statesOf(join(fresh, 'runs', 'default', RUN));
    expect(freshStates.every((s) => !s.result.cached)).toBe(true);
    const essence = (s: State) => [s.instance.id, s.request.prompt, s.result.completions[0]?.text];
    expect(states.map(essence)).toEqual(freshStates.map(essence));
    expect(lines(join(runDir, 'per_instance_stats.ndjson')).length).toBe(N);
  }, 120_000);
});
